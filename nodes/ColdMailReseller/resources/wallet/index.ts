import { defineResource } from '../../shared/resource';

export const walletDescription = defineResource(
	'wallet',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get wallet',
				description:
					'Get the partner wallet that funds domains, renewals, mailboxes, warmup, pre-warmup and placement tests',
			},
		],
		default: 'get',
	},
	{ get: {} },
);
