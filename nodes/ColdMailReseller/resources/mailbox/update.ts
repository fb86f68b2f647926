import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import {
	checkValue,
	checkedParameter,
	isHttpUrl,
	parseJson,
	localPartProblem,
} from '../../shared/validation';
import { mailboxLocator } from '../../shared/fields';
import { setBody } from '../../shared/bodies';

const TEXT_FIELDS: Array<[name: string, label: string]> = [
	['userName', 'Username'],
	['firstName', 'First Name'],
	['lastName', 'Last Name'],
	['profilePicture', 'Profile Picture URL'],
];

/**
 * The checked changes of one mailbox. `blankMeansUnchanged`: a bulk row leaves empty fields
 * alone, while a field added to the single form must have a value.
 */
function mailboxChanges(
	context: IExecuteSingleFunctions,
	fields: IDataObject,
	label: string,
	blankMeansUnchanged: boolean,
): IDataObject {
	const fail = (what: string, fix: string) =>
		invalidInput(context.getNode(), context.getItemIndex(), `${label}${what}`, fix);
	const changes: IDataObject = {};
	for (const [name, fieldLabel] of TEXT_FIELDS) {
		if (fields[name] === undefined) continue;
		const value = String(fields[name] ?? '').trim();
		if (!value && blankMeansUnchanged) continue;
		if (!value) {
			throw fail(
				`${fieldLabel} is empty`,
				`Enter a value for "${fieldLabel}", or remove it from "Update Fields".`,
			);
		}
		changes[name] = value;
	}
	if (fields.removeProfilePicture === true) changes.removeProfilePicture = true;
	if (!Object.keys(changes).length) {
		throw fail(
			blankMeansUnchanged ? 'no fields to update' : 'No fields to update',
			'Give at least one of Username, First Name, Last Name, Profile Picture URL, or turn on Remove Profile Picture.',
		);
	}
	const problem = changes.userName ? localPartProblem(changes.userName as string) : undefined;
	if (problem) {
		throw fail(
			`Username "${String(changes.userName)}" is invalid: it ${problem}`,
			'Enter a valid email local part, e.g. alice or alice.doe.',
		);
	}
	if (changes.profilePicture && !isHttpUrl(changes.profilePicture as string)) {
		throw fail(
			'Profile Picture URL is not an http(s) URL',
			'Enter a full URL such as https://cdn.example.com/alice.jpg.',
		);
	}
	if (changes.profilePicture && changes.removeProfilePicture) {
		throw fail(
			'Profile Picture URL and Remove Profile Picture are both set',
			'Either set a new picture or remove the current one, not both.',
		);
	}
	return changes;
}

/** The rows of the bulk form, or of the JSON list. */
function bulkRows(context: IExecuteSingleFunctions, mode: string): IDataObject[] {
	if (mode !== 'bulkJson') {
		return context.getNodeParameter('mailboxUpdates.mailbox', []) as IDataObject[];
	}
	const parsed = parseJson(
		context,
		context.getNodeParameter('mailboxDataJson', '[]'),
		'Mailbox Data (JSON)',
	);
	if (!Array.isArray(parsed) || parsed.some((row) => !row || typeof row !== 'object')) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			'Mailbox Data (JSON) is not a list of mailboxes',
			'Give a JSON array such as [{"mailboxId": "GP6M2J2DHXM3F2J40S8AP316R2QR", "firstName": "Alice"}].',
		);
	}
	return parsed as IDataObject[];
}

/**
 * Builds `{mailboxData: {mailboxId, userName?, firstName?, lastName?, profilePicture?,
 * removeProfilePicture?}}`, or in the bulk modes `{mailboxData: [...]}` (CMR updates each
 * entry independently).
 */
