import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { defineResource } from '../../shared/resource';
import { isBlank, parseJson } from '../../shared/validation';
import { invalidInput } from '../../shared/errors';
import { setBody } from '../../shared/bodies';

/** Optional `details`: any JSON value, given as text or by an expression. */
async function sendDetails(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('additionalFields.details', '') as unknown;
	if (isBlank(raw)) return requestOptions;
	const details = parseJson(this, raw, 'Details');
	if (details === null || typeof details !== 'object') {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'Details is not a JSON object or array',
			'Enter a JSON object such as {"step": "export", "code": 500}, or remove Details.',
		);
	}
	return setBody(requestOptions, { details: details as IDataObject });
}

export const errorReportDescription = defineResource(
	'errorReport',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send error report',
				description:
					'Send an error report to CMR. CMR does not document what this endpoint is for; its path and body are inferred.',
			},
		],
		default: 'send',
	},
	{
		send: {
			required: { message: 'Message' },
			preSend: [sendDetails],
			fields: [
				{
					displayName: 'Message',
					name: 'message',
					type: 'string',
					typeOptions: { rows: 2 },
					required: true,
					default: '',
					placeholder: 'e.g. Mailbox export failed for GP6M2J2DHXM3F2J40S8AP316R2QR',
					description: 'What went wrong',
					routing: { send: { type: 'body', property: 'message' } },
				},
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: [
						{
							displayName: 'Details (JSON)',
							name: 'details',
							type: 'json',
							default: '{}',
							description: 'Extra context as a JSON object, sent as `details`',
						},
					],
				},
			],
		},
	},
);
