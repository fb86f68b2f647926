import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from './errors';
import { place, setBody, type SendTarget } from './bodies';

/** A bare hostname: labels of letters, digits and hyphens, ending in an alphabetic TLD. */
const HOSTNAME =
	/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const EMAIL =
	/^[^\s@]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** CMR ids are opaque: letters, digits, `_`, `-`, `.`, `:`; never spaces, `/`, `?`, `#`, `&`, `%`. */
const CMR_ID = /^[A-Za-z0-9](?:[A-Za-z0-9_.:-]{0,127})$/;

/** A DNS record host relative to its domain: `@`, `*`, `mail`, `_dmarc`, `s1._domainkey`, `*.eu`. */
const RECORD_HOST =
	/^(?=.{1,253}$)(?:@|\*|(?:\*\.)?[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*)$/i;

const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;

/** A website a domain forwards to: http(s)://, a real host name, optional port and path. */
const WEB_ADDRESS =
	/^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** Domain names are checked lower-cased. */
export function isHostname(value: string): boolean {
	return HOSTNAME.test(value);
}

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

export function isHttpUrl(value: string): boolean {
	return HTTP_URL.test(value);
}

export function isWebAddress(value: string): boolean {
	return WEB_ADDRESS.test(value);
}

export function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

interface ValueRule {
	normalize: (value: string) => string;
	test: (value: string) => boolean;
	problem: string;
	fix: string;
}

const trim = (value: string) => value.trim();
const lowerCase = (value: string) => value.trim().toLowerCase();

/** One check per kind of value that reaches a URL, a query or a body. */
const RULES = {
	id: {
		normalize: trim,
		test: (value) => CMR_ID.test(value),
		problem: 'is not a valid ID',
		fix: 'Enter the ID exactly as CMR returned it (letters, digits, "_" or "-"; no spaces, "/" or "?"), e.g. PWM7Y25RYZ450YNM8K8FX9GK5AHX, or pick it from the list.',
	},
	domain: {
		normalize: lowerCase,
		test: isHostname,
		problem: 'is not a valid domain name',
		fix: 'Enter a bare domain such as example.com: no protocol (https://), path, spaces, @ or trailing dot.',
	},
	host: {
		normalize: (value) => lowerCase(value).replace(/\.$/, ''),
		test: isHostname,
		problem: 'is not a valid host name',
		fix: 'Enter a host name such as ns1.example.com: no protocol, path, IP address or spaces.',
	},
	recordHost: {
		normalize: trim,
		test: (value) => RECORD_HOST.test(value),
		problem: 'is not a valid host name',
		fix: 'Enter the host relative to the domain: @ for the domain itself, or a name such as mail, _dmarc or selector._domainkey (letters, digits, "_", "-" and dots only).',
	},
	email: {
		normalize: trim,
		test: isEmail,
		problem: 'is not a valid email address',
		fix: 'Enter an address like name@company.com.',
	},
	httpUrl: {
		normalize: trim,
		test: isHttpUrl,
		problem: 'is not an http(s) URL',
		fix: 'Enter a full URL that starts with https://, e.g. https://yourapp.com/oauth/google.',
	},
	webAddress: {
		normalize: trim,
		test: isWebAddress,
		problem: 'is not a valid URL',
		fix: 'Enter the full address of a website, starting with https:// or http://, e.g. https://www.example.com/page.',
	},
	appCode: {
		normalize: (value) => value.trim().toUpperCase(),
		test: (value) => /^[A-Z][A-Z0-9_]{1,49}$/.test(value),
		problem: 'is not a CMR app identifier',
		fix: 'Choose the app from the list, or give its CMR identifier such as EMAILBISON (letters, digits and "_").',
	},
	countryCode: {
		normalize: (value) => value.trim().toUpperCase(),
		test: (value) => /^[A-Z]{2}$/.test(value),
		problem: 'is not a two-letter country code',
		fix: 'Enter an ISO 3166-1 alpha-2 code such as US or DE (see Geo → Get Countries).',
	},
} satisfies Record<string, ValueRule>;

export type ValueKind = keyof typeof RULES;

function shown(value: unknown): string {
	const text =
		typeof value === 'string'
			? value.trim()
			: typeof value === 'object'
				? (JSON.stringify(value) ?? String(value))
				: String(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Normalizes one value of the given kind (trimmed; domains and hosts lower-cased), failing the
 * item before anything is sent when it is empty or malformed. `prefix` names the row, e.g. `Mailbox 2: `.
 */
export function checkValue(
	context: IExecuteSingleFunctions,
	kind: ValueKind,
	raw: unknown,
	label: string,
	prefix = '',
): string {
	const rule: ValueRule = RULES[kind];
	if (isBlank(raw)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${prefix}${label} is empty`,
			`Enter a value for "${label}", or map one from an earlier node with an expression.`,
		);
	}
	const value =
		typeof raw === 'string' || typeof raw === 'number' ? rule.normalize(String(raw)) : '';
	if (!rule.test(value)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${prefix}"${shown(raw)}" in "${label}" ${rule.problem}`,
			rule.fix,
		);
	}
	return value;
}

/** The value of `parameter`, checked as `kind`; undefined when it is optional and blank. */
export function checkedParameter(
	context: IExecuteSingleFunctions,
	kind: ValueKind,
	parameter: string,
	label: string,
	optional = false,
): string | undefined {
	const raw = context.getNodeParameter(parameter, '', { extractValue: true });
	if (optional && isBlank(raw)) return undefined;
	return checkValue(context, kind, raw, label);
}

/**
 * preSend: checks `parameter` as `kind` and sends the normalized value at `target`.
 * An optional blank value is left out of the request.
 */
export function sendChecked(
	kind: ValueKind,
	parameter: string,
	label: string,
	target: SendTarget,
	optional = false,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		return place(requestOptions, target, checkedParameter(this, kind, parameter, label, optional));
	};
}

/** A whole number from `min` to `max`, or the item fails with `what` and the allowed range. */
export function checkWholeNumber(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
	min: number,
	max: number,
	prefix = '',
): number {
	const number = typeof raw === 'number' ? raw : isBlank(raw) ? NaN : Number(raw);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${prefix}${label} must be a whole number from ${min} to ${max}, got ${shown(raw)}`,
			`Enter a whole number from ${min} to ${max} in "${label}".`,
		);
	}
	return number;
}

/** Limit of a Get Many without Return All: a whole number from 1 to 100 (CMR's page cap). */
export async function checkLimit(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	checkWholeNumber(this, this.getNodeParameter('limit', 50), 'Limit', 1, 100);
	return requestOptions;
}

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false };

/** true or false; an expression may give "true"/"false". Anything else fails the item. */
export function checkBoolean(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
): boolean {
	const value = typeof raw === 'string' ? BOOLEAN_TEXT[raw.trim().toLowerCase()] : raw;
	if (typeof value !== 'boolean') {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${label} "${shown(raw)}" is not true or false`,
			`Turn "${label}" on or off, or make the expression return true or false.`,
		);
	}
	return value;
}

