import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { googleOauthField, microsoftOauthField } from '../../shared/oauth';
import {
	booleanRouting,
	checkValue,
	checkWholeNumber,
	isBlank,
	isHostname,
} from '../../shared/validation';
import { billingCycleOption, serviceProviderField } from './fields';
import { buildMailboxes, mailboxesFields } from './mailboxes';
import { isRowsInput, rowsYearsOf } from './rows';
import { setBody } from '../../shared/bodies';

/** Builds `domains: [{domain, years, forwardTo?}]` and the `mailboxes` map, checking both. */
export async function buildDomainOrderBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (isRowsInput(this)) {
		const years = rowsYearsOf(this);
		const mailboxes = buildMailboxes(this);
		const domains = Object.keys(mailboxes).map((domain) => ({ domain, years }));
		return setBody(requestOptions, { domains, mailboxes });
	}
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const rows = this.getNodeParameter('domains.domain', []) as IDataObject[];
	if (!rows.length) {
		throw invalidInput(
			node,
			itemIndex,
			'No domains to order',
			'Add at least one domain under "Domains" (use Create Mailbox Order for domains you already own).',
		);
	}
	const domains: IDataObject[] = [];
	rows.forEach((row, index) => {
		const domain = String(row.domain ?? '')
			.trim()
			.toLowerCase();
		const label = `Domain ${index + 1}${domain ? ` (${domain})` : ''}`;
		const fail = (what: string, fix: string) =>
			invalidInput(node, itemIndex, `${label} ${what}`, fix);
		if (!domain)
			throw fail('has no Domain name', 'Enter the domain name to register, e.g. acme.com.');
		if (!isHostname(domain)) {
			throw fail(
				'is not a valid domain name',
				'Enter a bare domain name such as acme.com: no "https://", "www." path or spaces.',
			);
		}
		if (domains.some((entry) => entry.domain === domain)) {
			throw fail('is listed twice', 'Remove the duplicate domain.');
		}
		const years = checkWholeNumber(this, row.years ?? 1, 'Years', 1, 10, `${label}: `);
		const forwardTo = isBlank(row.forwardTo)
			? ''
			: checkValue(this, 'webAddress', row.forwardTo, 'Forward To', `${label}: `);
		domains.push({ domain, years, ...(forwardTo ? { forwardTo } : {}) });
	});
	const mailboxes = buildMailboxes(
		this,
		domains.map((entry) => entry.domain as string),
	);
	return setBody(requestOptions, { domains, mailboxes });
}

/** The fields of Create Domain and Mailbox Order, below the Confirm choice and the User (see index.ts). */
export const orderCreateFields: INodeProperties[] = [
	{
		displayName: 'Domains',
		name: 'domains',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Domain',
		default: {},
		required: true,
		description: 'Domains to register; run Domain → Check Availability first',
		displayOptions: { hide: { mailboxesInput: ['rows'] } },
		options: [
			{
				displayName: 'Domain',
				name: 'domain',
				values: [
					{
						displayName: 'Domain',
						name: 'domain',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. alicesender.com',
						description: 'Domain name to register, without http:// or www',
					},
					{
						displayName: 'Forward To',
						name: 'forwardTo',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://alice.com',
						description: 'Optional URL the domain forwards visitors to',
					},
					{
						displayName: 'Years',
						name: 'years',
						type: 'number',
						default: 1,
						required: true,
						typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
						description: 'Registration period, a whole number of years from 1 to 10',
					},
				],
			},
		],
	},
	...mailboxesFields('create'),
	serviceProviderField('Workspace provider of the mailboxes'),
	googleOauthField(true),
	microsoftOauthField(true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Auto Renew',
				name: 'autoRenew',
				type: 'boolean',
				default: true,
				description: 'Whether the mailbox subscription renews automatically',
				routing: booleanRouting('additionalFields.autoRenew', 'Auto Renew', 'autoRenew'),
			},
			billingCycleOption,
		],
	},
];
