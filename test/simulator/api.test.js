'use strict';

const { ROUTES } = require('../../simulator/api');
const { startSim, call, SANDBOX_KEY, MAIN_USER, ACME_USER, BLUEBIRD_USER, EMPTY_USER, GOOGLE_OAUTH } = require('./helpers');

let sim;
let url;
let origin;

beforeAll(async () => {
	({ sim, url, origin } = await startSim());
});

afterAll(async () => {
	await sim.stop();
});

describe('endpoint coverage', () => {
	const table = ROUTES;

	test('every endpoint answers (no 404 "Endpoint not found" / 405) with the CMR envelope', async () => {
		for (const e of table) {
			const query = e.userId === 'query' ? { userId: MAIN_USER } : {};
			const body = e.method === 'GET' ? undefined : e.userId === 'body' ? { userId: MAIN_USER } : {};
			const res = await call(url, e.method, e.path, { query, body, sandbox: e.sandboxOnly });
			expect([e.key, res.status, res.body?.message]).not.toEqual([e.key, 404, expect.stringMatching(/^Endpoint not found/)]);
			expect(res.status).not.toBe(405);
			expect(res.status).toBeLessThan(500);
			expect(res.body).toEqual(expect.objectContaining({ status: res.status, message: expect.any(String) }));
			expect(res.body).toHaveProperty('data');
			if (res.status >= 400) expect(res.body.data).toBeNull();
		}
	});
});

describe('auth', () => {
	test('production key in cmr-x-api-key works', async () => {
		const res = await call(url, 'GET', '/wallet');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ status: 200, message: expect.any(String), data: { balance: 500, currency: 'USD' } });
	});

	test('sandbox key in cmr-x-sandbox-api-key works', async () => {
		const res = await call(url, 'GET', '/geo/countries', { sandbox: true });
		expect(res.status).toBe(200);
	});

	test.each([
		['missing key', { key: false }],
		['wrong key', { key: 'nope' }],
		['sandbox key in the production header', { key: SANDBOX_KEY }],
		['production key in the sandbox header', { key: 'test_prod_key', sandbox: true }],
	])('%s -> 401 Invalid API Key', async (_name, opts) => {
		const res = await call(url, 'GET', '/users/list', opts);
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ status: 401, message: 'Invalid API Key', data: null });
	});

	test('sandbox-only endpoints need the sandbox header', async () => {
		const prod = await call(url, 'GET', '/sandbox/pre-warmup');
		expect(prod.status).toBe(401);
		expect(prod.body.data).toBeNull();
		const sb = await call(url, 'GET', '/sandbox/pre-warmup', { sandbox: true });
		expect(sb.status).toBe(200);
		expect(sb.body.data.inventory.map((i) => i.domain)).toEqual([
			'sandbox.nexora-tech.com',
			'mail-sandbox.brightplathlabs.com',
			'sandbox-mail.corevista.io',
			'sandbox.stratospherehq.com',
		]);
	});

	test('unknown paths answer 404 in the envelope', async () => {
		const res = await call(url, 'GET', '/nope');
		expect(res.status).toBe(404);
		expect(res.body.data).toBeNull();
	});
});

