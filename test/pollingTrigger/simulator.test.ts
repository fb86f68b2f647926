import type { IDataObject } from 'n8n-workflow';
import { ACME_USER, API_KEY, call, startSim, type SimHandle } from '../simulator/helpers';
import { emitted, makePollEnv, type PollEnv } from './harness';

// Against the simulator, whose state changes over time: an order completes and its mailboxes
// appear; the clock renews a subscription. No webhook destination is set.
let handle: SimHandle;
let env: PollEnv;

beforeAll(async () => {
	handle = await startSim({ eventDelay: 5, wallet: 100_000 });
	env = makePollEnv(
		{
			events: ['newMailbox', 'subscription', 'domainStatus'],
			userId: { __rl: true, mode: 'id', value: ACME_USER },
		},
		{ apiKey: API_KEY, environment: 'production', baseUrl: handle.url },
	);
});

afterAll(async () => {
	await handle.sim.stop();
});

const events = (items: IDataObject[]) =>
	items.map(
		(item) => `${String(item.event)} ${String(item.email ?? item.domainName ?? item.domain)}`,
	);

it('follows an order and a renewal, one event per change', async () => {
	expect(await env.poll()).toBeNull();

	const domain = 'polling-trigger-test.com';
	const order = await call(handle.url, 'POST', '/orders/json', {
		query: { userId: ACME_USER },
		body: {
			domains: [{ domain, years: 1 }],
			mailboxes: {
				[domain]: [
					{ username: 'ana', firstName: 'Ana', lastName: 'Lee' },
					{ username: 'bo', firstName: 'Bo', lastName: 'Kim' },
				],
			},
			autoRenew: true,
			confirm: true,
			google: {
				googleOauthRoute: 'https://yourapp.com/oauth/google',
				clientId: 'x',
				appName: 'YourApp',
			},
		},
	});
	expect(order.status).toBe(200);
	expect(await handle.sim.idle(10_000)).toBe(true);

	const created = emitted(await env.poll());
	expect(events(created).sort()).toEqual([
		`domain.order.success ${domain}`,
		`mailbox.created ana@${domain}`,
		`mailbox.created bo@${domain}`,
	]);
	expect(created.every((item) => item.source === 'poll')).toBe(true);
	expect(await env.poll()).toBeNull();

	// A month passes: the new subscription (auto-renew) renews.
	handle.sim.clock.advance({ days: 31 });
	expect(await handle.sim.idle(10_000)).toBe(true);
	const renewed = emitted(await env.poll()).filter((item) => item.domain === domain);
	expect(renewed.map((item) => [item.event, item.subscriptionStatus])).toEqual([
		['subscription.renewal.success', 'ACTIVE'],
	]);
	expect(await env.poll()).toBeNull();
});
