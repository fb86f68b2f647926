'use strict';

/**
 * Signed webhook deliveries of the CMR simulator.
 *
 * ASSUMPTION (CMR does not document the exact string-to-sign): `cmr-x-signature` is the
 * lowercase hex HMAC-SHA256 of the exact raw JSON body, keyed with the API key of the
 * environment the event belongs to (production key or sandbox key). No prefix, and the
 * timestamp (`cmr-x-timestamp`, Unix seconds) is NOT part of the signed string.
 */

const crypto = require('node:crypto');
const net = require('node:net');
const { Agent, request } = require('undici');

/** Hex HMAC-SHA256 of `rawBody` keyed with `key`. */
function signPayload(key, rawBody) {
	return crypto.createHmac('sha256', String(key)).update(rawBody).digest('hex');
}

/** Constant-time check of a signature produced by signPayload (handy for receivers and tests). */
function verifySignature(key, rawBody, signature) {
	const expected = Buffer.from(signPayload(key, rawBody), 'utf8');
	const given = Buffer.from(String(signature ?? ''), 'utf8');
	return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** True for 127.0.0.0/8, ::1 and localhost. */
function isLoopbackHost(hostname) {
	const h = String(hostname).replace(/^\[|\]$/g, '').toLowerCase();
	if (h === 'localhost' || h.endsWith('.localhost')) return true;
	if (net.isIPv4(h)) return h.startsWith('127.');
	if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
	return false;
}

/** Validates a destination URL; throws an Error with a readable message. */
function checkDestination(url, allowRemote) {
	let parsed;
	try {
		parsed = new URL(url);
	} catch {
		throw new Error(`Invalid webhook URL: ${url}`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new Error(`Webhook URL must use http or https: ${url}`);
	}
	if (!allowRemote && !isLoopbackHost(parsed.hostname)) {
		throw new Error(
			`Refusing non-loopback webhook destination ${url} (only 127.0.0.0/8, ::1 and localhost; start with --allow-remote-webhooks to allow it)`,
		);
	}
	return parsed.toString();
}

const MAX_LOG = 2000;

class WebhookDispatcher {
	/**
	 * @param {object} o
	 * @param {() => {production: string, sandbox: string}} o.keys  signing keys per environment
	 * @param {() => string} o.newEventId
	 * @param {number[]} [o.retryDelays]  delays (ms) before attempt 2 and attempt 3
	 * @param {boolean} [o.allowRemote]
	 * @param {number} [o.timeoutMs]  per attempt
	 * @param {(line: string) => void} [o.log]
	 * @param {(ms: number) => Promise<boolean>} o.sleep  cancellable sleep owned by the simulator
	 */
	constructor(o) {
		this.keys = o.keys;
		this.newEventId = o.newEventId;
		this.retryDelays = (o.retryDelays ?? [200, 1000]).slice(0, 2);
		this.allowRemote = !!o.allowRemote;
		this.timeoutMs = o.timeoutMs ?? 10000;
		this.log = o.log ?? (() => {});
		this.sleep = o.sleep;
		this.destinations = [];
		this.deliveries = [];
		this.events = [];
		this.duplicateNext = 0;
		this.seq = 0;
		this.pending = new Set();
		this.controllers = new Set();
		this.closed = false;
		this.agent = new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 2000, connections: 16 });
	}

	setDestinations(urls) {
		const list = (Array.isArray(urls) ? urls : [urls])
			.flatMap((u) => String(u ?? '').split(','))
			.map((u) => u.trim())
			.filter(Boolean);
		const checked = list.map((u) => checkDestination(u, this.allowRemote));
		this.destinations = [...new Set(checked)];
		return this.destinations;
	}

	clearLogs() {
		this.deliveries = [];
		this.events = [];
	}

	/** Number of deliveries still running or waiting for a retry. */
	get busy() {
		return this.pending.size;
	}

	/**
	 * Builds, records and sends an event to every destination. Resolves when every first
	 * attempt is done (retries continue in the background).
	 */
	async emit(event, data, { env = 'production', duplicate = false } = {}) {
		const payload = { event, eventId: this.newEventId(), data: data ?? {} };
		const rawBody = JSON.stringify(payload);
		const entry = { event, eventId: payload.eventId, environment: env, emittedAt: new Date().toISOString(), payload };
		this.events.push(entry);
		if (this.events.length > MAX_LOG) this.events.shift();
		let dup = duplicate;
		if (!dup && this.duplicateNext > 0 && this.destinations.length > 0) {
			this.duplicateNext -= 1;
			dup = true;
		}
		const key = env === 'sandbox' ? this.keys().sandbox : this.keys().production;
		const results = await Promise.all(
			this.destinations.map(async (url) => {
				const first = await this.track(this.attempt(url, rawBody, payload, key, env, 1, false));
				if (dup && !this.closed) await this.track(this.attempt(url, rawBody, payload, key, env, 1, true));
				return first;
			}),
		);
		return { ...payload, rawBody, deliveries: results };
	}

	track(promise) {
		this.pending.add(promise);
		return promise.finally(() => this.pending.delete(promise));
	}

	async attempt(url, rawBody, payload, key, env, attempt, duplicate) {
		if (this.closed) return null;
		const timestamp = Math.floor(Date.now() / 1000);
		const headers = {
			'content-type': 'application/json',
			'user-agent': 'cmr-simulator/1.0',
			'cmr-x-timestamp': String(timestamp),
			'cmr-x-signature': signPayload(key, rawBody),
		};
		const record = {
			deliveryId: ++this.seq,
			event: payload.event,
			eventId: payload.eventId,
			url,
			attempt,
			duplicate,
			environment: env,
			statusCode: null,
			ok: false,
			error: null,
			sentAt: new Date(timestamp * 1000).toISOString(),
			durationMs: 0,
		};
		const started = Date.now();
		const controller = new AbortController();
		this.controllers.add(controller);
		const timer = setTimeout(() => controller.abort(new Error('timeout')), this.timeoutMs);
		timer.unref?.();
		try {
			const res = await request(url, {
				method: 'POST',
				headers,
				body: rawBody,
				dispatcher: this.agent,
				signal: controller.signal,
			});
			record.statusCode = res.statusCode;
			record.ok = res.statusCode >= 200 && res.statusCode < 300;
			await res.body.dump().catch(() => {});
		} catch (err) {
			record.error = this.closed ? 'simulator stopped' : String(err?.cause?.message || err?.message || err);
		} finally {
			clearTimeout(timer);
			this.controllers.delete(controller);
		}
		record.durationMs = Date.now() - started;
		this.deliveries.push(record);
		if (this.deliveries.length > MAX_LOG) this.deliveries.shift();
		this.log(
			`webhook ${payload.event} ${payload.eventId} -> ${url} ${record.statusCode ?? record.error} (attempt ${attempt}${duplicate ? ', duplicate' : ''})`,
		);
		if (!record.ok && !duplicate && !this.closed && attempt <= this.retryDelays.length) {
			// Retry in the background; the caller only waits for the first attempt.
			this.track(
				(async () => {
					const ok = await this.sleep(this.retryDelays[attempt - 1]);
					if (ok) await this.attempt(url, rawBody, payload, key, env, attempt + 1, false);
				})(),
			);
		}
		return record;
	}

	/** Stops retries and in-flight requests and closes sockets. */
	async close() {
		this.closed = true;
		for (const c of this.controllers) c.abort(new Error('simulator stopped'));
		await Promise.allSettled([...this.pending]);
		await this.agent.destroy().catch(() => {});
	}
}

module.exports = { signPayload, verifySignature, isLoopbackHost, checkDestination, WebhookDispatcher };
