import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { DEFAULT_BASE_URL } from './constants';

/** CMR's documented limit: 5 requests per second per API key. */
export const DEFAULT_REQUESTS_PER_SECOND = 5;

/**
 * Requests leave 5 % further apart than the limit allows: CMR counts them when they arrive,
 * and a request that leaves on time can still arrive late.
 */
const SPACING_MARGIN = 1.05;

/** Limiters idle this long are dropped when the table grows past MAX_IDLE_LIMITERS. */
const MAX_IDLE_LIMITERS = 100;

/** The credential's Base URL without trailing slashes (the default when empty). */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const base = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return (base || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** The credential's Requests per Second: 5 when missing or unreadable, at least 1. */
export function requestsPerSecondOf(credentials: ICredentialDataDecryptedObject): number {
	const value = Number(credentials.requestsPerSecond);
	if (credentials.requestsPerSecond === undefined || !Number.isFinite(value) || value <= 0) {
		return DEFAULT_REQUESTS_PER_SECOND;
	}
	return Math.max(1, value);
}

/** A short hash of the API key: limiters are keyed by it, never by the key itself. */
export function keyFingerprint(apiKey: unknown): string {
	return createHash('sha256')
		.update(String(apiKey ?? ''))
		.digest('hex')
		.slice(0, 16);
}

/**
 * First come, first served: each request waits for its turn, and turns are spaced by the
 * configured rate. A 429 holds the whole queue. One `sleep` runs at a time, only while
 * requests are waiting, so nothing is left behind once the queue is empty.
 */
export class RequestLimiter {
	private readonly waiting: Array<() => void> = [];

	private nextTurnAt = 0;

	private draining = false;

	constructor(public intervalMs: number) {}

	/** Resolves when this request may be sent; rejects if `signal` aborts first. */
	async waitForTurn(signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw new Error('The execution was cancelled');
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				const index = this.waiting.indexOf(release);
				if (index >= 0) this.waiting.splice(index, 1);
				reject(new Error('The execution was cancelled'));
			};
			const release = () => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.waiting.push(release);
			if (!this.draining) void this.drain();
		});
	}

	/** Nobody sends before `time` (ms since epoch), e.g. after a 429 with Retry-After. */
	holdUntil(time: number): void {
		this.nextTurnAt = Math.max(this.nextTurnAt, time);
	}

	/** Whether no request is waiting and the next one may go at once. */
	isIdle(now = Date.now()): boolean {
		return !this.waiting.length && this.nextTurnAt <= now;
	}

	private async drain(): Promise<void> {
		this.draining = true;
		try {
			while (this.waiting.length) {
				const wait = this.nextTurnAt - Date.now();
				if (wait > 0) {
					await sleep(wait);
					continue; // a hold may have moved the next turn meanwhile
				}
				this.nextTurnAt = Date.now() + this.intervalMs;
				this.waiting.shift()!();
			}
		} finally {
			this.draining = false;
		}
	}
}

const limiters = new Map<string, RequestLimiter>();
/** The limiter of a credential object already looked up (one per node run): no hash per page. */
const limiterOfCredentials = new WeakMap<ICredentialDataDecryptedObject, RequestLimiter>();

/** Spacing between two requests at `requestsPerSecond`, with the safety margin. */
export function intervalFor(requestsPerSecond: number): number {
	return (1000 / requestsPerSecond) * SPACING_MARGIN;
}

/** The one limiter shared by every request with this credential's key and base URL. */
export function limiterFor(credentials: ICredentialDataDecryptedObject): RequestLimiter {
	const known = limiterOfCredentials.get(credentials);
	if (known) return known;
	const id = `${keyFingerprint(credentials.apiKey)}|${baseUrlOf(credentials)}`;
	const intervalMs = intervalFor(requestsPerSecondOf(credentials));
	let limiter = limiters.get(id);
	if (!limiter) {
		if (limiters.size >= MAX_IDLE_LIMITERS) {
			for (const [key, entry] of limiters) if (entry.isIdle()) limiters.delete(key);
		}
		limiter = new RequestLimiter(intervalMs);
		limiters.set(id, limiter);
	}
	limiter.intervalMs = intervalMs;
	limiterOfCredentials.set(credentials, limiter);
	return limiter;
}
