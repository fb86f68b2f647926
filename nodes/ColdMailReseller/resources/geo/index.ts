import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { envelopeOf } from '../../shared/answers';
import { defineResource } from '../../shared/resource';
import { sendChecked } from '../../shared/validation';

/**
 * Geo answers are `{name: code}` maps in `data`: one item `{name, code}` per entry. Read from
 * the envelope itself, so an `actionId` next to `data` never becomes a country.
 */
async function codeMapItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { data } = envelopeOf(response);
	if (!data || typeof data !== 'object' || Array.isArray(data)) return items;
	return Object.entries(data as IDataObject).map(([name, code]) => ({ json: { name, code } }));
}

export const geoDescription = defineResource(
	'geo',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get Countries',
				value: 'getCountries',
				action: 'Get countries',
				description: 'List countries with their ISO codes, for user addresses',
			},
			{
				name: 'Get States',
				value: 'getStates',
				action: 'Get states of a country',
				description: 'List the states or provinces of a country',
			},
		],
		default: 'getCountries',
	},
	{
		getCountries: { postReceive: [codeMapItems] },
		getStates: {
			required: { countryCode: 'Country Code' },
			postReceive: [codeMapItems],
			fields: [
				{
					displayName: 'Country Code',
					name: 'countryCode',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. US',
					description: 'ISO 3166-1 alpha-2 code, as returned by Get Countries',
					routing: {
						send: {
							preSend: [
								sendChecked('countryCode', 'countryCode', 'Country Code', {
									type: 'query',
									property: 'countryCode',
								}),
							],
						},
					},
				},
			],
		},
	},
);
