/**
 * How an operation is sent: method and path from ENDPOINTS, the paid-call guard, and the
 * request operation (pagination.ts: pacing, retries, page/limit); answers are shaped in output.ts.
 */
import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { ENDPOINTS, type EndpointKey } from './endpoints';
import { invalidInput } from './errors';
import { throwOnCmrError, unwrapEnvelope, unwrapList } from './output';
import { paginateCmrList, sendCmrRequest } from './pagination';

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
	// Every request goes through a request operation: the limiter and the retries live there.
	routing.send!.paginate = true;
	routing.operations = {
		pagination: options.list === 'paginated' ? paginateCmrList : sendCmrRequest,
	};
	return routing;
}
