/**
 * How an operation is sent: method and path from ENDPOINTS, the paid-call guard, and page/limit
 * pagination (answers are shaped in output.ts).
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { CREDENTIAL_NAME, MAX_PAGE_SIZE } from './constants';
import { ENDPOINTS, type EndpointKey } from './endpoints';
import type { Envelope } from './answers';
import { throwOnCmrError, unwrapEnvelope, unwrapList } from './output';
import { invalidInput } from './errors';

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

/**
 * Page/limit pagination for every CMR list: pages of up to 100 until Return All is
 * satisfied or Limit is reached. Filters already in the query are kept on every page.
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
			returnFullResponse: true,
		} as IHttpRequestOptions;
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_NAME,
			options,
		)) as IN8nHttpFullResponse;
		let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
		for (const { actions } of requestData.postReceive) {
			for (const action of actions) {
				if (typeof action === 'function') items = await action.call(this, items, response);
			}
		}
		results.push(...items);
		if (results.length >= limit || !hasNextPage(response.body, page, items.length, pageSize)) break;
	}
	return results;
}

/** Paid calls charge the wallet: n8n's Retry On Fail could charge twice, so refuse it. */
export async function refuseRetryOnPaidCall(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNode().retryOnFail) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'Retry On Fail is on for an operation that charges the CMR wallet',
			'Turn off Settings → Retry On Fail for this node. If a paid call fails, check Order → Get Status before placing it again, so nothing is charged twice.',
		);
	}
	return requestOptions;
}

export interface RouteOptions {
	/** Checks and body builders that run before the request. */
	preSend?: PreSendAction[];
	/** Output shaping after the envelope is unwrapped. */
	postReceive?: PostReceiveAction[];
	/** 'paginated': page/limit list; 'all': a list CMR returns in one answer. */
	list?: 'paginated' | 'all';
}

/** Routing for one operation: method and path from ENDPOINTS, errors, envelope, paging. */
export function route(key: EndpointKey, options: RouteOptions = {}): INodePropertyRouting {
	const endpoint = ENDPOINTS[key];
	const paid = 'paid' in endpoint && endpoint.paid;
	const routing: INodePropertyRouting = {
		request: { method: endpoint.method, url: endpoint.path },
		send: {
			preSend: [...(paid ? [refuseRetryOnPaidCall] : []), ...(options.preSend ?? [])],
		},
		output: {
			postReceive: [
				throwOnCmrError,
				options.list ? unwrapList : unwrapEnvelope,
				...(options.postReceive ?? []),
			],
		},
	};
	if (options.list === 'paginated') {
		routing.send!.paginate = true;
		routing.operations = { pagination: paginateCmrList };
	}
	return routing;
}
