import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	paidNotice,
	returnAllAndLimit,
	showFor,
	userIdField,
	filtersField,
} from '../../shared/descriptions';
import { route } from '../../shared/routing';
import { booleanRouting, requireValues, sendChecked, sendList } from '../../shared/validation';

const RESOURCE = 'placementTest';

/**
 * CMR's list wrapper for reports is undocumented. When it answers with one report object
 * (it has an `orderId`), output that report rather than its `mailboxes` array.
 */
async function keepSingleReport(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = (response.body as IDataObject | undefined)?.data;
	if (data && typeof data === 'object' && !Array.isArray(data) && 'orderId' in data) {
		return [{ json: data as IDataObject }];
	}
	return items;
}

function checkField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'boolean',
		default: false,
		description,
		routing: booleanRouting(`additionalFields.${name}`, displayName, name),
	};
}

export const placementTestDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [RESOURCE] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create placement test',
				description: 'Run an inbox placement test on mailboxes, charged to the partner wallet',
				routing: route('placementTest.create', {
					preSend: [
						requireValues({ userId: 'User' }),
						sendList('mailboxIds', 'mailboxIds', 'Mailbox IDs'),
					],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many placement tests',
				description: 'List placement test reports of a user, newest first',
				routing: route('placementTest.getAll', {
					preSend: [requireValues({ userId: 'User' })],
					list: 'paginated',
					postReceive: [keepSingleReport],
				}),
			},
		],
		default: 'create',
	},

	// Create
	paidNotice(RESOURCE, 'create'),
	userIdField(RESOURCE, 'create', 'placementTest.create'),
	{
		displayName: 'Mailbox IDs',
		name: 'mailboxIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR, 4X9K1L7N2P5Q8R3S6T0U',
		description:
			'Active mailboxes with SMTP credentials to test, separated by commas, or an array from an expression',
		displayOptions: showFor(RESOURCE, 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, 'create'),
		options: [
			checkField(
				'aiInsight',
				'AI Insight',
				'Whether to add an AI deliverability report (costs extra)',
			),
			checkField('blacklist', 'Blacklist Check', 'Whether to include a blacklist check'),
			checkField('spamassassin', 'SpamAssassin Check', 'Whether to include a SpamAssassin check'),
		],
	},

	// Get Many
	userIdField(RESOURCE, 'getAll', 'placementTest.getAll'),
	...returnAllAndLimit(RESOURCE, 'getAll'),
	filtersField(RESOURCE, 'getAll', [
		{
			displayName: 'Mailbox ID',
			name: 'mailboxId',
			type: 'string',
			default: '',
			placeholder: 'e.g. GP6M2J2DHXM3F2J40S8AP316R2QR',
			description: 'Return only reports that include this mailbox',
			routing: {
				send: {
					preSend: [
						sendChecked(
							'id',
							'filters.mailboxId',
							'Mailbox ID',
							{ type: 'query', property: 'mailboxId' },
							true,
						),
					],
				},
			},
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7K2M9P4Q1R8S5T3U6V0W2X4Y8Z1A',
			description: 'Return only the report of this placement test (the orderId returned by Create)',
			routing: {
				send: {
					preSend: [
						sendChecked(
							'id',
							'filters.orderId',
							'Order ID',
							{ type: 'query', property: 'orderId' },
							true,
						),
					],
				},
			},
		},
	]),
];
