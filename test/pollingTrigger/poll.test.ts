import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { BASE_URL, PROD_HEADER_VALUE, USER_ID } from '../helpers/harness';
import { cmr, envelope, useNock } from '../helpers/nock';
import { emitted, makePollEnv } from './harness';

useNock();

const credentials = { apiKey: PROD_HEADER_VALUE, environment: 'production', baseUrl: BASE_URL };
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const EVENT_ID = /^poll_[A-Za-z0-9_-]{24}$/;
const USER = USER_ID;

function mailbox(id: string, status: string, extra: IDataObject = {}): IDataObject {
	return {
		mailboxId: id,
		email: `${id.toLowerCase()}@acme.test`,
		userId: USER,
		orderId: 'ORD1',
		status,
		createdAt: '2026-11-01T10:00:00.000Z',
		...extra,
	};
}

function page(key: string, records: IDataObject[], current = 1, totalPages = 1) {
	return envelope({
		[key]: records,
		pagination: {
			currentPage: current,
			totalPages,
			nextPage: current < totalPages ? current + 1 : null,
		},
	});
}

/** GET /mailboxes (whole account), one page. */
function mailboxes(records: IDataObject[]) {
	return cmr()
		.get('/mailboxes')
		.query({ page: '1', limit: '100' })
		.reply(200, page('mailboxes', records));
}

const newMailboxes = { events: ['newMailbox'] };

describe('first poll', () => {
	it('records the current state and emits nothing', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		mailboxes([mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'CREATING_PASSWORD')]);
		expect(await env.poll()).toBeNull();
		const state = env.nodeStaticData().cmrPolling as IDataObject;
		expect(state.scope).toBe('');
		const table = (state.tables as IDataObject).mailbox as { d: string[]; r: string };
		expect(table.d).toEqual(['ACTIVE', 'CREATING_PASSWORD']);
		expect(table.r).toHaveLength(2 * 9);
		expect(JSON.stringify(state)).not.toContain('MB1');
	});

	it('emits the existing records with "Emit Existing Records on First Run"', async () => {
		const env = makePollEnv(
			{ ...newMailboxes, options: { emitExistingOnFirstRun: true } },
			credentials,
		);
		mailboxes([mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'CREATING_PASSWORD')]);
		const items = emitted(await env.poll());
		expect(items.map((i) => [i.event, i.mailboxId])).toEqual([['mailbox.created', 'MB1']]);
		mailboxes([mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'CREATING_PASSWORD')]);
		expect(await env.poll()).toBeNull();
	});
});

describe('new mailboxes', () => {
	it('emits mailbox.created once, shaped like the webhook event, plus source "poll"', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		mailboxes([mailbox('MB1', 'ACTIVE')]);
		expect(await env.poll()).toBeNull();

		mailboxes([mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'ACTIVE', { orderId: 'ORD2' })]);
		const [item, ...rest] = emitted(await env.poll());
		expect(rest).toEqual([]);
		expect(item).toEqual({
			event: 'mailbox.created',
			eventId: expect.stringMatching(EVENT_ID),
			receivedAt: expect.stringMatching(ISO),
			mailboxId: 'MB2',
			email: 'mb2@acme.test',
			userId: USER,
			orderId: 'ORD2',
			status: 'ACTIVE',
			createdAt: '2026-11-01T10:00:00.000Z',
			source: 'poll',
		});

		mailboxes([mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'ACTIVE', { orderId: 'ORD2' })]);
		expect(await env.poll()).toBeNull();
	});

	it('waits until a new mailbox is ACTIVE, then emits it once', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		mailboxes([]);
		expect(await env.poll()).toBeNull();
		mailboxes([mailbox('MB1', 'IN_PROGRESS')]);
		expect(await env.poll()).toBeNull();
		mailboxes([mailbox('MB1', 'CREATING_PASSWORD')]);
		expect(await env.poll()).toBeNull();
		mailboxes([mailbox('MB1', 'ACTIVE')]);
		expect(emitted(await env.poll()).map((i) => [i.event, i.mailboxId, i.previousStatus])).toEqual([
			['mailbox.created', 'MB1', 'CREATING_PASSWORD'],
		]);
		mailboxes([mailbox('MB1', 'ACTIVE')]);
		expect(await env.poll()).toBeNull();
	});

	it('keeps the Raw output format of the webhook trigger', async () => {
		const env = makePollEnv({ ...newMailboxes, outputFormat: 'raw' }, credentials);
		mailboxes([]);
		await env.poll();
		mailboxes([mailbox('MB1', 'ACTIVE')]);
		const [item] = emitted(await env.poll());
		expect(item).toEqual({
			event: 'mailbox.created',
			eventId: expect.stringMatching(EVENT_ID),
			receivedAt: expect.stringMatching(ISO),
			data: mailbox('MB1', 'ACTIVE'),
			source: 'poll',
		});
	});

	it('reads every page (Return All) and catches up after a restart (state saved and reloaded)', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		const first = Array.from({ length: 100 }, (_, i) => mailbox(`MB${i}`, 'ACTIVE'));
		const twoPages = (second: IDataObject[]) =>
			[first, second].forEach((records, index) =>
				cmr()
					.get('/mailboxes')
					.query({ page: String(index + 1), limit: '100' })
					.reply(200, page('mailboxes', records, index + 1, 2)),
			);
		twoPages([mailbox('MB100', 'ACTIVE')]);
		expect(await env.poll()).toBeNull();

		// n8n saves static data as JSON and loads it with the workflow; MB101 appears while n8n is down.
		const saved = JSON.parse(JSON.stringify(env.workflow.staticData)) as IDataObject;
		const reloaded = makePollEnv(newMailboxes, credentials, saved);
		twoPages([mailbox('MB100', 'ACTIVE'), mailbox('MB101', 'ACTIVE')]);
		expect(emitted(await reloaded.poll()).map((i) => i.mailboxId)).toEqual(['MB101']);
	});
});

