import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { ENDPOINTS } from '../shared/endpoints';
import { cmrApiRequest } from '../shared/transport';
import { codeMapToOptions } from './getCountries';

/** States of the chosen country (User → Create: `country`; User → Update: `updateFields.country`). */
export async function getStates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const country =
		this.getCurrentNodeParameter('country') ?? this.getCurrentNodeParameter('updateFields.country');
	const countryCode = String(country ?? '').trim();
	if (!countryCode || countryCode.startsWith('=')) return [];
	const endpoint = ENDPOINTS['geo.getStates'];
	const { data } = await cmrApiRequest.call(this, endpoint.method, endpoint.path, { countryCode });
	return codeMapToOptions(data, 'name');
}
