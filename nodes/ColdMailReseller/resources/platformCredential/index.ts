import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { permanentNotice, showFor, userIdField } from '../../shared/descriptions';
import { deletedResult, route } from '../../shared/routing';
import {
	type ValueKind,
	requireSomethingToUpdate,
	requireValues,
	sendChecked,
} from '../../shared/validation';

const RESOURCE = 'platformCredential';
const requireUser = requireValues({ userId: 'User' });
const requireCredential = requireValues({ userId: 'User', credentialId: 'Credential ID' });

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

export const platformCredentialDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [RESOURCE] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create platform credential',
				description: "Store a sending platform login for a user's exports (checked live by CMR)",
				routing: route('platformCredential.create', {
					preSend: [
						requireValues({ userId: 'User', app: 'App', email: 'Email', password: 'Password' }),
					],
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete platform credential',
				description: 'Remove a stored platform credential; its ID stops working',
				routing: route('platformCredential.delete', {
					preSend: [requireCredential],
					postReceive: [deletedResult('credentialId')],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many platform credentials',
				description: 'List the platforms a user connected, one item per stored credential',
				routing: route('platformCredential.getAll', {
					preSend: [requireUser],
					list: 'all',
					postReceive: [oneItemPerCredential],
				}),
			},
			{
				name: 'Get Workspaces',
				value: 'getWorkspaces',
				action: 'Get workspaces of platform credential',
				description:
					'List the workspaces (e.g. Instantly organisations) a stored credential can use',
				routing: route('platformCredential.getWorkspaces', {
					preSend: [requireCredential],
					list: 'all',
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update platform credential',
				description:
					'Change a stored credential in place, keeping its ID (e.g. rotate the password, set the Instantly organisation)',
				routing: route('platformCredential.update', {
					preSend: [requireCredential, requireSomethingToUpdate],
				}),
			},
		],
		default: 'getAll',
	},

	// Create
	userIdField(RESOURCE, 'create', 'platformCredential.create'),
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
		displayOptions: showFor(RESOURCE, 'create'),
		routing: {
			send: { preSend: [sendChecked('appCode', 'app', 'App', { type: 'body', property: 'app' })] },
		},
	},
	{ ...emailField(true, 'email'), displayOptions: showFor(RESOURCE, 'create') },
	{ ...passwordField(true), displayOptions: showFor(RESOURCE, 'create') },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, 'create'),
		options: METADATA_FIELDS.map((field) => metadataField(field, 'additionalFields')),
	},

	// Delete
	permanentNotice(
		RESOURCE,
		'delete',
		'Deleting a platform credential is permanent and its credential ID stops working. To change a login, use Update instead: it keeps the ID.',
	),
	userIdField(RESOURCE, 'delete', 'platformCredential.delete'),

	// Get Many
	userIdField(RESOURCE, 'getAll', 'platformCredential.getAll'),

	// Get Workspaces
	userIdField(RESOURCE, 'getWorkspaces', 'platformCredential.getWorkspaces'),

	// Update
	userIdField(RESOURCE, 'update', 'platformCredential.update'),

	// Shared by Delete, Get Workspaces and Update
	{
		displayName: 'Credential ID',
		name: 'credentialId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. A1B2C3D4E5F6G7H8',
		description: 'The stored platform credential, from Create or Get Many',
		displayOptions: showFor(RESOURCE, ['delete', 'getWorkspaces', 'update']),
		routing: {
			send: {
				preSend: [
					sendChecked('id', 'credentialId', 'Credential ID', {
						type: 'query',
						property: 'credentialId',
					}),
				],
			},
		},
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, 'update'),
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
];
