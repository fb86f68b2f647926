// Benchmarks: `npm run bench` (builds first). Each benchmark runs the package's code and a
// plain baseline side by side in one process and prints the ratio, so results compare across
// machines. Targets are printed next to the measurements; the script exits 1 if one is missed.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { benchPacing, benchReturnAllFloor } from './bulk.mjs';
import { benchPolling } from './polling.mjs';

// n8n-core writes its config into the n8n user folder on first use: keep it in a temp folder.
process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-bench-'));
process.on('exit', () => fs.rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => require(path.join(ROOT, 'dist', file));

const { ColdMailReseller } = dist('nodes/ColdMailReseller/ColdMailReseller.node.js');
const { ColdMailResellerApi } = dist('credentials/ColdMailResellerApi.credentials.js');
const { verifyCmrSignature } = dist('nodes/ColdMailReseller/trigger/signature.js');
const { claimEvent, DEDUPE_STATIC_KEY, DEDUPE_MIN_EVENT_IDS } = dist(
	'nodes/ColdMailReseller/trigger/dedupe.js',
);
const { benchTriggerIngest } = await import('./trigger-ingest.mjs');
const { runRoutingNode } = require(path.join(ROOT, 'test/helpers/n8n-harness.js'));
const { createSimulator } = require(path.join(ROOT, 'simulator/server.js'));

const results = [];
function report(name, measured, target, pass, detail) {
	results.push({ name, measured, target, pass });
	console.log(`${pass ? 'ok  ' : 'MISS'} ${name}: ${measured} (target ${target})${detail ? `  [${detail}]` : ''}`);
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function timeMs(fn) {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * A minimal declarative node that fetches one page: what any n8n node pays per request
 * (RoutingNode, n8n's HTTP stack, auth). The baseline for the package's own overhead.
 */
function onePageNode(url) {
	return {
		description: {
			name: 'onePage',
			displayName: 'One Page',
			group: ['transform'],
			version: 1,
			description: 'baseline',
			defaults: { name: 'One Page' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'coldMailResellerApi', required: true }],
			requestDefaults: { baseURL: url, url: '/mailboxes', qs: { limit: 100 }, json: true },
			properties: [
				{ displayName: 'Page', name: 'page', type: 'number', default: 1, routing: { send: { type: 'query', property: 'page' } } },
			],
		},
	};
}

/**
 * Return All through the node vs. the same pages fetched one n8n request at a time. Most of
 * the gap is n8n walking the node's ~215 parameters once per run, which any declarative node
 * covering 60 operations pays; the paging itself adds one request per page and nothing more.
 */
async function benchReturnAll() {
	const sim = createSimulator({ port: 0, rateLimit: 0, quiet: true });
	const { url } = await sim.start();
	const apiKey = 'cmr_demo_key';
	// Pacing off (far above any real limit): this measures overhead, benchPacing measures pacing.
	const credentials = { apiKey, environment: 'production', baseUrl: url, requestsPerSecond: 10_000 };
	const nodeType = new ColdMailReseller();
	const credentialType = new ColdMailResellerApi();
	const baseline = onePageNode(url);
	const viaNode = async () =>
		(
			await runRoutingNode({
				nodeType,
				credentialType,
				credentials,
				parameters: { resource: 'mailbox', operation: 'getAll', returnAll: true, simple: false },
			})
		).length;
	const viaN8nRequests = async (pages) => {
		for (let page = 1; page <= pages; page++) {
			await runRoutingNode({ nodeType: baseline, credentialType, credentials, parameters: { page } });
		}
	};
	const viaUndici = async (pages) => {
		for (let page = 1; page <= pages; page++) {
			const res = await request(`${url}/mailboxes?page=${page}&limit=100`, {
				headers: { 'cmr-x-api-key': apiKey },
			});
			await res.body.json();
		}
	};
	try {
		const expected = sim.state.mailboxes?.length ?? (await viaNode());
		const got = await viaNode();
		if (got !== expected) throw new Error(`Return All gave ${got} items, expected ${expected}`);
		const pages = Math.ceil(expected / 100);
		const node = [];
		const n8n = [];
		const bare = [];
		for (let run = 0; run < 40; run++) {
			node.push(await timeMs(viaNode));
			n8n.push(await timeMs(() => viaN8nRequests(pages)));
			bare.push(await timeMs(() => viaUndici(pages)));
		}
		const ratio = median(node) / median(n8n);
		report(
			`Return All (${expected} mailboxes, ${pages} pages): node / ${pages} plain n8n requests`,
			`${ratio.toFixed(2)}x`,
			'< 2x',
			ratio < 2,
			`node ${median(node).toFixed(1)} ms, n8n requests ${median(n8n).toFixed(1)} ms, bare undici ${median(bare).toFixed(1)} ms; median of 40`,
		);
		global.gc?.();
		const before = process.memoryUsage().heapUsed;
		for (let run = 0; run < 100; run++) await viaNode();
		global.gc?.();
		const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
		report(
			'Heap growth over 100 Return All runs',
			`${grownMb.toFixed(1)} MB`,
			'< 20 MB',
			grownMb < 20,
			global.gc ? 'after GC' : 'run with --expose-gc for exact numbers',
		);
	} finally {
		await sim.stop();
	}
}

/** The trigger's signature check (all accepted forms) vs. one bare HMAC compare. */
function benchSignature() {
	const secret = 'cmr_demo_key';
	const rawBody = Buffer.from(
		JSON.stringify({ event: 'mailbox.created', eventId: randomUUID(), data: { email: 'a@b.io', password: 'x'.repeat(16) } }),
	);
	const timestamp = String(Math.floor(Date.now() / 1000));
	const good = createHmac('sha256', secret).update(rawBody).digest('hex');
	const forged = createHmac('sha256', 'wrong').update(rawBody).digest('hex');
	const iterations = 50_000;
	const run = (fn) => {
		const start = process.hrtime.bigint();
		for (let i = 0; i < iterations; i++) fn();
		return Number(process.hrtime.bigint() - start) / iterations;
	};
	const bare = () => {
		const expected = createHmac('sha256', secret).update(rawBody).digest();
		return timingSafeEqual(expected, Buffer.from(good, 'hex'));
	};
	const check = (signature) => () =>
		verifyCmrSignature({ rawBody, signature, timestamp, secret, toleranceSeconds: 300, nowMs: Date.now() });
	run(bare);
	const baseNs = run(bare);
	const okNs = run(check(good));
	const forgedNs = run(check(forged));
	report(
		'Signature check, valid delivery: trigger / bare HMAC',
		`${(okNs / baseNs).toFixed(2)}x`,
		'< 3x',
		okNs / baseNs < 3,
		`${(okNs / 1000).toFixed(1)} µs vs ${(baseNs / 1000).toFixed(1)} µs`,
	);
	report(
		'Signature check, forged delivery (tries every form): trigger / bare HMAC',
		`${(forgedNs / baseNs).toFixed(2)}x`,
		'< 5x',
		forgedNs / baseNs < 5,
		`${(forgedNs / 1000).toFixed(1)} µs`,
	);
}

/** Dedupe cost and static-data size stay flat however many events have been seen. */
function benchDedupe() {
	let staticData = {};
	let sizeAtMin = 0;
	let seen = 0;
	const perEvent = (count) => {
		const start = process.hrtime.bigint();
		for (let i = 0; i < count; i++) {
			// What n8n hands the trigger per delivery: the static data as saved by the previous one.
			staticData = { ...staticData };
			claimEvent('bench:dedupe', staticData, randomUUID());
			if (++seen === DEDUPE_MIN_EVENT_IDS) sizeAtMin = JSON.stringify(staticData[DEDUPE_STATIC_KEY]).length;
		}
		return Number(process.hrtime.bigint() - start) / count;
	};
	perEvent(2_000);
	const early = perEvent(1_000);
	perEvent(50_000); // past the 30,000-id cap
	const late = perEvent(1_000);
	const size = JSON.stringify(staticData[DEDUPE_STATIC_KEY]).length;
	report(
		'Dedupe per event after 54,000 events / after 3,000',
		`${(late / early).toFixed(2)}x`,
		'< 3x',
		late / early < 3,
		`${(early / 1000).toFixed(1)} µs → ${(late / 1000).toFixed(1)} µs per event`,
	);
	report(
		`Dedupe memory in workflow static data at ${DEDUPE_MIN_EVENT_IDS} ids / at the 30,000 cap`,
		`${(sizeAtMin / 1024).toFixed(1)} KiB / ${(size / 1024).toFixed(1)} KiB`,
		'< 8.2 bytes per id',
		sizeAtMin / DEDUPE_MIN_EVENT_IDS < 8.2 && size / 30_000 < 8.2,
		`${(sizeAtMin / DEDUPE_MIN_EVENT_IDS).toFixed(2)} bytes per id`,
	);
}

await benchReturnAll();
const bulk = { report, median, timeMs, nodeType: new ColdMailReseller(), credentialType: new ColdMailResellerApi(), runRoutingNode, createSimulator };
await benchReturnAllFloor(bulk);
await benchPacing(bulk);
benchSignature();
benchDedupe();
await benchPolling({ report, median, timeMs, dist, require });
if (process.env.BENCH_SKIP_N8N !== '1') await benchTriggerIngest({ report });
const missed = results.filter((r) => !r.pass).length;
console.log(`${results.length - missed} passed, ${missed} failed`);
process.exit(missed ? 1 : 0);
