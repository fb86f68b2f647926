import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentUserId, searchList } from './searchList';

async function searchDomains(
	context: ILoadOptionsFunctions,
	valueFrom: 'name' | 'id',
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const userId = currentUserId(context);
	if (!userId) return { results: [] };
	const nameOf = (domain: IDataObject) =>
		String(domain.domainName ?? domain.domain ?? domain.name ?? '');
	return await searchList(
		context,
		'domain.getAll',
		{ userId },
		(domain) => ({
			name: `${nameOf(domain)}${domain.status ? ` (${String(domain.status)})` : ''}`,
			value: valueFrom === 'name' ? nameOf(domain) : String(domain.domainId ?? domain.id ?? ''),
		}),
		filter,
		paginationToken,
	);
}

/** Domains of the chosen user; the value is the domain name. */
export async function getDomainNames(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchDomains(this, 'name', filter, paginationToken);
}

/** Domains of the chosen user; the value is the CMR domain id. */
export async function getDomainIds(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchDomains(this, 'id', filter, paginationToken);
}
