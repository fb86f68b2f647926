import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { googleOauthField, microsoftOauthField, sendOauthSettings } from '../../shared/oauth';
import { checkProviderOauth } from '../../shared/orderValidation';
import { booleanRouting, checkValue, isBlank } from '../../shared/validation';
import { setBody } from '../../shared/bodies';

/**
 * The fields of a pre-warmup order: `{order: [{domain, forwardTo?}], serviceProvider,
 * google? | microsoftOauthRoute?, autoRenew?}` with `userId` in the query. Shared by
 * Pre-Warmup → Order and Sandbox → Order Pre-Warmup (the User comes from defineResource).
 */
export function preWarmupOrderFields(): INodeProperties[] {
	return [
		{
			displayName: 'Domains',
			name: 'orderDomains',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Domain',
			default: {},
			required: true,
			description:
				'Pre-warmed domains to buy, from Pre-Warmup → Get Many. Each domain succeeds or fails on its own.',
			options: [
				{
					displayName: 'Domain',
					name: 'domain',
					values: [
						{
							displayName: 'Domain',
							name: 'domain',
							type: 'string',
							required: true,
							default: '',
							placeholder: 'e.g. prewarm-acmecorp.com',
							description: 'Name of a pre-warmed domain listed by Pre-Warmup → Get Many',
						},
						{
							displayName: 'Forward To',
							name: 'forwardTo',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://acmecorp.com',
							description: 'Optional URL the domain forwards visitors to',
						},
					],
				},
			],
		},
		{
			displayName: 'Service Provider',
			name: 'serviceProvider',
			type: 'options',
			required: true,
			options: [
				{ name: 'Google', value: 'GOOGLE' },
				{ name: 'Microsoft', value: 'MICROSOFT' },
			],
			default: 'GOOGLE',
			description:
				'Mail provider of the domains. Google needs the Google OAuth group; Microsoft needs the Microsoft OAuth group.',
		},
		{
			...googleOauthField(true),
			description:
				'Required when Service Provider is Google: the OAuth app used to export the mailboxes',
		},
		{
			...microsoftOauthField(true),
			description:
				'Required when Service Provider is Microsoft: the OAuth route used to export the mailboxes',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Auto-Renew',
					name: 'autoRenew',
					type: 'boolean',
					default: true,
					description: 'Whether the domains and mailboxes renew automatically',
					routing: booleanRouting('additionalFields.autoRenew', 'Auto-Renew', 'autoRenew'),
				},
			],
		},
	];
}

/** Builds `order: [{domain, forwardTo?}]` from the Domains rows: a valid domain in every row. */
async function sendOrderDomains(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const rows = this.getNodeParameter('orderDomains.domain', []) as IDataObject[];
	const order = (Array.isArray(rows) ? rows : [rows]).map((row, index) => {
		if (isBlank(row.domain)) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				`Domain ${index + 1} is empty`,
				'Enter a domain in every row of "Domains", or remove the empty row.',
			);
		}
		const domain = checkValue(this, 'domain', row.domain, 'Domain', `Domain ${index + 1}: `);
		const forwardTo = isBlank(row.forwardTo)
			? ''
			: checkValue(this, 'webAddress', row.forwardTo, 'Forward To', `Domain ${index + 1}: `);
		return forwardTo ? { domain, forwardTo } : { domain };
	});
	if (!order.length) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'Domains is empty',
			'Add at least one domain under "Domains" (see Pre-Warmup → Get Many for what is available).',
		);
	}
	return setBody(requestOptions, { order });
}

/** Checks and body building for a pre-warmup order, in order. */
export const preWarmupOrderPreSend: PreSendAction[] = [
	sendOrderDomains,
	sendOauthSettings('topLevel'),
	checkProviderOauth(true),
];
