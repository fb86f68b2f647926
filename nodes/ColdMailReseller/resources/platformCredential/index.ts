import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { credentialIdField } from '../../shared/fields';
import { defineResource } from '../../shared/resource';
import { deletedResult } from '../../shared/output';
import { type ValueKind, requireSomethingToUpdate, sendChecked } from '../../shared/validation';

/** Optional platform settings, sent as `metadata.<name>`. */
const METADATA_FIELDS: Array<
	[name: string, displayName: string, placeholder: string, description: string, kind?: ValueKind]
> = [
	[
		'appBaseUrl',
		'App Base URL',
		'e.g. https://app.emailbison.com',
		'Base URL of the platform instance',
		'httpUrl',
	],
	['appName', 'App Name', 'e.g. EmailBison', 'Name of the platform app'],
	['clientId', 'Client ID', 'e.g. client_eb_1234abcd', 'Client ID of the platform account'],
	['workspace', 'Workspace', 'e.g. my-workspace', 'Workspace on the platform'],
];

function metadataField(
	[name, displayName, placeholder, description, kind]: (typeof METADATA_FIELDS)[number],
	collection: string,
): INodeProperties {
	const target = { type: 'body', property: `metadata.${name}` } as const;
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder,
		description,
		routing: {
			send: {
				...target,
				...(kind
					? { preSend: [sendChecked(kind, `${collection}.${name}`, displayName, target)] }
					: {}),
			},
		},
	};
}

const passwordField = (required: boolean): INodeProperties => ({
	displayName: 'Password',
	name: 'password',
	type: 'string',
	typeOptions: { password: true },
	required,
	default: '',
	description: 'Password of the platform login; CMR checks it live before storing it',
	routing: { send: { type: 'body', property: 'credentials.password' } },
});

const emailField = (required: boolean, parameter: string): INodeProperties => ({
	displayName: 'Email',
	name: 'email',
	type: 'string',
	required,
	default: '',
	placeholder: 'e.g. john@agency.com',
	description: 'Login email of the platform account',
	routing: {
		send: {
			type: 'body',
			property: 'credentials.email',
			preSend: [
				sendChecked('email', parameter, 'Email', {
					type: 'body',
					property: 'credentials.email',
				}),
			],
		},
	},
});

/**
 * CMR answers a map `{EMAILBISON: {connected, credentials: [...]}}`: one item per stored
 * credential with its `app`, and `{app, connected: false}` for an app without credentials.
 */
async function oneItemPerCredential(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = (response.body as IDataObject | undefined)?.data;
	if (!data || typeof data !== 'object' || Array.isArray(data)) return items;
	const result: INodeExecutionData[] = [];
	for (const [app, platform] of Object.entries(data as IDataObject)) {
		const credentials = (platform as IDataObject | null)?.credentials;
		if (!Array.isArray(credentials) || !credentials.length) {
			result.push({ json: { app, connected: false } });
			continue;
		}
		for (const credential of credentials as IDataObject[]) {
			result.push({ json: { app, ...credential } });
		}
	}
	return result;
}

export const platformCredentialDescription = defineResource(
	'platformCredential',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create platform credential',
				description: "Store a sending platform login for a user's exports (checked live by CMR)",
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete platform credential',
				description: 'Remove a stored platform credential; its ID stops working',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many platform credentials',
				description: 'List the platforms a user connected, one item per stored credential',
			},
			{
				name: 'Get Workspaces',
				value: 'getWorkspaces',
				action: 'Get workspaces of platform credential',
				description:
					'List the workspaces (e.g. Instantly organisations) a stored credential can use',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update platform credential',
				description:
					'Change a stored credential in place, keeping its ID (e.g. rotate the password, set the Instantly organisation)',
			},
		],
		default: 'getAll',
	},
	{
		create: {
			required: { app: 'App', email: 'Email', password: 'Password' },
			fields: [
				{
					displayName: 'App',
					name: 'app',
					type: 'options',
					required: true,
					options: [
						{ name: 'EmailBison', value: 'EMAILBISON' },
						{ name: 'Instantly', value: 'INSTANTLY' },
						{ name: 'ReachInbox', value: 'REACHINBOX' },
						{ name: 'Smartlead', value: 'SMARTLEAD' },
					],
					default: 'EMAILBISON',
					description:
						"Sending platform to connect. CMR documents EmailBison; the others are named in CMR's FAQ. An expression can give another CMR app identifier.",
					routing: {
						send: {
							preSend: [sendChecked('appCode', 'app', 'App', { type: 'body', property: 'app' })],
						},
					},
				},
				emailField(true, 'email'),
				passwordField(true),
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: METADATA_FIELDS.map((field) => metadataField(field, 'additionalFields')),
				},
			],
		},
		delete: {
			required: { credentialId: 'Credential ID' },
			postReceive: [deletedResult('credentialId')],
			permanent:
				'Deleting a platform credential is permanent and its credential ID stops working. To change a login, use Update instead: it keeps the ID.',
			fields: [credentialIdField('query')],
		},
		getAll: {
			list: 'all',
			postReceive: [oneItemPerCredential],
		},
		getWorkspaces: {
			required: { credentialId: 'Credential ID' },
			list: 'all',
			fields: [credentialIdField('query')],
		},
		update: {
			required: { credentialId: 'Credential ID' },
			preSend: [requireSomethingToUpdate],
			fields: [
				credentialIdField('query'),
				{
					displayName: 'Update Fields',
					name: 'updateFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: (
						[
							...METADATA_FIELDS.map((field) => metadataField(field, 'updateFields')),
							emailField(false, 'updateFields.email'),
							{
								displayName: 'Organization ID',
								name: 'orgId',
								type: 'string',
								default: '',
								placeholder: 'e.g. 7f3c2a10-1b2d-4e5f-8a9b-0c1d2e3f4a5b',
								description: 'Instantly only: the workspace chosen from Get Workspaces',
								routing: {
									send: {
										type: 'body',
										property: 'orgId',
										preSend: [
											sendChecked('id', 'updateFields.orgId', 'Organization ID', {
												type: 'body',
												property: 'orgId',
											}),
										],
									},
								},
							},
							passwordField(false),
						] as INodeProperties[]
					).sort((a, b) => a.displayName.localeCompare(b.displayName)),
				},
			],
		},
	},
);
