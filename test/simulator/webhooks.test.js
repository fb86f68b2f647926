'use strict';

const crypto = require('node:crypto');
const { signPayload, verifySignature, isLoopbackHost } = require('../../simulator/webhooks');
const { createSimulator } = require('../../simulator/server');
const { startSim, call, startReceiver, API_KEY, SANDBOX_KEY, MAIN_USER, ACME_USER, GOOGLE_OAUTH } = require('./helpers');

let sim;
let url;
let origin;
let receiver;
let statusFor = () => 200;

beforeAll(async () => {
	receiver = await startReceiver((entry, i) => statusFor(entry, i));
	({ sim, url, origin } = await startSim({ webhooks: [receiver.url] }));
});

afterEach(async () => {
	await sim.idle();
	statusFor = () => 200;
	receiver.received.length = 0;
	await call(origin, 'DELETE', '/__sim/deliveries', { key: false });
});

afterAll(async () => {
	await sim.stop();
	await receiver.close();
});

const events = (list) => list.map((r) => r.json.event);

function expectSigned(entry, key = API_KEY) {
	expect(entry.method).toBe('POST');
	expect(entry.headers['content-type']).toBe('application/json');
	const ts = Number(entry.headers['cmr-x-timestamp']);
	expect(Number.isInteger(ts)).toBe(true);
	expect(Math.abs(Date.now() / 1000 - ts)).toBeLessThan(30);
	const expected = crypto.createHmac('sha256', key).update(entry.rawBody).digest('hex');
	expect(entry.headers['cmr-x-signature']).toBe(expected);
	expect(entry.json).toEqual({ event: expect.any(String), eventId: expect.stringMatching(/^[A-Z0-9]{28}$/), data: expect.any(Object) });
}

