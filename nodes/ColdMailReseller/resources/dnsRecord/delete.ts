import type { INodeProperties } from 'n8n-workflow';
import { permanentNotice, showFor, userIdField } from '../../shared/descriptions';

export const dnsRecordDeleteDescription: INodeProperties[] = [
	permanentNotice(
		'dnsRecord',
		'delete',
		'Deleting a DNS record is permanent; mail or websites that rely on it stop working once the change propagates.',
	),
	userIdField('dnsRecord', 'delete', 'dnsRecord.delete'),
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. record_123',
		description: 'ID of the record to delete, from DNS Record → Get Many',
		displayOptions: showFor('dnsRecord', 'delete'),
		routing: {
			send: { type: 'query', property: 'recordId', value: '={{String($value).trim()}}' },
		},
	},
];
