import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from './errors';
import { parseJson, setBody } from './validation';

/**
 * preSend: merges Additional Fields → Extra Body Fields (a JSON object) into the body, so
 * an inferred request body can be adapted to the live API without a node update. Extra
 * fields win over the typed ones.
 */
export function mergeExtraBodyFields(
	parameter = 'additionalFields.extraBodyFields',
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const raw = this.getNodeParameter(parameter, '');
		if (raw === '' || raw === undefined || raw === null) return requestOptions;
		const extra = parseJson(this, raw, 'Extra Body Fields');
		if (!extra || typeof extra !== 'object' || Array.isArray(extra)) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				'Extra Body Fields must be a JSON object',
				'Enter an object such as {"tlds": ["com", "io"]}; its keys are added to the request body.',
			);
		}
		return setBody(requestOptions, extra as IDataObject);
	};
}
