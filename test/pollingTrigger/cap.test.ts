import type { IDataObject } from 'n8n-workflow';
import {
	capOpenOrders,
	MAX_OPEN_ORDERS,
	MAX_TRACKED_RECORDS,
	type OpenOrder,
} from '../../nodes/ColdMailReseller/pollingTrigger/state';
import { BASE_URL, PROD_HEADER_VALUE, USER_ID } from '../helpers/harness';
import { cmr, envelope, useNock } from '../helpers/nock';
import { emitted, makePollEnv } from './harness';

useNock();

// 200 pages per poll: at the default 5 requests per second a poll takes 40 s, so use the highest limit.
const credentials = {
	apiKey: PROD_HEADER_VALUE,
	environment: 'production',
	baseUrl: BASE_URL,
	requestsPerSecond: 50,
};
/** The documented bound of the state at the cap (README, "Polling trigger"). */
const MAX_STATE_BYTES_AT_CAP = 200_000;

/** GET /mailboxes for an account of `total` mailboxes (28-character ids like CMR's). */
function serveAccount(total: number, status = (i: number) => (i % 7 ? 'ACTIVE' : 'EXPIRED')) {
	const pages = Math.ceil(total / 100);
	cmr()
		.get('/mailboxes')
		.query(true)
		.times(pages)
		.reply(200, (uri) => {
			const current = Number(new URL(uri, BASE_URL).searchParams.get('page'));
			const records = [];
			for (let i = (current - 1) * 100; i < Math.min(current * 100, total); i++) {
				records.push({
					mailboxId: `MBX${String(i).padStart(25, '0')}`,
					email: `sender${i}@acme-${i % 40}.com`,
					userId: USER_ID,
					orderId: `ORD${String(i % 300).padStart(25, '0')}`,
					status: status(i),
				});
			}
			const pagination = { currentPage: current, totalPages: pages };
			return envelope({ mailboxes: records, pagination });
		});
}

describe('state bound', () => {
	it(`stays under ${MAX_STATE_BYTES_AT_CAP} bytes at ${MAX_TRACKED_RECORDS} mailboxes`, async () => {
		expect(MAX_TRACKED_RECORDS).toBe(20_000);
		const env = makePollEnv({ events: ['newMailbox', 'mailboxStatus'] }, credentials);
		serveAccount(MAX_TRACKED_RECORDS);
		expect(await env.poll()).toBeNull();
		const state = env.nodeStaticData().cmrPolling as IDataObject;
		const bytes = Buffer.byteLength(JSON.stringify(env.workflow.staticData));
		expect(bytes).toBeLessThan(MAX_STATE_BYTES_AT_CAP);
		const table = (state.tables as IDataObject).mailbox as { r: string };
		expect(table.r.length / 9).toBe(MAX_TRACKED_RECORDS);

		// All 20,000 are tracked: one status change among them is found, and only it.
		serveAccount(MAX_TRACKED_RECORDS, (i) =>
			i === 19_998 ? 'EXPIRED' : i % 7 ? 'ACTIVE' : 'EXPIRED',
		);
		const items = emitted(await env.poll());
		expect(items.map((i) => [i.event, i.mailboxId, i.previousStatus])).toEqual([
			['mailbox.status_changed', `MBX${String(19_998).padStart(25, '0')}`, 'ACTIVE'],
		]);
		expect(Buffer.byteLength(JSON.stringify(env.workflow.staticData))).toBe(bytes);
	});

	it('above the cap the poll fails with a clear error and records nothing', async () => {
		const env = makePollEnv({ events: ['newMailbox'] }, credentials);
		serveAccount(MAX_TRACKED_RECORDS + 1);
		await expect(env.poll()).rejects.toThrow(
			'The account has 20001 mailbox records; the polling trigger tracks at most 20000 per list',
		);
		expect(env.nodeStaticData()).toEqual({});
	});
});

describe('watched orders bound', () => {
	it(`keeps the newest ${MAX_OPEN_ORDERS} orders`, () => {
		const orders: Record<string, OpenOrder> = {};
		for (let i = 0; i <= MAX_OPEN_ORDERS; i++) orders[`ORD${i}`] = { userId: 'U1', status: '' };
		const kept = Object.keys(capOpenOrders(orders));
		expect(kept).toHaveLength(MAX_OPEN_ORDERS);
		expect(kept[0]).toBe('ORD1');
		expect(kept[kept.length - 1]).toBe(`ORD${MAX_OPEN_ORDERS}`);
	});
});
