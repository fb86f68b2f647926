'use strict';

/**
 * CMR simulator: a local HTTP server (node:http, loopback only) that behaves like the
 * Cold Mail Reseller partner API under /api/v1/integration, plus simulator-only control
 * endpoints under /__sim/ (no auth, no rate limit).
 *
 *   const { createSimulator } = require('./simulator/server');
 *   const sim = createSimulator({ port: 0, eventDelay: 20 });
 *   const { url } = await sim.start();   // url = http://127.0.0.1:<port>/api/v1/integration
 *   ...
 *   await sim.stop();
 */

const http = require('node:http');
const { SimState, DEMO_USERS } = require('./seed');
const { ROUTES } = require('./api');
const { undocumentedFields } = require('./rules');

/** Names the body fields CMR's reference does not document for the endpoint called. */
const UNDOCUMENTED_HEADER = 'cmr-sim-undocumented-fields';
const { WebhookDispatcher, isLoopbackHost } = require('./webhooks');
const { createClock } = require('./clock');
const { HttpError, bad, notFound, isNonEmptyString, toCents, uniqueId } = require('./util');
const { createRequestHooks } = require('./faults');

const BASE_PATH = '/api/v1/integration';
const SIM_PREFIX = '/__sim';
const SCENARIO_HEADER = 'x-cmr-sim-scenario';
const SCENARIOS = ['success', 'domain_failure', 'mailbox_failure', 'workspace_conflict', 'renewal_failure', 'full_failure', 'partial_failure'];
const MAX_BODY = 1024 * 1024;

const DEFAULTS = {
	port: 4010,
	host: '127.0.0.1',
	apiKey: 'cmr_demo_key',
	sandboxKey: 'cmr_demo_sandbox_key',
	seed: 42,
	rateLimit: 5,
	webhooks: [],
	eventDelay: 300,
	retryDelays: [200, 1000],
	wallet: 500,
	allowRemoteWebhooks: false,
	duplicateFirstDelivery: false,
	deliveryTimeout: 10000,
	logger: null,
	clockTickMs: 0,
};

function normalizeSeed(seed) {
	if (typeof seed === 'string' && /^\d+$/.test(seed.trim())) return Number(seed.trim());
	return seed ?? DEFAULTS.seed;
}

function normalizeOptions(options) {
	const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options || {}).filter(([, v]) => v !== undefined)) };
	o.seed = normalizeSeed(o.seed);
	if (!isLoopbackHost(o.host)) throw new Error(`host must be a loopback address (127.0.0.1, ::1 or localhost), got ${o.host}`);
	if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error(`port must be an integer between 0 and 65535, got ${o.port}`);
	if (!isNonEmptyString(o.apiKey) || !isNonEmptyString(o.sandboxKey)) throw new Error('apiKey and sandboxKey must be non-empty strings');
	if (o.apiKey === o.sandboxKey) throw new Error('apiKey and sandboxKey must differ (CMR keys are not interchangeable)');
	if (!Number.isInteger(o.rateLimit) || o.rateLimit < 0) throw new Error('rateLimit must be an integer >= 0 (0 switches it off)');
	if (!Number.isFinite(o.eventDelay) || o.eventDelay < 0) throw new Error('eventDelay must be a number of milliseconds >= 0');
	if (!Array.isArray(o.retryDelays) || !o.retryDelays.every((d) => Number.isFinite(d) && d >= 0)) throw new Error('retryDelays must be a list of milliseconds');
	if (o.retryDelays.length > 2) throw new Error('retryDelays takes at most 2 delays (CMR makes at most 3 attempts)');
	if (!Number.isFinite(Number(o.wallet)) || Number(o.wallet) < 0) throw new Error('wallet must be a non-negative amount');
	return o;
}

function envelope(status, message, data, actionId) {
	const body = { status, message, data: data === undefined ? null : data };
	if (actionId) body.actionId = actionId;
	return body;
}

