import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { ENDPOINTS } from '../shared/endpoints';
import { cmrApiRequest } from '../shared/transport';

/**
 * `{name: code}` maps (countries, states) as sorted dropdown options. Countries are sent as
 * their ISO code, states by name (the documented Create User example sends "New York").
 */
export function codeMapToOptions(data: unknown, send: 'code' | 'name'): INodePropertyOptions[] {
	const entries = Array.isArray(data)
		? (data as IDataObject[]).map((entry) => [entry.name, entry.code ?? entry.value])
		: Object.entries((data as IDataObject) ?? {});
	return entries
		.map(([name, code]) => ({
			name: `${String(name)} (${String(code)})`,
			value: String(send === 'code' ? code : name),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const endpoint = ENDPOINTS['geo.getCountries'];
	const { data } = await cmrApiRequest.call(this, endpoint.method, endpoint.path);
	return codeMapToOptions(data, 'code');
}
