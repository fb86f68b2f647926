import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, showFor, simplifyField } from '../../shared/descriptions';
import { USER_SIMPLE_FIELDS } from './fields';

export const userGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('user', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('user', 'getAll'),
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme',
				description: 'Return only users whose name, email or company contains this text',
				routing: { send: { type: 'query', property: 'search' } },
			},
		],
	},
	simplifyField('user', 'getAll', USER_SIMPLE_FIELDS),
];
