import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { CREDENTIAL_NAME, DEFAULT_BASE_URL } from './constants';
import { answerFailureOf, envelopeOf } from './answers';
import { cmrApiError } from './errors';

/** One CMR call outside declarative routing (list search, dropdowns, trigger checks). */
export async function cmrApiRequest(
	this: ILoadOptionsFunctions | IHookFunctions | IExecuteSingleFunctions | IPollFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
	body?: IDataObject,
): Promise<{ data: unknown; body: IDataObject }> {
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
