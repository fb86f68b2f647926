import type { INodeProperties } from 'n8n-workflow';
import { userIdField, simplifyField } from '../../shared/descriptions';
import { USER_SIMPLE_FIELDS } from './fields';

export const userGetDescription: INodeProperties[] = [
	userIdField('user', 'get', 'user.get'),
	simplifyField('user', 'get', USER_SIMPLE_FIELDS),
];
