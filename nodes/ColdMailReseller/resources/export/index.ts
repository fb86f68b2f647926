import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { locatorField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { googleOauthField, microsoftOauthField, sendOauthSettings } from '../../shared/oauth';
import { credentialIdField, mailboxIdsField } from '../../shared/fields';
import { defineResource } from '../../shared/resource';
import { sendList } from '../../shared/validation';

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

const mailboxLocator = locatorField({
	name: 'mailboxId',
	displayName: 'Mailbox',
	searchListMethod: 'getMailboxes',
	placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
	description: 'An already provisioned mailbox of the user',
	send: { type: 'body', property: 'mailboxId' },
});

export const exportDescription = defineResource(
	'export',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Export Mailboxes',
				value: 'exportMailboxes',
				action: 'Export mailboxes to a sending platform',
				description:
					'Queue an export of active mailboxes to a connected sending platform (see Platform Credential)',
			},
			{
				name: 'Re-Export Mailbox (OAuth)',
				value: 'reexportOauth',
				action: 'Export existing mailbox via oauth',
				description: 'Queue an OAuth export of an existing mailbox with its provider settings',
			},
			{
				name: 'Validate Mailbox',
				value: 'validateMailbox',
				action: 'Validate mailbox before export',
				description: "Check a mailbox's SMTP and DNS health before an OAuth export",
			},
		],
		default: 'exportMailboxes',
	},
	{
		exportMailboxes: {
			required: { credentialId: 'Credential ID' },
			preSend: [sendList('mailboxIds', 'componentMailboxIds', 'Mailbox IDs')],
			fields: [
				credentialIdField(
					'body',
					'The stored platform credential to export to, from Platform Credential → Create or Get Many',
				),
				mailboxIdsField(
					'Active mailboxes to export, separated by commas, or an array from an expression. Do not re-queue a mailbox whose export is in progress.',
				),
			],
		},
		reexportOauth: {
			required: { mailboxId: 'Mailbox' },
			preSend: [sendOauthSettings('nested'), requireOneOauthProvider],
			fields: [
				mailboxLocator,
				{
					...googleOauthField(),
					description:
						'For Google mailboxes: the OAuth app to export with. Give either this or Microsoft OAuth, matching the mailbox.',
				},
				{
					...microsoftOauthField(),
					description:
						'For Microsoft mailboxes: the OAuth route to export with. Give either this or Google OAuth, matching the mailbox.',
				},
			],
		},
		validateMailbox: {
			required: { mailboxId: 'Mailbox' },
			fields: [mailboxLocator],
		},
	},
);
