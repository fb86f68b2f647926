import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { domainLocator } from '../../shared/fields';
import { defineResource } from '../../shared/resource';
import { deletedResult } from '../../shared/output';
import { checkedParameter, parseJson, sendChecked } from '../../shared/validation';
import {
	DMARC_TAG_OPTIONS,
	RECORD_HOST_PLACEHOLDER,
	RECORD_TYPE_DESCRIPTION,
	RECORD_TYPE_OPTIONS,
	checkRecord,
} from './records';
import { setBody } from '../../shared/bodies';

function recordsIn(value: unknown): IDataObject[] {
	return Array.isArray(value)
		? value
				.filter((entry) => entry && typeof entry === 'object')
				.map((entry) => entry as IDataObject)
		: [];
}

/**
 * CMR answers `data: {records, disabledRecords}`: one item per active record, plus the
 * disabled ones (each with `disabled: true`, active ones then get `disabled: false`) when
 * Include Disabled Records is on.
 */
async function splitDnsRecords(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const answer = items.length === 1 ? items[0].json : undefined;
	const grouped =
		answer && (Array.isArray(answer.records) || Array.isArray(answer.disabledRecords));
	const active = grouped ? recordsIn(answer.records) : items.map((item) => item.json);
	const disabled = grouped ? recordsIn(answer.disabledRecords) : [];
	if (!(this.getNodeParameter('options.includeDisabled', false) as boolean)) {
		return active.map((json) => ({ json }));
	}
	return [
		...active.map((record) => ({ json: { ...record, disabled: false } })),
		...disabled.map((record) => ({ json: { ...record, disabled: true } })),
	];
}

/** The records typed in the Records collection, minus values hidden for the chosen type. */
function recordsFromFields(context: IExecuteSingleFunctions): IDataObject[] {
	const entries = context.getNodeParameter('records.record', []) as IDataObject[];
	return entries.map((entry) => {
		const record = { ...entry };
		const type = String(record.recordType ?? '').toUpperCase();
		if (type !== 'MX') delete record.priority;
		if (type !== 'TXT') delete record.excludedDMARCtags;
		return record;
	});
}

function recordsFromJson(context: IExecuteSingleFunctions): IDataObject[] {
	const parsed = parseJson(
		context,
		context.getNodeParameter('recordsJson', '[]'),
		'Records (JSON)',
	);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	return list.map((entry, index) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			throw invalidInput(
				context.getNode(),
				context.getItemIndex(),
				`Records (JSON): record ${index + 1} is not an object`,
				'Give an array of objects such as [{"host": "@", "value": "v=spf1 ...", "recordType": "TXT"}].',
			);
		}
		return entry as IDataObject;
	});
}

/** Builds `records` from either input mode and checks every record before sending. */
async function buildRecordsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const mode = this.getNodeParameter('recordsInput', 'fields') as string;
	const raw = mode === 'json' ? recordsFromJson(this) : recordsFromFields(this);
	if (!raw.length) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'No DNS records to create',
			mode === 'json'
				? 'Give at least one record in "Records (JSON)".'
				: 'Add at least one record under "Records".',
		);
	}
	const records = raw.map((record, index) => checkRecord(this, record, `Record ${index + 1}`));
	return setBody(requestOptions, { records });
}

/**
 * Checks the new record (priority only and always on MX) and sends it normalized: the record's
 * fields have no routing of their own, so a Priority still displayed for a Record Type set by
 * expression never goes out with an A or TXT record.
 */
async function checkUpdatedRecord(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const recordType = this.getNodeParameter('recordType', '') as string;
	const raw: IDataObject = {
		host: this.getNodeParameter('host', ''),
		value: this.getNodeParameter('value', ''),
		recordType,
		...(recordType === 'MX' ? { priority: this.getNodeParameter('priority', '') } : {}),
	};
	const record = checkRecord(this, raw, 'Record');
	const recordId = checkedParameter(this, 'id', 'recordId', 'Record ID');
	return setBody(requestOptions, { recordId, ...record });
}