describe('status changes', () => {
	it('emits mailbox.status_changed once, with previousStatus', async () => {
		const env = makePollEnv({ events: ['mailboxStatus'] }, credentials);
		mailboxes([mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'ACTIVE')]);
		expect(await env.poll()).toBeNull();
		mailboxes([mailbox('MB1', 'EXPIRED'), mailbox('MB2', 'ACTIVE')]);
		const items = emitted(await env.poll());
		expect(items).toEqual([
			expect.objectContaining({
				event: 'mailbox.status_changed',
				mailboxId: 'MB1',
				status: 'EXPIRED',
				previousStatus: 'ACTIVE',
				source: 'poll',
			}),
		]);
		mailboxes([mailbox('MB1', 'EXPIRED'), mailbox('MB2', 'ACTIVE')]);
		expect(await env.poll()).toBeNull();
	});

	it('emits subscription renewals and status changes with the webhook event names', async () => {
		const env = makePollEnv({ events: ['subscription'] }, credentials);
		const sub = (id: string, status: string, periodEnd: string, price = 3) => ({
			subscriptionId: id,
			subscriptionStatus: status,
			periodStart: '2026-10-01T00:00:00.000Z',
			periodEnd,
			pricePerMailbox: price,
			userId: USER,
			domain: `${id.toLowerCase()}.com`,
		});
		const list = (records: IDataObject[]) =>
			cmr()
				.get('/subscriptions')
				.query({ page: '1', limit: '100' })
				.reply(200, page('subscriptions', records));
		list([sub('S1', 'ACTIVE', '2026-11-01'), sub('S2', 'ACTIVE', '2026-11-05')]);
		expect(await env.poll()).toBeNull();
		list([sub('S1', 'ACTIVE', '2026-12-01'), sub('S2', 'PAST_DUE', '2026-11-05')]);
		expect(emitted(await env.poll()).map((i) => [i.event, i.subscriptionId])).toEqual([
			['subscription.renewal.success', 'S1'],
			['subscription.past_due', 'S2'],
		]);
		list([sub('S1', 'ACTIVE', '2026-12-01', 5), sub('S2', 'PAST_DUE', '2026-11-05')]);
		expect(emitted(await env.poll()).map((i) => [i.event, i.subscriptionId])).toEqual([
			['subscription.updated', 'S1'],
		]);
		list([sub('S1', 'ACTIVE', '2026-12-01', 5), sub('S2', 'PAST_DUE', '2026-11-05')]);
		expect(await env.poll()).toBeNull();
	});

	it('emits domain status changes; without a User filter it lists each customer', async () => {
		const env = makePollEnv({ events: ['domainStatus'] }, credentials);
		const domains = (records: IDataObject[]) => {
			cmr()
				.get('/users/list')
				.query({ page: '1', limit: '100' })
				.reply(200, page('users', [{ id: 'U1' }, { id: 'U2' }]));
			cmr()
				.get('/domains/by-user')
				.query({ userId: 'U1', page: '1', limit: '100' })
				.reply(200, page('domains', records));
			cmr()
				.get('/domains/by-user')
				.query({ userId: 'U2', page: '1', limit: '100' })
				.reply(200, page('domains', []));
		};
		const domain = (status: string, expireOn = '2027-01-01') => ({
			domainId: 'D1',
			domainName: 'acme.com',
			status,
			expireOn,
		});
		domains([domain('ACTIVE')]);
		expect(await env.poll()).toBeNull();
		domains([domain('GRACE_PERIOD')]);
		expect(emitted(await env.poll())).toEqual([
			expect.objectContaining({
				event: 'domain.grace_period',
				domainId: 'D1',
				domainName: 'acme.com',
				userId: 'U1',
				previousStatus: 'ACTIVE',
				source: 'poll',
			}),
		]);
		domains([domain('ACTIVE', '2028-01-01')]);
		expect(emitted(await env.poll()).map((i) => i.event)).toEqual(['domain.renewal.success']);
		domains([domain('ACTIVE', '2028-01-01')]);
		expect(await env.poll()).toBeNull();
	});

	it('watches orders seen on new mailboxes until their status is final', async () => {
		const env = makePollEnv({ events: ['orderStatus'] }, credentials);
		const status = (value: string) =>
			cmr()
				.get('/orders/status')
				.query({ userId: USER, orderId: 'ORD9' })
				.reply(200, envelope({ orderId: 'ORD9', status: value, type: 'MAILBOX' }));
		mailboxes([]);
		expect(await env.poll()).toBeNull();
		mailboxes([mailbox('MB1', 'CREATING_PASSWORD', { orderId: 'ORD9' })]);
		status('PROCESSING');
		expect(await env.poll()).toBeNull();
		mailboxes([mailbox('MB1', 'ACTIVE', { orderId: 'ORD9' })]);
		status('COMPLETED');
		expect(emitted(await env.poll())).toEqual([
			expect.objectContaining({
				event: 'order.status_changed',
				orderId: 'ORD9',
				userId: USER,
				status: 'COMPLETED',
				previousStatus: 'PROCESSING',
				type: 'MAILBOX',
				source: 'poll',
			}),
		]);
		// Final: no more status requests (a pending nock interceptor would fail the test).
		mailboxes([mailbox('MB1', 'ACTIVE', { orderId: 'ORD9' })]);
		expect(await env.poll()).toBeNull();
	});
	it('stops watching an order CMR no longer knows (404) instead of failing every poll', async () => {
		const env = makePollEnv({ events: ['orderStatus'] }, credentials);
		mailboxes([]);
		await env.poll();
		mailboxes([mailbox('MB1', 'CREATING_PASSWORD', { orderId: 'ORD9' })]);
		cmr()
			.get('/orders/status')
			.query({ userId: USER, orderId: 'ORD9' })
			.reply(200, envelope({ orderId: 'ORD9', status: 'PROCESSING' }));
		await env.poll();
		mailboxes([mailbox('MB1', 'ACTIVE', { orderId: 'ORD9' })]);
		cmr()
			.get('/orders/status')
			.query({ userId: USER, orderId: 'ORD9' })
			.reply(404, { status: 404, message: 'Order ORD9 not found for this user', data: null });
		expect(await env.poll()).toBeNull();
		expect((env.nodeStaticData().cmrPolling as IDataObject).orders).toEqual({});
		mailboxes([mailbox('MB1', 'ACTIVE', { orderId: 'ORD9' })]);
		expect(await env.poll()).toBeNull();
	});
});

