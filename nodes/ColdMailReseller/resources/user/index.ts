import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { filtersField, returnAllAndLimit, simplifyField } from '../../shared/descriptions';
import { defineResource } from '../../shared/resource';
import { deletedResult } from '../../shared/output';
import { cmrApiRequest } from '../../shared/transport';
import {
	checkedParameter,
	requireEmailFormat,
	requireSomethingToUpdate,
} from '../../shared/validation';
import {
	USER_OPTIONAL_TEXT_FIELDS,
	USER_SIMPLE_FIELDS,
	USER_TEXT_FIELDS,
	countryField,
	stateField,
	textField,
} from './profile';

const PROFILE_FIELDS = [...USER_TEXT_FIELDS, ...USER_OPTIONAL_TEXT_FIELDS]
	.map(([name]) => name)
	.concat('country', 'state');

/**
 * CMR's guides say partial updates may be rejected, so by default the current profile is
 * fetched and the changed fields are merged into it before sending.
 */
async function mergeWithCurrentProfile(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const updates = (requestOptions.body as IDataObject) ?? {};
	if (!(this.getNodeParameter('mergeWithCurrent', true) as boolean)) return requestOptions;
	const userId = checkedParameter(this, 'id', 'userId', 'User');
	const { data } = await cmrApiRequest.call(this, 'user.get', { userId });
	const current = (data ?? {}) as IDataObject;
	const merged = Object.fromEntries(
		PROFILE_FIELDS.filter((field) => current[field] !== undefined && current[field] !== null).map(
			(field) => [field, current[field]],
		),
	);
	requestOptions.body = { ...merged, ...updates };
	return requestOptions;
}

const userUpdatePreSend = [requireSomethingToUpdate, mergeWithCurrentProfile];

const requiredOnCreate = Object.fromEntries([
	...USER_TEXT_FIELDS.map(([name, label]) => [name, label]),
	['country', 'Country'],
	['state', 'State'],
]);

export const userDescription = defineResource(
	'user',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create user',
				description: 'Create a user (your customer) under your partner account',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete user',
				description: 'Permanently delete a user that has no domains or mailboxes',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get user',
				description: "Get a user's profile and billing details",
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'List the users (customers) of your partner account',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update user',
				description: "Update a user's profile and billing details",
			},
		],
		default: 'create',
	},
	{
		create: {
			required: requiredOnCreate,
			preSend: [requireEmailFormat('email', 'Email')],
			fields: [
				...USER_TEXT_FIELDS.slice(0, 4).map((field) => textField(field, true)),
				countryField(true),
				stateField(true),
				...USER_TEXT_FIELDS.slice(4).map((field) => textField(field, true)),
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: USER_OPTIONAL_TEXT_FIELDS.map((field) => textField(field, false)),
				},
			],
		},
		delete: {
			postReceive: [deletedResult('userId')],
			permanent:
				'Deleting a user is permanent and removes their billing records, workspaces and orders. CMR refuses it while the user still has domains or mailboxes.',
		},
		get: {
			fields: [simplifyField(USER_SIMPLE_FIELDS)],
		},
		getAll: {
			list: 'paginated',
			fields: [
				...returnAllAndLimit(),
				filtersField([
					{
						displayName: 'Search',
						name: 'search',
						type: 'string',
						default: '',
						placeholder: 'e.g. acme',
						description: 'Return only users whose name, email or company contains this text',
						routing: { send: { type: 'query', property: 'search' } },
					},
				]),
				simplifyField(USER_SIMPLE_FIELDS),
			],
		},
		update: {
			preSend: [requireEmailFormat('updateFields.email', 'Email'), ...userUpdatePreSend],
			fields: [
				{
					displayName: 'Merge With Current Details',
					name: 'mergeWithCurrent',
					type: 'boolean',
					default: true,
					description:
						'Whether to fetch the customer first and send the full profile with your changes (CMR may reject partial updates)',
				},
				{
					displayName: 'Update Fields',
					name: 'updateFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: [
						...[...USER_TEXT_FIELDS, ...USER_OPTIONAL_TEXT_FIELDS].map((field) =>
							textField(field, false),
						),
						countryField(false),
						stateField(false),
					].sort((a, b) => a.displayName.localeCompare(b.displayName)),
				},
			],
		},
	},
);
