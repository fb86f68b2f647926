import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import type { Envelope } from './answers';
import { MAX_PAGE_SIZE } from './constants';
import { addToMessage, asNodeError, cmrRequestWithRecovery } from './retry';

/** Safety stop for Return All: 1000 pages of 100 items. */
export const MAX_PAGES = 1000;

/** Whether another page follows, from CMR's pagination info or, lacking it, a full page. */
export function hasNextPage(body: unknown, page: number, pageItems: number, pageSize: number) {
	const data = (body as Envelope | undefined)?.data as IDataObject | undefined;
	const info = ((data && (data.pagination as IDataObject)) ?? data ?? {}) as IDataObject;
	if (typeof info.totalPages === 'number') return page < info.totalPages;
	if (info.nextPage !== undefined) return info.nextPage !== null && Number(info.nextPage) > page;
	return pageItems >= pageSize;
}

/** The operation's output steps (errors, envelope, Simplify, ...) on one answer. */
async function applyPostReceive(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const { actions } of requestData.postReceive) {
		for (const action of actions) {
			if (typeof action === 'function') items = await action.call(context, items, response);
		}
	}
	return items;
}

/**
 * Sends one operation's request through the key's limiter with 429/GET recovery (see
 * cmrRequestWithRecovery). Used as the routing's request operation for every operation
 * that is not a paged list, so that n8n's own concurrent requests are paced too.
 */
export async function sendCmrRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const response = await cmrRequestWithRecovery(this, requestData.options as IHttpRequestOptions);
	return await applyPostReceive(this, requestData, response);
}

/**
 * Page/limit pagination for every CMR list: pages of up to 100 until Return All is
 * satisfied or Limit is reached. Filters already in the query are kept on every page. Each
 * page gets the limiter and the recovery of sendCmrRequest; a page that still fails names
 * itself and the records read before it.
 */
export async function paginateCmrList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', 50));
	const pageSize = Math.min(MAX_PAGE_SIZE, limit);
	const results: INodeExecutionData[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const options = {
			...requestData.options,
			qs: { ...requestData.options.qs, page, limit: pageSize },
		} as IHttpRequestOptions;
		let response: IN8nHttpFullResponse;
		let items: INodeExecutionData[];
		try {
			response = await cmrRequestWithRecovery(this, options);
			items = await applyPostReceive(this, requestData, response);
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error);
			if (page === 1) throw nodeError;
			throw addToMessage(
				nodeError,
				`(page ${page} failed; ${results.length} records were read before it)`,
			);
		}
		for (const item of items) results.push(item);
		if (results.length >= limit || !hasNextPage(response.body, page, items.length, pageSize)) break;
	}
	return results;
}