describe('userId rules', () => {
	test('missing userId (query) -> 400 "Please provide a userId"', async () => {
		const res = await call(url, 'GET', '/users');
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ status: 400, message: 'Please provide a userId', data: null });
	});

	test('missing userId (body) -> 400', async () => {
		const res = await call(url, 'POST', '/domains/renewal-price', { body: { domains: ['a.com'] } });
		expect(res.status).toBe(400);
		expect(res.body.message).toBe('Please provide a userId');
	});

	test('userId in the query is not accepted where CMR wants it in the body', async () => {
		const res = await call(url, 'POST', '/domains/renewal-price', { query: { userId: ACME_USER }, body: { domains: ['a.com'] } });
		expect(res.body.message).toBe('Please provide a userId');
	});

	test('unknown userId -> 404 "The requested user does not exist."', async () => {
		for (const [method, p] of [['GET', '/users'], ['GET', '/mailboxes/single'], ['GET', '/dns']]) {
			const res = await call(url, method, p, { query: { userId: 'UNKNOWNUSER0000000000000000X' } });
			expect(res.status).toBe(404);
			expect(res.body).toEqual({ status: 404, message: 'The requested user does not exist.', data: null });
		}
	});

	test('GET /domains/by-user with an unknown userId returns an empty list', async () => {
		const res = await call(url, 'GET', '/domains/by-user', { query: { userId: 'UNKNOWNUSER0000000000000000X' } });
		expect(res.status).toBe(200);
		expect(res.body.data.domains).toEqual([]);
		expect(res.body.data.pagination.totalSearchedCount).toBe(0);
	});
});

describe('pagination', () => {
	test('default limit 20, capped at 100, 3+ pages of mailboxes', async () => {
		const def = await call(url, 'GET', '/mailboxes/single', { query: { userId: MAIN_USER } });
		expect(def.body.data.mailboxes).toHaveLength(20);
		expect(def.body.data.pagination).toEqual(expect.objectContaining({ currentPage: 1, nextPage: 2, limit: 20 }));

		const seen = new Set();
		let page = 1;
		let pages = 0;
		for (;;) {
			const res = await call(url, 'GET', '/mailboxes/single', { query: { userId: MAIN_USER, page, limit: 500 } });
			const { mailboxes, pagination } = res.body.data;
			expect(pagination.limit).toBe(100);
			expect(mailboxes.length).toBeLessThanOrEqual(100);
			mailboxes.forEach((m) => seen.add(m.mailboxId));
			pages++;
			if (!pagination.nextPage) {
				expect(pagination.totalPages).toBe(page);
				expect(pagination.totalSearchedCount).toBe(seen.size);
				break;
			}
			page = pagination.nextPage;
		}
		expect(pages).toBeGreaterThanOrEqual(3);
		expect(seen.size).toBeGreaterThan(200);

		const all = await call(url, 'GET', '/mailboxes', { query: { limit: 100, page: 3 } });
		expect(all.body.data.pagination.totalSearchedCount).toBeGreaterThanOrEqual(250);
		expect(all.body.data.pagination.totalPages).toBeGreaterThanOrEqual(3);
		expect(all.body.data.mailboxes.length).toBeGreaterThan(0);
		expect(all.body.data.mailboxes[0]).not.toHaveProperty('credentials');
		expect(['ACTIVE', 'IN_PROGRESS', 'CREATING_PASSWORD', 'EXPIRED']).toContain(all.body.data.mailboxes[0].status);
	});

	test('GET /subscriptions: documented shape, default limit 50', async () => {
		const res = await call(url, 'GET', '/subscriptions');
		expect(res.body.message).toBe('Subscriptions fetched successfully');
		const { subscriptions, pagination } = res.body.data;
		expect(subscriptions).toHaveLength(50);
		expect(pagination).toEqual(expect.objectContaining({ totalSearchedCount: expect.any(Number), currentPage: 1, nextPage: 2, totalPages: expect.any(Number) }));
		expect(Object.keys(subscriptions[0])).toEqual(expect.arrayContaining([
			'subscriptionId', 'subscriptionStatus', 'totalMailboxQuantity', 'billingCycle', 'pricePerMailbox', 'periodStart', 'periodEnd', 'serviceProvider', 'autoRenew', 'userId', 'domain',
		]));
		const cancelled = await call(url, 'GET', '/subscriptions', { query: { status: 'CANCELLED' } });
		expect(cancelled.body.data.subscriptions.every((s) => s.subscriptionStatus === 'CANCELLED')).toBe(true);
		expect(cancelled.body.data.subscriptions.length).toBeGreaterThan(0);
	});

	test('GET /pre-warmup: documented shape', async () => {
		const res = await call(url, 'GET', '/pre-warmup', { query: { serviceProvider: 'GOOGLE', limit: 5 } });
		const d = res.body.data;
		expect(Object.keys(d).sort()).toEqual(['currentPage', 'inventory', 'totalDomains', 'totalMailboxes', 'totalPages']);
		expect(d.inventory).toHaveLength(5);
		expect(d.inventory[0]).toEqual({
			domain: expect.any(String),
			serviceProvider: 'GOOGLE',
			preWarmedUpMailboxes: expect.arrayContaining([expect.objectContaining({ email: expect.any(String), firstName: expect.any(String), lastName: expect.any(String), createdAt: expect.any(String) })]),
			purchasePrice: 30,
			renewalPrice: 15,
		});
		expect(d.totalPages).toBe(Math.ceil(d.totalDomains / 5));
	});

	test('GET /domains/by-user pages through the big user', async () => {
		const res = await call(url, 'GET', '/domains/by-user', { query: { userId: MAIN_USER, page: 4 } });
		expect(res.body.data.pagination).toEqual(expect.objectContaining({ currentPage: 4, totalPages: 4, nextPage: null, totalSearchedCount: 72 }));
		expect(res.body.data.domains).toHaveLength(12);
	});
});

