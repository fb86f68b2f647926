import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';
import { cmrApiError } from './errors';
import { baseUrlOf } from './rateLimit';
import { cmrRequestWithRecovery } from './retry';

/** One CMR call outside declarative routing (list search, dropdowns), paced and retried. */
export async function cmrApiRequest(
	this: ILoadOptionsFunctions | IHookFunctions | IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
	body?: IDataObject,
): Promise<{ data: unknown; body: IDataObject }> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const response: IN8nHttpFullResponse = await cmrRequestWithRecovery(
		this,
		{ method, baseURL: baseUrlOf(credentials), url: path, qs, body, json: true },
		credentials,
	);
	if (response.statusCode >= 400) throw cmrApiError(this.getNode(), response);
	const envelope = (response.body ?? {}) as IDataObject;
	return { data: envelope.data, body: envelope };
}
