/**
 * Field factories used by several resources. They return literal fields without
 * resource/operation displayOptions: defineResource (shared/resource.ts) adds those.
 */
import type { INodeProperties } from 'n8n-workflow';
import { locatorField } from './descriptions';
import type { SendTarget } from './bodies';
import { mergeExtraBodyFields, sendChecked, sendDomainList } from './validation';

/** Fields kept by Simplify on domain outputs. */
export const DOMAIN_SIMPLE_FIELDS = [
	'domainName',
	'domainId',
	'status',
	'expiryDate',
	'expireOn',
	'autoRenew',
	'serviceProvider',
	'createdAt',
];

/**
 * One domain of the chosen user: pick it from the user's domains or type its name. The
 * value is trimmed, lower-cased and checked before it is sent.
 */
export function domainLocator(
	send: SendTarget,
	description = 'The domain, from the chosen user’s domains or typed as a name',
): INodeProperties {
	return locatorField({
		name: 'domainName',
		displayName: 'Domain',
		searchListMethod: 'getDomainNames',
		placeholder: 'e.g. example.com',
		description,
		send,
		kind: 'domain',
	});
}

/** Several domains: "a.com, b.com" or an expression array, sent as `domains: string[]`. */
export function domainsField(
	description = 'Domain names, separated by commas, or an array from an expression',
	sendAs: string | null = 'domains',
): INodeProperties {
	return {
		displayName: 'Domain Names',
		name: 'domains',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. example.com, example.org',
		description,
		...(sendAs
			? {
					routing: {
						send: {
							type: 'body' as const,
							property: sendAs,
							preSend: [sendDomainList('domains', 'Domain Names', sendAs)],
						},
					},
				}
			: {}),
	};
}

/** Additional Fields → Extra Body Fields, for endpoints whose body is inferred. */
export function extraBodyFieldsOption(): INodeProperties {
	return {
		displayName: 'Extra Body Fields',
		name: 'extraBodyFields',
		type: 'json',
		default: '{}',
		description:
			'JSON object whose keys are added to the request body (and override the fields above). Use it if CMR expects fields this node does not know yet.',
		// Runs after the typed fields are in the body, so these keys win.
		routing: { send: { preSend: [mergeExtraBodyFields('additionalFields.extraBodyFields')] } },
	};
}

/** Fields kept by Simplify on mailbox outputs (`mailboxId`, or `id` when CMR names it so). */
export const MAILBOX_SIMPLE_FIELDS = [
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

/** The Mailbox locator (From List / By ID), sent as `mailboxId` where `send` says. */
export function mailboxLocator(send?: SendTarget): INodeProperties {
	return locatorField({
		name: 'mailboxId',
		displayName: 'Mailbox',
		searchListMethod: 'getMailboxes',
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
		description: 'The mailbox, chosen from the list or given by its CMR ID',
		send,
	});
}

/** A stored platform credential's ID (Platform Credential → Create or Get Many), checked and sent. */
export function credentialIdField(
	type: 'query' | 'body',
	description = 'The stored platform credential, from Create or Get Many',
): INodeProperties {
	return {
		displayName: 'Credential ID',
		name: 'credentialId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. A1B2C3D4E5F6G7H8',
		description,
		routing: {
			send: {
				preSend: [
					sendChecked('id', 'credentialId', 'Credential ID', { type, property: 'credentialId' }),
				],
			},
		},
	};
}

/** Several mailbox IDs: "a, b" or an expression array (a preSend sends them checked). */
export function mailboxIdsField(description: string): INodeProperties {
	return {
		displayName: 'Mailbox IDs',
		name: 'mailboxIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR, 4X9K1L7N2P5Q8R3S6T0U',
		description,
	};
}
