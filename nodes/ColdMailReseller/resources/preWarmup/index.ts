import type { INodeProperties } from 'n8n-workflow';
import { paidNotice, returnAllAndLimit, filtersField } from '../../shared/descriptions';
import { SERVICE_PROVIDERS } from '../../shared/orderValidation';
import { route } from '../../shared/routing';
import { sendOneOf } from '../../shared/validation';
import { preWarmupOrderFields, preWarmupOrderPreSend } from './orderFields';

const RESOURCE = 'preWarmup';

export const preWarmupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [RESOURCE] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many prewarmed domains',
				description: 'List the pre-warmed domains and mailboxes available to buy',
				routing: route('preWarmup.getAll', { list: 'paginated' }),
			},
			{
				name: 'Order',
				value: 'order',
				action: 'Order prewarmed domains',
				description:
					'Buy pre-warmed domains with their mailboxes for a user, charged to the partner wallet',
				routing: route('preWarmup.order', { preSend: preWarmupOrderPreSend }),
			},
		],
		default: 'getAll',
	},

	// Get Many
	...returnAllAndLimit(RESOURCE, 'getAll'),
	filtersField(RESOURCE, 'getAll', [
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

	// Order
	paidNotice(RESOURCE, 'order'),
	...preWarmupOrderFields(RESOURCE, 'order', 'preWarmup.order'),
];
