// Bulk checks of the end-to-end stage (called from e2e/run.mjs once the other checks ran): the
// node's own pacing against the simulator's 5 requests per second, in real n8n.
//   - 200 items in one execution: 0 failed items, within 1.15 × the 40 s the limit allows;
//   - two workflows running at the same time in one n8n with the same key: 0 failed items;
//   - 30 rows → Aggregate → one order: exactly one POST /orders/json, webhooks for every mailbox.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const DEMO_USER_ID = 'PWM7Y25RYZ450YNM8K8FX9GK5AHX';
const IDS = { bulk200: 'cmrE2eBulk200Itm', rows: 'cmrE2eRowsOrder1' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function node(name, type, typeVersion, position, parameters, extra = {}) {
	return { id: randomUUID(), name, type, typeVersion, position, parameters, ...extra };
}

function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

/** Set (raw JSON) + Split Out: one item per entry of `list` (no Code node, no task runner). */
function itemsFrom(list, x) {
	return [
		node('Make items', 'n8n-nodes-base.set', 3.4, [x, 0], {
			mode: 'raw',
			jsonOutput: JSON.stringify({ list }),
			options: {},
		}),
		node('One item each', 'n8n-nodes-base.splitOut', 1, [x + 220, 0], {
			fieldToSplitOut: 'list',
			options: {},
		}),
	];
}

function getUserNode(nodeType, credentials, x) {
	return node(
		'Get user',
		nodeType,
		1,
		[x, 0],
		{ resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: DEMO_USER_ID } },
		{ credentials, onError: 'continueRegularOutput' },
	);
}

function workflowOf(id, name, nodes) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: chain(nodes),
		settings: { executionOrder: 'v1', saveManualExecutions: true },
		pinData: {},
	};
}

function failedItems(items) {
	return items.filter((item) => item.id !== DEMO_USER_ID && item.userId !== DEMO_USER_ID).length;
}

/**
 * @param ctx what e2e/run.mjs shares: check, assert, cli, n8nUrl, apiKey, credentials, nodeType,
 *   workDir, n8nCliChecked, executeWorkflow, nodeItems, runError, explain, simLogSize,
 *   simLogSince, simOrigin, triggerWorkflowId, googleOauth (the OAuth group for GOOGLE orders)
 */
