import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import {
	locatorField,
	returnAllAndLimit,
	simplifyField,
	filtersField,
} from '../../shared/descriptions';
import { defineResource } from '../../shared/resource';
import {
	type ValueKind,
	booleanRouting,
	requireValues,
	sendChecked,
	sendList,
	sendOneOf,
} from '../../shared/validation';

/**
 * For operations with an "Identify By" choice: runs `sendList` (or a required check) for the
 * parameter the user picked. `fields` maps each Identify By value to its field label and
 * the kind of value each entry must be.
 */
function sendListIdentifiedBy(
	fields: Record<string, [label: string, kind: ValueKind]>,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const by = this.getNodeParameter('identifyBy', '') as string;
		const [label, kind] = fields[by] ?? [];
		if (!label) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				`Identify By "${by}" is not supported`,
				`Choose one of: ${Object.values(fields)
					.map(([name]) => name)
					.join(', ')}.`,
			);
		}
		return await sendList(by, by, label, kind).call(this, requestOptions);
	};
}

const SUBSCRIPTION_SIMPLE_FIELDS = [
	'subscriptionId',
	'subscriptionStatus',
	'domain',
	'serviceProvider',
	'totalMailboxQuantity',
	'billingCycle',
	'periodStart',
	'periodEnd',
	'autoRenew',
	'userId',
];

const SUBSCRIPTION_STATUSES = ['ACTIVE', 'CANCELLED', 'EXPIRED', 'PAST_DUE', 'RENEWING'];

const SUBSCRIPTION_IDS_PLACEHOLDER =
	'e.g. 6ZHR985PGP456XG8HCYHF919YVS6, 0BRBX9FGE4M77TGG14C3JYN4PMJT';

function subscriptionIdsField(extraShow: Record<string, string[]> = {}): INodeProperties {
	return {
		displayName: 'Subscription IDs',
		name: 'subscriptionIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: SUBSCRIPTION_IDS_PLACEHOLDER,
		description:
			'Subscription IDs separated by commas, or an array from an expression (see Subscription → Get Many)',
		displayOptions: { show: extraShow },
	};
}

/** Cancel takes either `subscriptionId` or `domain`, as chosen in Identify By. */
async function requireCancelTarget(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const byDomain = this.getNodeParameter('identifyBy', 'subscriptionId') === 'domain';
	return await requireValues(
		byDomain ? { domain: 'Domain' } : { subscriptionId: 'Subscription' },
	).call(this, requestOptions);
}

