import type { INodeProperties } from 'n8n-workflow';
import { permanentNotice, userIdField } from '../../shared/descriptions';
import { deletedResult, route } from '../../shared/routing';
import { requireValues } from '../../shared/validation';
import { mailboxLocator, mailboxSimplifyField } from './fields';
import { mailboxGetAllDescription, mailboxGetAllForUserDescription } from './getAll';
import { buildMailboxUpdateBody, mailboxUpdateDescription } from './update';

const requireUser = requireValues({ userId: 'User' });
const requireMailbox = requireValues({ mailboxId: 'Mailbox' });
const requireBoth = requireValues({ userId: 'User', mailboxId: 'Mailbox' });

export const mailboxDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['mailbox'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete mailbox',
				description: 'Permanently remove a mailbox',
				routing: route('mailbox.delete', {
					preSend: [requireBoth],
					postReceive: [deletedResult('mailboxId')],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get mailbox',
				description: 'Get the details of a mailbox',
				routing: route('mailbox.get', { preSend: [requireMailbox] }),
			},
			{
				name: 'Get Admin Details',
				value: 'getAdminDetails',
				action: 'Get mailbox admin details',
				description: 'Get the administrative (workspace admin) details of a mailbox',
				routing: route('mailbox.getAdminDetails', { preSend: [requireBoth] }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many mailboxes',
				description: 'List the mailboxes of your partner account',
				routing: route('mailbox.getAll', { list: 'paginated' }),
			},
			{
				name: 'Get Many for User',
				value: 'getAllForUser',
				action: 'Get many mailboxes for user',
				description: 'List the mailboxes of one user (customer)',
				routing: route('mailbox.getAllForUser', { list: 'paginated', preSend: [requireUser] }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update mailbox',
				description:
					'Change the username, name or profile picture of one or several mailboxes (applied asynchronously)',
				routing: route('mailbox.update', { preSend: [requireUser, buildMailboxUpdateBody] }),
			},
		],
		default: 'getAll',
	},
	permanentNotice(
		'mailbox',
		'delete',
		'Deleting a mailbox is permanent (no restore). If it is the last mailbox of its workspace, the whole workspace is deleted. CMR refuses it within 24 hours of the subscription expiry.',
	),
	userIdField('mailbox', 'delete', 'mailbox.delete'),
	mailboxLocator('mailbox', 'delete', { type: 'body', property: 'mailboxId' }),
	mailboxLocator('mailbox', 'get', { type: 'query', property: 'mailboxId' }),
	mailboxSimplifyField('get'),
	userIdField('mailbox', 'getAdminDetails', 'mailbox.getAdminDetails'),
	mailboxLocator('mailbox', 'getAdminDetails', { type: 'query', property: 'mailboxId' }),
	...mailboxGetAllDescription,
	...mailboxGetAllForUserDescription,
	...mailboxUpdateDescription,
];
