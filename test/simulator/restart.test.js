'use strict';

const { startSim, call, startReceiver, ACME_USER, GOOGLE_OAUTH } = require('./helpers');

/** One simulator run with the default seed: places the same order, returns the data ids and the delivered event ids. */
async function runOnce(receiver) {
	const { sim, url } = await startSim({ webhooks: [receiver.url] });
	try {
		const users = (await call(url, 'GET', '/users/list')).body.data;
		const res = await call(url, 'POST', '/orders/json', {
			query: { userId: ACME_USER },
			body: {
				domains: [{ domain: 'restartcheck.com', years: 1 }],
				mailboxes: { 'restartcheck.com': [{ username: 'ann', firstName: 'Ann', lastName: 'Lee' }] },
				confirm: true,
				serviceProvider: 'GOOGLE',
				google: GOOGLE_OAUTH,
			},
		});
		expect(res.status).toBe(200);
		await receiver.waitFor((r) => r.length >= 3);
		await sim.idle();
		const delivered = receiver.received.splice(0).map((r) => r.json);
		return {
			users: JSON.stringify(users),
			events: delivered.map((e) => e.event),
			eventIds: delivered.map((e) => e.eventId),
		};
	} finally {
		await sim.stop();
	}
}

test('restarting the simulator with the same seed gives the same data but never reuses an eventId', async () => {
	const receiver = await startReceiver();
	try {
		const first = await runOnce(receiver);
		const second = await runOnce(receiver);
		expect(second.users).toBe(first.users);
		expect(first.events).toEqual([
			'domain.order.success',
			'mailbox.order.success',
			'mailbox.created',
		]);
		expect(second.events).toEqual(first.events);
		for (const id of [...first.eventIds, ...second.eventIds]) expect(id).toMatch(/^[A-Z0-9]{28}$/);
		const all = new Set([...first.eventIds, ...second.eventIds]);
		expect(all.size).toBe(first.eventIds.length + second.eventIds.length);
	} finally {
		await receiver.close();
	}
});
