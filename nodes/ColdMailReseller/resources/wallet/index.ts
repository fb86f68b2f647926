import type { INodeProperties } from 'n8n-workflow';
import { route } from '../../shared/routing';

export const walletDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['wallet'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get wallet',
				description:
					'Get the partner wallet that funds domains, renewals, mailboxes, warmup, pre-warmup and placement tests',
				routing: route('wallet.get'),
			},
		],
		default: 'get',
	},
];
