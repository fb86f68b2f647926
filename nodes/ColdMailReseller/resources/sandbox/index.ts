import { defineResource } from '../../shared/resource';
import { sendOneOf } from '../../shared/validation';
import { preWarmupOrderFields, preWarmupOrderPreSend } from '../preWarmup/orderFields';

export const sandboxDescription = defineResource(
	'sandbox',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get Pre-Warmup Domains',
				value: 'getPreWarmupDomains',
				action: 'Get sandbox prewarmed domains',
				description: 'List the sandbox pre-warmed domains you can order for free',
			},
			{
				name: 'Order Pre-Warmup',
				value: 'orderPreWarmup',
				action: 'Order sandbox prewarmed domains',
				description: 'Place a $0 sandbox pre-warmup order with a chosen outcome, to test webhooks',
			},
			{
				name: 'Reset Pre-Warmup',
				value: 'resetPreWarmup',
				action: 'Reset sandbox prewarmup records',
				description:
					'Delete all your sandbox records, to start pre-warmup tests again from scratch',
			},
		],
		default: 'getPreWarmupDomains',
	},
	{
		getPreWarmupDomains: {
			list: 'all',
		},
		orderPreWarmup: {
			preSend: preWarmupOrderPreSend,
			fields: [
				...preWarmupOrderFields(),
				{
					displayName: 'Scenario',
					name: 'scenario',
					type: 'options',
					options: [
						{
							name: 'Full Failure',
							value: 'full_failure',
							description: 'Every domain fails (prewarmup.order.failed)',
						},
						{
							name: 'Partial Failure',
							value: 'partial_failure',
							description: 'One domain fails, the others succeed (both webhooks fire)',
						},
						{
							name: 'Success',
							value: 'success',
							description: 'Every domain succeeds (prewarmup.order.success)',
						},
					],
					default: 'success',
					description: 'Outcome the sandbox simulates for this order',
					routing: {
						send: {
							preSend: [
								sendOneOf('scenario', 'Scenario', ['success', 'partial_failure', 'full_failure'], {
									type: 'body',
									property: 'scenario',
								}),
							],
						},
					},
				},
			],
		},
		resetPreWarmup: {
			permanent:
				'Resetting deletes all your sandbox records immediately and cannot be undone. Production data is not affected.',
		},
	},
);