function send(res, status, body, headers = {}) {
	const json = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), ...headers });
	res.end(json);
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size > MAX_BODY) {
				reject(new HttpError(413, 'Request body too large (max 1 MB)'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJson(raw) {
	if (!raw || !raw.trim()) return {};
	let body;
	try {
		body = JSON.parse(raw);
	} catch {
		throw bad('Invalid JSON body');
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) throw bad('Request body must be a JSON object');
	return body;
}

function createSimulator(options = {}) {
	const opts = normalizeOptions(options);
	const log = typeof opts.logger === 'function' ? opts.logger : () => {};
	let state = new SimState({ seed: opts.seed, wallet: opts.wallet });
	let stopped = false;
	let generation = 0;
	const sleeps = new Set();
	const sequences = new Set();
	const windows = new Map();
	let pendingScenarios = [];
	/** `{endpoint, fields}` of recent requests with body fields the reference does not document. */
	let undocumentedSeen = [];
	const sockets = new Set();

	/** Cancellable sleep: resolves true after `ms`, or false when the simulator stops/resets. */
	function sleep(ms) {
		return new Promise((resolve) => {
			if (stopped) return resolve(false);
			const entry = { resolve };
			entry.timer = setTimeout(() => {
				sleeps.delete(entry);
				resolve(true);
			}, ms);
			sleeps.add(entry);
		});
	}

	function cancelSleeps() {
		for (const e of sleeps) {
			clearTimeout(e.timer);
			e.resolve(false);
		}
		sleeps.clear();
	}

	const webhooks = new WebhookDispatcher({
		keys: () => ({ production: opts.apiKey, sandbox: opts.sandboxKey }),
		newEventId: () => uniqueId(),
		retryDelays: opts.retryDelays,
		allowRemote: opts.allowRemoteWebhooks,
		timeoutMs: opts.deliveryTimeout,
		log,
		sleep,
	});
	webhooks.setDestinations(opts.webhooks);
	if (opts.duplicateFirstDelivery) webhooks.duplicateNext = 1;

	/** Runs lifecycle steps, one every `eventDelay` ms; each step returns events to emit (null stops). */
	function runSequence(env, steps) {
		const gen = generation;
		const p = (async () => {
			for (const step of steps) {
				if (!(await sleep(opts.eventDelay)) || gen !== generation) return;
				const events = step();
				if (events === null) return;
				for (const ev of events) {
					if (stopped || gen !== generation) return;
					await webhooks.emit(ev.event, ev.data, { env });
				}
			}
		})().catch((err) => log(`lifecycle error: ${err.stack || err}`));
		sequences.add(p);
		p.finally(() => sequences.delete(p));
		return p;
	}

	const sim = { runSequence };
	const clock = createClock({ getState: () => state, sim, tickMs: opts.clockTickMs });

	function checkRateLimit(key) {
		if (!opts.rateLimit) return 0;
		const now = Date.now();
		const list = (windows.get(key) || []).filter((t) => now - t < 1000);
		if (list.length >= opts.rateLimit) {
			windows.set(key, list);
			return Math.max(1, Math.ceil((1000 - (now - list[0])) / 1000));
		}
		list.push(now);
		windows.set(key, list);
		return 0;
	}

	function findRoute(method, path) {
		const matches = ROUTES.filter((r) => r.path === path);
		return { route: matches.find((r) => r.method === method), pathKnown: matches.length > 0 };
	}

	async function handleApi(req, res, url, path) {
		const prodKey = req.headers['cmr-x-api-key'];
		const sandboxKey = req.headers['cmr-x-sandbox-api-key'];
		let env;
		let key;
		if (prodKey !== undefined) {
			if (prodKey !== opts.apiKey) throw new HttpError(401, 'Invalid API Key');
			env = 'production';
			key = prodKey;
		} else if (sandboxKey !== undefined) {
			if (sandboxKey !== opts.sandboxKey) throw new HttpError(401, 'Invalid API Key');
			env = 'sandbox';
			key = sandboxKey;
		} else {
			throw new HttpError(401, 'Invalid API Key');
		}
		const retryAfter = checkRateLimit(key);
		if (retryAfter) {
			throw new HttpError(429, `Too many requests: the limit is ${opts.rateLimit} requests per second per API key`, {
				'retry-after': String(retryAfter),
			});
		}
		const { route, pathKnown } = findRoute(req.method, path);
		if (!route) {
			if (pathKnown) throw new HttpError(405, `Method ${req.method} is not allowed on ${path}`);
			throw notFound(`Endpoint not found: ${req.method} ${path}`);
		}
		if (route.sandboxOnly && env !== 'sandbox') {
			throw new HttpError(401, 'Invalid API Key: sandbox endpoints require the sandbox key in the cmr-x-sandbox-api-key header');
		}
		const body = parseJson(await readBody(req));
		const query = Object.fromEntries(url.searchParams);
		let user = null;
		if (route.userId !== 'none') {
			const raw = route.userId === 'query' ? query.userId : body.userId;
			if (!isNonEmptyString(raw)) throw bad('Please provide a userId');
			user = state.getUser(raw.trim()) || null;
			if (!user && !route.unknownUserOk) throw notFound('The requested user does not exist.');
		}
		const header = req.headers[SCENARIO_HEADER];
		const headerScenario = isNonEmptyString(header) ? header.trim().toLowerCase() : null;
		const ctx = {
			sim,
			state,
			env,
			query,
			body,
			user,
			headers: req.headers,
			peekHeaderScenario: () => headerScenario,
			takeScenario: (preferred) => preferred || headerScenario || pendingScenarios.shift() || 'success',
		};
		for (const rule of route.rules) rule(ctx);
		const undocumented = undocumentedFields(route, body);
		if (undocumented.length) {
			res.setHeader(UNDOCUMENTED_HEADER, undocumented.join(','));
			undocumentedSeen = [...undocumentedSeen.slice(-99), { endpoint: route.key, fields: undocumented }];
		}
		const result = route.handler(ctx);
		const status = result.status ?? 200;
		send(res, status, envelope(status, result.message, result.data, result.actionId));
	}

	// ------------------------------------------------------------ simulator-only endpoints

	function resetState(body = {}) {
		generation += 1;
		cancelSleeps();
		if (body.seed !== undefined) opts.seed = normalizeSeed(body.seed);
		if (body.wallet !== undefined) {
			if (!Number.isFinite(Number(body.wallet)) || Number(body.wallet) < 0) throw bad('wallet must be a non-negative amount');
			opts.wallet = Number(body.wallet);
		}
		state = new SimState({ seed: opts.seed, wallet: opts.wallet });
		webhooks.clearLogs();
		windows.clear();
		undocumentedSeen = [];
		pendingScenarios = [];
		return state;
	}

	async function emitCustom(body) {
		if (!isNonEmptyString(body.event)) throw bad('Missing required field(s): event');
		if (body.data !== undefined && (typeof body.data !== 'object' || body.data === null || Array.isArray(body.data))) throw bad('data must be an object');
		const env = body.environment ?? body.env ?? 'production';
		if (!['production', 'sandbox'].includes(env)) throw bad('environment must be production or sandbox');
		let data = { ...(body.data || {}) };
		if (isNonEmptyString(body.userId)) {
			const user = state.getUser(body.userId);
			if (!user) throw notFound('The requested user does not exist.');
			data = { userId: user.id, userEmail: user.email, ...data };
		}
		const result = await webhooks.emit(body.event, data, { env, duplicate: body.duplicate === true });
		return { event: result.event, eventId: result.eventId, data: result.data, deliveries: result.deliveries.filter(Boolean) };
	}

	async function idle(timeoutMs = 30000) {
		const deadline = Date.now() + timeoutMs;
		while (sequences.size || webhooks.busy) {
			if (Date.now() > deadline) return false;
			await Promise.race([
				Promise.allSettled([...sequences, ...webhooks.pending]),
				new Promise((r) => setTimeout(r, 50).unref()),
			]);
		}
		return true;
	}

	function summary() {
		return {
			...state.summary(),
			apiBaseUrl: server.address() ? `${origin()}${BASE_PATH}` : null,
			webhookDestinations: webhooks.destinations,
			pendingScenarios,
			duplicateNextDeliveries: webhooks.duplicateNext,
			options: {
				rateLimit: opts.rateLimit,
				eventDelay: opts.eventDelay,
				retryDelays: webhooks.retryDelays,
				allowRemoteWebhooks: opts.allowRemoteWebhooks,
			},
			busy: { sequences: sequences.size, deliveries: webhooks.busy },
		};
	}

	async function handleSim(req, res, url, path) {
		const body = req.method === 'GET' ? {} : parseJson(await readBody(req));
		const q = Object.fromEntries(url.searchParams);
		const ok = (message, data) => send(res, 200, envelope(200, message, data));
		const route = `${req.method} ${path}`;
		const clockAnswer = clock.handle(route, body);
		if (clockAnswer) return ok(clockAnswer.message, clockAnswer.data);
		switch (route) {
			case 'GET /__sim/state':
				return ok('Simulator state', summary());
			case 'GET /__sim/undocumented':
				return ok('Body fields sent that the CMR reference does not document', { requests: undocumentedSeen });
			case 'GET /__sim/webhooks':
				return ok('Webhook destinations', { urls: webhooks.destinations, duplicateNext: webhooks.duplicateNext });
			case 'POST /__sim/webhooks': {
				if (body.urls === undefined && body.url === undefined && body.duplicateNext === undefined) throw bad('Missing required field(s): urls');
				if (body.urls !== undefined || body.url !== undefined) {
					try {
						webhooks.setDestinations(body.urls ?? body.url);
					} catch (err) {
						throw bad(err.message);
					}
				}
				if (body.duplicateNext !== undefined) {
					const n = body.duplicateNext === true ? 1 : Number(body.duplicateNext);
					if (!Number.isInteger(n) || n < 0) throw bad('duplicateNext must be a boolean or an integer >= 0');
					webhooks.duplicateNext = n;
				}
				return ok('Webhook destinations set', { urls: webhooks.destinations, duplicateNext: webhooks.duplicateNext });
			}
			case 'GET /__sim/deliveries': {
				let list = webhooks.deliveries;
				if (q.event) list = list.filter((d) => d.event === q.event);
				if (q.eventId) list = list.filter((d) => d.eventId === q.eventId);
				return ok('Webhook delivery attempts', { deliveries: list, total: list.length });
			}
			case 'DELETE /__sim/deliveries':
				webhooks.clearLogs();
				return ok('Delivery log cleared', null);
			case 'GET /__sim/events': {
				let list = webhooks.events;
				if (q.event) list = list.filter((e) => e.event === q.event);
				return ok('Emitted events', { events: list, total: list.length });
			}
			case 'POST /__sim/reset':
				resetState(body);
				return ok('Simulator state reseeded', summary());
			case 'POST /__sim/emit':
				return ok('Event emitted', await emitCustom(body));
			case 'POST /__sim/scenario': {
				const scenario = String(body.scenario ?? '').toLowerCase();
				if (!SCENARIOS.includes(scenario)) throw bad(`scenario must be one of ${SCENARIOS.join(', ')}`);
				const times = body.times === undefined ? 1 : Number(body.times);
				if (!Number.isInteger(times) || times < 1 || times > 100) throw bad('times must be an integer between 1 and 100');
				for (let i = 0; i < times; i++) pendingScenarios.push(scenario);
				return ok('Scenario queued for the next asynchronous operation(s)', { pendingScenarios });
			}
			case 'DELETE /__sim/scenario':
				pendingScenarios = [];
				return ok('Pending scenarios cleared', { pendingScenarios });
			case 'POST /__sim/wallet': {
				const balance = Number(body.balance);
				if (body.balance === undefined || !Number.isFinite(balance) || balance < 0) throw bad('balance must be a non-negative amount');
				state.wallet.balanceCents = toCents(balance);
				return ok('Wallet balance set', { balance: state.balance, currency: state.wallet.currency });
			}
			case 'POST /__sim/config': {
				if (body.rateLimit !== undefined) {
					if (!Number.isInteger(body.rateLimit) || body.rateLimit < 0) throw bad('rateLimit must be an integer >= 0');
					opts.rateLimit = body.rateLimit;
					windows.clear();
				}
				if (body.eventDelay !== undefined) {
					if (!Number.isFinite(body.eventDelay) || body.eventDelay < 0) throw bad('eventDelay must be >= 0');
					opts.eventDelay = body.eventDelay;
				}
				if (body.retryDelays !== undefined) {
					if (!Array.isArray(body.retryDelays) || body.retryDelays.length > 2 || !body.retryDelays.every((d) => Number.isFinite(d) && d >= 0)) {
						throw bad('retryDelays must be a list of at most 2 delays in ms');
					}
					webhooks.retryDelays = body.retryDelays.slice();
				}
				return ok('Configuration updated', summary().options);
			}
			case 'GET /__sim/idle': {
				const timeout = Math.min(Number(q.timeout) || 10000, 60000);
				const done = await idle(timeout);
				return send(res, done ? 200 : 504, envelope(done ? 200 : 504, done ? 'Idle' : 'Still busy', summary().busy));
			}
			default:
				throw notFound(`Simulator endpoint not found: ${route}`);
		}
	}

	// ------------------------------------------------------------ server

	const hooks = createRequestHooks({ faults: opts.faults, basePath: BASE_PATH, simPrefix: SIM_PREFIX, send, envelope });

	const server = http.createServer((req, res) => {
		const started = Date.now();
		const url = new URL(req.url, 'http://127.0.0.1');
		const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
		res.on('finish', () => log(`${req.method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`));
		if (hooks.handle(req, res, url, path)) return;
		let work;
		if (path === SIM_PREFIX || path.startsWith(`${SIM_PREFIX}/`)) work = handleSim(req, res, url, path);
		else if (path === BASE_PATH || path.startsWith(`${BASE_PATH}/`)) work = handleApi(req, res, url, path.slice(BASE_PATH.length) || '/');
		else work = Promise.reject(notFound(`Not found: ${path}. The API lives under ${BASE_PATH}`));
		work.catch((err) => {
			if (res.headersSent) return;
			if (err instanceof HttpError) return send(res, err.status, envelope(err.status, err.message, null), err.headers);
			log(`internal error on ${req.method} ${path}: ${err.stack || err}`);
			send(res, 500, envelope(500, 'Internal server error', null));
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	function origin() {
		const addr = server.address();
		const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
		return `http://${host}:${addr.port}`;
	}

	return {
		options: opts,
		basePath: BASE_PATH,
		get state() {
			return state;
		},
		get deliveries() {
			return webhooks.deliveries;
		},
		get events() {
			return webhooks.events;
		},
		get webhookDestinations() {
			return webhooks.destinations;
		},
		webhooks,
		/** Request log and route faults (simulator/faults.js): requests, faults, setFaults(), clearRequests(). */
		hooks,
		clock,
		demoUsers: DEMO_USERS.map((u) => ({ id: u.id, email: u.email, company: u.company })),
		start() {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(opts.port, opts.host, () => {
					server.off('error', reject);
					const o = origin();
					resolve({ port: server.address().port, origin: o, url: `${o}${BASE_PATH}` });
				});
			});
		},
		async stop() {
			if (stopped) return;
			stopped = true;
			generation += 1;
			clock.stop();
			cancelSleeps();
			await webhooks.close();
			await Promise.allSettled([...sequences]);
			await new Promise((resolve) => {
				if (!server.listening) return resolve();
				server.close(() => resolve());
				server.closeAllConnections?.();
				for (const s of sockets) s.destroy();
			});
		},
		setWebhookDestinations(urls) {
			return webhooks.setDestinations(urls);
		},
		/** Queues a scenario (domain_failure, mailbox_failure, ...) for the next asynchronous operation. */
		queueScenario(scenario, times = 1) {
			for (let i = 0; i < times; i++) pendingScenarios.push(scenario);
		},
		duplicateNextDelivery(count = 1) {
			webhooks.duplicateNext = count;
		},
		emit(event, data, o = {}) {
			return emitCustom({ event, data, ...o });
		},
		reset(o = {}) {
			resetState(o);
			return state;
		},
		setRateLimit(limit) {
			opts.rateLimit = limit;
			windows.clear();
		},
		/** Resolves true once no lifecycle or delivery (including retries) is pending. */
		idle,
		summary,
	};
}

module.exports = { createSimulator, BASE_PATH, SCENARIO_HEADER, SCENARIOS, DEFAULTS, UNDOCUMENTED_HEADER, normalizeOptions };
