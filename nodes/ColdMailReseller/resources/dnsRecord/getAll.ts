import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { domainLocator } from '../../shared/fields';

const displayOptions = showFor('dnsRecord', 'getAll');

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
export async function splitDnsRecords(
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

export const dnsRecordGetAllDescription: INodeProperties[] = [
	userIdField('dnsRecord', 'getAll', 'dnsRecord.getAll'),
	...updateDisplayOptions(showFor('dnsRecord', 'getAll'), [
		domainLocator({ type: 'query', property: 'domain' }),
	]),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
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
];
