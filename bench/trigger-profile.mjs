// Where the time of one trigger delivery goes in real n8n: starts n8n with the inspector, sends signed
// deliveries (unique eventIds) to a published CMR Trigger → No Op workflow, or to n8n's Webhook node for
// comparison, records a V8 CPU profile from the first delivery until the last execution is saved, and
// prints the CPU time per delivery of the main steps and per package.
// Usage: npm run build && node bench/trigger-profile.mjs [trigger|webhook] [deliveries]
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'undici';
import { PACKAGE_NAME, ROOT, ensureRuntime, freePort, stopAll } from '../scripts/n8n-runtime.mjs';
import {
	cmrSignatureHeaders,
	cmrTriggerWorkflow,
	createTriggerInstance,
	sendAll,
	waitForExecutions,
	webhookNodeWorkflow,
	webhookPath,
} from '../scripts/trigger-instance.mjs';

const variant = process.argv[2] ?? 'trigger';
const COUNT = Number(process.argv[3] ?? 1000);
const apiKey = `profile_key_${Date.now().toString(36)}`;
const wf =
	variant === 'webhook'
		? webhookNodeWorkflow('cmrProfileWebhk1', 'p0000000-0000-4000-8000-00000000p002')
		: cmrTriggerWorkflow('cmrProfileTrigr1', 'p0000000-0000-4000-8000-00000000p001');

/** Steps of a delivery, by V8 function name (and, when given, a part of the script URL). */
const STEPS = [
	['whole webhook request (LiveWebhooks.executeWebhook)', 'executeWebhook', 'live-webhooks'],
	[
		'load workflow + static data from the DB (loadWebhookExecutionData)',
		'loadWebhookExecutionData',
	],
	['isolate for expressions (acquireIsolate)', 'acquireIsolate'],
	['the node webhook() (WebhookService.runWebhook)', 'runWebhook', 'webhook.service'],
	['  credential load (getCredentials)', 'getCredentials'],
	['  CMR trigger handler (handleDelivery)', 'handleDelivery'],
	['  dedupe (claimEvent)', 'claimEvent'],
	['save static data (saveStaticData)', 'saveStaticData', 'workflow-static-data'],
	['start the execution (WorkflowRunner.run)', 'run', 'workflow-runner'],
	['execution lifecycle hooks (runHook)', 'runHook'],
	['JSON.parse', 'parse', ''],
	['JSON.stringify', 'stringify', ''],
	['garbage collector', '(garbage collector)'],
	['idle', '(idle)'],
];

function analyse(profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const intervalUs = (profile.endTime - profile.startTime) / profile.samples.length;
	const totals = new Map(STEPS.map(([label]) => [label, 0]));
	for (const sample of profile.samples) {
		const seen = new Set();
		for (let id = sample; id !== undefined; id = parent.get(id)) {
			const { functionName, url } = byId.get(id).callFrame;
			for (const [label, name, urlPart] of STEPS) {
				if (seen.has(label) || functionName !== name) continue;
				if (urlPart !== undefined && !url.includes(urlPart)) continue;
				seen.add(label);
				totals.set(label, totals.get(label) + intervalUs);
			}
		}
	}
	return totals;
}

/** Self time per package (the folder after the last node_modules/), n8n's own dist split by folder. */
function selfTimeByPackage(profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const intervalUs = (profile.endTime - profile.startTime) / profile.samples.length;
	const totals = new Map();
	for (const sample of profile.samples) {
		const { url, functionName } = byId.get(sample).callFrame;
		let key = functionName.startsWith('(') ? functionName : 'node internals / other';
		const at = url.lastIndexOf('node_modules/');
		if (at !== -1) {
			const rest = url.slice(at + 'node_modules/'.length).split('/');
			key = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
			if (key === 'n8n' && rest[1] === 'dist') key = `n8n/dist/${rest[2]}`;
			if (key === PACKAGE_NAME) key = `${PACKAGE_NAME} (this package)`;
		}
		totals.set(key, (totals.get(key) ?? 0) + intervalUs);
	}
	return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Chrome DevTools protocol over the inspector's WebSocket: Profiler.start/stop around the deliveries. */
async function inspector(port) {
	const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
	const ws = new WebSocket(target.webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		ws.addEventListener('open', resolve, { once: true });
		ws.addEventListener('error', reject, { once: true });
	});
	let id = 0;
	const pending = new Map();
	ws.addEventListener('message', (event) => {
		const message = JSON.parse(String(event.data));
		pending.get(message.id)?.(message);
		pending.delete(message.id);
	});
	const send = (method, params = {}) =>
		new Promise((resolve) => {
			pending.set(++id, resolve);
			ws.send(JSON.stringify({ id, method, params }));
		});
	return { send, close: () => ws.close() };
}

await ensureRuntime({ log: () => {} });
const inspectPort = await freePort();
const instance = await createTriggerInstance({
	label: `profile-${variant}`,
	logDir: path.join(ROOT, '.e2e-work', 'bench-logs'),
	apiKey,
	workflows: [wf],
});
try {
	await instance.start({ NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` });
	const body = () =>
		JSON.stringify({
			event: 'mailbox.created',
			eventId: `PROF${randomUUID()}`,
			data: { orderId: 'ORD1', email: 'user@profile.example', password: 'x'.repeat(16) },
		});
	const headers = (b) =>
		variant === 'webhook' ? { 'content-type': 'application/json' } : cmrSignatureHeaders(b, apiKey);
	const p = webhookPath(wf);
	await sendAll(instance, p, Array.from({ length: 100 }, body), headers, 10); // warm-up
	const before = (await instance.executions())[wf.id]?.total ?? 0;
	await waitForExecutions(instance, wf.id, before, 300_000);
	const devtools = await inspector(inspectPort);
	await devtools.send('Profiler.enable');
	await devtools.send('Profiler.setSamplingInterval', { interval: 200 });
	await devtools.send('Profiler.start');
	const { elapsedMs } = await sendAll(
		instance,
		p,
		Array.from({ length: COUNT }, body),
		headers,
		10,
	);
	await waitForExecutions(instance, wf.id, before + COUNT, 300_000);
	const { result } = await devtools.send('Profiler.stop');
	devtools.close();
	const profile = result.profile;
	const file = path.join(os.tmpdir(), `cmr-${variant}-${Date.now()}.cpuprofile`);
	fs.writeFileSync(file, JSON.stringify(profile));
	const totals = analyse(profile);
	const seconds = (profile.endTime - profile.startTime) / 1e6;
	console.log(
		`${variant}: ${COUNT} deliveries answered in ${(elapsedMs / 1000).toFixed(1)} s (${((COUNT / elapsedMs) * 1000).toFixed(1)}/s); executions saved after ${seconds.toFixed(1)} s`,
	);
	console.log('CPU time per delivery, inclusive (synchronous part under each step):');
	for (const [label, us] of totals)
		console.log(`  ${(us / COUNT / 1000).toFixed(2).padStart(7)} ms  ${label}`);
	console.log('Self time per delivery by package (top 15):');
	for (const [key, us] of selfTimeByPackage(profile).slice(0, 15)) {
		console.log(`  ${(us / COUNT / 1000).toFixed(2).padStart(7)} ms  ${key}`);
	}
	console.log(`profile: ${file}`);
} finally {
	await instance.dispose();
	await stopAll();
}
