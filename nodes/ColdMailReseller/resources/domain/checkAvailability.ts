import type { INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { extraBodyFieldsOption } from './fields';
import { sendDomain } from './validation';

const displayOptions = showFor('domain', 'checkAvailability');

export const domainCheckAvailabilityDescription: INodeProperties[] = [
	{
		displayName: 'Domain Name',
		name: 'domainToCheck',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. acme-outreach.com',
		description: 'The exact domain name to check for registration',
		displayOptions,
		routing: {
			send: {
				type: 'body',
				property: 'domainName',
				preSend: [sendDomain('domainToCheck', 'Domain Name', 'body', 'domainName')],
			},
		},
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
