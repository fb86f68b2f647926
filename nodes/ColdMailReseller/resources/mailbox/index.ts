import { filtersField, returnAllAndLimit, simplifyField } from '../../shared/descriptions';
import { MAILBOX_SIMPLE_FIELDS, mailboxLocator } from '../../shared/fields';
import { buildMailboxUpdateBody, mailboxUpdateFields } from './update';
import { defineResource } from '../../shared/resource';
import { deletedResult } from '../../shared/output';
import { sendChecked, sendOneOf } from '../../shared/validation';

const MAILBOX_STATUSES = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Creating Password', value: 'CREATING_PASSWORD' },
	{ name: 'Expired', value: 'EXPIRED' },
	{ name: 'In Progress', value: 'IN_PROGRESS' },
];

export const mailboxDescription = defineResource(
	'mailbox',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete mailbox',
				description: 'Permanently remove a mailbox',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get mailbox',
				description: 'Get the details of a mailbox',
			},
			{
				name: 'Get Admin Details',
				value: 'getAdminDetails',
				action: 'Get mailbox admin details',
				description: 'Get the administrative (workspace admin) details of a mailbox',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many mailboxes',
				description: 'List the mailboxes of your partner account',
			},
			{
				name: 'Get Many for User',
				value: 'getAllForUser',
				action: 'Get many mailboxes for user',
				description: 'List the mailboxes of one user (customer)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update mailbox',
				description:
					'Change the username, name or profile picture of one or several mailboxes (applied asynchronously)',
			},
		],
		default: 'getAll',
	},
	{
		delete: {
			required: { mailboxId: 'Mailbox' },
			postReceive: [deletedResult('mailboxId')],
			permanent:
				'Deleting a mailbox is permanent (no restore). If it is the last mailbox of its workspace, the whole workspace is deleted. CMR refuses it within 24 hours of the subscription expiry.',
			fields: [mailboxLocator({ type: 'body', property: 'mailboxId' })],
		},
		get: {
			required: { mailboxId: 'Mailbox' },
			fields: [
				mailboxLocator({ type: 'query', property: 'mailboxId' }),
				simplifyField(MAILBOX_SIMPLE_FIELDS),
			],
		},
		getAdminDetails: {
			required: { mailboxId: 'Mailbox' },
			fields: [mailboxLocator({ type: 'query', property: 'mailboxId' })],
		},
		getAll: {
			list: 'paginated',
			fields: [
				...returnAllAndLimit(),
				filtersField([
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
				simplifyField(MAILBOX_SIMPLE_FIELDS),
			],
		},
		getAllForUser: {
			list: 'paginated',
			fields: [...returnAllAndLimit(), simplifyField(MAILBOX_SIMPLE_FIELDS)],
		},
		update: {
			preSend: [buildMailboxUpdateBody],
			fields: mailboxUpdateFields,
		},
	},
);
