import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, userIdField, filtersField } from '../../shared/descriptions';
import { sendChecked, sendOneOf } from '../../shared/validation';
import { mailboxSimplifyField } from './fields';

export const MAILBOX_STATUSES = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Creating Password', value: 'CREATING_PASSWORD' },
	{ name: 'Expired', value: 'EXPIRED' },
	{ name: 'In Progress', value: 'IN_PROGRESS' },
];

export const mailboxGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('mailbox', 'getAll'),
	filtersField('mailbox', 'getAll', [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'ACTIVE',
			description: 'Return only mailboxes in this state',
			options: MAILBOX_STATUSES,
			routing: {
				send: {
					preSend: [
						sendOneOf(
							'filters.status',
							'Status',
							MAILBOX_STATUSES.map((status) => status.value),
							{ type: 'query', property: 'status' },
						),
					],
				},
			},
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. PWM7Y25RYZ450YNM8K8FX9GK5AHX',
			description: 'Return only the mailboxes of this user (customer)',
			routing: {
				send: {
					preSend: [
						sendChecked(
							'id',
							'filters.userId',
							'User ID',
							{ type: 'query', property: 'userId' },
							true,
						),
					],
				},
			},
		},
	]),
	mailboxSimplifyField('getAll'),
];

export const mailboxGetAllForUserDescription: INodeProperties[] = [
	userIdField('mailbox', 'getAllForUser', 'mailbox.getAllForUser'),
	...returnAllAndLimit('mailbox', 'getAllForUser'),
	mailboxSimplifyField('getAllForUser'),
];
