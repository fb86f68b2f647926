import type { KeyObject } from 'crypto';
import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Verification of CMR webhook signatures.
 *
 * What CMR documents: `cmr-x-signature` is an HMAC-SHA256 of the payload keyed with the
 * partner API key, computed over the exact raw request body; `cmr-x-timestamp` is the Unix
 * time of sending and deliveries older than 5 minutes should be rejected.
 * What CMR does not document: the exact signing string and the digest encoding. So this
 * accepts, in constant time, any of:
 *   - signing string `rawBody` or `${timestamp}.${rawBody}`
 *   - digest as hex or base64 (standard or URL-safe)
 *   - with or without a `sha256=` prefix
 * The Signature Scheme parameter narrows this to one signing string (see SignatureScheme).
 * Nothing in this file ever puts the key, the body or the signature into a message.
 */

export const SIGNATURE_HEADER = 'cmr-x-signature';
export const TIMESTAMP_HEADER = 'cmr-x-timestamp';

export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;

/** HMAC-SHA256 digests are 32 bytes. */
const DIGEST_BYTES = 32;

/** Timestamps above this are taken as milliseconds rather than seconds. */
const MILLISECONDS_THRESHOLD = 1e12;

export type SigningVariant = 'body' | 'timestamp.body';

/**
 * Values of the "Signature Scheme" parameter. Stored in saved workflows: do not rename.
 * - auto: either signing string (only `timestamp.body` binds the timestamp)
 * - timestampAndBody: only `${timestamp}.${rawBody}`; a replay cannot refresh the timestamp
 * - bodyOnly: only `rawBody`; the timestamp is not protected
 */
export type SignatureScheme = 'auto' | 'timestampAndBody' | 'bodyOnly';

const SCHEME_VARIANTS: Record<SignatureScheme, SigningVariant[]> = {
	auto: ['body', 'timestamp.body'],
	timestampAndBody: ['timestamp.body'],
	bodyOnly: ['body'],
};

export type SignatureCheck =
	| { valid: true; variant: SigningVariant }
	| { valid: false; reason: string };

export interface SignatureInput {
	rawBody: Buffer;
	signature: string | undefined;
	timestamp: string | undefined;
	/** The partner API key from the credential (as text or as a secret KeyObject). */
	secret: string | KeyObject;
	/** 0 turns the freshness check off. */
	toleranceSeconds: number;
	nowMs: number;
	/** Which signing strings to accept; `auto` when not given. */
	scheme?: SignatureScheme;
}

export function computeSignature(secret: string | KeyObject, payload: Buffer): Buffer {
	return createHmac('sha256', secret).update(payload).digest();
}

/** The bytes each signing variant covers. */
export function signingPayloads(
	rawBody: Buffer,
	timestamp: string | undefined,
): Array<{ variant: SigningVariant; payload: Buffer }> {
	const payloads: Array<{ variant: SigningVariant; payload: Buffer }> = [
		{ variant: 'body', payload: rawBody },
	];
	if (timestamp !== undefined && timestamp !== '') {
		payloads.push({
			variant: 'timestamp.body',
			payload: Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]),
		});
	}
	return payloads;
}

/**
 * Every 32-byte digest the header value could stand for (hex and/or base64), after removing
 * an optional `sha256=` prefix. A 64-character hex string is also valid base64 but decodes to
 * 48 bytes that way, so it yields one candidate.
 */
export function decodeSignature(headerValue: string): Buffer[] {
	const value = headerValue
		.trim()
		.replace(/^sha256=/i, '')
		.trim();
	const candidates: Buffer[] = [];
	if (/^[0-9a-f]+$/i.test(value) && value.length === DIGEST_BYTES * 2) {
		candidates.push(Buffer.from(value, 'hex'));
	}
	if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
		const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
		if (decoded.length === DIGEST_BYTES) candidates.push(decoded);
	}
	return candidates;
}

/** Unix seconds from the header; a millisecond value is converted. */
export function parseTimestamp(value: string): number | undefined {
	const trimmed = value.trim();
	if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
	const parsed = Number(trimmed);
	if (!Number.isFinite(parsed)) return undefined;
	return parsed > MILLISECONDS_THRESHOLD ? parsed / 1000 : parsed;
}

function constantTimeEqual(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

export function verifyCmrSignature(input: SignatureInput): SignatureCheck {
	const { rawBody, signature, timestamp, secret, toleranceSeconds, nowMs } = input;
	const variants = SCHEME_VARIANTS[input.scheme ?? 'auto'] ?? SCHEME_VARIANTS.auto;

	if (secret === '') {
		return { valid: false, reason: 'No API key in the credential to verify the signature with' };
	}
	if (signature === undefined || signature.trim() === '') {
		return { valid: false, reason: `Missing ${SIGNATURE_HEADER} header` };
	}

	const checkFreshness = toleranceSeconds > 0;
	const hasTimestamp = timestamp !== undefined && timestamp.trim() !== '';
	if (!variants.includes('body') && !hasTimestamp) {
		return {
			valid: false,
			reason: `Missing ${TIMESTAMP_HEADER} header (the Timestamp and Body scheme signs it)`,
		};
	}
	if (checkFreshness) {
		if (!hasTimestamp) {
			return { valid: false, reason: `Missing ${TIMESTAMP_HEADER} header` };
		}
		const sentAt = parseTimestamp(timestamp);
		if (sentAt === undefined) {
			return { valid: false, reason: `Invalid ${TIMESTAMP_HEADER} header` };
		}
		if (Math.abs(nowMs / 1000 - sentAt) > toleranceSeconds) {
			return {
				valid: false,
				reason: `The ${TIMESTAMP_HEADER} header is more than ${toleranceSeconds} seconds away from the current time`,
			};
		}
	}

	const received = decodeSignature(signature);
	if (received.length === 0) {
		return {
			valid: false,
			reason: `The ${SIGNATURE_HEADER} header is not a hex or base64 HMAC-SHA256`,
		};
	}

	for (const { variant, payload } of signingPayloads(
		rawBody,
		hasTimestamp ? timestamp.trim() : undefined,
	)) {
		if (!variants.includes(variant)) continue;
		const expected = computeSignature(secret, payload);
		// Compare against every candidate, without stopping early, to keep timing flat.
		let matched = false;
		for (const candidate of received) {
			if (constantTimeEqual(candidate, expected)) matched = true;
		}
		if (matched) return { valid: true, variant };
	}
	return { valid: false, reason: `The ${SIGNATURE_HEADER} header does not match the request body` };
}
