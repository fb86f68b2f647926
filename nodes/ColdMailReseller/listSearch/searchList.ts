import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { MAX_PAGE_SIZE } from '../shared/constants';
import type { EndpointKey } from '../shared/endpoints';
import { listItemsOf } from '../shared/output';
import { hasNextPage } from '../shared/pagination';
import { cmrApiRequest } from '../shared/transport';

/**
 * A parameter's current value as typed or picked: the value of a resource locator, or a plain
 * string (as older saved workflows store it); '' when empty or still an unresolved expression.
 */
export function currentParameterValue(context: ILoadOptionsFunctions, path: string): string {
	const raw = context.getCurrentNodeParameter(path);
	const value = raw && typeof raw === 'object' && 'value' in raw ? (raw as IDataObject).value : raw;
	return typeof value === 'string' && !value.startsWith('=') ? value.trim() : '';
}

/** The chosen user's id, when the node has a User field filled in; '' otherwise. */
export function currentUserId(context: ILoadOptionsFunctions): string {
	return currentParameterValue(context, 'userId');
}

/**
 * One page of a CMR list as picker entries, filtered by the typed text (CMR documents no
 * search parameter for these lists, so the filter is applied here).
 */
export async function searchList(
	context: ILoadOptionsFunctions,
	endpointKey: EndpointKey,
	qs: IDataObject,
	toEntry: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const { data, body } = await cmrApiRequest.call(context, endpointKey, {
		...qs,
		page,
		limit: MAX_PAGE_SIZE,
	});
	const records = listItemsOf(data);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = records
		.map(toEntry)
		.filter(
			(entry) => entry.value !== '' && (!needle || entry.name.toLowerCase().includes(needle)),
		);
	return {
		results,
		paginationToken: hasNextPage(body, page, records.length, MAX_PAGE_SIZE)
			? String(page + 1)
			: undefined,
	};
}
