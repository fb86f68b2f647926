import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { isHostname, isHttpUrl, parseJson, localPartProblem } from '../../shared/validation';
import { ROWS_INPUT, mailboxRowsFields, readMailboxRows, rowsInputOption } from './rows';

const MAP_EXAMPLE =
	'{"alicesender.com":[{"username":"alice","firstName":"Alice","lastName":"Johnson"}]}';

/**
 * The `mailboxes` map both order operations send: domain NAME → list of mailboxes
 * (never keyed by domain id; no count field, every mailbox is listed).
 */
export type MailboxesMap = Record<string, IDataObject[]>;

/** Letters, digits, `.`, `_`, `-`; no leading, trailing or doubled dot. */
/** One mailbox row, in the order a person fills it in: the address first, then the name. */
const MAILBOX_VALUES: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. alice',
		description: 'Part of the address before the @',
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. alicesender.com',
		description: 'Domain name of the mailbox (not the domain ID)',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Alice',
		description: "The mailbox owner's first name, shown as the sender name",
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Johnson',
		description: "The mailbox owner's last name, shown as the sender name",
	},
	{
		displayName: 'Profile Picture URL',
		name: 'profilePicture',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://cdn.example.com/alice.jpg',
		description: 'Optional http(s) URL of the profile picture',
	},
	{
		displayName: 'On Warmup',
		name: 'onWarmup',
		type: 'boolean',
		default: false,
		description: 'Whether to enrol the mailbox in warmup at order time (billed with the mailbox)',
	},
];

/** "Mailboxes Input" mode, the list and the JSON map, for one order operation. */
export function mailboxesFields(operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Mailboxes Input',
			name: 'mailboxesInput',
			type: 'options',
			noDataExpression: true,
			default: 'list',
			description: 'How to enter the mailboxes to order',
			options: [
				{
					name: 'List',
					value: 'list',
					description: 'Add each mailbox with its domain, username and name',
				},
				{
					name: 'JSON',
					value: 'json',
					description:
						'A map of domain name to mailboxes, or a list of {domain, username, firstName, lastName} from an expression',
				},
				rowsInputOption,
			],
		},
		{
			displayName: 'Mailboxes',
			name: 'mailboxes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Mailbox',
			default: {},
			required: true,
			description: 'Each mailbox to create; list every mailbox (there is no count field)',
			displayOptions: {
				show: { mailboxesInput: ['list'] },
			},
			options: [
				{
					displayName: 'Mailbox',
					name: 'mailbox',
					values: MAILBOX_VALUES,
				},
			],
		},
		{
			displayName: 'Mailboxes (JSON)',
			name: 'mailboxesJson',
			type: 'json',
			default: '{}',
			required: true,
			description: `Map of domain name to mailboxes, e.g. ${MAP_EXAMPLE}. An expression may also return a list of {domain, username, firstName, lastName, profilePicture?, onWarmup?}.`,
			displayOptions: {
				show: { mailboxesInput: ['json'] },
			},
		},
		...mailboxRowsFields(operation),
	];
}

