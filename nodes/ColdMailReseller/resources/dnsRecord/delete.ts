import type { INodeProperties } from 'n8n-workflow';
import { permanentNotice, showFor, userIdField } from '../../shared/descriptions';
import { sendChecked } from '../../shared/validation';

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
			send: {
				preSend: [
					sendChecked('id', 'recordId', 'Record ID', { type: 'query', property: 'recordId' }),
				],
			},
		},
	},
];
