// End-to-end stage (`npm run test:e2e`): the built package, installed the way n8n installs community
// packages, inside a real n8n 2.41.1 (Node 24), against the CMR simulator. Everything stays on 127.0.0.1.
//
// Plain Node ESM; runs on the system Node 20. Assumes `npm run build` ran (fails fast otherwise).
// Prints one line per check and ends with `N passed, M failed`; exits non-zero when a check failed.
// The n8n home is a fresh temp folder outside the repo (as for a real install, the package then gets n8n's own
// n8n-workflow, not the repo's devDependency); it is removed after a passing run. Logs and workflow JSON are in
// .e2e-work/ (git-ignored), wiped at the next run.

import { randomUUID } from 'node:crypto';
import { credentialTestChecks } from './credential-test.mjs';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { assert, check, results, say, sleep, summary } from './checks.mjs';
import {
	chain,
	cmrNodeBuilder,
	itemsNodes,
	manualTrigger,
	nodeItems,
	simulatorCredential,
	workflow,
} from './workflows.mjs';
import {
	ROOT,
	PACKAGE_NAME,
	assertBuilt,
	createApiKey,
	ensureRuntime,
	executeWorkflow,
	freePort,
	installPackage,
	installSignalHandlers,
	n8nCliChecked,
	setupOwner,
	startN8n,
	startNodeScript,
	stopAll,
	waitForReady,
} from '../scripts/n8n-runtime.mjs';
import { runBulkChecks } from './bulk.mjs';
import { runPollingChecks } from './polling.mjs';
import { browserStage, ensureChromium } from './browser.mjs';
import { checkTriggerRestart } from './trigger-restart.mjs';

const WORK = path.join(ROOT, '.e2e-work');
let USER_FOLDER;
const LOGS = path.join(WORK, 'logs');
const WF_DIR = path.join(WORK, 'workflows');

const API_KEY = `e2e_key_${Date.now().toString(36)}`;
const CRED = { id: 'cmrE2eCred000001', name: 'CMR simulator (e2e)' };
const TRIGGER_WEBHOOK_ID = '5b0e2e00-c0de-4c3a-9d5e-00000000e2e1';
const IDS = {
	createUser: 'cmrE2eUserCreate',
	listMailboxes: 'cmrE2eMbxListAll',
	validation: 'cmrE2eValidation',
	order: 'cmrE2eOrderPlace',
	trigger: 'cmrE2eTriggerWf1',
};
const NODE = `${PACKAGE_NAME}.coldMailReseller`;
const TRIGGER = `${PACKAGE_NAME}.coldMailResellerTrigger`;
const POLLING_TRIGGER = `${PACKAGE_NAME}.coldMailResellerPollingTrigger`;
/** The Google OAuth group the simulator requires for GOOGLE orders. */
const GOOGLE_OAUTH = {
	settings: {
		googleOauthRoute: 'https://yourapp.com/oauth/google',
		clientId: 'e2e-client',
		appName: 'E2E',
	},
};
const LIFECYCLE = ['domain.order.success', 'mailbox.order.success', 'mailbox.created'];

// ------------------------------------------------------------------------------------------------
// Workflow builders (parameter names as in nodes/ColdMailReseller/resources/*)
// ------------------------------------------------------------------------------------------------

const credentials = { coldMailResellerApi: { id: CRED.id, name: CRED.name } };

const cmrNode = cmrNodeBuilder(CRED);

function userFields(email, overrides = {}) {
	return {
		resource: 'user',
		operation: 'create',
		email,
		company: 'E2E Outreach Ltd',
		firstName: 'Erin',
		lastName: 'Tester',
		country: 'US',
		state: 'New York',
		city: 'New York',
		addressLineOne: '1 Test Street',
		postalCode: '10001',
		languagePreference: 'en',
		phoneCc: '1',
		phone: '2125550100',
		...overrides,
	};
}

