// E2E: the trigger's dedupe memory survives concurrency and a real n8n restart. 200 signed deliveries with
// distinct eventIds arrive at once at a published CMR Trigger workflow; after they ran, n8n is stopped
// (SIGTERM) and started again, and all 200 are sent again, freshly signed: no new execution may start.
// Runs its own n8n home and port (scripts/trigger-instance.mjs), after the main e2e instance has stopped.
import { createHash } from 'node:crypto';
import {
	cmrSignatureHeaders,
	cmrTriggerWorkflow,
	createTriggerInstance,
	sendAll,
	waitForExecutions,
	webhookPath,
} from '../scripts/trigger-instance.mjs';

const DELIVERIES = 200;
// On a busy 2-core machine n8n's 5 s database ping can queue behind a burst and mark the database
// down (503 to every request); give it room. Nothing else about n8n is changed.
const N8N_ENV = { DB_PING_TIMEOUT_MS: '30000' };
const WORKFLOW_ID = 'cmrE2eRestartWf1';
const WEBHOOK_ID = '5b0e2e00-c0de-4c3a-9d5e-00000000e2e2';

const digest = (eventId) => createHash('sha256').update(eventId).digest('base64').slice(0, 8);

function storedDigests(staticDataJson) {
	const stored = JSON.parse(staticDataJson)?.['node:CMR Trigger']?.seenEvents ?? [];
	return new Set(stored.flatMap(([, joined]) => joined.match(/.{8}/g) ?? []));
}

export async function checkTriggerRestart({ check, assert, say, logDir }) {
	const apiKey = `e2e_restart_key_${Date.now().toString(36)}`;
	const wf = cmrTriggerWorkflow(WORKFLOW_ID, WEBHOOK_ID);
	const p = webhookPath(wf);
	const stamp = Date.now().toString(36);
	const eventIds = Array.from({ length: DELIVERIES }, (_, i) => `E2ERESTART${stamp}${i}`);
	const body = (eventId, i) =>
		JSON.stringify({
			event: i % 2 ? 'mailbox.created' : 'mailbox.order.success',
			eventId,
			data: { orderId: `ORD${i}`, email: `user${i}@e2e.example` },
		});
	let instance;
	let ok = false;
	try {
		instance = await createTriggerInstance({
			label: 'e2e-restart',
			logDir,
			apiKey,
			workflows: [wf],
			log: (m) => say(`e2e: ${m}`),
		});
		await instance.start(N8N_ENV);

		await check(
			`trigger restart: ${DELIVERIES} concurrent deliveries start ${DELIVERIES} executions and are all stored`,
			async () => {
				const bodies = eventIds.map(body);
				const { results } = await sendAll(
					instance,
					p,
					bodies,
					(b) => cmrSignatureHeaders(b, apiKey),
					DELIVERIES,
				);
				const bad = results.filter((r) => r.status !== 200);
				assert(
					!bad.length,
					`${bad.length} answers were not 200: ${bad[0]?.status} ${bad[0]?.text}`,
				);
				await waitForExecutions(instance, WORKFLOW_ID, DELIVERIES);
				await new Promise((r) => setTimeout(r, 1000));
				const count = (await instance.executions())[WORKFLOW_ID]?.total;
				assert(count === DELIVERIES, `${count} executions`);
				const stored = storedDigests(await instance.staticData(WORKFLOW_ID));
				const missing = eventIds.filter((id) => !stored.has(digest(id)));
				assert(!missing.length, `${missing.length} eventIds missing from the saved static data`);
				return `${count} executions; all ${DELIVERIES} eventIds in the saved static data`;
			},
		);

		await check(
			`trigger restart: after an n8n restart, re-sending all ${DELIVERIES} starts 0 executions`,
			async () => {
				await instance.restart(N8N_ENV);
				const bodies = eventIds.map(body);
				const { results } = await sendAll(
					instance,
					p,
					bodies,
					(b) => cmrSignatureHeaders(b, apiKey),
					50,
				);
				const bad = results.filter((r) => r.status !== 200 || !r.text.includes('already received'));
				assert(
					!bad.length,
					`${bad.length} answers were not "already received": ${bad[0]?.status} ${bad[0]?.text}`,
				);
				await new Promise((r) => setTimeout(r, 3000));
				const count = (await instance.executions())[WORKFLOW_ID]?.total;
				assert(count === DELIVERIES, `${count - DELIVERIES} new executions after the restart`);
				// A new event still runs.
				const fresh = body(`E2ERESTART${stamp}NEW`, 1);
				const res = await instance.post(p, fresh, cmrSignatureHeaders(fresh, apiKey));
				assert(
					res.status === 200 && res.text.includes('Event received'),
					`new event: ${res.status} ${res.text}`,
				);
				await waitForExecutions(instance, WORKFLOW_ID, DELIVERIES + 1);
				return `0 new executions for ${DELIVERIES} re-sent deliveries; a new event ran`;
			},
		);
		ok = true;
	} catch (error) {
		await check('trigger restart: setup', async () => {
			throw error;
		});
	} finally {
		await instance?.dispose({ keepHome: !ok });
		if (!ok && instance) say(`e2e: restart-check n8n home kept: ${instance.userFolder}`);
	}
}
