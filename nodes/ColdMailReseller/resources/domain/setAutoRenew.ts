import type { INodeProperties } from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { booleanRouting } from '../../shared/validation';
import { domainsField } from './fields';

export const domainSetAutoRenewDescription: INodeProperties[] = [
	userIdField('domain', 'setAutoRenew', 'domain.setAutoRenew'),
	domainsField('domain', 'setAutoRenew'),
	{
		displayName: 'Auto-Renew',
		name: 'autoRenew',
		type: 'boolean',
		required: true,
		default: true,
		description:
			'Whether CMR renews the domains automatically before they expire (off: renewals are manual)',
		displayOptions: showFor('domain', 'setAutoRenew'),
		routing: booleanRouting('autoRenew', 'Auto-Renew', 'autoRenew'),
	},
];