interface MailboxEntry {
	domain: string;
	username: string;
	firstName: string;
	lastName: string;
	profilePicture: string;
	onWarmup?: boolean;
	onWarmupRaw?: unknown;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function entryOf(record: unknown, domain?: string): MailboxEntry {
	const source = (record && typeof record === 'object' ? record : {}) as IDataObject;
	return {
		domain: text(domain ?? source.domain).toLowerCase(),
		username: text(source.username),
		firstName: text(source.firstName),
		lastName: text(source.lastName),
		profilePicture: text(source.profilePicture),
		onWarmupRaw: source.onWarmup,
	};
}

/** The mailboxes as a flat list, from the list or the JSON parameter. */
function readEntries(context: IExecuteSingleFunctions): MailboxEntry[] {
	const fail = (what: string): NodeOperationError =>
		invalidInput(
			context.getNode(),
			context.getItemIndex(),
			what,
			`Enter a JSON object that maps each domain name to a list of mailboxes, e.g. ${MAP_EXAMPLE}, or a list of {domain, username, firstName, lastName} objects.`,
		);
	const input = context.getNodeParameter('mailboxesInput', 'list');
	if (input === ROWS_INPUT) return readMailboxRows(context).map((row) => entryOf(row));
	if (input !== 'json') {
		const rows = context.getNodeParameter('mailboxes.mailbox', []) as IDataObject[];
		return rows.map((row) => entryOf(row));
	}
	const parsed = parseJson(
		context,
		context.getNodeParameter('mailboxesJson', '{}'),
		'Mailboxes (JSON)',
	);
	if (Array.isArray(parsed)) return parsed.map((row) => entryOf(row));
	if (!parsed || typeof parsed !== 'object') {
		throw fail('Mailboxes (JSON) is not an object or a list');
	}
	const entries: MailboxEntry[] = [];
	for (const [domain, list] of Object.entries(parsed as IDataObject)) {
		if (!Array.isArray(list)) {
			throw fail(`Mailboxes (JSON) for ${domain} is not a list`);
		}
		entries.push(...list.map((row) => entryOf(row, domain)));
	}
	return entries;
}

function labelOf(index: number, entry: MailboxEntry, noun: string): string {
	const address =
		entry.username && entry.domain ? `${entry.username}@${entry.domain}` : entry.username;
	return `${noun} ${index + 1}${address ? ` (${address})` : ''}`;
}

/**
 * Reads, checks and builds the `mailboxes` map. Every rule fails the item before anything
 * is sent, naming the mailbox (e.g. `Mailbox 2 (bob@acme.com) has no First Name [item 0]`).
 */
export function buildMailboxes(
	context: IExecuteSingleFunctions,
	orderedDomains?: string[],
): MailboxesMap {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const entries = readEntries(context);
	const noun = context.getNodeParameter('mailboxesInput', 'list') === ROWS_INPUT ? 'Row' : 'Mailbox';
	if (!entries.length) {
		throw invalidInput(
			node,
			itemIndex,
			'No mailboxes to order',
			'Add at least one mailbox under "Mailboxes", or map a non-empty list in "Mailboxes (JSON)".',
		);
	}
	const seen = new Set<string>();
	const map: MailboxesMap = {};
	entries.forEach((entry, index) => {
		const label = labelOf(index, entry, noun);
		const fail = (what: string, fix: string) =>
			invalidInput(node, itemIndex, `${label} ${what}`, fix);
		if (!entry.domain)
			throw fail('has no Domain', 'Enter the domain name of the mailbox, e.g. acme.com.');
		if (!isHostname(entry.domain)) {
			throw fail(
				`has an invalid Domain "${entry.domain}"`,
				'Enter a bare domain name such as acme.com: no "https://", "@", path or spaces.',
			);
		}
		if (orderedDomains && !orderedDomains.includes(entry.domain)) {
			throw fail(
				`is for ${entry.domain}, which is not one of the ordered Domains`,
				`Add ${entry.domain} under "Domains", or correct the mailbox's domain (ordered: ${orderedDomains.join(', ')}).`,
			);
		}
		if (!entry.username)
			throw fail('has no Username', 'Enter the part of the address before the @.');
		const problem = localPartProblem(entry.username);
		if (problem) {
			throw fail(
				`has an invalid Username: it ${problem}`,
				'Enter a valid email local part, e.g. alice or alice.j.',
			);
		}
		if (!entry.firstName)
			throw fail('has no First Name', 'Enter the first name shown on the mailbox.');
		if (!entry.lastName)
			throw fail('has no Last Name', 'Enter the last name shown on the mailbox.');
		if (entry.profilePicture && !isHttpUrl(entry.profilePicture)) {
			throw fail(
				'has a Profile Picture that is not an http(s) URL',
				'Enter a full URL such as https://cdn.example.com/alice.jpg, or leave it empty.',
			);
		}
		let onWarmup: boolean | undefined;
		const raw = entry.onWarmupRaw;
		if (raw === true || raw === 'true') onWarmup = true;
		else if (raw === false || raw === 'false' || raw === undefined || raw === null || raw === '')
			onWarmup = false;
		else
			throw fail(
				'has an On Warmup value that is not true or false',
				'Set onWarmup to true or false, or leave it out.',
			);
		const key = `${entry.username.toLowerCase()}@${entry.domain}`;
		if (seen.has(key)) {
			throw fail(
				'is listed twice',
				'Remove the duplicate: each username may appear once per domain.',
			);
		}
		seen.add(key);
		const mailbox: IDataObject = {
			username: entry.username,
			firstName: entry.firstName,
			lastName: entry.lastName,
		};
		if (entry.profilePicture) mailbox.profilePicture = entry.profilePicture;
		if (onWarmup) mailbox.onWarmup = true;
		(map[entry.domain] ??= []).push(mailbox);
	});
	return map;
}