export const subscriptionDescription = defineResource(
	'subscription',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel subscription',
				description: 'Cancel a subscription and delete its workspace immediately (permanent)',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many subscriptions',
				description: 'List the mailbox subscriptions of your partner account',
			},
			{
				name: 'Recreate (1+ Year)',
				value: 'recreate',
				action: 'Recreate subscription at standard pricing',
				description:
					'Replace 1+ year subscriptions with new ones at standard pricing (new subscription IDs)',
			},
			{
				name: 'Renew',
				value: 'renew',
				action: 'Renew subscriptions',
				description: 'Renew subscriptions now, charged to the partner wallet',
			},
			{
				name: 'Set Auto-Renew',
				value: 'setAutoRenew',
				action: 'Set auto renewal for subscriptions',
				description:
					'Turn automatic renewal on or off; turning it off lets the current period run out',
			},
		],
		default: 'getAll',
	},
	{
		cancel: {
			preSend: [requireCancelTarget],
			permanent:
				'Cancelling deletes the workspace and its mailboxes immediately and cannot be undone. To only stop future renewals, use Subscription → Set Auto-Renew instead. CMR asks for cancellation at least 24 h before expiry.',
			fields: [
				{
					displayName: 'Identify By',
					name: 'identifyBy',
					type: 'options',
					noDataExpression: true,
					options: [
						{ name: 'Subscription ID', value: 'subscriptionId' },
						{ name: 'Domain', value: 'domain' },
					],
					default: 'subscriptionId',
					description: 'How to identify the subscription to cancel',
				},
				{
					...locatorField({
						name: 'subscriptionId',
						displayName: 'Subscription',
						searchListMethod: 'getSubscriptions',
						placeholder: 'e.g. 1BNTZJG2Q041JWGS3NY9E1BZ9APA',
						description: 'The subscription to cancel',
						send: { type: 'body', property: 'subscriptionId' },
					}),
					displayOptions: {
						show: { identifyBy: ['subscriptionId'] },
					},
				},
				{
					displayName: 'Domain',
					name: 'domain',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. clientapp.co',
					description: 'The domain whose subscription is cancelled',
					displayOptions: {
						show: { identifyBy: ['domain'] },
					},
					routing: {
						send: {
							preSend: [
								sendChecked('domain', 'domain', 'Domain', { type: 'body', property: 'domain' }),
							],
						},
					},
				},
			],
		},
		getAll: {
			list: 'paginated',
			fields: [
				...returnAllAndLimit(),
				filtersField([
					{
						displayName: 'Domain',
						name: 'domain',
						type: 'string',
						default: '',
						placeholder: 'e.g. bestpremium.org',
						description: 'Return only the subscription of this domain',
						routing: {
							send: {
								preSend: [
									sendChecked(
										'domain',
										'filters.domain',
										'Domain',
										{ type: 'query', property: 'domain' },
										true,
									),
								],
							},
						},
					},
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: [
							{ name: 'Active', value: 'ACTIVE' },
							{ name: 'Cancelled', value: 'CANCELLED' },
							{ name: 'Expired', value: 'EXPIRED' },
							{ name: 'Past Due', value: 'PAST_DUE' },
							{ name: 'Renewing', value: 'RENEWING' },
						],
						default: 'ACTIVE',
						description: 'Return only subscriptions in this status',
						routing: {
							send: {
								preSend: [
									sendOneOf('filters.status', 'Status', SUBSCRIPTION_STATUSES, {
										type: 'query',
										property: 'status',
									}),
								],
							},
						},
					},
					{
						displayName: 'Subscription ID',
						name: 'componentSubscriptionId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1BNTZJG2Q041JWGS3NY9E1BZ9APA',
						description: 'Return only the subscription with this ID',
						routing: {
							send: {
								preSend: [
									sendChecked(
										'id',
										'filters.componentSubscriptionId',
										'Subscription ID',
										{ type: 'query', property: 'componentSubscriptionId' },
										true,
									),
								],
							},
						},
					},
				]),
				simplifyField(SUBSCRIPTION_SIMPLE_FIELDS),
			],
		},
		recreate: {
			preSend: [
				sendListIdentifiedBy({
					subscriptionIds: ['Subscription IDs', 'id'],
					domainNames: ['Domain Names', 'domain'],
				}),
			],
			fields: [
				{
					displayName:
						'Recreation cancels each subscription and provisions a new one at standard pricing, with a new subscription ID. CMR sources disagree on whether mailbox contents survive: export anything you need first.',
					name: 'recreateNotice',
					type: 'notice',
					default: '',
				},
				{
					displayName: 'Identify By',
					name: 'identifyBy',
					type: 'options',
					noDataExpression: true,
					options: [
						{ name: 'Subscription IDs', value: 'subscriptionIds' },
						{ name: 'Domain Names', value: 'domainNames' },
					],
					default: 'subscriptionIds',
					description: 'How to identify the subscriptions to recreate',
				},
				subscriptionIdsField({ identifyBy: ['subscriptionIds'] }),
				{
					displayName: 'Domain Names',
					name: 'domainNames',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. acme.com, acme-mail.com',
					description: 'Domains separated by commas, or an array from an expression',
					displayOptions: {
						show: { identifyBy: ['domainNames'] },
					},
				},
			],
		},
		renew: {
			preSend: [sendList('subscriptionIds', 'subscriptionIds', 'Subscription IDs')],
			fields: [subscriptionIdsField()],
		},
		setAutoRenew: {
			preSend: [sendList('subscriptionIds', 'subscriptionIds', 'Subscription IDs')],
			fields: [
				subscriptionIdsField(),
				{
					displayName: 'Auto-Renew',
					name: 'autoRenew',
					type: 'boolean',
					default: true,
					description:
						'Whether the subscriptions renew automatically at the end of each period. Turning it off lets the current period run out; nothing is cancelled now.',
					routing: booleanRouting('autoRenew', 'Auto-Renew', 'autoRenew'),
				},
			],
		},
	},
);
