import { sendOauthSettings } from '../../shared/oauth';
import { checkConfirm, checkProviderOauth } from '../../shared/orderValidation';
import { defineResource } from '../../shared/resource';
import { buildDomainOrderBody, orderCreateFields } from './create';
import {
	buildMailboxOrderBody,
	checkMailboxOrderTarget,
	orderCreateMailboxOrderFields,
} from './createMailboxOrder';
import { confirmFields, orderIdField } from './fields';

const ORDER = { orderId: 'Order ID' };

export const orderDescription = defineResource(
	'order',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Create Domain and Mailbox Order',
				value: 'create',
				action: 'Create domain and mailbox order',
				description: 'Register domains and order mailboxes on them (charges the wallet)',
			},
			{
				name: 'Create Mailbox Order',
				value: 'createMailboxOrder',
				action: 'Create mailbox order',
				description: 'Order mailboxes on a domain the user already has (charges the wallet)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get order',
				description: 'Get the details of an order',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get order status',
				description: 'Get the processing status of an order',
			},
			{
				name: 'Process',
				value: 'process',
				action: 'Process order',
				description:
					'Queue an order created with Confirm = Create Only (Process Later) for processing (charges the wallet)',
			},
		],
		default: 'create',
	},
	{
		create: {
			preSend: [
				buildDomainOrderBody,
				sendOauthSettings('topLevel'),
				checkProviderOauth(true),
				checkConfirm,
			],
			lead: confirmFields(),
			fields: orderCreateFields,
		},
		createMailboxOrder: {
			preSend: [
				buildMailboxOrderBody,
				sendOauthSettings('topLevel'),
				checkProviderOauth(false),
				checkMailboxOrderTarget,
				checkConfirm,
			],
			lead: confirmFields(),
			fields: orderCreateMailboxOrderFields,
		},
		get: { required: ORDER, fields: [orderIdField('query')] },
		getStatus: { required: ORDER, fields: [orderIdField('query')] },
		process: { required: ORDER, fields: [orderIdField('body')] },
	},
);