export async function buildMailboxUpdateBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const mode = this.getNodeParameter('updateMode', 'single') as string;
	if (mode === 'single') {
		const mailboxId = checkedParameter(this, 'id', 'mailboxId', 'Mailbox');
		const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
		const changes = mailboxChanges(this, fields, '', false);
		return setBody(requestOptions, { mailboxData: { mailboxId, ...changes } });
	}
	const rows = bulkRows(this, mode);
	if (!rows.length) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'No mailboxes to update',
			'Add at least one mailbox, or map a non-empty list.',
		);
	}
	const mailboxData = rows.map((row, index) => {
		const mailboxId = checkValue(this, 'id', row.mailboxId, 'Mailbox ID', `Mailbox ${index + 1}: `);
		const changes = mailboxChanges(this, row, `Mailbox ${index + 1} (${mailboxId}): `, true);
		return { mailboxId, ...changes };
	});
	return setBody(requestOptions, { mailboxData });
}

const showForMode = (mode: string) => ({
	show: { updateMode: [mode] },
});

/** Bulk row: the mailbox, then what changes, in the single form's order. */
const BULK_ROW_VALUES: INodeProperties[] = [
	{
		displayName: 'Mailbox ID',
		name: 'mailboxId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
		description: 'ID of the mailbox to change (from Mailbox → Get Many)',
	},
	...TEXT_FIELDS.map(
		([name, displayName]): INodeProperties => ({
			displayName,
			name,
			type: 'string',
			default: '',
			description: `New ${displayName}; leave empty to keep the current one`,
		}),
	),
	{
		displayName: 'Remove Profile Picture',
		name: 'removeProfilePicture',
		type: 'boolean',
		default: false,
		description: 'Whether to clear the current profile picture',
	},
];

/** The fields of Update, read by buildMailboxUpdateBody. */
export const mailboxUpdateFields: INodeProperties[] = [
	{
		displayName: 'Update',
		name: 'updateMode',
		type: 'options',
		noDataExpression: true,
		default: 'single',
		description: 'One mailbox, or several in one request (CMR updates each independently)',
		options: [
			{ name: 'One Mailbox', value: 'single' },
			{
				name: 'Several Mailboxes',
				value: 'bulk',
				description: 'A row per mailbox, sent as a mailboxData list',
			},
			{
				name: 'Several Mailboxes (JSON)',
				value: 'bulkJson',
				description: 'A list of {mailboxId, userName?, firstName?, ...}, e.g. from an expression',
			},
		],
	},
	{ ...mailboxLocator(), displayOptions: showForMode('single') },
	{
		displayName: 'Mailboxes',
		name: 'mailboxUpdates',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Mailbox',
		default: {},
		required: true,
		description: 'Each mailbox to change; empty fields keep their current value',
		displayOptions: showForMode('bulk'),
		options: [{ displayName: 'Mailbox', name: 'mailbox', values: BULK_ROW_VALUES }],
	},
	{
		displayName: 'Mailbox Data (JSON)',
		name: 'mailboxDataJson',
		type: 'json',
		default: '[]',
		required: true,
		description:
			'List of changes, e.g. [{"mailboxId": "GP6M2J2DHXM3F2J40S8AP316R2QR", "firstName": "Alice"}], with userName, firstName, lastName, profilePicture or removeProfilePicture',
		displayOptions: showForMode('bulkJson'),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showForMode('single'),
		options: [
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Alice',
				description: "The mailbox owner's first name, shown as the sender name",
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Doe',
				description: "The mailbox owner's last name, shown as the sender name",
			},
			{
				displayName: 'Profile Picture URL',
				name: 'profilePicture',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://cdn.example.com/alice.jpg',
				description: 'New profile picture, as an http(s) URL',
			},
			{
				displayName: 'Remove Profile Picture',
				name: 'removeProfilePicture',
				type: 'boolean',
				default: true,
				description: 'Whether to clear the current profile picture',
			},
			{
				displayName: 'Username',
				name: 'userName',
				type: 'string',
				default: '',
				placeholder: 'e.g. alice.doe',
				description: 'New part of the address before the @',
			},
		],
	},
];
