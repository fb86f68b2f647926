import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentParameterValue } from '../listSearch/searchList';
import { ENDPOINTS } from '../shared/endpoints';
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
	const endpoint = ENDPOINTS['geo.getStates'];
	const { data } = await cmrApiRequest.call(this, endpoint.method, endpoint.path, { countryCode });
	return filterEntries(codeMapToOptions(data, 'name'), filter);
}
