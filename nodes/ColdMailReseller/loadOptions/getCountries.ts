import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { cmrApiRequest } from '../shared/transport';

/**
 * `{name: code}` maps (countries, states) as sorted picker entries. Countries are sent as
 * their ISO code, states by name (the documented Create User example sends "New York").
 */
export function codeMapToOptions(data: unknown, send: 'code' | 'name'): INodeListSearchItems[] {
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

/** Entries whose label contains the typed text (CMR's geo lists take no search parameter). */
export function filterEntries(
	entries: INodeListSearchItems[],
	filter?: string,
): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	return { results: entries.filter((e) => !needle || e.name.toLowerCase().includes(needle)) };
}

/** Countries for the Country picker (Geo → Get Countries); the value is the ISO code. */
export async function getCountries(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { data } = await cmrApiRequest.call(this, 'geo.getCountries');
	return filterEntries(codeMapToOptions(data, 'code'), filter);
}
