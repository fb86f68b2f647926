import type { IDataObject, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';

/**
 * Reading CMR answers. CMR wraps everything in `{status, message, data, actionId?}`; an answer
 * is only usable when it is that JSON with a status below 400. Everything else (an error
 * envelope inside a 2xx, an empty, HTML or cut-off body, any HTTP error) is an AnswerFailure.
 */
export type Envelope = { status?: number; message?: string; data?: unknown; actionId?: string };

export type FailureKind = 'http' | 'envelope' | 'empty' | 'html' | 'invalidJson';

export interface AnswerFailure {
	kind: FailureKind;
	/** The status to report: the HTTP code, or the envelope's status for a 2xx error envelope. */
	status: number;
	httpStatus: number;
	/** One line for the user, without markup. */
	message: string;
	/** Field-level problems CMR listed (`email: must be a valid e-mail`). */
	details: string[];
	/** Safe to show as the error's response body (no markup). */
	body: JsonObject;
}

const MAX_TEXT = 200;
const MAX_DETAILS = 20;

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

function oneLine(text: string, max = MAX_TEXT): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

function plainText(html: string): string {
	return oneLine(
		html
			.replace(/<[^>]*>/g, ' ')
			.replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
			.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
	);
}

export function looksLikeHtml(text: string): boolean {
	return /^\s*</.test(text) && /<(!doctype|html|head|body|title|h1|p|div|center|pre)\b/i.test(text);
}

/** The page title (or first heading) of an HTML page, as plain text. */
export function htmlTitle(html: string): string | undefined {
	const match =
		/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
	const title = match ? plainText(match[1]) : '';
	return title === '' ? undefined : title;
}

function detailText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(detailText).filter(Boolean).join(', ');
	if (isObject(value)) {
		const text = value.message ?? value.msg ?? value.error ?? value.detail ?? value.reason;
		if (text !== undefined) return detailText(text);
	}
	return value === undefined || value === null ? '' : JSON.stringify(value);
}

function fieldName(entry: IDataObject): string | undefined {
	const name =
		entry.field ??
		entry.path ??
		entry.property ??
		entry.param ??
		entry.key ??
		entry.name ??
		entry.loc;
	if (Array.isArray(name)) return name.filter((part) => part !== 'body').join('.');
	return typeof name === 'string' && name !== '' ? name : undefined;
}

function detailsOfList(list: unknown[]): string[] {
	return list.map((entry) => {
		if (!isObject(entry)) return detailText(entry);
		const field = fieldName(entry);
		const text = detailText(entry);
		return field ? `${field}: ${text}` : text;
	});
}

/**
 * Field-level problems in an error body, in the common shapes: `errors` (or `details`,
 * `validationErrors`, `fieldErrors`, also inside `data`) as a list of `{field|path|param|loc,
 * message|msg}` or strings, or a map `field -> message | messages | {message}`.
 */
export function fieldErrorsOf(body: unknown): string[] {
	if (!isObject(body)) return [];
	const sources = [body, isObject(body.data) ? body.data : undefined];
	for (const source of sources) {
		if (!source) continue;
		for (const key of ['errors', 'details', 'validationErrors', 'fieldErrors']) {
			const value = source[key];
			let details: string[] = [];
			if (Array.isArray(value)) details = detailsOfList(value);
			else if (isObject(value)) {
				details = Object.entries(value).map(
					([field, problem]) => `${field}: ${detailText(problem)}`,
				);
			} else if (typeof value === 'string' && value.trim() !== '') details = [value];
			details = details.map((detail) => oneLine(detail)).filter((detail) => detail !== '');
			if (details.length) return details.slice(0, MAX_DETAILS);
		}
	}
	return [];
}

function statusLabel(response: IN8nHttpFullResponse): string {
	const text = (response as { statusMessage?: string }).statusMessage;
	return text && response.statusCode >= 400
		? `HTTP ${response.statusCode} (${text})`
		: `HTTP ${response.statusCode}`;
}

