import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { locatorField, simplifyField } from '../../shared/descriptions';

/** Fields kept by Simplify on mailbox outputs (`mailboxId`, or `id` when CMR names it so). */
const SIMPLE_FIELDS = [
	'email',
	'mailboxId',
	'status',
	'domain',
	'firstName',
	'lastName',
	'userId',
	'serviceProvider',
	'warmupStatus',
	'createdAt',
];

/** Simplify for mailboxes: ten fields, with `id` standing in for a missing `mailboxId`. */
export async function simplifyMailboxes(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simple', true) as boolean)) return items;
	return items.map((item) => {
		const picked: IDataObject = {};
		for (const field of SIMPLE_FIELDS) {
			const source = field === 'mailboxId' && item.json.mailboxId === undefined ? 'id' : field;
			if (item.json[source] !== undefined) picked[source] = item.json[source];
		}
		return Object.keys(picked).length ? { ...item, json: picked } : item;
	});
}

export function mailboxSimplifyField(operation: string): INodeProperties {
	return {
		...simplifyField('mailbox', operation, SIMPLE_FIELDS),
		routing: { output: { postReceive: [simplifyMailboxes] } },
	};
}

/** The Mailbox locator (From List / By ID), sent as `mailboxId` where `send` says. */
export function mailboxLocator(
	resource: string,
	operation: string | string[],
	send?: { type: 'query' | 'body'; property: string },
): INodeProperties {
	return locatorField(resource, operation, {
		name: 'mailboxId',
		displayName: 'Mailbox',
		searchListMethod: 'getMailboxes',
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
		description: 'The mailbox, chosen from the list or given by its CMR ID',
		send,
	});
}
