import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, simplifyField, filtersField } from '../../shared/descriptions';
import { USER_SIMPLE_FIELDS } from './fields';

export const userGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('user', 'getAll'),
	filtersField('user', 'getAll', [
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
	simplifyField('user', 'getAll', USER_SIMPLE_FIELDS),
];
