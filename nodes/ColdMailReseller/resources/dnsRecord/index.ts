import type { INodeProperties } from 'n8n-workflow';
import { deletedResult, route } from '../../shared/routing';
import { requireValues } from '../../shared/validation';
import { buildRecordsBody, dnsRecordCreateDescription } from './create';
import { dnsRecordDeleteDescription } from './delete';
import { dnsRecordGetAllDescription, splitDnsRecords } from './getAll';
import { checkUpdatedRecord, dnsRecordUpdateDescription } from './update';

const USER_AND_DOMAIN = { userId: 'User', domainName: 'Domain' };

export const dnsRecordDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dnsRecord'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create DNS record',
				description: 'Add one or more DNS records to a domain',
				routing: route('dnsRecord.create', {
					preSend: [requireValues(USER_AND_DOMAIN), buildRecordsBody],
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete DNS record',
				description: 'Permanently delete a DNS record',
				routing: route('dnsRecord.delete', {
					preSend: [requireValues({ userId: 'User', recordId: 'Record ID' })],
					postReceive: [deletedResult('recordId')],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many DNS records',
				description: 'List the DNS records of a domain',
				routing: route('dnsRecord.getAll', {
					preSend: [requireValues(USER_AND_DOMAIN)],
					postReceive: [splitDnsRecords],
					list: 'all',
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update DNS record',
				description: 'Replace the host, value and type of a DNS record',
				routing: route('dnsRecord.update', {
					preSend: [
						requireValues({
							...USER_AND_DOMAIN,
							recordId: 'Record ID',
							host: 'Host',
							value: 'Value',
						}),
						checkUpdatedRecord,
					],
				}),
			},
		],
		default: 'getAll',
	},
	...dnsRecordCreateDescription,
	...dnsRecordDeleteDescription,
	...dnsRecordGetAllDescription,
	...dnsRecordUpdateDescription,
];