function envelopeMessage(body: IDataObject): string | undefined {
	const message = body.message ?? body.error;
	if (typeof message === 'string' && message.trim() !== '') return oneLine(message, 300);
	if (Array.isArray(message)) return oneLine(detailText(message), 300);
	return undefined;
}

/** A failure for a body that is not JSON (`text`), whatever the HTTP status. */
function textFailure(response: IN8nHttpFullResponse, text: string): AnswerFailure {
	const status = response.statusCode;
	const base = { status, httpStatus: status, details: [] };
	const label = statusLabel(response);
	let failure: Omit<AnswerFailure, 'body'>;
	if (text.trim() === '') {
		failure = { ...base, kind: 'empty', message: `CMR answered ${label} with an empty body` };
	} else if (looksLikeHtml(text)) {
		const title = htmlTitle(text);
		failure = {
			...base,
			kind: 'html',
			message: `CMR answered ${label} with an HTML page${title ? ` ("${title}")` : ''} instead of JSON`,
		};
	} else if (status < 400 || /^\s*[[{]/.test(text)) {
		failure = {
			...base,
			kind: 'invalidJson',
			message: `CMR answered ${label} with incomplete or invalid JSON (${text.length} characters)`,
		};
	} else {
		failure = { ...base, kind: 'http', message: plainText(text) };
	}
	return { ...failure, body: { message: failure.message, httpCode: String(status) } };
}

/**
 * Why an answer cannot be used, or undefined when it is a usable CMR answer. A 204 (no
 * content) is usable; any other empty 2xx is not.
 */
export function answerFailureOf(response: IN8nHttpFullResponse): AnswerFailure | undefined {
	const httpStatus = response.statusCode;
	const body: unknown = response.body;
	if (Buffer.isBuffer(body)) return textFailure(response, body.toString('utf8'));
	if (body === undefined || body === null || typeof body === 'string') {
		if (httpStatus === 204 && !body) return undefined;
		return textFailure(response, body ?? '');
	}
	if (!isObject(body)) {
		if (httpStatus < 400) return undefined;
		return textFailure(response, JSON.stringify(body));
	}
	const envelopeStatus = typeof body.status === 'number' ? body.status : Number(body.status);
	const failedEnvelope = Number.isInteger(envelopeStatus) && envelopeStatus >= 400;
	if (httpStatus < 400 && !failedEnvelope) return undefined;
	const status = httpStatus >= 400 ? httpStatus : envelopeStatus;
	const details = fieldErrorsOf(body);
	const message =
		envelopeMessage(body) ??
		(httpStatus >= 400
			? `CMR answered ${statusLabel(response)}`
			: `CMR answered HTTP ${httpStatus} but reported status ${envelopeStatus}`);
	return {
		kind: httpStatus >= 400 ? 'http' : 'envelope',
		status,
		httpStatus,
		message,
		details,
		body: body as JsonObject,
	};
}

/** The `{status, message, data, actionId}` of a usable answer. */
export function envelopeOf(response: IN8nHttpFullResponse): Envelope {
	const body = response.body;
	if (isObject(body)) return body as Envelope;
	return { data: body === '' ? null : body };
}

/** `{actionId}` of an async answer (top level, or inside an object `data`), else `{}`. */
export function correlationOf(envelope: Envelope): IDataObject {
	const actionId =
		envelope.actionId ?? (isObject(envelope.data) ? (envelope.data.actionId as string) : undefined);
	return typeof actionId === 'string' && actionId !== '' ? { actionId } : {};
}

/** Removes the key from any text that may be shown or logged. */
export function redactSecret(text: string, secret: string | undefined): string {
	if (!secret || secret.length < 4) return text;
	return text.split(secret).join('[redacted]');
}

/** A copy of `value` with the key removed from every string in it (keys included). */
export function redactDeep<T>(value: T, secret: string | undefined): T {
	if (!secret || secret.length < 4) return value;
	if (typeof value === 'string') return redactSecret(value, secret) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secret)) as T;
	if (isObject(value)) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [
				redactSecret(key, secret),
				redactDeep(entry, secret),
			]),
		) as T;
	}
	return value;
}
