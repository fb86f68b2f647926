import type { IDataObject } from 'n8n-workflow';
import { ENDPOINTS, type EndpointKey } from '../../nodes/ColdMailReseller/shared/endpoints';
import { unverifiedItems } from '../../nodes/ColdMailReseller/shared/unverified';
import { runNode } from '../helpers/harness';
import reference from '../fixtures/cmr-endpoints.json';

/* eslint-disable @typescript-eslint/no-require-imports */
const { ROUTES, HANDLERS } = require('../../simulator/api');
const { routesFromReference } = require('../../simulator/routes');
const { referenceRoute } = require('../../simulator/reference');
const { UNDOCUMENTED_HEADER } = require('../../simulator/server');
const { startSim, call, API_KEY, ACME_USER, GOOGLE_OAUTH } = require('./helpers');
/* eslint-enable @typescript-eslint/no-require-imports */

type Route = {
	key: string;
	ref: number;
	method: string;
	path: string;
	userId: string;
	assumed: string[];
};
const routes = ROUTES as Route[];

let sim: { stop: () => Promise<void> };
let url: string;
let origin: string;

beforeAll(async () => {
	({ sim, url, origin } = await startSim());
});

afterAll(async () => {
	await sim.stop();
});

describe('Simulator routes come from the CMR reference', () => {
	it('uses the method, path and userId placement of the reference entry wherever it states them', () => {
		const wrong: string[] = [];
		for (const route of routes) {
			const documented = referenceRoute(route.ref);
			if (documented.method && documented.method !== route.method)
				wrong.push(`${route.key}: method`);
			if (documented.path && documented.path !== route.path) wrong.push(`${route.key}: path`);
			if (!documented.uncertain && documented.userId !== route.userId)
				wrong.push(`${route.key}: userId`);
		}
		expect(wrong).toEqual([]);
	});

	it('guesses only what the reference leaves unknown, and says so', () => {
		const guessed = routes.filter((route) => route.assumed.length).map((route) => route.key);
		for (const key of guessed) {
			const { ref } = routes.find((route) => route.key === key)!;
			expect([key, referenceRoute(ref).uncertain]).toEqual([key, true]);
		}
		expect(guessed).toHaveLength(12);
		expect(() =>
			routesFromReference({
				x: { ref: 26, handler: () => ({}), assumed: { path: '/orders/other' } },
			}),
		).toThrow('x: the reference states the path (/orders/json); the simulator must follow it');
		expect(() =>
			routesFromReference({ x: { ref: 2, handler: () => ({}), assumed: { userId: 'none' } } }),
		).toThrow('x: the reference states the userId (query)');
	});

	it('serves every reference entry (29 and 30 are the FormData forms of 26 and 27)', () => {
		const served = new Set(routes.map((route) => route.ref));
		const missing = reference.map((_, index) => index + 1).filter((ref) => !served.has(ref));
		expect(missing).toEqual([29, 30]);
		expect(Object.keys(HANDLERS)).toHaveLength(routes.length);
	});

	it("agrees with the node's endpoint table (a wrong path or method in the node fails here)", () => {
		const mismatches: string[] = [];
		for (const key of Object.keys(ENDPOINTS) as EndpointKey[]) {
			const node = ENDPOINTS[key];
			const route = routes.find((r) => r.key === key);
			if (!route) {
				mismatches.push(`${key}: the simulator has no such endpoint`);
				continue;
			}
			const nodeRoute = `${node.method} ${node.path} userId:${node.userId}`;
			const simRoute = `${route.method} ${route.path} userId:${route.userId}`;
			if (nodeRoute !== simRoute)
				mismatches.push(`${key}: node ${nodeRoute}, reference ${simRoute}`);
		}
		expect(mismatches).toEqual([]);
	});

	it('answers 404 for a path the reference does not have', async () => {
		const res = await call(url, 'POST', '/subscriptions/recreate', { body: {} });
		expect(res.status).toBe(404);
		expect(res.body).toEqual({
			status: 404,
			message: 'Endpoint not found: POST /subscriptions/recreate',
			data: null,
		});
	});
});

