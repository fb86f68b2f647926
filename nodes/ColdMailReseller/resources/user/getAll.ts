import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, simplifyField, filtersField, showFor } from '../../shared/descriptions';
import { USER_SIMPLE_FIELDS } from './fields';

export const userGetAllDescription: INodeProperties[] = [
	...updateDisplayOptions(showFor('user', 'getAll'), returnAllAndLimit()),
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
	updateDisplayOptions(showFor('user', 'getAll'), [simplifyField(USER_SIMPLE_FIELDS)])[0],
];
