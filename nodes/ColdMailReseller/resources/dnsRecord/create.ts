import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { parseJson, setBody } from '../../shared/validation';
import { domainLocator } from '../domain/fields';
import {
	DMARC_TAG_OPTIONS,
	RECORD_HOST_PLACEHOLDER,
	RECORD_TYPE_DESCRIPTION,
	RECORD_TYPE_OPTIONS,
} from './fields';
import { checkRecord } from './validation';

const displayOptions = showFor('dnsRecord', 'create');

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
export async function buildRecordsBody(
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

export const dnsRecordCreateDescription: INodeProperties[] = [
	userIdField('dnsRecord', 'create', 'dnsRecord.create'),
	domainLocator('dnsRecord', 'create', { type: 'body', property: 'domain' }),
	{
		displayName: 'Records Input',
		name: 'recordsInput',
		type: 'options',
		default: 'fields',
		description: 'How to give the records to add',
		displayOptions,
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
		displayOptions: { show: { ...displayOptions.show, recordsInput: ['fields'] } },
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
		displayOptions: { show: { ...displayOptions.show, recordsInput: ['json'] } },
	},
];