describe('Simulator rejects what the reference rejects', () => {
	const order = (extra: IDataObject) => ({
		domains: [{ domain: 'rules-check.com', years: 1 }],
		mailboxes: { 'rules-check.com': [{ username: 'ann', firstName: 'Ann', lastName: 'Lee' }] },
		...extra,
	});
	const mailboxOrder = (extra: IDataObject) => ({
		mailboxes: { 'example.com': [{ username: 'ann', firstName: 'Ann', lastName: 'Lee' }] },
		...extra,
	});

	it.each([
		[
			'Create order without confirm',
			'/orders/json',
			order({ google: GOOGLE_OAUTH }),
			/^confirm is required \(boolean\)/,
		],
		[
			'Create order with confirm "yes"',
			'/orders/json',
			order({ confirm: 'yes', google: GOOGLE_OAUTH }),
			/^confirm is required/,
		],
		[
			'GOOGLE order without the google group',
			'/orders/json',
			order({ confirm: true }),
			/^google \{googleOauthRoute, clientId, appName\} is required for GOOGLE/,
		],
		[
			'GOOGLE order with a partial google group',
			'/orders/json',
			order({ confirm: true, google: { clientId: 'x' } }),
			/^google is missing: googleOauthRoute, appName/,
		],
		[
			'GOOGLE order with microsoftOauthRoute',
			'/orders/json',
			order({ confirm: true, google: GOOGLE_OAUTH, microsoftOauthRoute: 'https://a/ms' }),
			/^microsoftOauthRoute is for MICROSOFT orders/,
		],
		[
			'MICROSOFT order with the google group',
			'/orders/json',
			order({
				confirm: true,
				serviceProvider: 'MICROSOFT',
				microsoftOauthRoute: 'https://a/ms',
				google: GOOGLE_OAUTH,
			}),
			/^google is for GOOGLE orders/,
		],
		[
			'MICROSOFT order without microsoftOauthRoute',
			'/orders/json',
			order({ confirm: true, serviceProvider: 'MICROSOFT' }),
			/^microsoftOauthRoute is required for MICROSOFT/,
		],
		[
			'Mailbox order without confirm',
			'/orders/create-mailbox-order/json',
			mailboxOrder({ subscriptionId: 'S' }),
			/^confirm is required/,
		],
		[
			'Mailbox order with subscriptionId and domainId',
			'/orders/create-mailbox-order/json',
			mailboxOrder({ confirm: true, subscriptionId: 'S', domainId: 'D', autoRenew: true }),
			/^subscriptionId and domainId are mutually exclusive/,
		],
		[
			'Mailbox order with neither',
			'/orders/create-mailbox-order/json',
			mailboxOrder({ confirm: true }),
			/^Please provide a subscriptionId .* or a domainId/,
		],
		[
			'Mailbox order with domainId and no autoRenew',
			'/orders/create-mailbox-order/json',
			mailboxOrder({ confirm: false, domainId: 'D' }),
			/^autoRenew is required \(boolean\) with domainId/,
		],
		[
			'Pre-warmup GOOGLE order with microsoftOauthRoute only',
			'/pre-warmup/order',
			{
				order: [{ domain: 'x.com' }],
				serviceProvider: 'GOOGLE',
				microsoftOauthRoute: 'https://a/ms',
			},
			/^microsoftOauthRoute is for MICROSOFT orders/,
		],
		[
			'Pre-warmup MICROSOFT order with google',
			'/pre-warmup/order',
			{
				order: [{ domain: 'x.com' }],
				serviceProvider: 'MICROSOFT',
				microsoftOauthRoute: 'https://a/ms',
				google: GOOGLE_OAUTH,
			},
			/^google is for GOOGLE orders/,
		],
	])('%s -> 400 with the documented rule', async (_name, path, body, message) => {
		const before = (await call(url, 'GET', '/wallet')).body.data.balance;
		const res = await call(url, 'POST', path, { query: { userId: ACME_USER }, body });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ status: 400, message: expect.stringMatching(message), data: null });
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(before);
	});

	it('a mailbox order follows the OAuth group of its domain: no google group for a MICROSOFT subscription', async () => {
		const subscriptions = (
			await call(url, 'GET', '/subscriptions', { query: { status: 'ACTIVE', limit: 100 } })
		).body.data.subscriptions as IDataObject[];
		const microsoft = subscriptions.find((s) => s.serviceProvider === 'MICROSOFT')!;
		const google = subscriptions.find((s) => s.serviceProvider === 'GOOGLE')!;
		const res = await call(url, 'POST', '/orders/create-mailbox-order/json', {
			query: { userId: microsoft.userId },
			body: {
				...mailboxOrder({
					confirm: false,
					subscriptionId: microsoft.subscriptionId,
					google: GOOGLE_OAUTH,
				}),
			},
		});
		expect(res.body.message).toMatch(/^google is for GOOGLE orders/);
		const missing = await call(url, 'POST', '/orders/create-mailbox-order/json', {
			query: { userId: google.userId },
			body: { ...mailboxOrder({ confirm: false, subscriptionId: google.subscriptionId }) },
		});
		expect(missing.body.message).toMatch(
			/^google \{googleOauthRoute, clientId, appName\} is required/,
		);
	});

	it('accepts the documented example order and flags body fields the reference does not document', async () => {
		const ok = await call(url, 'POST', '/orders/json', {
			query: { userId: ACME_USER },
			body: order({
				confirm: false,
				serviceProvider: 'GOOGLE',
				google: GOOGLE_OAUTH,
				autoRenew: true,
				billingCycle: 'MONTHLY',
			}),
		});
		expect(ok.status).toBe(200);
		expect(ok.headers.get(UNDOCUMENTED_HEADER)).toBeNull();
		const flagged = await call(url, 'POST', '/orders/json', {
			query: { userId: ACME_USER },
			body: order({
				confirm: false,
				google: GOOGLE_OAUTH,
				coupon: 'X',
				domains: [{ domain: 'rules-check2.com', years: 1 }],
				mailboxes: {},
			}),
		});
		expect(flagged.headers.get(UNDOCUMENTED_HEADER)).toBe('coupon');
	});
});

