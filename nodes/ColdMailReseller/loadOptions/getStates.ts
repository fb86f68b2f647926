import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { ENDPOINTS } from '../shared/endpoints';
import { cmrApiRequest } from '../shared/transport';
import { codeMapToOptions } from './getCountries';

/** States of the country chosen in the `country` parameter. */
export async function getStates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const countryCode = String(this.getCurrentNodeParameter('country') ?? '').trim();
	if (!countryCode || countryCode.startsWith('=')) return [];
	const endpoint = ENDPOINTS['geo.getStates'];
	const { data } = await cmrApiRequest.call(this, endpoint.method, endpoint.path, { countryCode });
	return codeMapToOptions(data, 'name');
}
