// Queue-mode stage (`npm run test:queue`): the built package in a real n8n 2.41.1 run the way teams scale it out:
// one main (EXECUTIONS_MODE=queue), two workers (`n8n worker`) and two webhook processes (`n8n webhook`), sharing
// one encryption key, one PostgreSQL database and one Redis queue (Debian's packages, see e2e/services.mjs).
// The package is installed as a community package into every process's own user folder.
//
// Plain Node ESM on the system Node 20; assumes `npm run build` ran. Prints one line per check and ends with
// `N passed, M failed`; exits non-zero when a check failed. Everything listens on 127.0.0.1 on free ports; the
// processes, Redis and PostgreSQL are stopped by process id at the end, also on failure. Logs: .e2e-work/queue/.
// Contributor notes: docs/QUEUE-MODE.md.

import { createRequire } from 'node:module';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	ROOT,
	PACKAGE_NAME,
	assertBuilt,
	createApiKey,
	ensureRuntime,
	freePort,
	installPackage,
	installSignalHandlers,
	n8nCliChecked,
	setupOwner,
	startN8n,
	startNodeScript,
	stopAll,
	stopProcess,
	waitForReady,
} from '../scripts/n8n-runtime.mjs';
import { assert, check, results, say, sleep, summary } from './checks.mjs';
import { ensureServiceBinaries, startPostgres, startRedis } from './services.mjs';
import {
	chain,
	cmrNodeBuilder,
	itemsNodes,
	manualTrigger,
	nodeItems,
	simulatorCredential,
	workflow,
} from './workflows.mjs';

const require = createRequire(import.meta.url);

/**
 * The built trigger's own reader of its static data (`(nodeStaticData, eventId) => boolean`), so the check does
 * not depend on how the ids are stored (plain or hashed).
 */
function storedEventCheck() {
	const dedupe = require('../dist/nodes/ColdMailReseller/trigger/dedupe.js');
	const fn = dedupe.isStoredEvent ?? dedupe.isDuplicateEvent;
	if (typeof fn !== 'function')
		throw new Error('dist/…/trigger/dedupe.js exports no isStoredEvent or isDuplicateEvent');
	return fn;
}
const { signPayload } = require('../simulator/webhooks.js');
const { COUNTRIES } = require('../simulator/geo.js');

const WORK = path.join(ROOT, '.e2e-work', 'queue');
const LOGS = path.join(WORK, 'logs');
const WF_DIR = path.join(WORK, 'workflows');

const API_KEY = `queue_key_${Date.now().toString(36)}`;
const CRED = { id: 'cmrQueueCred0001', name: 'CMR simulator (queue)' };
const TRIGGER = `${PACKAGE_NAME}.coldMailResellerTrigger`;
const LIFECYCLE = ['domain.order.success', 'mailbox.order.success', 'mailbox.created'];
const WORKERS = ['worker-1', 'worker-2'];
const WORKER_CONCURRENCY = 2;
const BULK = { executions: 4, items: 50, rps: 5 };
// Deliveries per concurrent-duplicate check; QUEUE_DUPLICATE_PAIRS=40 measures the rates more precisely.
const DUPLICATE_PAIRS = Number(process.env.QUEUE_DUPLICATE_PAIRS) || 8;

const IDS = {
	geoManual: 'cmrQueueGeoManu1',
	geoHook: 'cmrQueueGeoHook1',
	bulk: 'cmrQueueBulk0001',
	trigger: 'cmrQueueTrigger1',
	recipe: 'cmrQueueRecipe01',
	redisRecipe: 'cmrQueueRecipe02',
};
const HOOK = {
	geo: { webhookId: '9e0e2e00-c0de-4c3a-9d5e-0000000a0001', path: 'cmr-queue-geo' },
	trigger: '9e0e2e00-c0de-4c3a-9d5e-0000000a0002',
	recipe: '9e0e2e00-c0de-4c3a-9d5e-0000000a0003',
	redisRecipe: '9e0e2e00-c0de-4c3a-9d5e-0000000a0004',
};
const REDIS_CRED = { id: 'cmrQueueRedis001', name: 'Redis (queue recipe)' };
/** Redis database for the recipe's keys: not the queue's database 0. */
const RECIPE_REDIS_DB = 1;

