'use strict';

/**
 * Request log and route faults, hooked in at the simulator's request entry (before any routing).
 *
 * Faults make chosen API routes answer 404 or 405, the way CMR would if a path or a method the node uses
 * were wrong. Used by the contract probe's tests (scripts/probe.js). A fault is "METHOD /path=STATUS",
 * with the path under the API base path:
 *
 *   createSimulator({ faults: ['GET /wallet=404', 'POST /domains/available=405'] })
 *   node simulator/cli.js --fault 'GET /wallet=404' --fault 'POST /domains/available=405'
 *   CMR_SIM_FAULTS='GET /wallet=404,POST /domains/available=405' node simulator/cli.js
 *
 * The request log holds every API request: method, path, query, HTTP status and whether a fault answered.
 * It never stores headers (API keys). Controls (no auth): GET|DELETE /__sim/requests, GET|POST /__sim/faults.
 */

const FAULT_STATUSES = [404, 405];
const MAX_LOG = 5000;

/** Parses "GET /wallet=404" (or an array/comma list of them) into [{method, path, status}]. */
function parseFaults(spec) {
	if (spec === undefined || spec === null || spec === '') return [];
	const list = Array.isArray(spec) ? spec : String(spec).split(',');
	return list
		.map((entry) => (typeof entry === 'string' ? entry.trim() : entry))
		.filter((entry) => entry !== '')
		.map((entry) => {
			if (typeof entry === 'object') return checkFault(entry, JSON.stringify(entry));
			const m = /^([A-Za-z]+)\s+(\/\S*)\s*=\s*(\d{3})$/.exec(entry);
			if (!m) throw new Error(`fault must look like "GET /wallet=404", got "${entry}"`);
			return checkFault({ method: m[1], path: m[2], status: Number(m[3]) }, entry);
		});
}

function checkFault({ method, path, status }, shown) {
	if (typeof method !== 'string' || typeof path !== 'string' || !path.startsWith('/')) {
		throw new Error(`fault needs a method and a path starting with "/": ${shown}`);
	}
	if (!FAULT_STATUSES.includes(status))
		throw new Error(`fault status must be 404 or 405: ${shown}`);
	return {
		method: method.toUpperCase(),
		path: path.length > 1 ? path.replace(/\/+$/, '') : path,
		status,
	};
}

/**
 * @param {{faults?: string|string[], basePath: string, simPrefix: string, send: Function, envelope: Function}} o
 * `send(res, status, body)` and `envelope(status, message, data)` are the server's own.
 */
function createRequestHooks({ faults, basePath, simPrefix, send, envelope }) {
	let active = parseFaults(faults ?? process.env.CMR_SIM_FAULTS);
	const requests = [];

	function faultFor(method, apiPath) {
		return active.find((f) => f.method === method && f.path === apiPath);
	}

	function setFaultsFromBody(req, res) {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			try {
				const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
				active = parseFaults(body.faults ?? []);
				send(res, 200, envelope(200, 'Route faults set', { faults: active }));
			} catch (err) {
				send(res, 400, envelope(400, err.message, null));
			}
		});
	}

	/** The control endpoints of this module; false for any other /__sim/ path. */
	function answerControl(req, res, path) {
		const ok = (message, data) => send(res, 200, envelope(200, message, data));
		switch (`${req.method} ${path.slice(simPrefix.length)}`) {
			case 'GET /requests':
				ok('API requests received', { requests, total: requests.length });
				return true;
			case 'DELETE /requests':
				requests.length = 0;
				ok('Request log cleared', null);
				return true;
			case 'GET /faults':
				ok('Route faults', { faults: active });
				return true;
			case 'POST /faults':
				setFaultsFromBody(req, res);
				return true;
			default:
				return false;
		}
	}

	/** Called first for every request. Returns true when it answered the request itself. */
	function handle(req, res, url, path) {
		if (path.startsWith(`${simPrefix}/`)) return answerControl(req, res, path);
		if (!(path === basePath || path.startsWith(`${basePath}/`))) return false;
		const apiPath = path.slice(basePath.length) || '/';
		const entry = {
			method: req.method,
			path: apiPath,
			query: Object.fromEntries(url.searchParams),
			status: null,
			fault: false,
		};
		if (requests.length >= MAX_LOG) requests.shift();
		requests.push(entry);
		res.on('finish', () => (entry.status = res.statusCode));
		const fault = faultFor(req.method, apiPath);
		if (!fault) return false;
		entry.fault = true;
		req.resume();
		const message =
			fault.status === 404
				? `Endpoint not found: ${req.method} ${apiPath}`
				: `Method ${req.method} is not allowed on ${apiPath}`;
		send(res, fault.status, envelope(fault.status, message, null));
		return true;
	}

	return {
		handle,
		get requests() {
			return requests;
		},
		get faults() {
			return active;
		},
		setFaults(spec) {
			active = parseFaults(spec);
			return active;
		},
		clearRequests() {
			requests.length = 0;
		},
	};
}

module.exports = { createRequestHooks, parseFaults, FAULT_STATUSES };
