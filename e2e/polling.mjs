// End-to-end check of the Cold Mail Reseller Polling Trigger, called from e2e/run.mjs once n8n runs:
// a workflow with the polling trigger (every minute, n8n's shortest Poll Time) is published through n8n's
// public API; the simulator's webhook destination is made unreachable; an order is placed; each of the
// order's mailboxes must start exactly one `mailbox.created` item with `source: "poll"`, and nothing
// that existed before the first poll may be emitted.

import { randomUUID } from 'node:crypto';

export const POLLING_NODE_NAME = 'CMR Polling Trigger';
const WORKFLOW_NAME = 'E2E: CMR polling trigger';
/** A closed loopback port: deliveries fail as they would to an n8n without a reachable URL. */
const UNREACHABLE_WEBHOOK = 'http://127.0.0.1:9/webhook/unreachable';
const POLL_MS = 60_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {object} ctx
 * @param {(name: string, fn: () => Promise<string|void>) => Promise<void>} ctx.check
 * @param {(cond: unknown, message: string) => void} ctx.assert
 * @param {(method: string, path: string, body?: object) => Promise<any>} ctx.sim simulator control call
 * @param {string} ctx.simOrigin
 * @param {string} ctx.cmrApiKey the simulator's production API key
 * @param {string} ctx.n8nUrl
 * @param {string} ctx.n8nApiKey n8n public API key
 * @param {string} ctx.nodeType full type name of the polling trigger
 * @param {object} ctx.credentials node credentials reference
 * @param {string|null} ctx.userId the CMR user to watch and order for
 */
export async function runPollingChecks(ctx) {
	const { check, assert } = ctx;
	const api = async (method, p, body) => {
		const res = await fetch(`${ctx.n8nUrl}/api/v1${p}`, {
			method,
			headers: { 'X-N8N-API-KEY': ctx.n8nApiKey, 'content-type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		if (!res.ok) throw new Error(`n8n API ${method} ${p}: HTTP ${res.status} ${await res.text()}`);
		return res.json();
	};
	const itemsOf = async (workflowId) => {
		const page = await api(
			'GET',
			`/executions?workflowId=${workflowId}&includeData=true&limit=250`,
		);
		const execs = page.data ?? [];
		return {
			execs,
			items: execs.flatMap(
				(e) =>
					e.data?.resultData?.runData?.[POLLING_NODE_NAME]?.[0]?.data?.main?.[0]?.map(
						(i) => i.json,
					) ?? [],
			),
		};
	};

	let workflowId = null;
	await check(
		'polling trigger: a published workflow polls every minute; the first poll is silent',
		async () => {
			assert(ctx.userId, 'no user from the create-user check');
			const created = await api('POST', '/workflows', {
				name: WORKFLOW_NAME,
				nodes: [
					{
						id: randomUUID(),
						name: POLLING_NODE_NAME,
						type: ctx.nodeType,
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							pollTimes: { item: [{ mode: 'everyMinute' }] },
							events: ['newMailbox'],
							userId: { __rl: true, mode: 'id', value: ctx.userId },
						},
						credentials: ctx.credentials,
					},
				],
				connections: {},
				settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
			});
			workflowId = created.id;
			await api('POST', `/workflows/${workflowId}/activate`);
			await sleep(2000);
			const { execs } = await itemsOf(workflowId);
			assert(execs.length === 0, `${execs.length} execution(s) right after activation`);
			return `workflow ${workflowId} published`;
		},
	);

	const domain = `poll-e2e-${Date.now().toString(36)}.com`;
	const usernames = ['pat', 'lou'];
	const emails = usernames.map((u) => `${u}@${domain}`);
	await check(
		"polling trigger: with n8n's webhook URL unreachable, each new mailbox of an order gives exactly one mailbox.created",
		async () => {
			assert(workflowId, 'no polling workflow');
			await ctx.sim('POST', '/__sim/webhooks', { urls: [UNREACHABLE_WEBHOOK], duplicateNext: 0 });
			const res = await fetch(
				`${ctx.simOrigin}/api/v1/integration/orders/json?userId=${encodeURIComponent(ctx.userId)}`,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json', 'cmr-x-api-key': ctx.cmrApiKey },
					body: JSON.stringify({
						domains: [{ domain, years: 1 }],
						mailboxes: {
							[domain]: usernames.map((u) => ({ username: u, firstName: u, lastName: 'Poll' })),
						},
						confirm: true,
						google: {
							googleOauthRoute: 'https://yourapp.com/oauth/google',
							clientId: 'x',
							appName: 'YourApp',
						},
					}),
				},
			);
			assert(res.ok, `order: HTTP ${res.status} ${await res.text()}`);
			const idle = await fetch(`${ctx.simOrigin}/__sim/idle?timeout=60000`);
			assert(idle.ok, 'simulator still busy after 60 s');
			const { deliveries } = await ctx.sim('GET', '/__sim/deliveries?event=mailbox.created');
			const lost = deliveries.filter((d) => d.url === UNREACHABLE_WEBHOOK);
			assert(lost.length >= usernames.length, `${lost.length} failed webhook deliveries`);
			assert(!lost.some((d) => d.ok), 'a webhook delivery succeeded');

			// The next poll (at most a minute away) finds the new mailboxes.
			const deadline = Date.now() + 2 * POLL_MS + 30_000;
			let seen = [];
			while (Date.now() < deadline) {
				seen = (await itemsOf(workflowId)).items;
				if (emails.every((e) => seen.some((i) => i.email === e))) break;
				await sleep(3000);
			}
			assert(
				emails.every((e) => seen.some((i) => i.email === e)),
				`after ${Math.round((2 * POLL_MS + 30_000) / 1000)} s the polling workflow emitted ${seen.map((i) => i.email).join(', ') || 'nothing'}`,
			);
			// One more poll must not emit them again.
			await sleep(POLL_MS + 10_000);
			const { execs, items } = await itemsOf(workflowId);
			const counts = emails.map((e) => items.filter((i) => i.email === e).length);
			assert(
				counts.every((c) => c === 1),
				`mailbox.created counts ${emails.map((e, i) => `${e}: ${counts[i]}`).join(', ')}`,
			);
			assert(
				items.length === emails.length,
				`${items.length} items (${items.map((i) => i.email).join(', ')}); mailboxes from before the first poll were emitted`,
			);
			assert(
				items.every(
					(i) => i.event === 'mailbox.created' && i.source === 'poll' && /^poll_/.test(i.eventId),
				),
				`items ${JSON.stringify(items.map((i) => [i.event, i.source, i.eventId]))}`,
			);
			assert(
				execs.every((e) => e.status === 'success'),
				`statuses ${execs.map((e) => e.status).join(', ')}`,
			);
			await api('POST', `/workflows/${workflowId}/deactivate`);
			return `${items.length} mailbox.created in ${execs.length} execution(s), ${lost.length} webhook deliveries lost`;
		},
	);
}
