import type { INodeProperties } from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { booleanRouting, sendChecked } from '../../shared/validation';
import { domainLocator } from './fields';

const displayOptions = showFor('domain', 'addForwarding');

export const domainAddForwardingDescription: INodeProperties[] = [
	userIdField('domain', 'addForwarding', 'domain.addForwarding'),
	domainLocator('domain', 'addForwarding', { type: 'body', property: 'domainName' }),
	{
		displayName: 'Forward To',
		name: 'forwardTo',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://www.example.com',
		description:
			'Website that visitors of the domain are redirected to. Applied asynchronously; a dns-record.updated webhook confirms it.',
		displayOptions,
		routing: {
			send: {
				preSend: [
					sendChecked('webAddress', 'forwardTo', 'Forward To', {
						type: 'body',
						property: 'forwardTo',
					}),
				],
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
		options: [
			{
				displayName: 'Mask Forwarding',
				name: 'maskForwarding',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep the domain in the browser address bar (masked forwarding) instead of showing the destination URL',
				routing: booleanRouting(
					'additionalFields.maskForwarding',
					'Mask Forwarding',
					'maskForwarding',
				),
			},
		],
	},
];
