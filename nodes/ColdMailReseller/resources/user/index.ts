import type { INodeProperties } from 'n8n-workflow';
import { deletedResult, route } from '../../shared/routing';
import { requireEmailFormat, requireValues } from '../../shared/validation';
import { userCreateDescription } from './create';
import { userDeleteDescription } from './delete';
import { userGetDescription } from './get';
import { userGetAllDescription } from './getAll';
import { userUpdateDescription, userUpdatePreSend } from './update';
import { USER_TEXT_FIELDS } from './fields';

const requireCustomer = requireValues({ userId: 'User' });
const requiredOnCreate = Object.fromEntries([
	...USER_TEXT_FIELDS.map(([name, label]) => [name, label]),
	['country', 'Country'],
	['state', 'State'],
]);

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create user',
				description: 'Create a user (your customer) under your partner account',
				routing: route('user.create', {
					preSend: [requireValues(requiredOnCreate), requireEmailFormat('email', 'Email')],
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete user',
				description: 'Permanently delete a user that has no domains or mailboxes',
				routing: route('user.delete', {
					preSend: [requireCustomer],
					postReceive: [deletedResult('userId')],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get user',
				description: "Get a user's profile and billing details",
				routing: route('user.get', { preSend: [requireCustomer] }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'List the users (customers) of your partner account',
				routing: route('user.getAll', { list: 'paginated' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update user',
				description: "Update a user's profile and billing details",
				routing: route('user.update', {
					preSend: [
						requireCustomer,
						requireEmailFormat('updateFields.email', 'Email'),
						...userUpdatePreSend,
					],
				}),
			},
		],
		default: 'create',
	},
	...userCreateDescription,
	...userDeleteDescription,
	...userGetDescription,
	...userGetAllDescription,
	...userUpdateDescription,
];