describe('Simulator answers with the documented bodies', () => {
	type Example = { status: number; message: string; data?: IDataObject | null; actionId?: string };
	const example = (ref: number) => reference[ref - 1].exampleResponse as unknown as Example;

	async function activeSubscriptionIds(count: number): Promise<string[]> {
		const list = (
			await call(url, 'GET', '/subscriptions', { query: { status: 'ACTIVE', limit: 100 } })
		).body.data.subscriptions as IDataObject[];
		return list.slice(0, count).map((s) => s.subscriptionId as string);
	}

	it.each([
		[3, 'POST', '/users', () => reference[2].exampleBody],
		[14, 'POST', '/domains/has-workspace', () => reference[13].exampleBody],
		[
			42,
			'POST',
			'/subscriptions/renew-subscriptions',
			async () => ({ subscriptionIds: await activeSubscriptionIds(2) }),
		],
	])(
		'entry %i (%s %s): documented status, message and fields',
		async (ref, method, path, bodyOf) => {
			const documented = example(ref);
			const res = await call(url, method, path, { body: await bodyOf() });
			expect(res.status).toBe(documented.status);
			expect(res.body.message).toBe(documented.message);
			if (documented.actionId) expect(res.body.actionId).toMatch(/^ACT_[0-9a-f-]{36}$/);
			if (documented.data && typeof documented.data === 'object') {
				expect(Object.keys(res.body.data)).toEqual(
					expect.arrayContaining(Object.keys(documented.data)),
				);
			} else {
				expect(res.body.data ?? null).toBeNull();
			}
		},
	);
});

