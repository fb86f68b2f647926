import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { locatorField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { googleOauthField, microsoftOauthField } from '../../shared/oauth';
import { booleanRouting, isBlank } from '../../shared/validation';
import { billingCycleOption, serviceProviderField } from './fields';
import { buildMailboxes, mailboxesFields } from './mailboxes';
import { setBody } from '../../shared/bodies';

const OPERATION = 'createMailboxOrder';

function showForTarget(target: 'subscription' | 'cancelledDomain') {
	return { show: { addTo: [target] } };
}

/** Puts the checked `mailboxes` map into the body. */
export async function buildMailboxOrderBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return setBody(requestOptions, { mailboxes: buildMailboxes(this) });
}

/**
 * Checks the final body: exactly one of `subscriptionId` (domain with an ACTIVE subscription)
 * and `domainId` (domain whose subscription was CANCELLED), and `autoRenew` with `domainId`.
 * `autoRenew` is also sent with `subscriptionId`, as the reference example does.
 */
export async function checkMailboxOrderTarget(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const body = (requestOptions.body ?? {}) as IDataObject;
	for (const key of ['subscriptionId', 'domainId']) {
		if (typeof body[key] === 'string') body[key] = (body[key] as string).trim();
		if (isBlank(body[key])) delete body[key];
	}
	if (body.subscriptionId !== undefined && body.domainId !== undefined) {
		throw invalidInput(
			node,
			itemIndex,
			'Subscription ID and Domain ID are both set',
			'Send only one: subscriptionId to add mailboxes to an active subscription, or domainId (with autoRenew) for a domain whose subscription was cancelled.',
		);
	}
	if (body.subscriptionId === undefined && body.domainId === undefined) {
		const target = this.getNodeParameter('addTo', 'subscription') as string;
		const label = target === 'cancelledDomain' ? 'Domain' : 'Subscription';
		throw invalidInput(
			node,
			itemIndex,
			`${label} is empty`,
			`Choose the ${label.toLowerCase()} to add the mailboxes to, or map its ID from an earlier node with an expression.`,
		);
	}
	if (body.domainId !== undefined && typeof body.autoRenew !== 'boolean') {
		throw invalidInput(
			node,
			itemIndex,
			'Auto Renew is required with Domain ID',
			'Set Auto Renew to true or false: a new subscription is created for the domain.',
		);
	}
	requestOptions.body = body;
	return requestOptions;
}

/** The fields of Create Mailbox Order, below the Confirm choice and the User (see index.ts). */
export const orderCreateMailboxOrderFields: INodeProperties[] = [
	{
		displayName: 'Add Mailboxes To',
		name: 'addTo',
		type: 'options',
		noDataExpression: true,
		default: 'subscription',
		description: 'Where the new mailboxes go',
		options: [
			{
				name: 'Domain With Cancelled Subscription',
				value: 'cancelledDomain',
				description:
					'A domain whose previous subscription was cancelled: a new subscription is created',
			},
			{
				name: 'Existing Subscription',
				value: 'subscription',
				description: 'A domain with an active subscription: the mailboxes are added to it',
			},
		],
	},
	{
		...locatorField({
			name: 'subscriptionId',
			displayName: 'Subscription',
			searchListMethod: 'getSubscriptions',
			placeholder: 'e.g. YC2H6C87PPKPG5WXVNQ682GAVFTM',
			description: 'The active subscription (domain) to add the mailboxes to',
			send: { type: 'body', property: 'subscriptionId' },
		}),
		displayOptions: showForTarget('subscription'),
	},
	{
		...locatorField({
			name: 'domainId',
			displayName: 'Domain',
			searchListMethod: 'getDomainIds',
			placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
			description: 'The domain whose subscription was cancelled; a new subscription is created',
			send: { type: 'body', property: 'domainId' },
		}),
		displayOptions: showForTarget('cancelledDomain'),
	},
	{
		displayName: 'Auto Renew',
		name: 'autoRenew',
		type: 'boolean',
		default: true,
		required: true,
		description:
			'Whether the subscription renews automatically (required when a new subscription is created for a cancelled domain)',
		routing: booleanRouting('autoRenew', 'Auto Renew', 'autoRenew'),
	},
	...mailboxesFields(OPERATION),
	serviceProviderField(
		"Provider of the subscription's mailboxes: decides which OAuth settings apply. Not sent: CMR takes the provider from the subscription.",
	),
	googleOauthField(true),
	{
		...microsoftOauthField(true),
		description:
			'OAuth route used to export the Microsoft mailboxes. Unverified: CMR documents microsoftOauthRoute for Create Domain and Mailbox Order, not for this endpoint; it is sent the same way here.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [billingCycleOption],
	},
];
