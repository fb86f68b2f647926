import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { isHostname, parseJson, setBody, toList } from '../../shared/validation';

const URL_OR_HOST =
	/^(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?(?:[/?#]\S*)?$/i;

export function isUrlOrHost(value: string): boolean {
	return URL_OR_HOST.test(value);
}

/** Trims and lower-cases a domain name, failing the item when it is not a bare hostname. */
export function normalizeDomain(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
): string {
	const domain = String(raw ?? '')
		.trim()
		.toLowerCase();
	if (!isHostname(domain)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`"${String(raw ?? '').trim()}" in "${label}" is not a valid domain name`,
			'Enter a bare domain such as example.com: no protocol (https://), path, spaces, @ or trailing dot.',
		);
	}
	return domain;
}

/** The domains of a list parameter, trimmed, lower-cased, validated and de-duplicated. */
export function domainListOf(
	context: IExecuteSingleFunctions,
	parameter: string,
	label: string,
): string[] {
	const domains = toList(context.getNodeParameter(parameter, '')).map((raw) =>
		normalizeDomain(context, raw, label),
	);
	if (!domains.length) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${label} is empty`,
			`Enter one or more domains in "${label}", separated by commas, or map an array of domain names with an expression.`,
		);
	}
	return [...new Set(domains)];
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
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const raw = this.getNodeParameter(parameter, '', { extractValue: true });
		const domain = normalizeDomain(this, raw, label);
		if (type === 'body') return setBody(requestOptions, { [property]: domain });
		requestOptions.qs = { ...(requestOptions.qs ?? {}), [property]: domain };
		return requestOptions;
	};
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