describe('signing helpers', () => {
	test('signPayload is hex HMAC-SHA256 of the raw body', () => {
		expect(signPayload('key', 'The quick brown fox jumps over the lazy dog')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
		expect(verifySignature('key', 'abc', signPayload('key', 'abc'))).toBe(true);
		expect(verifySignature('key', 'abc', signPayload('other', 'abc'))).toBe(false);
		expect(verifySignature('key', 'abc', undefined)).toBe(false);
	});

	test('loopback detection', () => {
		for (const h of ['127.0.0.1', '127.5.6.7', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
		for (const h of ['10.0.0.1', 'example.com', '128.0.0.1', '::2', 'localhost.example.com']) expect(isLoopbackHost(h)).toBe(false);
	});
});

describe('destinations', () => {
	test('non-loopback destinations are refused unless allowed', async () => {
		const res = await call(origin, 'POST', '/__sim/webhooks', { key: false, body: { urls: ['http://example.com/hook'] } });
		expect(res.status).toBe(400);
		expect(res.body.message).toMatch(/allow-remote-webhooks/);
		expect(sim.webhookDestinations).toEqual([receiver.url]);
		expect(() => createSimulator({ webhooks: ['https://hooks.example.com/x'] })).toThrow(/non-loopback/);
		const allowed = createSimulator({ webhooks: ['https://hooks.example.com/x'], allowRemoteWebhooks: true });
		expect(allowed.webhookDestinations).toEqual(['https://hooks.example.com/x']);
		await allowed.stop();
	});
});

describe('order lifecycle', () => {
	test('POST /orders/json charges the wallet and emits signed events in order', async () => {
		const before = (await call(url, 'GET', '/wallet')).body.data.balance;
		const res = await call(url, 'POST', '/orders/json', {
			query: { userId: ACME_USER },
			body: {
				billingCycle: 'MONTHLY',
				domains: [{ domain: 'alicesender.com', years: 1 }, { domain: 'alicesender.net', years: 2 }, { domain: 'example.com', years: 1 }],
				mailboxes: {
					'alicesender.com': [
						{ username: 'alice', firstName: 'Alice', lastName: 'Johnson', onWarmup: true },
						{ username: 'alice.j', firstName: 'Alice', lastName: 'Johnson' },
					],
					'alicesender.net': [{ username: 'bob', firstName: 'Bob', lastName: 'Smith' }],
				},
				confirm: true,
				serviceProvider: 'GOOGLE',
				google: { googleOauthRoute: 'https://yourapp.com/oauth/google', clientId: 'x', appName: 'YourApp' },
				autoRenew: true,
			},
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			status: 200,
			message: 'Order created and queued for processing',
			data: expect.objectContaining({ orderId: expect.stringMatching(/^[A-Z0-9]{28}$/), unavailableDomains: ['example.com'] }),
			actionId: expect.stringMatching(/^ACT_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
		});
		const { orderId } = res.body.data;
		const { actionId } = res.body;
		// 15 + 2*15 domains, 3 * 3 mailboxes
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(before - 54);

		await receiver.waitFor((r) => r.length >= 7);
		await sim.idle();
		const got = receiver.received;
		expect(events(got)).toEqual([
			'domain.order.success',
			'domain.order.success',
			'mailbox.order.success',
			'mailbox.order.success',
			'mailbox.created',
			'mailbox.created',
			'mailbox.created',
		]);
		got.forEach((e) => expectSigned(e));
		expect(new Set(got.map((e) => e.json.eventId)).size).toBe(7);
		for (const e of got) expect(e.json.data).toEqual(expect.objectContaining({ orderId, actionId, userId: ACME_USER, userEmail: 'alice.johnson@acmegrowth.io' }));

		expect(got[0].json.data).toEqual(expect.objectContaining({ domainName: 'alicesender.com', domainId: expect.any(String), price: 15, expiryDate: expect.any(String), creationTime: expect.any(String) }));
		expect(got[2].json.data).toEqual(expect.objectContaining({ domainName: 'alicesender.com', subscriptionId: expect.any(String), workspaceType: 'GOOGLE', quantity: 2, price: 6 }));
		const created = got.slice(4).map((e) => e.json.data);
		for (const d of created) {
			expect(d).toEqual(expect.objectContaining({
				email: expect.any(String), password: expect.any(String), appPassword: expect.stringMatching(/^[a-z]{4}( [a-z]{4}){3}$/),
				authenticatorSecret: expect.any(String), mailboxId: expect.any(String), orderId, userId: ACME_USER,
				domain: expect.any(String), firstName: expect.any(String), lastName: expect.any(String),
			}));
		}
		expect(created.map((d) => d.email)).toEqual(['alice@alicesender.com', 'alice.j@alicesender.com', 'bob@alicesender.net']);

		const mb = await call(url, 'GET', '/mailboxes/mailbox', { query: { mailboxId: created[0].mailboxId } });
		expect(mb.body.data).toEqual(expect.objectContaining({ status: 'ACTIVE', email: 'alice@alicesender.com', onWarmup: true }));
		const st = await call(url, 'GET', '/orders/status', { query: { userId: ACME_USER, orderId } });
		expect(st.body.data.status).toBe('COMPLETED');
		const dl = await call(origin, 'GET', '/__sim/deliveries', { key: false });
		expect(dl.body.data.deliveries).toHaveLength(7);
		expect(dl.body.data.deliveries[0]).toEqual(expect.objectContaining({ event: 'domain.order.success', url: receiver.url, statusCode: 200, attempt: 1, ok: true }));
	});

	test('scenario header domain_failure: domain.order.failed, then nothing; wallet refunded', async () => {
		const before = (await call(url, 'GET', '/wallet')).body.data.balance;
		const res = await call(url, 'POST', '/orders/json', {
			query: { userId: ACME_USER },
			headers: { 'x-cmr-sim-scenario': 'domain_failure' },
			body: { domains: [{ domain: 'failing-domain.com', years: 1 }], mailboxes: { 'failing-domain.com': [{ username: 'x', firstName: 'X', lastName: 'Y' }] }, confirm: true, google: GOOGLE_OAUTH },
		});
		expect(res.status).toBe(200);
		await receiver.waitFor((r) => r.length >= 1);
		await sim.idle();
		expect(events(receiver.received)).toEqual(['domain.order.failed']);
		expect(receiver.received[0].json.data).toEqual(expect.objectContaining({ orderId: res.body.data.orderId, domainName: 'failing-domain.com', reason: expect.any(String) }));
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(before);
		const st = await call(url, 'GET', '/orders/status', { query: { userId: ACME_USER, orderId: res.body.data.orderId } });
		expect(st.body.data.status).toBe('FAILED');
	});

	test('queued scenario mailbox_failure: domain.order.success then mailbox.order.failed', async () => {
		await call(origin, 'POST', '/__sim/scenario', { key: false, body: { scenario: 'mailbox_failure' } });
		const res = await call(url, 'POST', '/orders/json', {
			query: { userId: ACME_USER },
			body: { domains: [{ domain: 'mbfail-domain.com', years: 1 }], mailboxes: { 'mbfail-domain.com': [{ username: 'x', firstName: 'X', lastName: 'Y' }] }, confirm: true, google: GOOGLE_OAUTH },
		});
		await receiver.waitFor((r) => r.length >= 2);
		await sim.idle();
		expect(events(receiver.received)).toEqual(['domain.order.success', 'mailbox.order.failed']);
		expect(receiver.received[1].json.data.orderId).toBe(res.body.data.orderId);
	});

	test('mailbox order on an existing subscription', async () => {
		const subs = (await call(url, 'GET', '/subscriptions', { query: { userId: ACME_USER, status: 'ACTIVE' } })).body.data.subscriptions;
		const sub = subs.find((s) => s.totalMailboxQuantity > 0 && s.serviceProvider === 'GOOGLE');
		const res = await call(url, 'POST', '/orders/create-mailbox-order/json', {
			query: { userId: ACME_USER },
			body: { subscriptionId: sub.subscriptionId, mailboxes: { [sub.domain]: [{ username: 'newbie', firstName: 'New', lastName: 'Bie' }] }, confirm: true, google: GOOGLE_OAUTH },
		});
		expect(res.status).toBe(200);
		expect(res.body.data.orderId).toMatch(/^[A-Z0-9]{28}$/);
		await receiver.waitFor((r) => r.length >= 2);
		expect(events(receiver.received)).toEqual(['mailbox.order.success', 'mailbox.created']);
		const after = (await call(url, 'GET', '/subscriptions', { query: { componentSubscriptionId: sub.subscriptionId } })).body.data.subscriptions[0];
		expect(after.totalMailboxQuantity).toBe(sub.totalMailboxQuantity + 1);
	});

	test('sandbox pre-warmup partial_failure: signed with the sandbox key, $0', async () => {
		const before = (await call(url, 'GET', '/wallet')).body.data.balance;
		const res = await call(url, 'POST', '/sandbox/pre-warmup/order', {
			sandbox: true,
			query: { userId: MAIN_USER },
			body: {
				order: [{ domain: 'sandbox.nexora-tech.com' }, { domain: 'mail-sandbox.brightplathlabs.com' }],
				serviceProvider: 'GOOGLE',
				google: { googleOauthRoute: 'https://yourapp.com/oauth/google', clientId: 'x', appName: 'YourApp' },
				scenario: 'partial_failure',
			},
		});
		expect(res.status).toBe(201);
		await receiver.waitFor((r) => r.length >= 2);
		await sim.idle();
		expect(events(receiver.received)).toEqual(['prewarmup.order.failed', 'prewarmup.order.success']);
		receiver.received.forEach((e) => expectSigned(e, SANDBOX_KEY));
		expect(receiver.received[0].json.data.failedDomains).toEqual(['sandbox.nexora-tech.com']);
		const details = receiver.received[1].json.data.mailboxDetails;
		expect(details).toHaveLength(1);
		expect(details[0]).toEqual({ domain: 'mail-sandbox.brightplathlabs.com', subscriptionId: expect.any(String), preWarmedUpMailboxes: expect.any(Array) });
		expect(Object.keys(details[0].preWarmedUpMailboxes[0]).sort()).toEqual(
			['appPassword', 'authenticatorSecret', 'email', 'expiryDate', 'firstName', 'isAdmin', 'lastName', 'mailboxId', 'password', 'profilePicture', 'warmingUpFrom'].sort(),
		);
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(before);
		const reset = await call(url, 'POST', '/sandbox/pre-warmup/reset', { sandbox: true });
		expect(reset.body.data).toEqual(expect.objectContaining({ deletedDomains: 1, deletedMailboxes: 3 }));
	});

	test('warmup add emits mailbox.warmup.started and charges a prorated price', async () => {
		const mb = (await call(url, 'GET', '/mailboxes/single', { query: { userId: MAIN_USER, status: 'ACTIVE', limit: 100 } })).body.data.mailboxes.find((m) => !m.onWarmup);
		const res = await call(url, 'POST', '/mailboxes/warmup', { query: { mailboxId: mb.mailboxId } });
		expect(res.status).toBe(200);
		expect(res.body.data.charged).toBeGreaterThan(0);
		await receiver.waitFor((r) => r.length >= 1);
		expect(receiver.received[0].json).toEqual(expect.objectContaining({ event: 'mailbox.warmup.started', data: expect.objectContaining({ mailboxId: mb.mailboxId, actionId: res.body.actionId }) }));
		const toggled = await call(url, 'POST', '/mailboxes/warmup/toggle', { query: { mailboxId: mb.mailboxId } });
		expect(toggled.body).toEqual(expect.objectContaining({ message: 'Warmup paused', data: { status: 'PAUSED' } }));
	});
});

describe('renewals and pre-warmup', () => {
	test('subscription renewal: renewing -> renewal.success (+ subscription.updated at 12 months), wallet charged', async () => {
		const domains = (await call(url, 'GET', '/domains/by-user', { query: { userId: ACME_USER } })).body.data.domains;
		const subId = domains[3].subscriptionId; // seeded with 12 billed months
		const sub = (await call(url, 'GET', '/subscriptions', { query: { componentSubscriptionId: subId } })).body.data.subscriptions[0];
		const before = (await call(url, 'GET', '/wallet')).body.data.balance;
		const res = await call(url, 'POST', '/subscriptions/renew-subscriptions', { body: { subscriptionIds: [subId] } });
		expect(res.body).toEqual({ status: 200, message: expect.stringMatching(/^Subscriptions added for renewal/), data: null, actionId: expect.stringMatching(/^ACT_/) });
		await receiver.waitFor((r) => r.length >= 3);
		await sim.idle();
		expect(events(receiver.received)).toEqual(['subscription.renewing', 'subscription.renewal.success', 'subscription.updated']);
		expect(receiver.received[1].json.data).toEqual(expect.objectContaining({ subscriptionId: subId, subscriptionStatus: 'ACTIVE', quantity: sub.totalMailboxQuantity, workspaceType: 'GOOGLE' }));
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(before - 3 * sub.totalMailboxQuantity);
		const after = (await call(url, 'GET', '/subscriptions', { query: { componentSubscriptionId: subId } })).body.data.subscriptions[0];
		expect(after.pricePerMailbox).toBe(5);
		expect(Date.parse(after.periodEnd)).toBeGreaterThan(Date.parse(sub.periodEnd));
	});

	test('domain renewal in the renewal window -> domain.renewal.success', async () => {
		const d = (await call(url, 'GET', '/domains/by-user', { query: { userId: ACME_USER } })).body.data.domains[0];
		const res = await call(url, 'POST', '/domains/renew', { body: { userId: ACME_USER, domains: [d.domainName] } });
		expect(res.status).toBe(200);
		await receiver.waitFor((r) => r.length >= 1);
		expect(receiver.received[0].json.data).toEqual(expect.objectContaining({ domainName: d.domainName, actionId: res.body.actionId }));
		expect(receiver.received[0].json.event).toBe('domain.renewal.success');
	});

	test('production pre-warmup order charges the purchase price and removes the domain from the pool', async () => {
		const inv = (await call(url, 'GET', '/pre-warmup', { query: { serviceProvider: 'MICROSOFT', limit: 1 } })).body.data;
		const domain = inv.inventory[0].domain;
		const before = (await call(url, 'GET', '/wallet')).body.data.balance;
		const res = await call(url, 'POST', '/pre-warmup/order', {
			query: { userId: MAIN_USER },
			body: { order: [{ domain }], serviceProvider: 'MICROSOFT', microsoftOauthRoute: 'https://yourapp.com/oauth/ms', autoRenew: true },
		});
		expect(res.status).toBe(201);
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(before - 30);
		await receiver.waitFor((r) => r.length >= 1);
		expect(receiver.received[0].json).toEqual(expect.objectContaining({ event: 'prewarmup.order.success', data: expect.objectContaining({ orderId: res.body.data.orderId, serviceProvider: 'MICROSOFT' }) }));
		const now = (await call(url, 'GET', '/pre-warmup', { query: { serviceProvider: 'MICROSOFT' } })).body.data;
		expect(now.totalDomains).toBe(inv.totalDomains - 1);
		const mine = (await call(url, 'GET', '/mailboxes/single', { query: { userId: MAIN_USER, domain } })).body.data.mailboxes;
		expect(mine).toHaveLength(3);
	});
});

describe('delivery retries and duplicates', () => {
	test('a 500 from the receiver is retried with the same body and eventId', async () => {
		statusFor = (_e, i) => (i === 0 ? 500 : 200);
		const res = await call(origin, 'POST', '/__sim/emit', { key: false, body: { event: 'mailbox.updated', userId: MAIN_USER, data: { mailboxId: 'M1', updatedFields: { firstName: 'A' } } } });
		expect(res.status).toBe(200);
		expect(res.body.data.deliveries[0]).toEqual(expect.objectContaining({ statusCode: 500, attempt: 1 }));
		await receiver.waitFor((r) => r.length >= 2);
		const [first, second] = receiver.received;
		expect(second.rawBody).toBe(first.rawBody);
		expectSigned(second);
		expect(second.json.data).toEqual(expect.objectContaining({ userId: MAIN_USER, userEmail: 'nora.quinn@northwind-outreach.com', mailboxId: 'M1' }));
		await sim.idle();
		const dl = (await call(origin, 'GET', '/__sim/deliveries', { key: false, query: { eventId: first.json.eventId } })).body.data.deliveries;
		expect(dl.map((d) => [d.attempt, d.statusCode])).toEqual([[1, 500], [2, 200]]);
	});

	test('at most 3 attempts when the receiver keeps failing', async () => {
		statusFor = () => 503;
		const res = await call(origin, 'POST', '/__sim/emit', { key: false, body: { event: 'domain.expired', data: { domainName: 'x.com' } } });
		await sim.idle();
		expect(receiver.received).toHaveLength(3);
		const dl = (await call(origin, 'GET', '/__sim/deliveries', { key: false, query: { eventId: res.body.data.eventId } })).body.data.deliveries;
		expect(dl.map((d) => d.attempt)).toEqual([1, 2, 3]);
		expect(dl.every((d) => d.ok === false && d.statusCode === 503)).toBe(true);
	});

	test('an unreachable destination is recorded as an error and retried', async () => {
		const dead = await startReceiver();
		await dead.close();
		await call(origin, 'POST', '/__sim/webhooks', { key: false, body: { urls: [dead.url] } });
		try {
			await call(origin, 'POST', '/__sim/emit', { key: false, body: { event: 'domain.expired', data: {} } });
			await sim.idle();
			const dl = (await call(origin, 'GET', '/__sim/deliveries', { key: false })).body.data.deliveries;
			expect(dl).toHaveLength(3);
			expect(dl[0]).toEqual(expect.objectContaining({ statusCode: null, ok: false, error: expect.any(String) }));
		} finally {
			await call(origin, 'POST', '/__sim/webhooks', { key: false, body: { urls: [receiver.url] } });
		}
	});

	test('duplicateNext delivers one event twice with the same eventId', async () => {
		await call(origin, 'POST', '/__sim/webhooks', { key: false, body: { duplicateNext: true } });
		await call(origin, 'POST', '/__sim/emit', { key: false, body: { event: 'subscription.updated', data: { subscriptionId: 'S' } } });
		await call(origin, 'POST', '/__sim/emit', { key: false, body: { event: 'subscription.updated', data: { subscriptionId: 'T' } } });
		await sim.idle();
		const ids = receiver.received.map((r) => r.json.eventId);
		expect(ids).toHaveLength(3);
		expect(ids[0]).toBe(ids[1]);
		expect(ids[2]).not.toBe(ids[0]);
		expect(receiver.received[1].rawBody).toBe(receiver.received[0].rawBody);
	});

	test('--duplicate-first-delivery option', async () => {
		const r2 = await startReceiver();
		const s2 = createSimulator({ port: 0, webhooks: [r2.url], duplicateFirstDelivery: true, rateLimit: 0, eventDelay: 5 });
		try {
			await s2.start();
			await s2.emit('domain.expired', { domainName: 'a.com' });
			await s2.emit('domain.expired', { domainName: 'b.com' });
			await s2.idle();
			expect(r2.received.map((r) => r.json.data.domainName)).toEqual(['a.com', 'a.com', 'b.com']);
			expect(r2.received[0].headers['cmr-x-signature']).toBe(signPayload('cmr_demo_key', r2.received[0].rawBody));
		} finally {
			await s2.stop();
			await r2.close();
		}
	});
});