export async function runBulkChecks(ctx) {
	const { check, assert } = ctx;
	const stamp = Date.now().toString(36);
	const rowDomains = ['north', 'south', 'east'].map((site) => `e2e-rows-${site}-${stamp}.com`);
	const people = ['alex', 'sam', 'kim', 'lee', 'max', 'ray', 'joe', 'ann', 'eve', 'ivy'];
	const rows = rowDomains.flatMap((domain) =>
		people.map((username) => ({
			domain,
			username,
			firstName: username[0].toUpperCase() + username.slice(1),
			lastName: 'Rows',
		})),
	);
	const workflows = {
		bulk200: workflowOf(IDS.bulk200, 'E2E: 200 items at 5 requests per second', [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 0], {}),
			...itemsFrom(
				Array.from({ length: 200 }, (_, i) => i + 1),
				220,
			),
			getUserNode(ctx.nodeType, ctx.credentials, 660),
		]),
		rows: workflowOf(IDS.rows, 'E2E: 30 rows, one order', [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 0], {}),
			...itemsFrom(rows, 220),
			node('All rows into one list', 'n8n-nodes-base.aggregate', 1, [660, 0], {
				aggregate: 'aggregateAllItemData',
				destinationFieldName: 'rows',
				include: 'allFields',
				options: {},
			}),
			node(
				'One order for all rows',
				ctx.nodeType,
				1,
				[880, 0],
				{
					resource: 'order',
					operation: 'create',
					userId: { __rl: true, mode: 'id', value: DEMO_USER_ID },
					mailboxesInput: 'rows',
					mailboxRows: '={{ $json.rows }}',
					rowsYears: 1,
					serviceProvider: 'GOOGLE',
					googleOauth: ctx.googleOauth,
					confirm: true,
				},
				{ credentials: ctx.credentials },
			),
		]),
	};
	const dir = path.join(ctx.workDir, 'bulk-workflows');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	for (const [name, wf] of Object.entries(workflows)) {
		fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(wf, null, 2));
	}
	await ctx.n8nCliChecked(['import:workflow', '--separate', `--input=${dir}`], ctx.cli);

	const count429 = (offset) =>
		(ctx.simLogSince(offset).match(/ \/api\/v1\/integration\/\S+ 429/g) ?? []).length;

	await check('bulk: 200 items in one execution at 5 requests per second, 0 failed', async () => {
		await sleep(1100);
		const offset = ctx.simLogSize();
		const r = await ctx.executeWorkflow(IDS.bulk200, ctx.cli);
		assert(r.code === 0 && !ctx.runError(r.run), ctx.explain(r));
		const items = ctx.nodeItems(r.run, 'Get user');
		assert(items.length === 200, `${items.length} output items`);
		const failed = failedItems(items);
		assert(failed === 0, `${failed} items failed`);
		const nodeRun = r.run.data.resultData.runData['Get user'][0];
		const started = Date.parse(r.run.startedAt);
		const stopped = Date.parse(r.run.stoppedAt);
		const wallMs = Number.isFinite(stopped - started) ? stopped - started : nodeRun.executionTime;
		assert(wallMs <= 1.15 * 40_000, `the execution took ${(wallMs / 1000).toFixed(1)} s`);
		await sleep(200);
		return `200 items, 0 failed, execution ${(wallMs / 1000).toFixed(1)} s (node ${(nodeRun.executionTime / 1000).toFixed(1)} s; limit ${(1.15 * 40).toFixed(0)} s), ${count429(offset)} answers 429 resent`;
	});

	await check('bulk: two workflows at the same time with one key, 0 failed', async () => {
		const api = async (method, p, body) => {
			const res = await fetch(`${ctx.n8nUrl}/api/v1${p}`, {
				method,
				headers: { 'X-N8N-API-KEY': ctx.apiKey, 'content-type': 'application/json' },
				body: body ? JSON.stringify(body) : undefined,
			});
			const text = await res.text();
			if (!res.ok) throw new Error(`n8n API ${method} ${p}: HTTP ${res.status} ${text}`);
			return text ? JSON.parse(text) : {};
		};
		const perWorkflow = 50;
		const urls = [];
		for (const name of ['A', 'B']) {
			const webhookId = randomUUID();
			const hookPath = `cmr-bulk-${name.toLowerCase()}-${stamp}`;
			const nodes = [
				node(
					'Webhook',
					'n8n-nodes-base.webhook',
					2,
					[0, 0],
					{ httpMethod: 'POST', path: hookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
					{ webhookId },
				),
				...itemsFrom(
					Array.from({ length: perWorkflow }, (_, i) => i + 1),
					220,
				),
				getUserNode(ctx.nodeType, ctx.credentials, 660),
			];
			const created = await api('POST', '/workflows', {
				name: `E2E: same key at once (${name})`,
				nodes,
				connections: chain(nodes),
				settings: { executionOrder: 'v1' },
			});
			await api('POST', `/workflows/${created.id}/activate`);
			urls.push(`${ctx.n8nUrl}/webhook/${hookPath}`);
		}
		await sleep(1100);
		const offset = ctx.simLogSize();
		const started = Date.now();
		const answers = await Promise.all(
			urls.map(async (url) => {
				const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(120_000) });
				const text = await res.text();
				assert(res.ok, `${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
				return JSON.parse(text);
			}),
		);
		const wallMs = Date.now() - started;
		for (const items of answers) {
			assert(Array.isArray(items) && items.length === perWorkflow, `answer: ${JSON.stringify(items).slice(0, 200)}`);
			const failed = failedItems(items);
			assert(failed === 0, `${failed} of ${perWorkflow} items failed`);
		}
		await sleep(200);
		return `2 × ${perWorkflow} items in ${(wallMs / 1000).toFixed(1)} s (one queue: ${((2 * perWorkflow) / 5).toFixed(0)} s at 5 per second), 0 failed, ${count429(offset)} answers 429 resent`;
	});

	await check('bulk: 30 rows → Aggregate → exactly one order, webhooks for every mailbox', async () => {
		await sleep(1100);
		const offset = ctx.simLogSize();
		const r = await ctx.executeWorkflow(IDS.rows, ctx.cli);
		assert(r.code === 0 && !ctx.runError(r.run), ctx.explain(r));
		const out = ctx.nodeItems(r.run, 'One order for all rows');
		assert(out.length === 1 && out[0].orderId, `output ${JSON.stringify(out).slice(0, 300)}`);
		const orderId = out[0].orderId;
		await sleep(300);
		const posts = (ctx.simLogSince(offset).match(/POST \/api\/v1\/integration\/orders\/json \d+/g) ?? [])
			.length;
		assert(posts === 1, `the simulator received ${posts} POST /orders/json`);
		const idle = await fetch(`${ctx.simOrigin}/__sim/idle?timeout=60000`);
		assert(idle.ok, 'simulator still busy delivering after 60 s');
		const wanted = new Set(rows.map((row) => `${row.username}@${row.domain}`));
		let created = [];
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			const res = await fetch(
				`${ctx.n8nUrl}/api/v1/executions?workflowId=${ctx.triggerWorkflowId}&includeData=true&limit=250`,
				{ headers: { 'X-N8N-API-KEY': ctx.apiKey } },
			);
			const execs = (await res.json()).data ?? [];
			created = execs
				.filter((e) => e.status === 'success')
				.map((e) => ctx.nodeItems({ data: e.data }, 'CMR Trigger')[0])
				.filter((item) => item?.event === 'mailbox.created' && item.orderId === orderId);
			if (created.length >= wanted.size) break;
			await sleep(1000);
		}
		const emails = new Set(created.map((item) => String(item.email ?? '').toLowerCase()));
		const missing = [...wanted].filter((email) => !emails.has(email));
		assert(
			created.length === wanted.size && !missing.length,
			`${created.length} mailbox.created executions for order ${orderId}; missing ${missing.slice(0, 5).join(', ')}`,
		);
		return `order ${orderId}: 1 POST /orders/json for 30 rows on 3 domains; ${created.length} mailbox.created webhooks started the trigger workflow`;
	});
}