describe('The node meets the reference (node runs against the simulator)', () => {
	const credentials = () => ({ baseUrl: url, apiKey: API_KEY, environment: 'production' });
	const user = { __rl: true, mode: 'id', value: ACME_USER };
	const googleOauth = { settings: GOOGLE_OAUTH };
	const microsoftOauth = {
		settings: { microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft' },
	};
	let domainCounter = 0;
	const orderParameters = (extra: IDataObject) => {
		domainCounter += 1;
		const domain = `node-meets-reference-${domainCounter}.com`;
		return {
			resource: 'order',
			operation: 'create',
			userId: user,
			domains: { domain: [{ domain, years: 1 }] },
			mailboxesInput: 'list',
			mailboxes: { mailbox: [{ domain, username: 'ann', firstName: 'Ann', lastName: 'Lee' }] },
			confirm: false,
			...extra,
		};
	};

	/** 'refused' (nothing reached CMR), 'accepted', or CMR's rejection message. */
	async function outcomeOf(parameters: IDataObject): Promise<string> {
		await call(origin, 'DELETE', '/__sim/requests', { key: false });
		try {
			await runNode(parameters, { credentials: credentials() });
			return 'accepted';
		} catch (error) {
			const log = (await call(origin, 'GET', '/__sim/requests', { key: false })).body.data;
			if (log.total === 0) return 'refused';
			return `CMR rejected it: ${(error as Error).message}`;
		}
	}

	/** The body fields of the last order the simulator received that the reference does not document. */
	async function undocumentedFieldsSeen(): Promise<string[]> {
		const seen = (await call(origin, 'GET', '/__sim/undocumented', { key: false })).body.data
			.requests as Array<{ fields: string[] }>;
		return seen.flatMap((r) => r.fields);
	}

	it('a GOOGLE order with its google group is accepted', async () => {
		expect(await outcomeOf(orderParameters({ serviceProvider: 'GOOGLE', googleOauth }))).toBe(
			'accepted',
		);
	});

	it('a MICROSOFT order with its route is accepted', async () => {
		expect(await outcomeOf(orderParameters({ serviceProvider: 'MICROSOFT', microsoftOauth }))).toBe(
			'accepted',
		);
	});

	it('a MICROSOFT order never sends a leftover google group (the panel hides it), so CMR accepts it', async () => {
		await call(origin, 'POST', '/__sim/reset', { key: false, body: {} });
		expect(
			await outcomeOf(
				orderParameters({ serviceProvider: 'MICROSOFT', microsoftOauth, googleOauth }),
			),
		).toBe('accepted');
		// The simulator refuses a MICROSOFT order carrying `google`, so 'accepted' proves it was not sent.
	});

	it('a GOOGLE order without its google group is refused before sending', async () => {
		expect(await outcomeOf(orderParameters({ serviceProvider: 'GOOGLE' }))).toBe('refused');
	});

	it('a mailbox order never sends a body field the reference does not document unless marked unverified', async () => {
		await call(origin, 'POST', '/__sim/reset', { key: false, body: {} });
		const subscriptions = (
			await call(url, 'GET', '/subscriptions', { query: { status: 'ACTIVE', limit: 100 } })
		).body.data.subscriptions as IDataObject[];
		const microsoft = subscriptions.find((s) => s.serviceProvider === 'MICROSOFT')!;
		const outcome = await outcomeOf({
			resource: 'order',
			operation: 'createMailboxOrder',
			userId: { __rl: true, mode: 'id', value: microsoft.userId },
			addTo: 'subscription',
			subscriptionId: { __rl: true, mode: 'id', value: microsoft.subscriptionId },
			mailboxesInput: 'list',
			mailboxes: {
				mailbox: [{ domain: microsoft.domain, username: 'ann', firstName: 'Ann', lastName: 'Lee' }],
			},
			confirm: false,
			microsoftOauth,
		});
		const documentedAsUnverified = unverifiedItems(ENDPOINTS['order.createMailboxOrder']).join(' ');
		const unmarked = (await undocumentedFieldsSeen()).filter(
			(field) => !documentedAsUnverified.includes(field),
		);
		expect(outcome).not.toMatch(/^CMR rejected/);
		expect(unmarked).toEqual([]);
	});
});