describe('users and geo', () => {
	test('users list supports search', async () => {
		const res = await call(url, 'GET', '/users/list', { query: { search: 'acme' } });
		expect(res.body.data.users.map((u) => u.id)).toEqual([ACME_USER]);
		expect(res.body.data.pagination.totalSearchedCount).toBe(1);
	});

	test('create user -> get user -> update -> delete', async () => {
		const body = {
			email: 'johndoe@company.com', company: 'TechCorp Inc.', firstName: 'John', lastName: 'Doe', country: 'US', city: 'New York',
			addressLineOne: '123 Main Street', addressLineTwo: 'Suite 400', addressLineThree: 'Apt 5B', languagePreference: 'en',
			postalCode: '10001', state: 'New York', phoneCc: '1', phone: '2125551234',
		};
		const created = await call(url, 'POST', '/users', { body });
		expect(created.status).toBe(200);
		expect(created.body.message).toBe('User created');
		const id = created.body.data.id;
		expect(id).toMatch(/^[A-Z0-9]{28}$/);

		const got = await call(url, 'GET', '/users', { query: { userId: id } });
		expect(got.body.data).toEqual(expect.objectContaining({ id, ...body }));

		const dup = await call(url, 'POST', '/users', { body });
		expect(dup.status).toBe(409);

		const upd = await call(url, 'PUT', '/users', { query: { userId: id }, body: { city: 'Boston' } });
		expect(upd.body.data.city).toBe('Boston');

		const del = await call(url, 'DELETE', '/users', { query: { userId: id } });
		expect(del.body).toEqual({ status: 200, message: 'User successfully deleted', data: null });
		const gone = await call(url, 'GET', '/users', { query: { userId: id } });
		expect(gone.status).toBe(404);
	});

	test('create user without required fields -> 400 naming them', async () => {
		const res = await call(url, 'POST', '/users', { body: { email: 'x@y.com' } });
		expect(res.status).toBe(400);
		expect(res.body.message).toMatch(/Missing required field\(s\): company, firstName, lastName/);
		expect(res.body.data).toBeNull();
	});

	test('deleting a user with domains -> 422', async () => {
		const res = await call(url, 'DELETE', '/users', { query: { userId: ACME_USER } });
		expect(res.status).toBe(422);
		expect(res.body.message).toMatch(/domain/);
	});

	test('geo: countries map and states map', async () => {
		const c = await call(url, 'GET', '/geo/countries');
		expect(c.body.data['United States']).toBe('US');
		expect(c.body.data.Germany).toBe('DE');
		const s = await call(url, 'GET', '/geo/states', { query: { countryCode: 'US' } });
		expect(s.body.data['New York']).toBe('NY');
		expect(Object.keys(s.body.data)).toHaveLength(51);
		const missing = await call(url, 'GET', '/geo/states');
		expect(missing.status).toBe(400);
		expect(missing.body.message).toMatch(/countryCode/);
	});
});

