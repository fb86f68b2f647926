import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentParameterValue } from '../listSearch/searchList';
import { cmrApiRequest } from '../shared/transport';
import { codeMapToOptions, filterEntries } from './getCountries';

/**
 * States of the chosen country (User → Create: `country`; User → Update: `updateFields.country`),
 * for the State picker; the value is the state's name.
 */
export async function getStates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const countryCode =
		currentParameterValue(this, 'country') || currentParameterValue(this, 'updateFields.country');
	if (!countryCode) return { results: [] };
	const { data } = await cmrApiRequest.call(this, 'geo.getStates', { countryCode });
	return filterEntries(codeMapToOptions(data, 'name'), filter);
}
