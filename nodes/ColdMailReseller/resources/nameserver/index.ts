import type { INodeProperties } from 'n8n-workflow';
import { route } from '../../shared/routing';
import { requireValues } from '../../shared/validation';
import { nameserverUpdateDescription } from './update';

export const nameserverDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['nameserver'] } },
		options: [
			{
				name: 'Set Nameservers',
				value: 'update',
				action: 'Set nameservers of domain',
				description:
					'Replace the whole nameserver list of a domain (propagation can take up to 48 hours)',
				routing: route('nameserver.update', {
					preSend: [
						requireValues({ userId: 'User', domainName: 'Domain', nameservers: 'Nameservers' }),
					],
				}),
			},
		],
		default: 'update',
	},
	...nameserverUpdateDescription,
];