describe('business rules', () => {
	test('order without domains -> 400 with a clear message', async () => {
		const res = await call(url, 'POST', '/orders/json', { query: { userId: ACME_USER }, body: { mailboxes: {}, confirm: true, google: GOOGLE_OAUTH } });
		expect(res.status).toBe(400);
		expect(res.body.message).toMatch(/domains/);
	});

	test('insufficient wallet with confirm:true -> 422 and nothing charged; confirm:false + process', async () => {
		await call(origin, 'POST', '/__sim/wallet', { body: { balance: 10 }, key: false });
		const body = { domains: [{ domain: 'poorwallet-demo.com', years: 1 }], mailboxes: { 'poorwallet-demo.com': [{ username: 'a', firstName: 'A', lastName: 'B' }] }, confirm: true, google: GOOGLE_OAUTH };
		const res = await call(url, 'POST', '/orders/json', { query: { userId: ACME_USER }, body });
		expect(res.status).toBe(422);
		expect(res.body.message).toMatch(/Insufficient wallet balance/);
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(10);

		const draft = await call(url, 'POST', '/orders/json', { query: { userId: ACME_USER }, body: { ...body, confirm: false } });
		expect(draft.status).toBe(200);
		const orderId = draft.body.data.orderId;
		const st = await call(url, 'GET', '/orders/status', { query: { userId: ACME_USER, orderId } });
		expect(st.body.data.status).toBe('PENDING');
		const proc = await call(url, 'POST', '/orders/process', { query: { userId: ACME_USER }, body: { orderId } });
		expect(proc.status).toBe(422);

		await call(origin, 'POST', '/__sim/wallet', { body: { balance: 100 }, key: false });
		const ok = await call(url, 'POST', '/orders/process', { query: { userId: ACME_USER }, body: { orderId } });
		expect(ok.status).toBe(200);
		expect(ok.body.actionId).toMatch(/^ACT_[0-9a-f-]{36}$/);
		expect((await call(url, 'GET', '/wallet')).body.data.balance).toBe(82);
		const again = await call(url, 'POST', '/orders/process', { query: { userId: ACME_USER }, body: { orderId } });
		expect(again.status).toBe(422);
		await sim.idle();
		const order = await call(url, 'GET', '/orders', { query: { userId: ACME_USER, orderId } });
		expect(order.body.data).toEqual(expect.objectContaining({ orderId, status: 'COMPLETED', totalPrice: 18 }));
		await call(origin, 'POST', '/__sim/wallet', { body: { balance: 500 }, key: false });
	});

	test('placement test with an empty wallet -> 402', async () => {
		const mb = (await call(url, 'GET', '/mailboxes/single', { query: { userId: MAIN_USER, status: 'ACTIVE', limit: 1 } })).body.data.mailboxes[0];
		await call(origin, 'POST', '/__sim/wallet', { body: { balance: 0 }, key: false });
		const res = await call(url, 'POST', '/placement', { query: { userId: MAIN_USER }, body: { mailboxIds: [mb.mailboxId] } });
		expect(res.status).toBe(402);
		expect(res.body).toEqual({ status: 402, message: 'Insufficient wallet balance to run placement test', data: null });
		await call(origin, 'POST', '/__sim/wallet', { body: { balance: 500 }, key: false });
		const ok = await call(url, 'POST', '/placement', { query: { userId: MAIN_USER }, body: { mailboxIds: [mb.mailboxId], spamassassin: true } });
		expect(ok.body).toEqual({ status: 200, message: 'Success', data: { orderId: expect.stringMatching(/^[A-Z0-9]{28}$/) } });
		await sim.idle();
		const reports = await call(url, 'GET', '/placement/reports', { query: { userId: MAIN_USER, orderId: ok.body.data.orderId } });
		expect(reports.body.data.reports[0]).toEqual(expect.objectContaining({ orderId: ok.body.data.orderId, status: 'COMPLETED', mailboxCount: 1 }));
	});

	test('domain renewal price and renewal eligibility', async () => {
		const domains = (await call(url, 'GET', '/domains/by-user', { query: { userId: ACME_USER } })).body.data.domains;
		const grace = domains.find((d) => d.status === 'GRACE_PERIOD');
		const expired = domains.find((d) => d.status === 'EXPIRED');
		const price = await call(url, 'POST', '/domains/renewal-price', { body: { userId: ACME_USER, domains: [grace.domainName] } });
		expect(price.body.data[0]).toEqual(expect.objectContaining({ domainName: grace.domainName, renewalPrice: '15.00', years: 1 }));
		const bad = await call(url, 'POST', '/domains/renew', { body: { userId: ACME_USER, domains: [expired.domainName] } });
		expect(bad.status).toBe(422);
	});

	test('DNS: add a _dmarc record with excluded tags; excludedDMARCtags elsewhere -> 400', async () => {
		const domain = (await call(url, 'GET', '/domains/by-user', { query: { userId: BLUEBIRD_USER } })).body.data.domains[0].domainName;
		const add = await call(url, 'POST', '/dns', {
			query: { userId: BLUEBIRD_USER },
			body: { domain, records: [{ host: '_dmarc', value: 'v=DMARC1; p=quarantine', recordType: 'TXT', excludedDMARCtags: ['rua', 'ruf'] }] },
		});
		expect(add.status).toBe(200);
		const value = add.body.data.records[0].value;
		expect(value).toMatch(/^v=DMARC1; p=quarantine; fo=0/);
		expect(value).not.toMatch(/rua=/);
		const wrong = await call(url, 'POST', '/dns', {
			query: { userId: BLUEBIRD_USER },
			body: { domain, records: [{ host: '@', value: 'x', recordType: 'TXT', excludedDMARCtags: ['rua'] }] },
		});
		expect(wrong.status).toBe(400);
		const list = await call(url, 'GET', '/dns', { query: { userId: BLUEBIRD_USER, domain } });
		expect(list.body.data.records.some((r) => r.recordId === add.body.data.records[0].recordId)).toBe(true);
		expect(list.body.data.disabledRecords).toEqual([]);
	});

	test('invalid JSON body -> 400', async () => {
		const res = await fetch(`${url}/users`, { method: 'POST', headers: { 'cmr-x-api-key': 'test_prod_key', 'content-type': 'application/json' }, body: '{nope' });
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ status: 400, message: 'Invalid JSON body', data: null });
	});
});

describe('determinism', () => {
	test('the same seed gives the same data; /__sim/reset reseeds', async () => {
		const before = (await call(url, 'GET', '/domains/by-user', { query: { userId: MAIN_USER, limit: 5 } })).body.data.domains.map((d) => d.domainName);
		await call(origin, 'POST', '/__sim/reset', { body: { seed: 7 }, key: false });
		const other = (await call(url, 'GET', '/domains/by-user', { query: { userId: MAIN_USER, limit: 5 } })).body.data.domains.map((d) => d.domainName);
		expect(other).not.toEqual(before);
		await call(origin, 'POST', '/__sim/reset', { body: { seed: 42 }, key: false });
		const again = (await call(url, 'GET', '/domains/by-user', { query: { userId: MAIN_USER, limit: 5 } })).body.data.domains.map((d) => d.domainName);
		expect(again).toEqual(before);
		const state = await call(origin, 'GET', '/__sim/state', { key: false });
		expect(state.body.data).toEqual(expect.objectContaining({ users: 4, wallet: { balance: 500, currency: 'USD' } }));
		expect(state.body.data.mailboxes).toBeGreaterThanOrEqual(250);
	});
});
