'use strict';

const http = require('node:http');
const { createSimulator } = require('../../simulator/server');

const API_KEY = 'test_prod_key';
const SANDBOX_KEY = 'test_sandbox_key';
const MAIN_USER = 'PWM7Y25RYZ450YNM8K8FX9GK5AHX';
const ACME_USER = '8J7HM04FRXUT4VK86128K6D25APS';
const BLUEBIRD_USER = '4CZNXJNXEEMECTH5Q65AXCB8QE78';
const EMPTY_USER = '2PZ8BNRSWV4DHYP0S32N58H4E8FA';
/** The OAuth settings every GOOGLE order carries (reference entries 26, 27, 55). */
const GOOGLE_OAUTH = { googleOauthRoute: 'https://yourapp.com/oauth/google', clientId: 'x', appName: 'YourApp' };

async function startSim(options = {}) {
	const sim = createSimulator({
		port: 0,
		apiKey: API_KEY,
		sandboxKey: SANDBOX_KEY,
		rateLimit: 0,
		eventDelay: 10,
		retryDelays: [50, 100],
		...options,
	});
	const info = await sim.start();
	return { sim, ...info };
}

/** Calls the simulated API. `key: false` sends no key; `sandbox: true` uses the sandbox header. */
async function call(base, method, path, { query, body, key, sandbox = false, headers = {} } = {}) {
	const url = new URL(base + path);
	for (const [k, v] of Object.entries(query || {})) url.searchParams.set(k, String(v));
	const h = { ...headers };
	if (key !== false) h[sandbox ? 'cmr-x-sandbox-api-key' : 'cmr-x-api-key'] = key ?? (sandbox ? SANDBOX_KEY : API_KEY);
	if (body !== undefined) h['content-type'] = 'application/json';
	const res = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = null;
	}
	return { status: res.status, headers: res.headers, body: json, text };
}

/**
 * A local webhook receiver on 127.0.0.1. `respond(req, index)` returns the status code
 * for each delivery (default 200).
 */
async function startReceiver(respond = () => 200) {
	const received = [];
	const waiters = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let json = null;
			try {
				json = JSON.parse(rawBody);
			} catch {
				json = null;
			}
			const entry = { method: req.method, url: req.url, headers: req.headers, rawBody, json, at: Date.now() };
			received.push(entry);
			const status = respond(entry, received.length - 1);
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end('{}');
			for (const w of [...waiters]) w();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/webhook/cmr`;
	return {
		url,
		received,
		/** Resolves when `predicate(received)` is true. */
		waitFor(predicate, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (predicate(received)) {
						clearTimeout(timer);
						waiters.splice(waiters.indexOf(check), 1);
						resolve(received);
						return true;
					}
					return false;
				};
				const timer = setTimeout(() => {
					waiters.splice(waiters.indexOf(check), 1);
					reject(new Error(`timeout waiting for webhooks; got: ${received.map((r) => r.json?.event).join(', ')}`));
				}, timeoutMs);
				waiters.push(check);
				check();
			});
		},
		close() {
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

module.exports = {
	GOOGLE_OAUTH, startSim, call, startReceiver, API_KEY, SANDBOX_KEY, MAIN_USER, ACME_USER, BLUEBIRD_USER, EMPTY_USER };
