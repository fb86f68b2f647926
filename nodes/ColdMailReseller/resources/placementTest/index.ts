import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { returnAllAndLimit, filtersField } from '../../shared/descriptions';
import { mailboxIdsField } from '../../shared/fields';
import { defineResource } from '../../shared/resource';
import { booleanRouting, sendChecked, sendList } from '../../shared/validation';

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

export const placementTestDescription = defineResource(
	'placementTest',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create placement test',
				description: 'Run an inbox placement test on mailboxes, charged to the partner wallet',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many placement tests',
				description: 'List placement test reports of a user, newest first',
			},
		],
		default: 'create',
	},
	{
		create: {
			preSend: [sendList('mailboxIds', 'mailboxIds', 'Mailbox IDs')],
			fields: [
				mailboxIdsField(
					'Active mailboxes with SMTP credentials to test, separated by commas, or an array from an expression',
				),
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: [
						checkField(
							'aiInsight',
							'AI Insight',
							'Whether to add an AI deliverability report (costs extra)',
						),
						checkField('blacklist', 'Blacklist Check', 'Whether to include a blacklist check'),
						checkField(
							'spamassassin',
							'SpamAssassin Check',
							'Whether to include a SpamAssassin check',
						),
					],
				},
			],
		},
		getAll: {
			list: 'paginated',
			postReceive: [keepSingleReport],
			fields: [
				...returnAllAndLimit(),
				filtersField([
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
						description:
							'Return only the report of this placement test (the orderId returned by Create)',
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
			],
		},
	},
);
