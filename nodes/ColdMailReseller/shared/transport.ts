import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';
import { answerFailureOf, envelopeOf } from './answers';
import { ENDPOINTS, type EndpointKey } from './endpoints';
import { cmrApiError } from './errors';
import { baseUrlOf } from './rateLimit';
import { cmrRequestWithRecovery } from './retry';

/**
 * One CMR call outside declarative routing (list search, dropdowns), paced and retried, to
 * the method and path of `key` in the endpoint table.
 */
export async function cmrApiRequest(
	this: ILoadOptionsFunctions | IHookFunctions | IExecuteSingleFunctions | IPollFunctions,
	key: EndpointKey,
	qs: IDataObject = {},
	body?: IDataObject,
): Promise<{ data: unknown; body: IDataObject }> {
	const { method, path } = ENDPOINTS[key];
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const response: IN8nHttpFullResponse = await cmrRequestWithRecovery(
		this,
		{ method, baseURL: baseUrlOf(credentials), url: path, qs, body, json: true },
		credentials,
	);
	if (answerFailureOf(response)) {
		throw cmrApiError(this.getNode(), response, undefined, credentials.apiKey as string);
	}
	const envelope = envelopeOf(response) as IDataObject;
	return { data: envelope.data, body: envelope };
}