describe('filters', () => {
	it('with a User filter reads that user only and keeps subscriptions to the user', async () => {
		const env = makePollEnv(
			{
				events: ['newMailbox', 'subscription'],
				userId: { __rl: true, mode: 'id', value: ` ${USER} ` },
			},
			credentials,
		);
		const poll = async (subscriptionStatus: string) => {
			cmr()
				.get('/mailboxes/single')
				.query({ userId: USER, page: '1', limit: '100' })
				.reply(200, page('mailboxes', [mailbox('MB1', 'ACTIVE')]));
			cmr()
				.get('/subscriptions')
				.query({ page: '1', limit: '100' })
				.reply(
					200,
					page('subscriptions', [
						{ subscriptionId: 'MINE', subscriptionStatus: subscriptionStatus, userId: USER },
						{ subscriptionId: 'OTHER', subscriptionStatus: subscriptionStatus, userId: 'U2' },
					]),
				);
			return emitted(await env.poll());
		};
		expect(await poll('ACTIVE')).toEqual([]);
		expect((await poll('CANCELLED')).map((i) => [i.event, i.subscriptionId])).toEqual([
			['subscription.cancelled', 'MINE'],
		]);
		expect((env.nodeStaticData().cmrPolling as IDataObject).scope).toBe(USER);
	});

	it('only emits the selected kinds', async () => {
		const env = makePollEnv({ events: ['mailboxStatus'] }, credentials);
		mailboxes([]);
		await env.poll();
		mailboxes([mailbox('MB1', 'ACTIVE')]);
		expect(await env.poll()).toBeNull();
	});

	it('a changed User filter starts over silently', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		mailboxes([mailbox('MB1', 'ACTIVE')]);
		await env.poll();
		env.node.parameters.userId = { __rl: true, mode: 'id', value: USER };
		cmr()
			.get('/mailboxes/single')
			.query({ userId: USER, page: '1', limit: '100' })
			.reply(200, page('mailboxes', [mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'ACTIVE')]));
		expect(await env.poll()).toBeNull();
	});

	it('no event kind selected: a clear error and nothing sent', async () => {
		const env = makePollEnv({ events: [] }, credentials);
		await expect(env.poll()).rejects.toThrow('No event kind is selected');
	});
});

