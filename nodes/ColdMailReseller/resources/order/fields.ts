import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';

/** `confirm`: queue the order now (charges the wallet) or keep it for Order → Process. */
export function confirmField(operation: string): INodeProperties {
	return {
		displayName: 'Confirm',
		name: 'confirm',
		type: 'boolean',
		default: true,
		description:
			'Whether to queue the order for processing now (charges the wallet); off creates it for Order → Process later',
		displayOptions: showFor('order', operation),
		routing: { send: { type: 'body', property: 'confirm' } },
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
	routing: { send: { type: 'body', property: 'billingCycle' } },
};

/** The order id, in the query (Get, Get Status) or the body (Process). */
export function orderIdField(operation: string, type: 'query' | 'body'): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. NQ682GAVFTMYC2H6C87PPKPG5WXV',
		description: 'The orderId returned when the order was created',
		displayOptions: showFor('order', operation),
		routing: { send: { type, property: 'orderId', value: '={{String($value).trim()}}' } },
	};
}
