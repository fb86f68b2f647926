import type { INodeProperties } from 'n8n-workflow';
import { paidNotice, userIdField } from '../../shared/descriptions';
import { sendOauthSettings } from '../../shared/oauth';
import { checkConfirm, checkProviderOauth } from '../../shared/orderValidation';
import { route } from '../../shared/routing';
import { requireValues } from '../../shared/validation';
import { buildDomainOrderBody, orderCreateDescription } from './create';
import {
	buildMailboxOrderBody,
	checkMailboxOrderTarget,
	orderCreateMailboxOrderDescription,
} from './createMailboxOrder';
import { orderIdField } from './fields';

const requireCustomer = requireValues({ userId: 'User' });
const requireOrder = requireValues({ userId: 'User', orderId: 'Order ID' });

export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Create Domain and Mailbox Order',
				value: 'create',
				action: 'Create domain and mailbox order',
				description: 'Register domains and order mailboxes on them (charges the wallet)',
				routing: route('order.create', {
					preSend: [
						requireCustomer,
						buildDomainOrderBody,
						sendOauthSettings('topLevel'),
						checkProviderOauth(true),
						checkConfirm,
					],
				}),
			},
			{
				name: 'Create Mailbox Order',
				value: 'createMailboxOrder',
				action: 'Create mailbox order',
				description: 'Order mailboxes on a domain the user already has (charges the wallet)',
				routing: route('order.createMailboxOrder', {
					preSend: [
						requireCustomer,
						buildMailboxOrderBody,
						sendOauthSettings('topLevel'),
						checkProviderOauth(false),
						checkMailboxOrderTarget,
						checkConfirm,
					],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get order',
				description: 'Get the details of an order',
				routing: route('order.get', { preSend: [requireOrder] }),
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get order status',
				description: 'Get the processing status of an order',
				routing: route('order.getStatus', { preSend: [requireOrder] }),
			},
			{
				name: 'Process',
				value: 'process',
				action: 'Process order',
				description:
					'Queue an order created with Confirm = Create Only (Process Later) for processing (charges the wallet)',
				routing: route('order.process', { preSend: [requireOrder] }),
			},
		],
		default: 'create',
	},
	...orderCreateDescription,
	...orderCreateMailboxOrderDescription,
	userIdField('order', 'get', 'order.get'),
	orderIdField('get', 'query'),
	userIdField('order', 'getStatus', 'order.getStatus'),
	orderIdField('getStatus', 'query'),
	paidNotice('order', 'process'),
	userIdField('order', 'process', 'order.process'),
	orderIdField('process', 'body'),
];
