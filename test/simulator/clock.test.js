'use strict';

const { startSim, call, startReceiver, ACME_USER } = require('./helpers');

let sim;
let url;
let origin;
let receiver;

beforeEach(async () => {
	receiver = await startReceiver();
	({ sim, url, origin } = await startSim({ webhooks: [receiver.url], wallet: 100000 }));
});

afterEach(async () => {
	await sim.stop();
	await receiver.close();
});

const subscriptions = async () => (await call(url, 'GET', '/subscriptions', { query: { limit: 100 } })).body.data.subscriptions;

test('a tick with nothing due changes nothing', async () => {
	const before = await subscriptions();
	const res = await call(origin, 'POST', '/__sim/clock/tick', { key: false });
	expect(res.status).toBe(200);
	expect(res.body.data).toEqual({ renewingSubscriptions: [], domains: [] });
	await sim.idle();
	expect(await subscriptions()).toEqual(before);
	expect(receiver.received).toEqual([]);
});

test('advancing past the period end renews auto-renew subscriptions once, with their webhooks', async () => {
	const before = await subscriptions();
	const due = before.filter((s) => s.subscriptionStatus === 'ACTIVE' && s.autoRenew);
	const manual = before.filter((s) => s.subscriptionStatus === 'ACTIVE' && !s.autoRenew);
	expect(due.length).toBeGreaterThan(0);
	const res = await call(origin, 'POST', '/__sim/clock/advance', { body: { days: 31 }, key: false });
	expect(res.status).toBe(200);
	expect(res.body.data.renewingSubscriptions.sort()).toEqual(due.map((s) => s.subscriptionId).sort());
	// A second tick while the renewals run starts none twice.
	expect((await call(origin, 'POST', '/__sim/clock/tick', { key: false })).body.data.renewingSubscriptions).toEqual([]);
	await sim.idle();
	const after = new Map((await subscriptions()).map((s) => [s.subscriptionId, s]));
	for (const s of due) {
		const now = after.get(s.subscriptionId);
		expect(now.subscriptionStatus).toBe('ACTIVE');
		expect(Date.parse(now.periodEnd)).toBeGreaterThan(Date.now());
	}
	for (const s of manual) expect(Date.parse(after.get(s.subscriptionId).periodEnd)).toBeLessThan(Date.now());
	const renewedEvents = receiver.received.filter((r) => r.json.event === 'subscription.renewal.success');
	expect(renewedEvents.map((r) => r.json.data.subscriptionId).sort()).toEqual(due.map((s) => s.subscriptionId).sort());
	expect(receiver.received.filter((r) => r.json.event === 'subscription.renewing')).toHaveLength(due.length);
});

test('a domain without auto-renew enters its grace period, then expires', async () => {
	const domains = async () => (await call(url, 'GET', '/domains/by-user', { query: { userId: ACME_USER, limit: 100 } })).body.data.domains;
	const target = (await domains()).find((d) => d.status === 'ACTIVE' && !d.autoRenew);
	expect(target).toBeDefined();
	const days = Math.ceil((Date.parse(target.expireOn) - Date.now()) / 86400000) + 1;
	await call(origin, 'POST', '/__sim/clock/advance', { body: { days }, key: false });
	await sim.idle();
	expect((await domains()).find((d) => d.domainId === target.domainId).status).toBe('GRACE_PERIOD');
	await call(origin, 'POST', '/__sim/clock/advance', { body: { days: 8 }, key: false });
	await sim.idle();
	expect((await domains()).find((d) => d.domainId === target.domainId).status).toBe('EXPIRED');
	const mine = receiver.received
		.filter((r) => r.json.data.domainId === target.domainId && r.json.event.startsWith('domain.'))
		.map((r) => r.json.event);
	expect(mine).toEqual(['domain.grace_period', 'domain.expired']);
});

test('advance needs a positive duration', async () => {
	const res = await call(origin, 'POST', '/__sim/clock/advance', { body: { days: 0 }, key: false });
	expect(res.status).toBe(400);
	expect(res.body.message).toBe('days and/or hours must be positive numbers');
});