function buildWorkflows({ orderUserId, domain, mailboxUsernames }) {
	const stamp = Date.now().toString(36);
	return {
		createUser: workflow(IDS.createUser, 'E2E: create user', [
			manualTrigger(),
			cmrNode('Create user', userFields(`erin.${stamp}@e2e-outreach.example`)),
		]),
		listMailboxes: workflow(IDS.listMailboxes, 'E2E: list all mailboxes', [
			manualTrigger(),
			cmrNode('List mailboxes', { resource: 'mailbox', operation: 'getAll', returnAll: true }),
		]),
		validation: workflow(IDS.validation, 'E2E: validation error', [
			manualTrigger(),
			cmrNode('Create user (bad email)', userFields('not-an-email')),
		]),
		order: workflow(IDS.order, 'E2E: order domain and mailboxes', [
			manualTrigger(),
			cmrNode('Order domain and mailboxes', {
				resource: 'order',
				operation: 'create',
				userId: { __rl: true, mode: 'id', value: orderUserId ?? '' },
				domains: { domain: [{ domain, years: 1 }] },
				mailboxesInput: 'list',
				mailboxes: {
					mailbox: mailboxUsernames.map((username) => ({
						domain,
						username,
						firstName: username[0].toUpperCase() + username.slice(1),
						lastName: 'Tester',
					})),
				},
				serviceProvider: 'GOOGLE',
				googleOauth: GOOGLE_OAUTH,
				confirm: true,
			}),
		]),
		trigger: {
			...workflow(IDS.trigger, 'E2E: CMR lifecycle trigger', [
				{
					id: 'd0000000-0000-4000-8000-000000000001',
					name: 'CMR Trigger',
					type: TRIGGER,
					typeVersion: 1,
					position: [0, 0],
					webhookId: TRIGGER_WEBHOOK_ID,
					parameters: { events: LIFECYCLE, verifySignature: true },
					credentials,
				},
				{
					id: 'd0000000-0000-4000-8000-000000000002',
					name: 'Done',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [240, 0],
					parameters: {},
				},
			]),
		},
	};
}

function writeWorkflows(wfs, names) {
	fs.rmSync(WF_DIR, { recursive: true, force: true });
	fs.mkdirSync(WF_DIR, { recursive: true });
	for (const name of names)
		fs.writeFileSync(path.join(WF_DIR, `${name}.json`), JSON.stringify(wfs[name], null, 2));
	return WF_DIR;
}

// ------------------------------------------------------------------------------------------------
// Run-JSON helpers
// ------------------------------------------------------------------------------------------------

function runError(run) {
	const e = run?.data?.resultData?.error;
	if (!e) return null;
	return {
		message: String(e.message ?? ''),
		description: String(e.description ?? ''),
		httpCode: e.httpCode,
		node: e.node?.name,
	};
}

function explain(r) {
	const err = runError(r.run);
	if (err) return `run failed: ${err.message}`;
	if (!r.run)
		return `no run JSON (exit ${r.code}); output tail:\n${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n')}`;
	return `exit ${r.code}`;
}

// ------------------------------------------------------------------------------------------------
// Simulator helpers
// ------------------------------------------------------------------------------------------------

let simOrigin;
let simLog;

