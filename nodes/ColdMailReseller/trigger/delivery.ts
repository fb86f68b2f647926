import type { IDataObject } from 'n8n-workflow';

/**
 * Reading one CMR delivery from the request: raw bytes, JSON envelope, event name and id.
 * Failures are returned as values with a fixed, safe message: no body content (which can
 * hold mailbox passwords) ever goes into a message.
 */

/** Bodies larger than this are refused with 413. CMR payloads are a few KiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type Rejection = { status: 400 | 401 | 413; message: string };

export type ParsedDelivery =
	| { ok: true; envelope: IDataObject; event: string; eventId: string | null }
	| { ok: false; rejection: Rejection };

interface RequestLike {
	rawBody?: unknown;
	body?: unknown;
}

/**
 * The exact bytes CMR sent. n8n keeps them in `req.rawBody`; if that is missing, the parsed
 * body is serialised again as a last resort (a signature may then not match).
 */
export function getRawBody(req: RequestLike): Buffer {
	const { rawBody, body } = req;
	if (Buffer.isBuffer(rawBody)) return rawBody;
	if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'object' && body !== null && Object.keys(body).length > 0) {
		return Buffer.from(JSON.stringify(body), 'utf8');
	}
	return Buffer.alloc(0);
}

/** Size and emptiness checks, done before the signature check. */
export function checkBodySize(
	rawBody: Buffer,
	maxBytes: number = MAX_BODY_BYTES,
): Rejection | null {
	if (rawBody.length > maxBytes) {
		return { status: 413, message: `The request body is larger than ${maxBytes} bytes` };
	}
	if (rawBody.toString('utf8').trim() === '') {
		return { status: 400, message: 'The request body is empty' };
	}
	return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		// The parser's message quotes the body, which may contain secrets: drop it.
		return { ok: false };
	}
}

function nonEmptyString(value: unknown): string | null {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** Parses the body and reads the event name (`event`, else `eventType`) and `eventId`. */
export function parseDelivery(rawBody: Buffer): ParsedDelivery {
	const parsed = parseJson(rawBody.toString('utf8'));
	if (!parsed.ok) {
		return { ok: false, rejection: { status: 400, message: 'The request body is not valid JSON' } };
	}
	const envelope = parsed.value;
	if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
		return {
			ok: false,
			rejection: { status: 400, message: 'The request body is not a JSON object' },
		};
	}
	const body = envelope as IDataObject;
	const event = nonEmptyString(body.event) ?? nonEmptyString(body.eventType);
	if (event === null) {
		return {
			ok: false,
			rejection: {
				status: 400,
				message: 'The request body has no event name (event or eventType)',
			},
		};
	}
	return { ok: true, envelope: body, event, eventId: nonEmptyString(body.eventId) };
}

/** Case-insensitive header lookup; the first value if the header was sent more than once. */
export function headerValue(
	headers: Record<string, string | string[] | undefined>,
	name: string,
): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return value[0];
		return value;
	}
	return undefined;
}