/** Routing for a boolean parameter: sent as a checked true/false at `body.<property>`. */
export function booleanRouting(parameter: string, label: string, property: string) {
	const target: SendTarget = { type: 'body', property };
	return {
		send: {
			...target,
			preSend: [
				async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
					return place(
						requestOptions,
						target,
						checkBoolean(this, this.getNodeParameter(parameter), label),
					);
				},
			],
		},
	};
}

/** A value chosen from a fixed list (an expression may give anything), or the item fails. */
export function checkOneOf(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
	allowed: readonly string[],
): string {
	const value = typeof raw === 'string' ? raw.trim() : raw;
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${label} "${shown(raw)}" is not one of ${allowed.join(', ')}`,
			`Choose ${label} from the list, or make the expression return one of ${allowed.join(', ')}.`,
		);
	}
	return value;
}

/** preSend: checks that an options parameter holds one of `allowed` and sends it at `target`. */
export function sendOneOf(
	parameter: string,
	label: string,
	allowed: readonly string[],
	target: SendTarget,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = checkOneOf(this, this.getNodeParameter(parameter, ''), label, allowed);
		return place(requestOptions, target, value);
	};
}

/** Fails the item, before anything is sent, when a required parameter is empty. */
export function requireValues(labels: Record<string, string>): PreSendAction {
	return async function requireNonEmpty(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	) {
		for (const [name, label] of Object.entries(labels)) {
			const value = this.getNodeParameter(name, '', { extractValue: true });
			if (isBlank(value)) {
				throw invalidInput(
					this.getNode(),
					this.getItemIndex(),
					`${label} is empty`,
					`Enter a value for "${label}", or map one from an earlier node with an expression.`,
				);
			}
		}
		return requestOptions;
	};
}

/** A list typed as "a, b, c" or given as an array by an expression, trimmed and de-blanked. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(/[,\n]/);
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** Parses a JSON parameter (string or already an object), failing the item clearly. */
export function parseJson(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${label} is not valid JSON`,
			`Fix the JSON in "${label}": ${(error as Error).message}`,
		);
	}
}

/** The values of a list parameter, each checked as `kind`, de-duplicated; never empty. */
export function checkedList(
	context: IExecuteSingleFunctions,
	kind: ValueKind,
	parameter: string,
	label: string,
): string[] {
	const list = toList(context.getNodeParameter(parameter, '')).map((raw) =>
		checkValue(context, kind, raw, label),
	);
	if (!list.length) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${label} is empty`,
			`Enter one or more values for "${label}" separated by commas, or map an array with an expression.`,
		);
	}
	return [...new Set(list)];
}

/**
 * Sends a comma/newline-separated string (or an expression array) as a JSON array of checked
 * values (IDs unless `kind` says otherwise), failing the item before anything is sent when the
 * list is empty or a value is malformed.
 */
export function sendList(
	parameter: string,
	property: string,
	label: string,
	kind: ValueKind = 'id',
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		return setBody(requestOptions, { [property]: checkedList(this, kind, parameter, label) });
	};
}

/** An update with nothing to change is refused before sending. */
export async function requireSomethingToUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!Object.keys((requestOptions.body as IDataObject) ?? {}).length) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'No fields to update',
			'Add at least one field under "Update Fields".',
		);
	}
	return requestOptions;
}

/** Fails the item before sending when the named parameter is set but is not an email address. */
export function requireEmailFormat(parameter: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		checkedParameter(this, 'email', parameter, label, true);
		return requestOptions;
	};
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

/** What an email local part may look like (letters, digits, . _ -, no doubled dot). */
const LOCAL_PART = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** Why a username cannot be an email local part, or undefined when it can. */
export function localPartProblem(username: string): string | undefined {
	if (username.includes('@')) return 'must not contain "@" (enter only the part before it)';
	if (!LOCAL_PART.test(username)) {
		return 'may only contain letters, digits, ".", "_" and "-" (no spaces, no leading, trailing or doubled dot)';
	}
	return undefined;
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
