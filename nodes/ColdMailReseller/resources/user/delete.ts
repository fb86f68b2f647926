import type { INodeProperties } from 'n8n-workflow';
import { userIdField, permanentNotice } from '../../shared/descriptions';

export const userDeleteDescription: INodeProperties[] = [
	permanentNotice(
		'user',
		'delete',
		'Deleting a user is permanent and removes their billing records, workspaces and orders. CMR refuses it while the user still has domains or mailboxes.',
	),
	userIdField('user', 'delete', 'user.delete'),
];
