import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { locatorField, showFor, userIdField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { googleOauthField, microsoftOauthField, sendOauthSettings } from '../../shared/oauth';
import { route } from '../../shared/routing';
import { requireValues, sendChecked, sendList } from '../../shared/validation';

const RESOURCE = 'export';

/** The OAuth re-export needs the provider config of the mailbox: Google or Microsoft, not both. */
async function requireOneOauthProvider(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const given = [body.google, body.microsoft].filter((settings) => settings !== undefined).length;
	if (given !== 1) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			given
				? 'Both Google OAuth and Microsoft OAuth are set'
				: 'Neither Google OAuth nor Microsoft OAuth is set',
			"Add exactly one OAuth group, matching the mailbox's provider: Google OAuth for Google mailboxes, Microsoft OAuth for Microsoft mailboxes.",
		);
	}
	return requestOptions;
}

export const exportDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [RESOURCE] } },
		options: [
			{
				name: 'Export Mailboxes',
				value: 'exportMailboxes',
				action: 'Export mailboxes to a sending platform',
				description:
					'Queue an export of active mailboxes to a connected sending platform (see Platform Credential)',
				routing: route('export.exportMailboxes', {
					preSend: [
						requireValues({ userId: 'User', credentialId: 'Credential ID' }),
						sendList('mailboxIds', 'componentMailboxIds', 'Mailbox IDs'),
					],
				}),
			},
			{
				name: 'Re-Export Mailbox (OAuth)',
				value: 'reexportOauth',
				action: 'Export existing mailbox via oauth',
				description: 'Queue an OAuth export of an existing mailbox with its provider settings',
				routing: route('export.reexportOauth', {
					preSend: [
						requireValues({ userId: 'User', mailboxId: 'Mailbox' }),
						sendOauthSettings('nested'),
						requireOneOauthProvider,
					],
				}),
			},
			{
				name: 'Validate Mailbox',
				value: 'validateMailbox',
				action: 'Validate mailbox before export',
				description: "Check a mailbox's SMTP and DNS health before an OAuth export",
				routing: route('export.validateMailbox', {
					preSend: [requireValues({ userId: 'User', mailboxId: 'Mailbox' })],
				}),
			},
		],
		default: 'exportMailboxes',
	},

	// Export Mailboxes
	userIdField(RESOURCE, 'exportMailboxes', 'export.exportMailboxes'),
	{
		displayName: 'Credential ID',
		name: 'credentialId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. A1B2C3D4E5F6G7H8',
		description:
			'The stored platform credential to export to, from Platform Credential → Create or Get Many',
		displayOptions: showFor(RESOURCE, 'exportMailboxes'),
		routing: {
			send: {
				preSend: [
					sendChecked('id', 'credentialId', 'Credential ID', {
						type: 'body',
						property: 'credentialId',
					}),
				],
			},
		},
	},
	{
		displayName: 'Mailbox IDs',
		name: 'mailboxIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR, 4X9K1L7N2P5Q8R3S6T0U',
		description:
			'Active mailboxes to export, separated by commas, or an array from an expression. Do not re-queue a mailbox whose export is in progress.',
		displayOptions: showFor(RESOURCE, 'exportMailboxes'),
	},

	// Re-Export Mailbox (OAuth)
	userIdField(RESOURCE, 'reexportOauth', 'export.reexportOauth'),

	// Validate Mailbox
	userIdField(RESOURCE, 'validateMailbox', 'export.validateMailbox'),

	// Shared by Re-Export and Validate
	locatorField(RESOURCE, ['reexportOauth', 'validateMailbox'], {
		name: 'mailboxId',
		displayName: 'Mailbox',
		searchListMethod: 'getMailboxes',
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
		description: 'An already provisioned mailbox of the user',
		send: { type: 'body', property: 'mailboxId' },
	}),
	{
		...googleOauthField(RESOURCE, 'reexportOauth'),
		description:
			'For Google mailboxes: the OAuth app to export with. Give either this or Microsoft OAuth, matching the mailbox.',
	},
	{
		...microsoftOauthField(RESOURCE, 'reexportOauth'),
		description:
			'For Microsoft mailboxes: the OAuth route to export with. Give either this or Google OAuth, matching the mailbox.',
	},
];
