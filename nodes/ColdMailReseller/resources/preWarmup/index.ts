import { returnAllAndLimit, filtersField } from '../../shared/descriptions';
import { SERVICE_PROVIDERS } from '../../shared/orderValidation';
import { defineResource } from '../../shared/resource';
import { sendOneOf } from '../../shared/validation';
import { preWarmupOrderFields, preWarmupOrderPreSend } from './orderFields';

export const preWarmupDescription = defineResource(
	'preWarmup',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many prewarmed domains',
				description: 'List the pre-warmed domains and mailboxes available to buy',
			},
			{
				name: 'Order',
				value: 'order',
				action: 'Order prewarmed domains',
				description:
					'Buy pre-warmed domains with their mailboxes for a user, charged to the partner wallet',
			},
		],
		default: 'getAll',
	},
	{
		getAll: {
			list: 'paginated',
			fields: [
				...returnAllAndLimit(),
				filtersField([
					{
						displayName: 'Domain Contains',
						name: 'contains',
						type: 'string',
						default: '',
						placeholder: 'e.g. acme',
						description: 'Return only domains whose name contains this text',
						routing: { send: { type: 'query', property: 'contains' } },
					},
					{
						displayName: 'Service Provider',
						name: 'serviceProvider',
						type: 'options',
						options: [
							{ name: 'Google', value: 'GOOGLE' },
							{ name: 'Microsoft', value: 'MICROSOFT' },
						],
						default: 'GOOGLE',
						description: 'Return only domains of this mail provider',
						routing: {
							send: {
								preSend: [
									sendOneOf('filters.serviceProvider', 'Service Provider', SERVICE_PROVIDERS, {
										type: 'query',
										property: 'serviceProvider',
									}),
								],
							},
						},
					},
				]),
			],
		},
		order: {
			preSend: preWarmupOrderPreSend,
			fields: [...preWarmupOrderFields()],
		},
	},
);
