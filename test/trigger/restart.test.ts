/**
 * The dedupe memory under concurrency and across a restart, the way n8n 2.41 runs a production
 * webhook (LiveWebhooks.executeWebhook): for every delivery it reads the workflow (and so the
 * static data) from the database and calls the trigger through a real WebhookContext. When the
 * trigger returns a run, WorkflowRunner.run wraps the same static data in a new Workflow (which
 * clears its "changed" mark) and inserts the execution; then n8n answers and writes the static
 * data back if it is marked changed (WorkflowStaticDataService.saveStaticData, last write wins).
 * Writes reach the database in the order they were issued, as with n8n's SQLite connection.
 * A restart is a fresh load of the node's modules: nothing in memory survives, only the database.
 */
import type { IDataObject } from 'n8n-workflow';
import { Workflow, sleep } from 'n8n-workflow';
import { ColdMailResellerTrigger } from '../../nodes/ColdMailReseller/ColdMailResellerTrigger.node';
import { isStoredEvent } from '../../nodes/ColdMailReseller/trigger/dedupe';
import { defaultCredentials, makeTriggerEnv, signedRequest } from './harness';

const WORKFLOW_ID = 'wf-restart';
const CREDENTIAL_ID = 'cred-restart';
const DELIVERIES = 200;

/** The workflow row's staticData column, written one statement at a time. */
class WorkflowTable {
	staticDataJson = '{}';

	writes = 0;

	private queue: Promise<void> = Promise.resolve();

	read(): IDataObject {
		return JSON.parse(this.staticDataJson) as IDataObject;
	}

	write(staticData: IDataObject): Promise<void> {
		const json = JSON.stringify(staticData);
		this.queue = this.queue.then(async () => {
			// The database takes a moment; later deliveries run meanwhile.
			await sleep(Math.random() * 3);
			this.staticDataJson = json;
			this.writes++;
		});
		return this.queue;
	}
}

function loadTriggerModule(): ColdMailResellerTrigger {
	let Trigger: typeof ColdMailResellerTrigger | undefined;
	jest.isolateModules(() => {
		({ ColdMailResellerTrigger: Trigger } = jest.requireActual(
			'../../nodes/ColdMailReseller/ColdMailResellerTrigger.node',
		) as {
			ColdMailResellerTrigger: typeof ColdMailResellerTrigger;
		});
	});
	if (!Trigger) throw new Error('could not load the trigger');
	return new Trigger();
}

/** One production webhook call as n8n's LiveWebhooks.executeWebhook makes it. */
async function n8nDelivery(
	table: WorkflowTable,
	trigger: ColdMailResellerTrigger,
	payload: IDataObject,
	snapshots: string[],
) {
	const staticData = table.read();
	snapshots.push(JSON.stringify(staticData));
	const env = makeTriggerEnv({ events: ['*'] }, defaultCredentials(), staticData, WORKFLOW_ID, {
		credentialId: CREDENTIAL_ID,
		trigger,
	});
	const outcome = await env.deliver(signedRequest(payload));
	if (outcome.result.workflowData !== undefined) {
		// WorkflowRunner.run: establishContextForPersistence, then the execution insert.
		new Workflow({
			id: WORKFLOW_ID,
			nodes: [env.node],
			connections: {},
			active: true,
			nodeTypes: env.workflow.nodeTypes,
			staticData,
		});
		await sleep(1 + Math.random() * 2);
	}
	if ((env.workflow.staticData as IDataObject).__dataChanged === true) {
		await table.write(env.workflow.staticData);
	}
	return { ran: outcome.result.workflowData !== undefined, status: outcome.res.statusCode };
}

const payloads = Array.from({ length: DELIVERIES }, (_, i) => ({
	event: i % 2 ? 'mailbox.created' : 'mailbox.order.success',
	eventId: `01JRESTART${String(i).padStart(6, '0')}`,
	data: { orderId: `ORD${i}`, email: `user${i}@example.com` },
}));

describe(`${DELIVERIES} concurrent deliveries, an n8n restart, and all of them sent again`, () => {
	const table = new WorkflowTable();

	it('starts one run per delivery while n8n runs', async () => {
		const trigger = loadTriggerModule();
		const snapshots: string[] = [];
		const outcomes = await Promise.all(
			payloads.map(async (payload) => await n8nDelivery(table, trigger, payload, snapshots)),
		);
		expect(outcomes.filter((o) => o.ran)).toHaveLength(DELIVERIES);
		expect(outcomes.every((o) => o.status === 200)).toBe(true);
		// Really concurrent: every delivery read the database before any write landed.
		expect(snapshots).toHaveLength(DELIVERIES);
		expect(snapshots.every((s) => s === '{}')).toBe(true);
		expect(table.writes).toBe(DELIVERIES);
	});

	it('has every eventId in the static data the database holds', () => {
		const stored = (table.read()['node:CMR Trigger'] ?? {}) as IDataObject;
		const missing = payloads.filter((p) => !isStoredEvent(stored, p.eventId));
		expect(missing.map((p) => p.eventId)).toEqual([]);
		// 8 characters per id: the memory stays small.
		expect(table.staticDataJson.length).toBeLessThan(DELIVERIES * 8 + 200);
	});

	it('after the restart, re-sending all of them (concurrently) starts 0 runs', async () => {
		const restarted = loadTriggerModule();
		const outcomes = await Promise.all(
			payloads.map(async (payload) => await n8nDelivery(table, restarted, payload, [])),
		);
		expect(outcomes.filter((o) => o.ran)).toHaveLength(0);
		expect(outcomes.every((o) => o.status === 200)).toBe(true);
	});

	it('still runs a new event after the restart', async () => {
		const restarted = loadTriggerModule();
		const outcome = await n8nDelivery(
			table,
			restarted,
			{ event: 'mailbox.created', eventId: '01JRESTARTNEW', data: {} },
			[],
		);
		expect(outcome.ran).toBe(true);
	});
});

describe('the same burst against a memory that only writes its own snapshot', () => {
	it("would keep only the last writer's id (shows the test above can fail)", async () => {
		const table = new WorkflowTable();
		const burst = payloads.slice(0, 4);
		// Each delivery in its own fresh module: no in-process union, only snapshot + own id.
		const triggers = burst.map(() => loadTriggerModule());
		await Promise.all(
			burst.map(async (payload, i) => await n8nDelivery(table, triggers[i], payload, [])),
		);
		const stored = (table.read()['node:CMR Trigger'] ?? {}) as IDataObject;
		expect(burst.filter((p) => isStoredEvent(stored, p.eventId))).toHaveLength(1);
	}, 60_000);
});
