import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';
import { cmrApiError } from './errors';
import { limiterFor } from './rateLimit';

/** Retries after a 429 (CMR did not process the request), for every operation. */
export const MAX_RATE_LIMIT_RETRIES = 5;
/** Retries of a GET after 502/503/504 or a reset connection. */
export const MAX_GET_RETRIES = 2;
/** Longest wait after one 429, whatever Retry-After says. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Wait after a 429 without a readable Retry-After: about 1 s, ±250 ms. */
const DEFAULT_RETRY_AFTER_MS = 1000;
const JITTER_MS = 250;
/** Backoff before GET retry n: 500 ms, then 1000 ms (+ up to 250 ms). */
const GET_BACKOFF_MS = 500;

const RETRYABLE_GET_STATUS = new Set([502, 503, 504]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

export const NOT_RESENT_HINT =
	'The request may have reached CMR before it failed, so it was not sent again. Check the result first (for orders: Order → Get Status) before running the step again, so nothing is done or charged twice.';

export type CmrRequestContext =
	| IExecuteSingleFunctions
	| IExecutePaginationFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions;

/**
 * Milliseconds to wait from a Retry-After header: delay-seconds or an HTTP date. Undefined
 * when missing or unreadable; never negative; not capped (see waitAfterRateLimit).
 */
export function parseRetryAfter(value: unknown, nowMs = Date.now()): number | undefined {
	const text = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
	if (!/[a-z]/i.test(trimmed)) return undefined;
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function jitter(): number {
	return Math.round((Math.random() * 2 - 1) * JITTER_MS);
}

/** How long to wait after a 429: Retry-After, else about 1 s; at most 60 s. */
export function waitAfterRateLimit(headers: IDataObject | undefined, nowMs = Date.now()): number {
	const retryAfter = parseRetryAfter(headers?.['retry-after'] ?? headers?.['Retry-After'], nowMs);
	return Math.min(MAX_RETRY_AFTER_MS, retryAfter ?? DEFAULT_RETRY_AFTER_MS + jitter());
}

/** Whether a thrown request error is a reset connection (safe to resend for a GET only). */
export function isConnectionReset(error: unknown): boolean {
	let current = error as IDataObject | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		for (const code of [current.code, current.httpCode, current.errno]) {
			if (typeof code === 'string' && RESET_CODES.has(code)) return true;
		}
		if (typeof current.message === 'string' && /socket hang up|ECONNRESET/.test(current.message)) {
			return true;
		}
		current = current.cause as IDataObject | undefined;
	}
	return false;
}

/** Adds a note to an error message, before its `[item N]` marker. */
export function addToMessage<E extends Error>(error: E, note: string): E {
	const marker = / \[item \d+\]$/.exec(error.message);
	error.message = marker
		? `${error.message.slice(0, marker.index)} ${note}${marker[0]}`
		: `${error.message} ${note}`;
	return error;
}

/** The error as an n8n node error (already one: unchanged). */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(node, error as JsonObject);
}

const credentialsPerRun = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

/**
 * The credential, read once per node run when the context has run data (n8n decrypts it,
 * and may start an expression isolate, on every read).
 */
export async function credentialsOf(
	context: CmrRequestContext,
): Promise<ICredentialDataDecryptedObject> {
	const run = 'getExecuteData' in context ? (context.getExecuteData() as object) : undefined;
	if (!run) return await context.getCredentials(CREDENTIAL_NAME);
	let credentials = credentialsPerRun.get(run);
	if (!credentials) {
		credentials = context.getCredentials(CREDENTIAL_NAME);
		credentialsPerRun.set(run, credentials);
		credentials.catch(() => credentialsPerRun.delete(run));
	}
	return await credentials;
}

function itemIndexOf(context: CmrRequestContext): number | undefined {
	return 'getItemIndex' in context ? context.getItemIndex() : undefined;
}

function cancelSignalOf(context: CmrRequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Every CMR request goes through here: it waits its turn in the key's limiter, then
 * - 429: waits (Retry-After, about 1 s without it, at most 60 s) and sends again, up to 5
 *   times, for every method (CMR did not process it);
 * - GET on 502/503/504 or a reset connection: sends again twice, with backoff;
 * - anything else is returned (non-2xx answers) or thrown (network errors) as is; a
 *   request that changes something is never sent again after a 5xx, a timeout or a
 *   network error.
 */
export async function cmrRequestWithRecovery(
	context: CmrRequestContext,
	options: IHttpRequestOptions,
	credentials?: ICredentialDataDecryptedObject,
): Promise<IN8nHttpFullResponse> {
	const decrypted = credentials ?? (await credentialsOf(context));
	const limiter = limiterFor(decrypted);
	const isGet = (options.method ?? 'GET').toUpperCase() === 'GET';
	const signal = cancelSignalOf(context);
	let rateLimited = 0;
	let getRetries = 0;
	for (;;) {
		const answered = await limiter.waitForTurn(signal);
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_NAME,
				{ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true },
				{ credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_NAME, data: decrypted } },
			)) as IN8nHttpFullResponse;
			answered();
		} catch (error) {
			answered();
			if (isGet && getRetries < MAX_GET_RETRIES && isConnectionReset(error)) {
				getRetries++;
				await sleep(GET_BACKOFF_MS * getRetries + Math.abs(jitter()));
				continue;
			}
			const nodeError = asNodeError(context.getNode(), error);
			if (!isGet) nodeError.description = NOT_RESENT_HINT;
			throw nodeError;
		}
		const status = response.statusCode;
		if (status === 429) {
			if (rateLimited < MAX_RATE_LIMIT_RETRIES) {
				rateLimited++;
				limiter.holdUntil(Date.now() + waitAfterRateLimit(response.headers as IDataObject));
				continue;
			}
			const apiKey = typeof decrypted.apiKey === 'string' ? decrypted.apiKey : undefined;
			const error = cmrApiError(context.getNode(), response, itemIndexOf(context), apiKey);
			throw addToMessage(error, `(refused ${rateLimited + 1} times in a row)`);
		}
		if (isGet && RETRYABLE_GET_STATUS.has(status) && getRetries < MAX_GET_RETRIES) {
			getRetries++;
			await sleep(GET_BACKOFF_MS * getRetries + Math.abs(jitter()));
			continue;
		}
		return response;
	}
}
