import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { locatorField, simplifyField, showFor } from '../../shared/descriptions';

/** Fields kept by Simplify on mailbox outputs (`mailboxId`, or `id` when CMR names it so). */
const SIMPLE_FIELDS = [
	'email',
	'mailboxId|id',
	'status',
	'domain',
	'firstName',
	'lastName',
	'userId',
	'serviceProvider',
	'warmupStatus',
	'createdAt',
];

export function mailboxSimplifyField(operation: string): INodeProperties {
	return updateDisplayOptions(showFor('mailbox', operation), [simplifyField(SIMPLE_FIELDS)])[0];
}

/** The Mailbox locator (From List / By ID), sent as `mailboxId` where `send` says. */
export function mailboxLocator(
	resource: string,
	operation: string | string[],
	send?: { type: 'query' | 'body'; property: string },
): INodeProperties {
	const field = locatorField({
		name: 'mailboxId',
		displayName: 'Mailbox',
		searchListMethod: 'getMailboxes',
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
		description: 'The mailbox, chosen from the list or given by its CMR ID',
		send,
	});
	return { ...field, displayOptions: showFor(resource, operation) };
}
