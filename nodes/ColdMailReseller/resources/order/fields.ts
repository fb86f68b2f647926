import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { sendChecked, sendOneOf } from '../../shared/validation';

const CONFIRM_CHOICES: INodePropertyOptions[] = [
	{
		name: 'Process Now (Charges the Wallet)',
		value: true,
		description: 'Create the order and queue it at once; the wallet must cover the cost',
	},
	{
		name: 'Create Only (Process Later)',
		value: false,
		description: 'Create the order without charging; place it later with Order → Process',
	},
];

/**
 * `confirm`: charge the wallet now or create the order for Order → Process later. An explicit
 * choice: new nodes (version 1.1+) start with none; version 1 nodes keep their saved boolean,
 * and the old default (true) shows as "Process now".
 */
export function confirmFields(): INodeProperties[] {
	const field: INodeProperties = {
		displayName: 'Confirm',
		name: 'confirm',
		type: 'options',
		options: CONFIRM_CHOICES,
		required: true,
		default: '',
		description: 'Whether to charge the wallet and place the order now, or only create it',
		routing: { send: { type: 'body', property: 'confirm' } },
	};
	return [
		{ ...field, default: true, displayOptions: { show: { '@version': [1] } } },
		{
			...field,
			displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		},
	];
}

/**
 * Service Provider of an order: decides which OAuth group shows and is required. The order
 * operations check it (and send it where CMR documents it) in checkProviderOauth.
 */
export function serviceProviderField(description: string): INodeProperties {
	return {
		displayName: 'Service Provider',
		name: 'serviceProvider',
		type: 'options',
		default: 'GOOGLE',
		description,
		options: [
			{ name: 'Google', value: 'GOOGLE' },
			{ name: 'Microsoft', value: 'MICROSOFT' },
		],
	};
}

/** CMR accepts only MONTHLY. */
export const billingCycleOption: INodeProperties = {
	displayName: 'Billing Cycle',
	name: 'billingCycle',
	type: 'options',
	default: 'MONTHLY',
	description: 'Billing cycle of the mailbox subscription (CMR accepts only Monthly)',
	options: [{ name: 'Monthly', value: 'MONTHLY' }] as INodePropertyOptions[],
	routing: {
		send: {
			preSend: [
				sendOneOf('additionalFields.billingCycle', 'Billing Cycle', ['MONTHLY'], {
					type: 'body',
					property: 'billingCycle',
				}),
			],
		},
	},
};

/** The order id, in the query (Get, Get Status) or the body (Process). */
export function orderIdField(type: 'query' | 'body'): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. NQ682GAVFTMYC2H6C87PPKPG5WXV',
		description: 'The orderId returned when the order was created',
		routing: {
			send: { preSend: [sendChecked('id', 'orderId', 'Order ID', { type, property: 'orderId' })] },
		},
	};
}
