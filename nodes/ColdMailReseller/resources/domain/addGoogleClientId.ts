import type { INodeProperties } from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { domainsField } from './fields';

const displayOptions = showFor('domain', 'addGoogleClientId');

export const domainAddGoogleClientIdDescription: INodeProperties[] = [
	userIdField('domain', 'addGoogleClientId', 'domain.addGoogleClientId'),
	domainsField(
		'domain',
		'addGoogleClientId',
		'Domains whose mailboxes may use this OAuth client during export, separated by commas, or an array from an expression',
	),
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1234567890-abc.apps.googleusercontent.com',
		description: 'Google OAuth client ID of your app; CMR validates it before queuing the job',
		displayOptions,
		routing: { send: { type: 'body', property: 'clientId', value: '={{String($value).trim()}}' } },
	},
	{
		displayName: 'App Name',
		name: 'appName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. YourApp',
		description: 'App name registered for that client ID in Google Cloud (must match exactly)',
		displayOptions,
		routing: { send: { type: 'body', property: 'appName', value: '={{String($value).trim()}}' } },
	},
];
