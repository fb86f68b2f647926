import type { INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import {
	USER_OPTIONAL_TEXT_FIELDS,
	USER_TEXT_FIELDS,
	countryField,
	stateField,
	textField,
} from './fields';

const displayOptions = showFor('user', 'create');

export const userCreateDescription: INodeProperties[] = [
	...USER_TEXT_FIELDS.slice(0, 4).map((field) => ({ ...textField(field, true), displayOptions })),
	{ ...countryField(true), displayOptions },
	{ ...stateField(true), displayOptions },
	...USER_TEXT_FIELDS.slice(4).map((field) => ({ ...textField(field, true), displayOptions })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: USER_OPTIONAL_TEXT_FIELDS.map((field) => textField(field, false)),
	},
];
