import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { CREDENTIAL_NAME, DEFAULT_BASE_URL } from './constants';
import { answerFailureOf, envelopeOf } from './answers';
import { ENDPOINTS, type EndpointKey } from './endpoints';
import { cmrApiError } from './errors';

/**
 * One CMR call outside declarative routing (list search, dropdowns, trigger checks), to the
 * method and path of `key` in the endpoint table.
 */
export async function cmrApiRequest(
	this: ILoadOptionsFunctions | IHookFunctions | IExecuteSingleFunctions | IPollFunctions,
	key: EndpointKey,
	qs: IDataObject = {},
	body?: IDataObject,
): Promise<{ data: unknown; body: IDataObject }> {
	const { method, path } = ENDPOINTS[key];
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const baseURL = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, {
		method,
		baseURL,
		url: path,
		qs,
		body,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
	if (answerFailureOf(response)) {
		throw cmrApiError(this.getNode(), response, undefined, credentials.apiKey as string);
	}
	const envelope = envelopeOf(response) as IDataObject;
	return { data: envelope.data, body: envelope };
}
