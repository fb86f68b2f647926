// A real n8n 2.41.1 with the package installed and published webhook workflows, for the trigger's
// restart check (e2e/trigger-restart.mjs) and its ingestion benchmark (bench/trigger-ingest.mjs).
// Own temp home, own ports; start(), restart() and stop() by process id; executions counted in n8n's
// SQLite database (read with Node 24's node:sqlite, n8n's own Node).
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import {
	NODE24_BIN,
	PACKAGE_NAME,
	freePort,
	installPackage,
	n8nCliChecked,
	run,
	startN8n,
	stopProcess,
	waitForReady,
} from './n8n-runtime.mjs';

export const TRIGGER_TYPE = `${PACKAGE_NAME}.coldMailResellerTrigger`;
export const CMR_CREDENTIAL = { id: 'cmrTrigInstCred1', name: 'CMR (trigger instance)' };
export const HEADER_CREDENTIAL = { id: 'cmrTrigInstHdr01', name: 'Header auth (bench)' };
export const HEADER_AUTH = { name: 'x-bench-token', value: 'bench-header-token-value' };

const noOp = (id) => ({
	id,
	name: 'Done',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [240, 0],
	parameters: {},
});

function workflow(id, name, start, doneNodeId) {
	return {
		id,
		name,
		active: false,
		nodes: [start, noOp(doneNodeId)],
		connections: { [start.name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** A published workflow: CMR Trigger (signature on, all events) → No Op. */
export function cmrTriggerWorkflow(id, webhookId, parameters = {}) {
	return workflow(
		id,
		`CMR trigger ${id}`,
		{
			id: `${webhookId.slice(0, 24)}00000001`,
			name: 'CMR Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { events: ['*'], verifySignature: true, ...parameters },
			credentials: { coldMailResellerApi: CMR_CREDENTIAL },
		},
		`${webhookId.slice(0, 24)}00000002`,
	);
}

/** A published workflow: n8n's Webhook node (POST, answers on receipt) → No Op, optionally with Header Auth. */
export function webhookNodeWorkflow(id, webhookId, { headerAuth = false } = {}) {
	return workflow(
		id,
		`Webhook node ${id}`,
		{
			id: `${webhookId.slice(0, 24)}00000001`,
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			position: [0, 0],
			webhookId,
			parameters: {
				httpMethod: 'POST',
				path: webhookId,
				responseMode: 'onReceived',
				options: {},
				...(headerAuth ? { authentication: 'headerAuth' } : {}),
			},
			...(headerAuth ? { credentials: { httpHeaderAuth: HEADER_CREDENTIAL } } : {}),
		},
		`${webhookId.slice(0, 24)}00000002`,
	);
}

export function webhookPath(wf) {
	const start = wf.nodes[0];
	return start.type === 'n8n-nodes-base.webhook'
		? start.parameters.path
		: `${start.webhookId}/webhook`;
}

/** Headers CMR sends: hex HMAC-SHA256 of the raw body with the partner API key, and the timestamp. */
export function cmrSignatureHeaders(body, apiKey, timestamp = Math.floor(Date.now() / 1000)) {
	return {
		'content-type': 'application/json',
		'cmr-x-timestamp': String(timestamp),
		'cmr-x-signature': createHmac('sha256', apiKey).update(body).digest('hex'),
	};
}

/**
 * Creates the n8n home, installs the package, imports the credentials and workflows and publishes them.
 * `workflows` are objects from the builders above (or any workflow JSON with an id).
 */
export async function createTriggerInstance({
	label,
	logDir,
	apiKey,
	workflows,
	customNodes = {},
	log = () => {},
}) {
	fs.mkdirSync(logDir, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `cmr-${label}-home-`));
	await installPackage({ userFolder, log });
	// Extra node files (`<Name>.node.js` source), loaded by n8n as type `CUSTOM.<name>`.
	const customDir = path.join(userFolder, '.n8n', 'custom');
	fs.mkdirSync(customDir, { recursive: true });
	for (const [file, source] of Object.entries(customNodes))
		fs.writeFileSync(path.join(customDir, file), source);
	const port = await freePort();
	const cli = { userFolder, port, logFile: path.join(logDir, `${label}-cli.log`) };
	const credFile = path.join(userFolder, 'credentials.json');
	fs.writeFileSync(
		credFile,
		JSON.stringify([
			{
				...CMR_CREDENTIAL,
				type: 'coldMailResellerApi',
				data: {
					apiKey,
					environment: 'production',
					baseUrl: 'http://127.0.0.1:9/api/v1/integration',
				},
			},
			{ ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: HEADER_AUTH },
		]),
	);
	await n8nCliChecked(['import:credentials', `--input=${credFile}`], cli);
	const wfDir = path.join(userFolder, 'workflows');
	fs.mkdirSync(wfDir);
	for (const wf of workflows)
		fs.writeFileSync(path.join(wfDir, `${wf.id}.json`), JSON.stringify(wf));
	await n8nCliChecked(['import:workflow', '--separate', `--input=${wfDir}`], cli);
	for (const wf of workflows) await n8nCliChecked(['publish:workflow', `--id=${wf.id}`], cli);

	const url = `http://127.0.0.1:${port}`;
	const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });
	let server = null;
	let starts = 0;

	/** One POST; a connection the server closed under it is retried (as CMR retries), up to 3 times. */
	async function post(p, body, headers) {
		const started = process.hrtime.bigint();
		for (let attempt = 1; ; attempt++) {
			try {
				const res = await request(`${url}/webhook/${p}`, {
					method: 'POST',
					body,
					headers,
					dispatcher,
				});
				const text = await res.body.text();
				return {
					status: res.statusCode,
					text,
					ms: Number(process.hrtime.bigint() - started) / 1e6,
				};
			} catch (error) {
				if (attempt >= 3 || !['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(error.code))
					throw error;
			}
		}
	}

	/** Waits until every workflow's webhook is registered and served (not 404, not 5xx). */
	async function waitForWebhooks(timeoutMs = 60_000) {
		const deadline = Date.now() + timeoutMs;
		for (const wf of workflows) {
			for (;;) {
				// An empty body: the trigger answers 400/401, the Webhook node with Header Auth 403,
				// the plain Webhook node 200 (one execution, counted by the callers as a probe).
				const res = await post(webhookPath(wf), '', { 'content-type': 'application/json' });
				if (res.status !== 404 && res.status < 500) break;
				if (Date.now() > deadline)
					throw new Error(`webhook of ${wf.id} still answers ${res.status} after ${timeoutMs} ms`);
				await new Promise((r) => setTimeout(r, 300));
			}
		}
	}

	const instance = {
		userFolder,
		url,
		port,
		get pid() {
			return server?.pid;
		},
		async start(env = {}) {
			starts++;
			server = await startN8n({
				userFolder,
				port,
				logFile: path.join(logDir, `${label}-n8n-${starts}.log`),
				env,
			});
			await waitForReady(url, { child: server.child, timeoutMs: 180_000 });
			await waitForWebhooks();
		},
		async stop() {
			if (server) await stopProcess(server.child, { graceMs: 30_000 });
			server = null;
		},
		async restart(env = {}) {
			await instance.stop();
			await instance.start(env);
		},
		post,
		/** Execution counts per workflow id: { total, finished } (finished = has stoppedAt). */
		async executions() {
			const db = path.join(userFolder, '.n8n', 'database.sqlite');
			const script = `const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(${JSON.stringify(db)}, { readOnly: true });
const rows = db.prepare('SELECT workflowId AS id, COUNT(*) AS total, SUM(CASE WHEN stoppedAt IS NULL THEN 0 ELSE 1 END) AS finished FROM execution_entity GROUP BY workflowId').all();
process.stdout.write(JSON.stringify(rows));`;
			const r = await run(NODE24_BIN, ['--no-warnings', '-e', script], { timeoutMs: 30_000 });
			if (r.code !== 0) throw new Error(`reading executions failed: ${r.stderr.trim()}`);
			const out = {};
			for (const row of JSON.parse(r.stdout))
				out[row.id] = { total: row.total, finished: row.finished };
			return out;
		},
		/** The workflow's stored static data (JSON text) as n8n saved it. */
		async staticData(workflowId) {
			const db = path.join(userFolder, '.n8n', 'database.sqlite');
			const script = `const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(${JSON.stringify(db)}, { readOnly: true });
const row = db.prepare('SELECT staticData FROM workflow_entity WHERE id = ?').get(${JSON.stringify(workflowId)});
process.stdout.write(String(row?.staticData ?? 'null'));`;
			const r = await run(NODE24_BIN, ['--no-warnings', '-e', script], { timeoutMs: 30_000 });
			if (r.code !== 0) throw new Error(`reading static data failed: ${r.stderr.trim()}`);
			return r.stdout;
		},
		/** Resident memory of the n8n main process in MiB (Linux /proc). */
		rssMb() {
			try {
				const status = fs.readFileSync(`/proc/${server?.pid}/status`, 'utf8');
				return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
			} catch {
				return NaN;
			}
		},
		async dispose({ keepHome = false } = {}) {
			await instance.stop();
			await dispatcher.close();
			if (!keepHome) fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
	return instance;
}

/** Sends `bodies` with at most `concurrency` in flight. Returns statuses, latencies (ms) and elapsed ms. */
export async function sendAll(instance, p, bodies, headersFor, concurrency = 10) {
	const results = new Array(bodies.length);
	let next = 0;
	const started = process.hrtime.bigint();
	async function worker() {
		while (next < bodies.length) {
			const i = next++;
			results[i] = await instance.post(p, bodies[i], headersFor(bodies[i]));
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
	return { results, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Waits until the workflow has `expected` executions, all finished. Returns the wait in ms. */
export async function waitForExecutions(instance, workflowId, expected, timeoutMs = 120_000) {
	const started = Date.now();
	for (;;) {
		const counts = (await instance.executions())[workflowId] ?? { total: 0, finished: 0 };
		if (counts.total >= expected && counts.finished >= counts.total) return Date.now() - started;
		if (Date.now() - started > timeoutMs) {
			throw new Error(
				`${workflowId}: ${counts.total} executions (${counts.finished} finished), expected ${expected}`,
			);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}