// ------------------------------------------------------------------------------------------------
// Workflows. Every one has a "Where" Set node that records $env.CMR_QUEUE_PROCESS, the name given to the
// process that ran it, so the execution record itself says which process executed the node.
// ------------------------------------------------------------------------------------------------

const credentials = { coldMailResellerApi: { id: CRED.id, name: CRED.name } };

function whereNode(name = 'Where', position = [240, 200], extra = []) {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			mode: 'manual',
			includeOtherFields: true,
			assignments: {
				assignments: [
					{
						id: randomUUID(),
						name: 'ranOn',
						value: '={{ $env.CMR_QUEUE_PROCESS }}',
						type: 'string',
					},
					...extra.map(([field, value]) => ({
						id: randomUUID(),
						name: field,
						value,
						type: 'string',
					})),
				],
			},
			options: {},
		},
	};
}

const cmrNode = cmrNodeBuilder(CRED);

const countriesNode = () =>
	cmrNode('Countries', { resource: 'geo', operation: 'getCountries' }, [480, 200]);

function triggerNode(webhookId) {
	return {
		id: randomUUID(),
		name: 'CMR Trigger',
		type: TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { events: LIFECYCLE, verifySignature: true },
		credentials,
	};
}

function buildWorkflows() {
	const geoWebhook = {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 200],
		webhookId: HOOK.geo.webhookId,
		parameters: {
			httpMethod: 'POST',
			path: HOOK.geo.path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	const removeDuplicates = {
		id: randomUUID(),
		name: 'Skip seen eventIds',
		type: 'n8n-nodes-base.removeDuplicates',
		typeVersion: 2,
		position: [240, 0],
		parameters: {
			operation: 'removeItemsSeenInPreviousExecutions',
			logic: 'removeItemsWithAlreadySeenKeyValues',
			dedupeValue: '={{ $json.eventId }}',
			options: {},
		},
	};
	return {
		geoManual: workflow(IDS.geoManual, 'Queue: countries (manual)', [
			manualTrigger(),
			whereNode(),
			countriesNode(),
		]),
		geoHook: workflow(IDS.geoHook, 'Queue: countries (webhook)', [
			geoWebhook,
			whereNode(),
			countriesNode(),
		]),
		bulk: workflow(IDS.bulk, 'Queue: bulk', [
			manualTrigger(),
			...itemsNodes(BULK.items),
			whereNode('Where', [720, 0]),
			cmrNode(
				'List users (one request per item)',
				{ resource: 'user', operation: 'getAll', returnAll: false, limit: 1 },
				[960, 0],
				{ onError: 'continueRegularOutput' },
			),
		]),
		trigger: workflow(IDS.trigger, 'Queue: CMR trigger', [triggerNode(HOOK.trigger), whereNode()]),
		redisRecipe: workflow(
			IDS.redisRecipe,
			'Queue: CMR trigger + Redis claim',
			[
				triggerNode(HOOK.redisRecipe),
				{
					id: randomUUID(),
					name: 'Claim eventId',
					type: 'n8n-nodes-base.redis',
					typeVersion: 1,
					position: [240, 0],
					parameters: {
						operation: 'incr',
						key: '=cmr-event:{{ $json.eventId }}',
						expire: true,
						ttl: 7 * 24 * 3600,
					},
					credentials: { redis: { id: REDIS_CRED.id, name: REDIS_CRED.name } },
				},
				{
					id: randomUUID(),
					name: 'First claim?',
					type: 'n8n-nodes-base.if',
					typeVersion: 2.2,
					position: [480, 0],
					parameters: {
						conditions: {
							options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
							conditions: [
								{
									id: randomUUID(),
									leftValue: '={{ Object.values($json)[0] }}',
									rightValue: 1,
									operator: { type: 'number', operation: 'equals' },
								},
							],
							combinator: 'and',
						},
						options: {},
					},
				},
				whereNode(
					'Downstream',
					[720, 0],
					[['eventId', "={{ $('CMR Trigger').first().json.eventId }}"]],
				),
			],
			chain('CMR Trigger', 'Claim eventId', 'First claim?', 'Downstream'),
		),
		recipe: workflow(
			IDS.recipe,
			'Queue: CMR trigger + Remove Duplicates',
			[triggerNode(HOOK.recipe), removeDuplicates, whereNode('Downstream', [480, 0])],
			chain('CMR Trigger', 'Skip seen eventIds', 'Downstream'),
		),
	};
}

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Items (json and error) that a node output in an execution's run data. */
function nodeOutput(execution, nodeName) {
	const runs = execution?.data?.resultData?.runData?.[nodeName];
	return runs?.[0]?.data?.main?.[0] ?? [];
}

function ranOn(execution, nodeName = 'Where') {
	return [...new Set(nodeItems({ data: execution.data }, nodeName).map((i) => i.ranOn))];
}

/** A signed CMR lifecycle delivery (as the simulator signs it: hex HMAC-SHA256 of the raw body). */
function delivery(eventId, { forged = false } = {}) {
	const body = JSON.stringify({
		event: 'mailbox.created',
		eventId,
		data: { orderId: 'QUEUE-ORDER-1', email: `${eventId.toLowerCase()}@queue.example` },
	});
	return {
		body,
		headers: {
			'content-type': 'application/json',
			'cmr-x-timestamp': String(Math.floor(Date.now() / 1000)),
			'cmr-x-signature': forged ? 'f'.repeat(64) : signPayload(API_KEY, body),
		},
	};
}

async function post(url, { body, headers }) {
	const res = await fetch(url, { method: 'POST', headers, body });
	const text = await res.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		/* not JSON */
	}
	return { status: res.status, text, json };
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

async function main() {
	const t0 = Date.now();
	try {
		assertBuilt();
	} catch (e) {
		say(`queue: ${e.message}`);
		say('0 passed, 1 failed');
		return 1;
	}
	const folders = [];
	const n8nProcs = [];
	const services = [];
	let simChild;
	// Webhook processes and workers first, then main; Redis and PostgreSQL only after every n8n process is gone.
	const teardown = async () => {
		for (const group of [['webhook-1', 'webhook-2'], WORKERS, ['main']])
			await Promise.all(n8nProcs.filter((p) => group.includes(p.role)).map((p) => p.stop()));
		if (simChild) await stopProcess(simChild);
		await Promise.all(services.map((s) => s.stop()));
	};
	const removeHandlers = installSignalHandlers({
		log: say,
		onSignal: async () => {
			await teardown();
			for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
		},
	});
	try {
		const rt = await ensureRuntime({ log: say });
		say(`queue: runtime ${rt.reused ? 'reused' : 'installed'} in ${secs(rt.ms)}`);
		const bins = await ensureServiceBinaries({ log: (m) => say(`queue: ${m}`) });

		fs.rmSync(WORK, { recursive: true, force: true });
		fs.mkdirSync(LOGS, { recursive: true });
		fs.mkdirSync(WF_DIR, { recursive: true });

		// ---- ports, Redis, PostgreSQL, simulator
		const port = {};
		for (const k of [
			'redis',
			'pg',
			'sim',
			'main',
			'mainBroker',
			'w1',
			'w1Broker',
			'w2',
			'w2Broker',
			'h1',
			'h2',
		])
			port[k] = await freePort();
		const tServices = Date.now();
		const dbPassword = randomBytes(12).toString('hex');
		const started = (service) => (services.push(service), service);
		const [, pg] = await Promise.all([
			startRedis({
				bin: bins.redisServer,
				port: port.redis,
				dir: path.join(WORK, 'redis'),
				logFile: path.join(LOGS, 'redis.log'),
			}).then(started),
			startPostgres({
				bins,
				port: port.pg,
				logFile: path.join(LOGS, 'postgres.log'),
				password: dbPassword,
			}).then(started),
		]);
		say(
			`queue: Redis on ${port.redis}, PostgreSQL on ${port.pg} (as ${pg.account ?? 'this user'}, data in ${pg.dir}) ready in ${secs(Date.now() - tServices)}`,
		);

		const simOrigin = `http://127.0.0.1:${port.sim}`;
		const simLog = path.join(LOGS, 'simulator.log');
		simChild = startNodeScript(
			path.join(ROOT, 'simulator', 'cli.js'),
			['--port', String(port.sim), '--api-key', API_KEY, '--rate-limit', String(BULK.rps)],
			{ logFile: simLog },
		);

		// ---- one user folder per process, the package installed into each
		const roles = ['main', ...WORKERS, 'webhook-1', 'webhook-2'];
		const home = {};
		for (const role of roles) {
			home[role] = fs.mkdtempSync(path.join(os.tmpdir(), `cmr-queue-${role}-`));
			folders.push(home[role]);
		}
		await Promise.all(
			roles.map((role) =>
				installPackage({ userFolder: home[role], log: (m) => say(`queue: [${role}] ${m}`) }),
			),
		);

		// ---- shared environment: identical for every process and the CLI
		const mainUrl = `http://127.0.0.1:${port.main}`;
		const hookUrl = [`http://127.0.0.1:${port.h1}`, `http://127.0.0.1:${port.h2}`];
		const shared = {
			EXECUTIONS_MODE: 'queue',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port.pg),
			DB_POSTGRESDB_DATABASE: pg.database,
			DB_POSTGRESDB_USER: pg.user,
			DB_POSTGRESDB_PASSWORD: dbPassword,
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(port.redis),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			WEBHOOK_URL: `${hookUrl[0]}/`,
			N8N_EDITOR_BASE_URL: `${mainUrl}/`,
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			// Only so the "Where" nodes can read CMR_QUEUE_PROCESS.
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		};
		const cli = {
			userFolder: home.main,
			port: port.main,
			env: { ...shared, CMR_QUEUE_PROCESS: 'cli' },
			logFile: path.join(LOGS, 'n8n-cli.log'),
		};

		// ---- credential + workflows (the first CLI command runs the migrations on the empty database)
		await waitForReady(simOrigin, { path: '/__sim/state', child: simChild, timeoutMs: 20000 });
		const credFile = path.join(WORK, 'credentials.json');
		fs.writeFileSync(
			credFile,
			JSON.stringify([
				simulatorCredential(CRED, API_KEY, simOrigin),
				{
					...REDIS_CRED,
					type: 'redis',
					data: { host: '127.0.0.1', port: port.redis, database: RECIPE_REDIS_DB, password: '' },
				},
			]),
		);
		const tCli = Date.now();
		await n8nCliChecked(['import:credentials', `--input=${credFile}`], cli);
		const wfs = buildWorkflows();
		for (const [name, wf] of Object.entries(wfs))
			fs.writeFileSync(path.join(WF_DIR, `${name}.json`), JSON.stringify(wf, null, 2));
		await n8nCliChecked(['import:workflow', '--separate', `--input=${WF_DIR}`], cli);
		say(
			`queue: database migrated, credential and ${Object.keys(wfs).length} workflows imported in ${secs(Date.now() - tCli)}`,
		);

		// ---- main, two workers, two webhook processes
		const tStart = Date.now();
		const start = (role, command, p, broker, extra = {}) =>
			startN8n({
				userFolder: home[role],
				port: p,
				brokerPort: broker,
				command,
				logFile: path.join(LOGS, `${role}.log`),
				env: { ...shared, CMR_QUEUE_PROCESS: role, ...extra },
			}).then((proc) => {
				n8nProcs.push({ role, ...proc });
				return proc;
			});
		const main = await start('main', ['start'], port.main, port.mainBroker);
		const workerCommand = ['worker', `--concurrency=${WORKER_CONCURRENCY}`];
		const workerEnv = (p) => ({
			QUEUE_HEALTH_CHECK_PORT: String(p),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		const w1 = await start('worker-1', workerCommand, port.w1, port.w1Broker, workerEnv(port.w1));
		const w2 = await start('worker-2', workerCommand, port.w2, port.w2Broker, workerEnv(port.w2));
		const h1 = await start('webhook-1', ['webhook'], port.h1, await freePort());
		const h2 = await start('webhook-2', ['webhook'], port.h2, await freePort());
		await Promise.all(
			[main, w1, w2, h1, h2].map((p) => waitForReady(p.url, { child: p.child, timeoutMs: 180000 })),
		);
		say(`queue: main, 2 workers, 2 webhook processes ready in ${secs(Date.now() - tStart)}`);

		const owner = { email: 'queue@example.com', password: 'QueueOwnerPassw0rd!' };
		const cookie = await setupOwner(mainUrl, { ...owner, firstName: 'Queue', lastName: 'Owner' });
		const apiKey = await createApiKey(mainUrl, cookie, 'queue');
		const api = async (p) => {
			const res = await fetch(`${mainUrl}/api/v1${p}`, { headers: { 'X-N8N-API-KEY': apiKey } });
			if (!res.ok) throw new Error(`n8n API ${p}: HTTP ${res.status} ${await res.text()}`);
			return res.json();
		};
		// Publishing through main's public API (main is the leader: it registers the webhooks and runs the trigger's
		// activation) costs one request; `n8n publish:workflow` would boot n8n once per workflow.
		for (const id of [IDS.geoHook, IDS.trigger, IDS.recipe, IDS.redisRecipe]) {
			const res = await fetch(`${mainUrl}/api/v1/workflows/${id}/publish`, {
				method: 'POST',
				headers: { 'X-N8N-API-KEY': apiKey, 'content-type': 'application/json' },
				body: '{}',
			});
			if (!res.ok) throw new Error(`publish ${id}: HTTP ${res.status} ${await res.text()}`);
		}
		const runManually = async (workflowId) => {
			const res = await fetch(`${mainUrl}/rest/workflows/${workflowId}/run`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ triggerToStartFrom: { name: 'Start' } }),
			});
			const text = await res.text();
			assert(res.ok, `POST /rest/workflows/${workflowId}/run: HTTP ${res.status} ${text}`);
			const id = JSON.parse(text).data?.executionId;
			assert(id, `no executionId in ${text}`);
			return String(id);
		};
		const settled = (e) =>
			e && (e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status));
		const waitForExecution = async (id, timeoutMs = 60000) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const res = await fetch(`${mainUrl}/api/v1/executions/${id}?includeData=true`, {
					headers: { 'X-N8N-API-KEY': apiKey },
				});
				const e = res.ok ? await res.json() : null;
				if (settled(e)) return e;
				assert(
					Date.now() < deadline,
					`execution ${id} not finished after ${secs(timeoutMs)} (status ${e?.status})`,
				);
				await sleep(500);
			}
		};
		/** The workflow's executions, once `count` of them exist and all have finished. */
		const executionsOf = async (workflowId, { count = 0, timeoutMs = 30000 } = {}) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const list =
					(await api(`/executions?workflowId=${workflowId}&includeData=true&limit=250`)).data ?? [];
				if ((list.length >= count && list.every(settled)) || Date.now() > deadline)
					return list.sort((a, b) => Number(a.id) - Number(b.id));
				await sleep(400);
			}
		};
		const workerLog = (role) => fs.readFileSync(path.join(LOGS, `${role}.log`), 'utf8');
		const startedBy = (executionId) =>
			WORKERS.filter((w) =>
				new RegExp(`Worker started execution ${executionId} \\(job`).test(workerLog(w)),
			);
		const expectedCountries = Object.entries(COUNTRIES).map(([name, code]) => ({ name, code }));

		// ---- check 1: the node runs on a worker, started through main's REST API
		await check(
			'main REST API run: the Cold Mail Reseller node is executed by a worker',
			async () => {
				const id = await runManually(IDS.geoManual);
				const e = await waitForExecution(id);
				assert(e.status === 'success', `execution ${id} status ${e.status}`);
				const where = ranOn(e);
				assert(
					where.length === 1 && WORKERS.includes(where[0]),
					`ran on ${where.join(', ') || 'nothing'}`,
				);
				const items = nodeItems({ data: e.data }, 'Countries').map(({ name, code }) => ({
					name,
					code,
				}));
				assert(
					JSON.stringify(items) === JSON.stringify(expectedCountries),
					`Countries output ${JSON.stringify(items).slice(0, 200)} is not the simulator's ${expectedCountries.length} countries`,
				);
				const logged = startedBy(id);
				assert(
					logged.length === 1 && logged[0] === where[0],
					`worker logs that started execution ${id}: ${logged.join(', ') || 'none'}`,
				);
				return `execution ${id} (mode ${e.mode}) ran on ${where[0]}: ${items.length} countries`;
			},
		);

		// ---- check 2: the node runs on a worker, started through a webhook process
		await check(
			'webhook process: a Webhook → Cold Mail Reseller workflow is executed by a worker',
			async () => {
				const res = await post(`${hookUrl[1]}/webhook/${HOOK.geo.path}`, {
					body: '{}',
					headers: { 'content-type': 'application/json' },
				});
				assert(res.status === 200, `HTTP ${res.status} ${res.text.slice(0, 300)}`);
				const answered = (Array.isArray(res.json) ? res.json : []).map(({ name, code }) => ({
					name,
					code,
				}));
				assert(
					JSON.stringify(answered) === JSON.stringify(expectedCountries),
					`answer ${res.text.slice(0, 200)} is not the simulator's countries`,
				);
				const [e] = (await executionsOf(IDS.geoHook, { count: 1 })).slice(-1);
				assert(
					e && e.status === 'success' && e.mode === 'webhook',
					`execution ${e?.id} ${e?.mode} ${e?.status}`,
				);
				const where = ranOn(e);
				assert(
					where.length === 1 && WORKERS.includes(where[0]),
					`ran on ${where.join(', ') || 'nothing'}`,
				);
				const logged = startedBy(e.id);
				assert(
					logged.length === 1 && logged[0] === where[0],
					`worker logs: ${logged.join(', ') || 'none'}`,
				);
				return `webhook-2 answered with ${answered.length} countries; execution ${e.id} ran on ${where[0]}`;
			},
		);

		// ---- check 3: bulk across workers, one API key
		await check(
			`bulk across workers: ${BULK.executions} executions × ${BULK.items} items at once on 2 workers, one API key, simulator at ${BULK.rps} rps: 0 failed items`,
			async () => {
				await sleep(1100); // a fresh rate-limit window
				const floorMs = ((BULK.executions * BULK.items) / BULK.rps) * 1000;
				const logOffset = fs.statSync(simLog).size;
				const t = Date.now();
				const ids = await Promise.all(
					Array.from({ length: BULK.executions }, () => runManually(IDS.bulk)),
				);
				const execs = await Promise.all(ids.map((id) => waitForExecution(id, floorMs * 4 + 60000)));
				const wall = Math.max(...execs.map((e) => new Date(e.stoppedAt).getTime())) - t;
				const node = 'List users (one request per item)';
				const perExec = execs.map((e) => {
					const out = nodeOutput(e, node);
					return {
						id: e.id,
						status: e.status,
						where: ranOn(e),
						items: out.length,
						failed: out.filter((i) => i.error || !i.json || Object.keys(i.json).length === 0),
					};
				});
				const failed = perExec.reduce((n, x) => n + x.failed.length, 0);
				const total = perExec.reduce((n, x) => n + x.items, 0);
				const workersUsed = [...new Set(perExec.flatMap((x) => x.where))];
				await sleep(300);
				const simText = fs.readFileSync(simLog).subarray(logOffset).toString();
				const answered429 = (simText.match(/ 429\b/g) ?? []).length;
				const answered200 = (simText.match(/GET \/api\/v1\/integration\/users\/list 200/g) ?? [])
					.length;
				const figures = `wall ${secs(wall)} vs the ${secs(floorMs)} floor; ${total} items, ${failed} failed; simulator answered ${answered200}× 200 and ${answered429}× 429; ran on ${workersUsed.join(' + ')}`;
				say(`     bulk: ${figures}`);
				for (const x of perExec)
					say(
						`     bulk: execution ${x.id} on ${x.where.join(',')}: ${x.status}, ${x.items} items, ${x.failed.length} failed${x.failed.length ? ` (first: ${String(x.failed[0].error?.message ?? JSON.stringify(x.failed[0].json)).slice(0, 120)})` : ''}`,
					);
				assert(
					workersUsed.length === 2 && workersUsed.every((w) => WORKERS.includes(w)),
					`executions ran on ${workersUsed.join(', ')}, expected both workers`,
				);
				assert(
					total === BULK.executions * BULK.items,
					`${total} items, expected ${BULK.executions * BULK.items}`,
				);
				assert(failed === 0, `${failed} of ${total} items failed (${figures})`);
				assert(
					execs.every((e) => e.status === 'success'),
					`statuses ${execs.map((e) => e.status).join(', ')}`,
				);
				return figures;
			},
		);

		// ---- check 4: trigger across webhook processes
		const triggerUrl = (i, webhookId = HOOK.trigger) =>
			`${hookUrl[i]}/webhook/${webhookId}/webhook`;
		const stamp = Date.now().toString(36).toUpperCase();
		const seqIds = Array.from({ length: 6 }, (_, i) => `EVTQ${stamp}S${i + 1}`);
		await check(
			'trigger across webhook processes: signed deliveries sent alternately to the two webhook processes start one execution each',
			async () => {
				for (const [i, eventId] of seqIds.entries()) {
					const res = await post(triggerUrl(i % 2), delivery(eventId));
					assert(
						res.status === 200 && res.json?.message === 'Event received',
						`${eventId} to webhook-${(i % 2) + 1}: HTTP ${res.status} ${res.text}`,
					);
					// CMR sends lifecycle events one after another; the next goes out once this one has started its run.
					await executionsOf(IDS.trigger, { count: i + 1, timeoutMs: 20000 });
				}
				const execs = await executionsOf(IDS.trigger, { count: seqIds.length });
				const got = execs.map((e) => nodeItems({ data: e.data }, 'CMR Trigger')[0]?.eventId);
				assert(
					JSON.stringify(got) === JSON.stringify(seqIds),
					`executions for ${got.join(', ')}, expected one each for ${seqIds.join(', ')}`,
				);
				assert(
					execs.every((e) => e.status === 'success' && e.mode === 'webhook'),
					'an execution did not succeed',
				);
				const where = [...new Set(execs.flatMap((e) => ranOn(e)))];
				assert(
					where.every((w) => WORKERS.includes(w)),
					`ran on ${where.join(', ')}`,
				);
				return `${execs.length} executions, one per eventId, run by ${where.join(' + ')}`;
			},
		);

		await check(
			'trigger: a forged delivery gets 401 from a webhook process and starts nothing',
			async () => {
				const before = (await executionsOf(IDS.trigger)).length;
				const res = await post(triggerUrl(1), delivery(`EVTQ${stamp}FORGED`, { forged: true }));
				assert(res.status === 401, `HTTP ${res.status} ${res.text}`);
				await sleep(1500);
				const after = (await executionsOf(IDS.trigger)).length;
				assert(after === before, `${after - before} execution(s) started`);
				return `HTTP 401 ${res.json?.message ?? res.text}`;
			},
		);

		await check(
			'trigger: retries of the same eventIds to the other webhook process start no second run (static data shared through PostgreSQL)',
			async () => {
				const answers = [];
				for (const [i, eventId] of seqIds.entries()) {
					const res = await post(triggerUrl((i + 1) % 2), delivery(eventId));
					answers.push(`${res.status} ${res.json?.message ?? res.text}`);
					assert(
						res.status === 200 && /already received/i.test(res.json?.message ?? ''),
						`retry of ${eventId} to webhook-${((i + 1) % 2) + 1}: HTTP ${res.status} ${res.text}`,
					);
				}
				await sleep(1500);
				const execs = await executionsOf(IDS.trigger);
				assert(
					execs.length === seqIds.length,
					`${execs.length} executions after the retries, expected ${seqIds.length}`,
				);
				const [[stored]] = await pg.sql(
					`select "staticData"::text from workflow_entity where id = '${IDS.trigger}'`,
				);
				const nodeData = JSON.parse(stored || '{}')['node:CMR Trigger'] ?? {};
				const remembered = storedEventCheck();
				const missing = seqIds.filter((id) => !remembered(nodeData, id));
				assert(!missing.length, `workflow_entity.staticData lacks ${missing.join(', ')}`);
				return `${seqIds.length} retries answered "${answers[0].replace(/^200 /, '')}"; all ${seqIds.length} eventIds in workflow_entity.staticData`;
			},
		);

		// ---- check 5: the same delivery reaching both webhook processes at the same instant
		const sendPairs = async (webhookId, prefix) => {
			const ids = Array.from(
				{ length: DUPLICATE_PAIRS },
				(_, i) => `EVTQ${stamp}${prefix}${i + 1}`,
			);
			const answers = [];
			for (const eventId of ids) {
				const d = delivery(eventId);
				answers.push(...(await Promise.all([0, 1].map((i) => post(triggerUrl(i, webhookId), d)))));
				await sleep(300);
			}
			const bad = answers.filter((a) => a.status !== 200);
			assert(!bad.length, `answers ${bad.map((a) => `${a.status} ${a.text}`).join('; ')}`);
			return { ids, accepted: answers.filter((a) => a.json?.message === 'Event received').length };
		};
		const runsPer = (execs, ids, nodeName) =>
			ids.map(
				(id) =>
					execs.filter((e) => nodeItems({ data: e.data }, nodeName).some((i) => i.eventId === id))
						.length,
			);

		await check(
			`concurrent duplicates (measured): ${DUPLICATE_PAIRS} deliveries each sent to both webhook processes at once`,
			async () => {
				const before = (await executionsOf(IDS.trigger)).length;
				const { ids, accepted } = await sendPairs(HOOK.trigger, 'C');
				const execs = (await executionsOf(IDS.trigger, { count: before + ids.length })).slice(
					before,
				);
				const runs = runsPer(execs, ids, 'CMR Trigger');
				assert(
					runs.every((n) => n >= 1 && n <= 2),
					`runs per eventId ${runs.join(',')}`,
				);
				assert(
					accepted === execs.length,
					`${accepted} deliveries answered "Event received" but ${execs.length} runs`,
				);
				const twice = runs.filter((n) => n === 2).length;
				return `${twice} of ${ids.length} eventIds started two runs (${execs.length} runs for ${ids.length} events)`;
			},
		);

		/** Sends the pairs to a recipe workflow; runs per eventId of its trigger and of its Downstream node. */
		const measureRecipe = async (webhookId, prefix, workflowId) => {
			const { ids } = await sendPairs(webhookId, prefix);
			const execs = await executionsOf(workflowId, { count: ids.length });
			const triggerRuns = runsPer(execs, ids, 'CMR Trigger');
			const downstream = runsPer(execs, ids, 'Downstream');
			const twice = (runs) => runs.filter((n) => n > 1).length;
			const figures = `trigger started ${execs.length} runs for ${ids.length} eventIds (${twice(triggerRuns)} twice); ${twice(downstream)} of ${ids.length} eventIds ran downstream twice (per eventId ${downstream.join(',')})`;
			return { execs, triggerRuns, downstream, figures };
		};

		// n8n's Remove Duplicates node reads its history, then writes it back: two executions on two workers can
		// both read the history before either writes, so it is measured here, not relied on.
		await check(
			'Remove Duplicates (previous executions, keyed on eventId) after the trigger under concurrent duplicates (measured)',
			async () => {
				const { triggerRuns, downstream, figures } = await measureRecipe(
					HOOK.recipe,
					'R',
					IDS.recipe,
				);
				assert(
					downstream.every((n) => n >= 1),
					`an event was lost: ${figures}`,
				);
				assert(
					downstream.every((n, i) => n <= triggerRuns[i]),
					`more downstream runs than trigger runs: ${figures}`,
				);
				return figures;
			},
		);

		await check(
			'recipe: an atomic Redis claim (Redis node INCR cmr-event:<eventId>, If = 1) right after the trigger leaves exactly one downstream run per eventId under concurrent duplicates',
			async () => {
				const { execs, downstream, figures } = await measureRecipe(
					HOOK.redisRecipe,
					'X',
					IDS.redisRecipe,
				);
				assert(
					downstream.every((n) => n === 1),
					figures,
				);
				const statuses = [...new Set(execs.map((e) => e.status))];
				assert(
					statuses.every((st) => st === 'success'),
					`statuses ${statuses.join(', ')}`,
				);
				return figures;
			},
		);
	} catch (error) {
		results.push({ name: 'setup', ok: false });
		say(`FAIL - setup: ${error.message}`);
		if (process.env.E2E_VERBOSE && error.stack) say(error.stack);
	} finally {
		await teardown();
		await stopAll();
		removeHandlers();
	}
	const failed = results.filter((r) => !r.ok).length;
	if (!failed) for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
	else if (folders.length) {
		// Kept for inspection, without the copy of the editor UI n8n puts in each (~50 MB).
		for (const f of folders) fs.rmSync(path.join(f, '.cache'), { recursive: true, force: true });
		say(`queue: n8n homes kept for inspection: ${folders.join(' ')}`);
	}
	say(`queue: done in ${secs(Date.now() - t0)}; logs in ${path.relative(ROOT, LOGS)}/`);
	return summary();
}

const failed = await main();
process.exit(failed ? 1 : 0);
