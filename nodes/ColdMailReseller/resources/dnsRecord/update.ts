import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { checkedParameter, setBody } from '../../shared/validation';
import { domainLocator } from '../domain/fields';
import { RECORD_HOST_PLACEHOLDER, RECORD_TYPE_DESCRIPTION, RECORD_TYPE_OPTIONS } from './fields';
import { checkRecord } from './validation';

const displayOptions = showFor('dnsRecord', 'update');

/** Checks the new record (priority only and always on MX) and sends it normalized. */
export async function checkUpdatedRecord(
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

export const dnsRecordUpdateDescription: INodeProperties[] = [
	userIdField('dnsRecord', 'update', 'dnsRecord.update'),
	domainLocator('dnsRecord', 'update', { type: 'body', property: 'domain' }),
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. record_123',
		description: 'ID of the record, from DNS Record → Get Many',
		displayOptions,
		routing: { send: { type: 'body', property: 'recordId' } },
	},
	{
		displayName: 'Record Type',
		name: 'recordType',
		type: 'options',
		required: true,
		default: 'TXT',
		options: RECORD_TYPE_OPTIONS,
		description: RECORD_TYPE_DESCRIPTION,
		displayOptions,
		routing: { send: { type: 'body', property: 'recordType' } },
	},
	{
		displayName: 'Host',
		name: 'host',
		type: 'string',
		required: true,
		default: '',
		placeholder: RECORD_HOST_PLACEHOLDER,
		description: 'Host name relative to the domain; @ is the domain itself',
		displayOptions,
		routing: { send: { type: 'body', property: 'host' } },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 192.0.2.20',
		description: 'New record value. The whole record is replaced, so give every field.',
		displayOptions,
		routing: { send: { type: 'body', property: 'value' } },
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		required: true,
		default: 10,
		typeOptions: { minValue: 0, maxValue: 65535 },
		description: 'MX priority; lower values are preferred',
		displayOptions: { show: { ...displayOptions.show, recordType: ['MX'] } },
		routing: { send: { type: 'body', property: 'priority' } },
	},
];