export const dnsRecordDescription = defineResource(
	'dnsRecord',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create DNS record',
				description: 'Add one or more DNS records to a domain',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete DNS record',
				description: 'Permanently delete a DNS record',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many DNS records',
				description: 'List the DNS records of a domain',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update DNS record',
				description: 'Replace the host, value and type of a DNS record',
			},
		],
		default: 'getAll',
	},
	{
		create: {
			required: { domainName: 'Domain' },
			preSend: [buildRecordsBody],
			fields: [
				domainLocator({ type: 'body', property: 'domain' }),
				{
					displayName: 'Records Input',
					name: 'recordsInput',
					type: 'options',
					default: 'fields',
					description: 'How to give the records to add',
					options: [
						{ name: 'Fields', value: 'fields', description: 'Type each record below' },
						{
							name: 'JSON',
							value: 'json',
							description: 'An array of records, e.g. from an expression',
						},
					],
				},
				{
					displayName: 'Records',
					name: 'records',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Record',
					default: {},
					required: true,
					description: 'Records to add to the domain; several can be added in one call',
					displayOptions: { show: { recordsInput: ['fields'] } },
					options: [
						{
							displayName: 'Record',
							name: 'record',
							values: [
								{
									displayName: 'Excluded DMARC Tags',
									name: 'excludedDMARCtags',
									type: 'multiOptions',
									default: [],
									description:
										'Only for a TXT record whose host is _dmarc (or starts with _dmarc): tags CMR should not add to the policy automatically',
									options: DMARC_TAG_OPTIONS,
									displayOptions: { show: { recordType: ['TXT'] } },
								},
								{
									displayName: 'Host',
									name: 'host',
									type: 'string',
									default: '',
									placeholder: RECORD_HOST_PLACEHOLDER,
									description: 'Host name relative to the domain; @ is the domain itself',
								},
								{
									displayName: 'Priority',
									name: 'priority',
									type: 'number',
									default: 10,
									typeOptions: { minValue: 0, maxValue: 65535 },
									description: 'MX priority; lower values are preferred',
									displayOptions: { show: { recordType: ['MX'] } },
								},
								{
									displayName: 'Record Type',
									name: 'recordType',
									type: 'options',
									default: 'TXT',
									options: RECORD_TYPE_OPTIONS,
									description: RECORD_TYPE_DESCRIPTION,
								},
								{
									displayName: 'Value',
									name: 'value',
									type: 'string',
									default: '',
									placeholder: 'e.g. v=spf1 include:_spf.google.com ~all',
									description: 'Record value, as given by your email or hosting provider',
								},
							],
						},
					],
				},
				{
					displayName: 'Records (JSON)',
					name: 'recordsJson',
					type: 'json',
					required: true,
					default: '[\n  {\n    "host": "@",\n    "value": "",\n    "recordType": "TXT"\n  }\n]',
					description:
						'Array of records: {host, value, recordType, priority (MX only), excludedDMARCtags (_dmarc TXT only)}',
					displayOptions: { show: { recordsInput: ['json'] } },
				},
			],
		},
		delete: {
			required: { recordId: 'Record ID' },
			postReceive: [deletedResult('recordId')],
			permanent:
				'Deleting a DNS record is permanent; mail or websites that rely on it stop working once the change propagates.',
			fields: [
				{
					displayName: 'Record ID',
					name: 'recordId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. record_123',
					description: 'ID of the record to delete, from DNS Record → Get Many',
					routing: {
						send: {
							preSend: [
								sendChecked('id', 'recordId', 'Record ID', { type: 'query', property: 'recordId' }),
							],
						},
					},
				},
			],
		},
		getAll: {
			required: { domainName: 'Domain' },
			postReceive: [splitDnsRecords],
			list: 'all',
			fields: [
				domainLocator({ type: 'query', property: 'domain' }),
				{
					displayName: 'Options',
					name: 'options',
					type: 'collection',
					placeholder: 'Add Option',
					default: {},
					options: [
						{
							displayName: 'Include Disabled Records',
							name: 'includeDisabled',
							type: 'boolean',
							default: false,
							description:
								'Whether to also return the disabled records (marked disabled: true; active ones get disabled: false)',
						},
					],
				},
			],
		},
		update: {
			required: { domainName: 'Domain', recordId: 'Record ID', host: 'Host', value: 'Value' },
			preSend: [checkUpdatedRecord],
			fields: [
				domainLocator({ type: 'body', property: 'domain' }),
				{
					displayName: 'Record ID',
					name: 'recordId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. record_123',
					description: 'ID of the record, from DNS Record → Get Many',
				},
				{
					displayName: 'Record Type',
					name: 'recordType',
					type: 'options',
					required: true,
					default: 'TXT',
					options: RECORD_TYPE_OPTIONS,
					description: RECORD_TYPE_DESCRIPTION,
				},
				{
					displayName: 'Host',
					name: 'host',
					type: 'string',
					required: true,
					default: '',
					placeholder: RECORD_HOST_PLACEHOLDER,
					description: 'Host name relative to the domain; @ is the domain itself',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. 192.0.2.20',
					description: 'New record value. The whole record is replaced, so give every field.',
				},
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'number',
					required: true,
					default: 10,
					typeOptions: { minValue: 0, maxValue: 65535 },
					description: 'MX priority; lower values are preferred',
					displayOptions: { show: { recordType: ['MX'] } },
				},
			],
		},
	},
);
