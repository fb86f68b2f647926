import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { checkValue, checkedList, parseJson, sendChecked, setBody } from '../../shared/validation';

/** Trims and lower-cases a domain name, failing the item when it is not a bare hostname. */
export function normalizeDomain(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
): string {
	return checkValue(context, 'domain', raw, label);
}

/** The domains of a list parameter, trimmed, lower-cased, validated and de-duplicated. */
export function domainListOf(
	context: IExecuteSingleFunctions,
	parameter: string,
	label: string,
): string[] {
	return checkedList(context, 'domain', parameter, label);
}

/** preSend: validates a domain list parameter and sends it as a string array. */
export function sendDomainList(
	parameter: string,
	label: string,
	property = parameter,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		return setBody(requestOptions, { [property]: domainListOf(this, parameter, label) });
	};
}

/** preSend: validates a single domain parameter (locator or string) and sends it normalized. */
export function sendDomain(
	parameter: string,
	label: string,
	type: 'body' | 'query',
	property: string,
): PreSendAction {
	return sendChecked('domain', parameter, label, { type, property });
}

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
