import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { userIdField, simplifyField, showFor } from '../../shared/descriptions';
import { USER_SIMPLE_FIELDS } from './fields';

export const userGetDescription: INodeProperties[] = [
	userIdField('user', 'get', 'user.get'),
	updateDisplayOptions(showFor('user', 'get'), [simplifyField(USER_SIMPLE_FIELDS)])[0],
];
