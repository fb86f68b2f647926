import type { INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { extraBodyFieldsOption } from './fields';

const displayOptions = showFor('domain', 'suggest');

export const domainSuggestDescription: INodeProperties[] = [
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. acme outreach',
		description: 'Word or brand to base the domain suggestions on',
		displayOptions,
		routing: { send: { type: 'body', property: 'keyword', value: '={{String($value).trim()}}' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [extraBodyFieldsOption()],
	},
];