async function sim(method, p, body) {
	const res = await fetch(`${simOrigin}${p}`, {
		method,
		headers: body ? { 'content-type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = await res.json().catch(() => ({}));
	if (!res.ok)
		throw new Error(`simulator ${method} ${p}: HTTP ${res.status} ${json.message ?? ''}`);
	return json.data;
}

function simLogSize() {
	try {
		return fs.statSync(simLog).size;
	} catch {
		return 0;
	}
}

function simLogSince(offset) {
	const buf = fs.readFileSync(simLog);
	return buf.subarray(offset).toString();
}

// ------------------------------------------------------------------------------------------------
// A loopback hop between the simulator and n8n that loses one acknowledgement: it forwards every
// delivery to n8n but answers the simulator's first `mailbox.order.success` attempt with 502, so the
// simulator retries a delivery that n8n already received.
// ------------------------------------------------------------------------------------------------

function startFlakyHop(target) {
	const seen = [];
	let dropped = null;
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const body = Buffer.concat(chunks);
			let event = null;
			let eventId = null;
			try {
				({ event, eventId } = JSON.parse(body.toString()));
			} catch {
				/* not JSON */
			}
			const headers = { ...req.headers };
			delete headers.host;
			delete headers['content-length'];
			let status = 502;
			let text = '';
			try {
				const r = await fetch(`${target}${req.url}`, { method: req.method, headers, body });
				status = r.status;
				text = await r.text();
			} catch (e) {
				text = String(e.message);
			}
			seen.push({ event, eventId, n8nStatus: status });
			if (!dropped && event === 'mailbox.order.success' && status === 200) {
				dropped = eventId;
				res.writeHead(502, { 'content-type': 'text/plain' });
				res.end('acknowledgement lost on purpose (e2e)');
				return;
			}
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(text);
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${server.address().port}`,
				seen,
				dropped: () => dropped,
				close: () => new Promise((r) => server.close(r)),
			}),
		);
	});
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

async function main() {
	const t0 = Date.now();
	try {
		assertBuilt();
	} catch (e) {
		say(`e2e: ${e.message}`);
		say('0 passed, 1 failed');
		return 1;
	}
	const removeHandlers = installSignalHandlers({ log: say });
	let hop;
	let chromium;
	try {
		const rt = await ensureRuntime({ log: say });
		say(`e2e: runtime ${rt.reused ? 'reused' : 'installed'} in ${(rt.ms / 1000).toFixed(1)} s`);

		fs.rmSync(WORK, { recursive: true, force: true });
		fs.mkdirSync(LOGS, { recursive: true });
		// Chromium for the browser stage (last): its apt-get install, if needed, runs alongside the other checks.
		chromium = ensureChromium({ log: say, logFile: path.join(LOGS, 'apt-chromium.log') });
		chromium.catch(() => {});
		USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-e2e-home-'));
		await installPackage({ userFolder: USER_FOLDER, log: (m) => say(`e2e: ${m}`) });

		const [simPort, n8nPort] = await Promise.all([freePort(), freePort()]);
		simOrigin = `http://127.0.0.1:${simPort}`;
		const n8nUrl = `http://127.0.0.1:${n8nPort}`;
		const cli = { userFolder: USER_FOLDER, port: n8nPort, logFile: path.join(LOGS, 'n8n-cli.log') };

		// ---- simulator
		simLog = path.join(LOGS, 'simulator.log');
		const simChild = startNodeScript(
			path.join(ROOT, 'simulator', 'cli.js'),
			[
				'--port',
				String(simPort),
				'--api-key',
				API_KEY,
				'--event-delay',
				'150',
				'--retry-delays',
				'300,1000',
			],
			{ logFile: simLog },
		);
		await waitForReady(simOrigin, { path: '/__sim/state', child: simChild, timeoutMs: 20000 });
		const simState0 = await sim('GET', '/__sim/state');

		// ---- credential + workflows
		const credFile = path.join(WORK, 'credentials.json');
		fs.writeFileSync(credFile, JSON.stringify([simulatorCredential(CRED, API_KEY, simOrigin)]));
		const orderDomain = `e2e-${Date.now().toString(36)}.com`;
		const mailboxUsernames = ['alex', 'sam', 'kim'];
		let wfs = buildWorkflows({ orderUserId: null, domain: orderDomain, mailboxUsernames });
		await n8nCliChecked(['import:credentials', `--input=${credFile}`], cli);
		writeWorkflows(wfs, ['createUser', 'listMailboxes', 'validation', 'trigger']);
		await n8nCliChecked(['import:workflow', '--separate', `--input=${WF_DIR}`], cli);
		await n8nCliChecked(['publish:workflow', `--id=${IDS.trigger}`], cli);

		// ---- check 1: the node types load
		await check(
			'n8n loads the package (export:nodes lists the node, its AI tool variant and both triggers)',
			async () => {
				const out = path.join(WORK, 'nodes.json');
				await n8nCliChecked(['export:nodes', `--output=${out}`], cli);
				const names = new Set(JSON.parse(fs.readFileSync(out, 'utf8')).map((n) => n.name));
				const want = [NODE, `${NODE}Tool`, TRIGGER, POLLING_TRIGGER];
				const missing = want.filter((n) => !names.has(n));
				assert(!missing.length, `missing ${missing.join(', ')} among ${names.size} node types`);
				return want.join(', ');
			},
		);

		// ---- n8n server (webhooks), behind the flaky hop for the simulator's deliveries
		const n8n = await startN8n({
			userFolder: USER_FOLDER,
			port: n8nPort,
			logFile: path.join(LOGS, 'n8n.log'),
		});
		await waitForReady(n8nUrl, { child: n8n.child, timeoutMs: 120000 });
		const triggerUrl = `${n8nUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		hop = await startFlakyHop(n8nUrl);
		await sim('POST', '/__sim/webhooks', {
			urls: [`${hop.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`],
			duplicateNext: 1,
		});

		const owner = { email: 'e2e@example.com', password: 'E2eOwnerPassw0rd!' };
		const cookie = await setupOwner(n8nUrl, { ...owner, firstName: 'E2E', lastName: 'Owner' });
		const apiKey = await createApiKey(n8nUrl, cookie, 'e2e');
		const api = async (p) => {
			const res = await fetch(`${n8nUrl}/api/v1${p}`, { headers: { 'X-N8N-API-KEY': apiKey } });
			if (!res.ok) throw new Error(`n8n API ${p}: HTTP ${res.status} ${await res.text()}`);
			return res.json();
		};

		await check(
			'the credential type coldMailResellerApi loads and the imported credential is stored',
			async () => {
				const res = await fetch(`${n8nUrl}/types/credentials.json`, { headers: { cookie } });
				assert(res.ok, `/types/credentials.json: HTTP ${res.status}`);
				const types = await res.json();
				const type = types.find((t) => t.name === 'coldMailResellerApi');
				assert(type, 'coldMailResellerApi is not among the credential types');
				const fields = type.properties.map((p) => p.name);
				for (const f of ['apiKey', 'environment', 'baseUrl'])
					assert(fields.includes(f), `credential field ${f} missing (${fields.join(', ')})`);
				const list = await fetch(`${n8nUrl}/rest/credentials`, { headers: { cookie } }).then((r) =>
					r.json(),
				);
				const stored = (list.data ?? []).find((c) => c.id === CRED.id);
				assert(stored && stored.type === 'coldMailResellerApi', 'imported credential not found');
				return `fields ${fields.join(', ')}`;
			},
		);

		await credentialTestChecks({
			check,
			assert,
			n8nUrl,
			cookie,
			cred: CRED,
			apiKey: API_KEY,
			simOrigin,
		});

		// ---- check 2: workflows run by `n8n execute` against the simulator
		let createdUserId = null;
		await check('create user: Cold Mail Reseller → User → Create', async () => {
			const r = await executeWorkflow(IDS.createUser, cli);
			assert(r.code === 0 && r.run?.data?.resultData && !runError(r.run), explain(r));
			const [user] = nodeItems(r.run, 'Create user');
			assert(user, 'no output item');
			createdUserId = user.id ?? user.userId;
			assert(
				typeof createdUserId === 'string' && createdUserId.length > 0,
				`no user id in ${JSON.stringify(user)}`,
			);
			assert(user.email === wfs.createUser.nodes[1].parameters.email, `email ${user.email}`);
			const state = await sim('GET', '/__sim/state');
			assert(
				state.users === simState0.users + 1,
				`simulator has ${state.users} users, expected ${simState0.users + 1}`,
			);
			return `user ${createdUserId}`;
		});

		await check('list mailboxes with Return All pages through every page', async () => {
			await sleep(1100); // a fresh rate-limit window
			const total = (await sim('GET', '/__sim/state')).mailboxes;
			const offset = simLogSize();
			const r = await executeWorkflow(IDS.listMailboxes, cli);
			assert(r.code === 0 && !runError(r.run), explain(r));
			const items = nodeItems(r.run, 'List mailboxes');
			assert(items.length === total, `${items.length} items, simulator has ${total} mailboxes`);
			const ids = new Set(items.map((i) => i.mailboxId ?? i.id ?? i.email));
			assert(ids.size === total, `${ids.size} distinct mailboxes of ${total}`);
			await sleep(200);
			const pages = (simLogSince(offset).match(/GET \/api\/v1\/integration\/mailboxes 200/g) ?? [])
				.length;
			assert(pages >= 3, `simulator logged ${pages} page requests, expected >= 3`);
			return `${items.length} mailboxes in ${pages} page requests`;
		});

		await check('validation: a bad email fails the item before anything is sent', async () => {
			await sleep(1100);
			const offset = simLogSize();
			const r = await executeWorkflow(IDS.validation, cli);
			assert(r.code !== 0, `execute exited 0: ${explain(r)}`);
			const err = runError(r.run);
			assert(err, explain(r));
			assert(
				/^"not-an-email" in "Email" is not a valid email address \[item 0\]$/.test(err.message),
				`message: ${err.message}`,
			);
			assert(err.node === 'Create user (bad email)', `failed node: ${err.node}`);
			await sleep(200);
			const sent = (simLogSince(offset).match(/POST \/api\/v1\/integration\/users /g) ?? []).length;
			assert(sent === 0, `the simulator received ${sent} POST /users requests`);
			return err.message;
		});

		// The order: placed through the node; its lifecycle webhooks go to the published trigger workflow.
		let orderId = null;
		await check('order: Cold Mail Reseller → Order → Create (domain + 3 mailboxes)', async () => {
			assert(createdUserId, 'no user from the create-user check');
			wfs = buildWorkflows({ orderUserId: createdUserId, domain: orderDomain, mailboxUsernames });
			writeWorkflows(wfs, ['order']);
			await n8nCliChecked(['import:workflow', '--separate', `--input=${WF_DIR}`], cli);
			await sleep(1100);
			const r = await executeWorkflow(IDS.order, cli);
			assert(r.code === 0 && !runError(r.run), explain(r));
			const [out] = nodeItems(r.run, 'Order domain and mailboxes');
			orderId = out?.orderId;
			assert(orderId, `no orderId in ${JSON.stringify(out)}`);
			return `order ${orderId}`;
		});

		// ---- check 3: the published trigger receives the signed lifecycle webhooks, exactly once each
		await check(
			'trigger: lifecycle webhooks start one execution each, in order, despite a duplicate and a retry',
			async () => {
				assert(orderId, 'no order was placed');
				const idle = await fetch(`${simOrigin}/__sim/idle?timeout=60000`);
				assert(idle.ok, 'simulator still busy delivering after 60 s');
				const expectedEvents = [
					'domain.order.success',
					'mailbox.order.success',
					...mailboxUsernames.map(() => 'mailbox.created'),
				];
				// Deliveries the simulator made for this order.
				const { deliveries } = await sim('GET', '/__sim/deliveries');
				const mine = deliveries.filter((d) => LIFECYCLE.includes(d.event));
				const dupes = mine.filter((d) => d.duplicate);
				const retries = mine.filter((d) => d.attempt > 1);
				assert(dupes.length >= 1, 'the simulator delivered no duplicate');
				assert(retries.length >= 1 && hop.dropped(), 'no delivery was retried');
				// n8n received the duplicate and the retried one (both answered 200), i.e. more deliveries than events.
				const received = hop.seen.filter((s) => LIFECYCLE.includes(s.event));
				assert(
					received.length >= expectedEvents.length + 2,
					`n8n received ${received.length} deliveries for ${expectedEvents.length} events`,
				);
				const bad = received.filter((s) => s.n8nStatus !== 200);
				assert(
					!bad.length,
					`n8n answered ${bad.map((b) => `${b.n8nStatus} to ${b.event}`).join(', ')}`,
				);

				// Executions of the trigger workflow (public API), once they have settled.
				let execs = [];
				const deadline = Date.now() + 30000;
				for (;;) {
					const page = await api(
						`/executions?workflowId=${IDS.trigger}&includeData=true&limit=250`,
					);
					execs = page.data ?? [];
					const finished = execs.every(
						(e) => e.finished || ['success', 'error', 'crashed'].includes(e.status),
					);
					if ((execs.length >= expectedEvents.length && finished) || Date.now() > deadline) break;
					await sleep(500);
				}
				await sleep(1500);
				execs =
					(await api(`/executions?workflowId=${IDS.trigger}&includeData=true&limit=250`)).data ??
					[];
				execs.sort((a, b) => Number(a.id) - Number(b.id));
				const events = execs.map((e) => {
					const [item] = nodeItems({ data: e.data }, 'CMR Trigger');
					return {
						id: e.id,
						status: e.status,
						event: item?.event,
						eventId: item?.eventId,
						orderId: item?.orderId,
					};
				});
				assert(
					execs.length === expectedEvents.length,
					`${execs.length} executions (${events.map((e) => e.event).join(', ')}), expected ${expectedEvents.length}`,
				);
				assert(
					events.every((e) => e.status === 'success'),
					`statuses ${events.map((e) => e.status).join(', ')}`,
				);
				assert(
					JSON.stringify(events.map((e) => e.event)) === JSON.stringify(expectedEvents),
					`events in order ${events.map((e) => e.event).join(', ')}`,
				);
				assert(
					new Set(events.map((e) => e.eventId)).size === events.length,
					'an eventId ran twice',
				);
				assert(
					events.every((e) => e.orderId === orderId),
					`orderIds ${events.map((e) => e.orderId).join(', ')}`,
				);
				const emails = events.filter((e) => e.event === 'mailbox.created').length;
				return `${execs.length} executions: ${expectedEvents.join(' → ')}; ${dupes.length} duplicate + ${retries.length} retried deliveries ignored (${emails} mailboxes)`;
			},
		);

		// ---- check 4: a forged delivery is rejected
		await check('forged delivery (wrong cmr-x-signature) → 401, no execution', async () => {
			const before = ((await api(`/executions?workflowId=${IDS.trigger}&limit=250`)).data ?? [])
				.length;
			const body = JSON.stringify({
				event: 'mailbox.created',
				eventId: `FORGED${Date.now()}`,
				data: { orderId: 'FORGED', email: 'mallory@evil.example', password: 'x' },
			});
			const res = await fetch(triggerUrl, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'cmr-x-timestamp': String(Math.floor(Date.now() / 1000)),
					'cmr-x-signature': 'f'.repeat(64),
				},
				body,
			});
			const text = await res.text();
			assert(res.status === 401, `HTTP ${res.status} ${text}`);
			await sleep(2000);
			const after = ((await api(`/executions?workflowId=${IDS.trigger}&limit=250`)).data ?? [])
				.length;
			assert(after === before, `${after - before} execution(s) started`);
			return `HTTP 401 ${text.slice(0, 120)}`;
		});

		// ---- check 5: bulk at CMR's rate limit (pacing, two workflows on one key, one order from rows)
		await runBulkChecks({
			check,
			assert,
			cli,
			n8nUrl,
			apiKey,
			credentials,
			nodeType: NODE,
			workDir: WORK,
			n8nCliChecked,
			executeWorkflow,
			nodeItems,
			runError,
			explain,
			simLogSize,
			simLogSince,
			simOrigin,
			triggerWorkflowId: IDS.trigger,
			googleOauth: GOOGLE_OAUTH,
		});

		// ---- check 6: the polling trigger, with the webhook URL unreachable (e2e/polling.mjs); last, as it
		// points the simulator's webhooks elsewhere
		await runPollingChecks({
			check,
			assert,
			sim,
			simOrigin,
			cmrApiKey: API_KEY,
			n8nUrl,
			n8nApiKey: apiKey,
			nodeType: POLLING_TRIGGER,
			credentials,
			userId: createdUserId,
		});
		// ---- check 6: the editor in a real browser (Debian's chromium + playwright-core)
		await browserStage({
			n8nUrl,
			owner,
			apiKey,
			credential: CRED,
			check,
			workDir: WORK,
			log: say,
			chromium,
		});
	} catch (error) {
		results.push({ name: 'setup', ok: false });
		say(`FAIL - setup: ${error.message}`);
	} finally {
		await hop?.close().catch(() => {});
		await stopAll();
	}
	// The trigger's dedupe memory across a real n8n restart (own n8n home, after the instance above stopped).
	if (USER_FOLDER) {
		await checkTriggerRestart({ check, assert, say, logDir: LOGS }).finally(stopAll);
	}
	removeHandlers();
	const failed = results.filter((r) => !r.ok).length;
	if (USER_FOLDER && !failed) fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	else if (USER_FOLDER) say(`e2e: n8n home kept for inspection: ${USER_FOLDER}`);
	say(
		`e2e: done in ${((Date.now() - t0) / 1000).toFixed(1)} s; logs in ${path.relative(ROOT, LOGS)}/`,
	);
	return summary();
}

const failed = await main();
process.exit(failed ? 1 : 0);
