import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { DEFAULT_BASE_URL } from './constants';

/** CMR's documented limit: 5 requests per second per API key. */
export const DEFAULT_REQUESTS_PER_SECOND = 5;

/**
 * CMR counts requests when they arrive, which is some time after they leave and before their
 * answer: a request may only leave a second (plus 10 ms for timer rounding) after the answer of
 * the request `requests per second` places before it, however late that one was sent.
 */
const WINDOW_MS = 1010;

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

/** A request's place in the window: when its answer came (Infinity while it is on its way). */
interface Sent {
	answeredAt: number;
}

/**
 * First come, first served: each request waits for its turn. Turns are spaced by the
 * configured rate, and no more than `perSecond` requests are sent within a second of an
 * answer (so none can arrive inside one CMR window). A 429 holds the whole queue. One `sleep`
 * runs at a time, only while requests are waiting, so nothing is left behind once the queue
 * is empty.
 */
export class RequestLimiter {
	private readonly waiting: Array<(sent: Sent) => void> = [];

	private readonly recent: Sent[] = [];

	private nextTurnAt = 0;

	private draining = false;

	constructor(
		public intervalMs: number,
		public perSecond: number,
	) {}

	/**
	 * Resolves when this request may be sent, with the function to call once its answer (or
	 * error) came; rejects if `signal` aborts first.
	 */
	async waitForTurn(signal?: AbortSignal): Promise<() => void> {
		if (signal?.aborted) throw new Error('The execution was cancelled');
		const sent = await new Promise<Sent>((resolve, reject) => {
			const onAbort = () => {
				const index = this.waiting.indexOf(release);
				if (index >= 0) this.waiting.splice(index, 1);
				reject(new Error('The execution was cancelled'));
			};
			const release = (entry: Sent) => {
				signal?.removeEventListener('abort', onAbort);
				resolve(entry);
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.waiting.push(release);
			this.drainIfIdle();
		});
		return () => {
			sent.answeredAt = Date.now();
			this.drainIfIdle();
		};
	}

	/** Nobody sends before `time` (ms since epoch), e.g. after a 429 with Retry-After. */
	holdUntil(time: number): void {
		this.nextTurnAt = Math.max(this.nextTurnAt, time);
	}

	/** Whether no request is waiting or on its way and the next one may go at once. */
	isIdle(now = Date.now()): boolean {
		const inFlight = this.recent.some((sent) => sent.answeredAt === Infinity);
		return !this.waiting.length && !inFlight && this.nextTurnAt <= now;
	}

	private drainIfIdle(): void {
		if (!this.draining && this.waiting.length) void this.drain();
	}

	/** When the next request may leave; Infinity while the window's oldest is unanswered. */
	private nextAllowedAt(): number {
		const full = this.recent.length >= this.perSecond;
		const windowStart = full ? this.recent[this.recent.length - this.perSecond].answeredAt : 0;
		return Math.max(this.nextTurnAt, windowStart + WINDOW_MS);
	}

	private async drain(): Promise<void> {
		this.draining = true;
		try {
			while (this.waiting.length) {
				const at = this.nextAllowedAt();
				if (at === Infinity) return; // the answer it waits for restarts the queue
				const wait = at - Date.now();
				// Date.now() counts whole milliseconds: a shorter wait would only cost a timer turn.
				if (wait >= 1) {
					await sleep(wait);
					continue; // a hold or an answer may have changed the next turn meanwhile
				}
				this.nextTurnAt = Date.now() + this.intervalMs;
				const sent: Sent = { answeredAt: Infinity };
				this.recent.push(sent);
				if (this.recent.length > this.perSecond) this.recent.shift();
				this.waiting.shift()!(sent);
			}
		} finally {
			this.draining = false;
		}
	}
}

const limiters = new Map<string, RequestLimiter>();
/** The limiter of a credential object already looked up (one per node run): no hash per page. */
const limiterOfCredentials = new WeakMap<ICredentialDataDecryptedObject, RequestLimiter>();

/** Spacing between two requests at `requestsPerSecond`. */
export function intervalFor(requestsPerSecond: number): number {
	return 1000 / requestsPerSecond;
}

/** The one limiter shared by every request with this credential's key and base URL. */
export function limiterFor(credentials: ICredentialDataDecryptedObject): RequestLimiter {
	const known = limiterOfCredentials.get(credentials);
	if (known) return known;
	const id = `${keyFingerprint(credentials.apiKey)}|${baseUrlOf(credentials)}`;
	const requestsPerSecond = requestsPerSecondOf(credentials);
	const intervalMs = intervalFor(requestsPerSecond);
	const perSecond = Math.max(1, Math.floor(requestsPerSecond));
	let limiter = limiters.get(id);
	if (!limiter) {
		if (limiters.size >= MAX_IDLE_LIMITERS) {
			for (const [key, entry] of limiters) if (entry.isIdle()) limiters.delete(key);
		}
		limiter = new RequestLimiter(intervalMs, perSecond);
		limiters.set(id, limiter);
	}
	limiter.intervalMs = intervalMs;
	limiter.perSecond = perSecond;
	limiterOfCredentials.set(credentials, limiter);
	return limiter;
}