describe('failures and overlap', () => {
	it('a failed poll leaves the recorded state as it was', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		mailboxes([mailbox('MB1', 'ACTIVE')]);
		await env.poll();
		const before = JSON.stringify(env.nodeStaticData());
		cmr()
			.get('/mailboxes')
			.query({ page: '1', limit: '100' })
			.reply(200, page('mailboxes', [mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'ACTIVE')], 1, 2));
		cmr()
			.get('/mailboxes')
			.query({ page: '2', limit: '100' })
			.reply(500, { status: 500, message: 'Internal error', data: null });
		await expect(env.poll()).rejects.toThrow(NodeApiError);
		expect(JSON.stringify(env.nodeStaticData())).toBe(before);
		mailboxes([mailbox('MB1', 'ACTIVE'), mailbox('MB2', 'ACTIVE')]);
		expect(emitted(await env.poll()).map((i) => i.mailboxId)).toEqual(['MB2']);
	});

	it('a poll that starts while the previous one still runs is skipped', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		mailboxes([]);
		await env.poll();
		cmr()
			.get('/mailboxes')
			.query({ page: '1', limit: '100' })
			.delay(300)
			.reply(200, page('mailboxes', [mailbox('MB1', 'ACTIVE')]));
		const slow = env.poll();
		await sleep(50);
		expect(await env.poll()).toBeNull();
		expect(emitted(await slow).map((i) => i.mailboxId)).toEqual(['MB1']);
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('manual mode (Fetch Test Event)', () => {
	it('returns the newest matching records and leaves the state alone', async () => {
		const env = makePollEnv(newMailboxes, credentials);
		const records = Array.from({ length: 8 }, (_, i) =>
			mailbox(`MB${i}`, i === 7 ? 'IN_PROGRESS' : 'ACTIVE', {
				createdAt: `2026-11-0${i + 1}T10:00:00.000Z`,
			}),
		);
		mailboxes(records);
		const items = emitted(await env.poll('manual'));
		expect(items.map((i) => [i.event, i.mailboxId, i.source])).toEqual([
			['mailbox.created', 'MB6', 'poll'],
			['mailbox.created', 'MB5', 'poll'],
			['mailbox.created', 'MB4', 'poll'],
			['mailbox.created', 'MB3', 'poll'],
			['mailbox.created', 'MB2', 'poll'],
		]);
		expect(env.nodeStaticData()).toEqual({});
		// The next real poll is still the silent first run.
		mailboxes(records);
		expect(await env.poll()).toBeNull();
	});
});
