'use strict';

const { startSim, call } = require('./helpers');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('rate limit 5 requests/second per key', () => {
	let sim;
	let url;
	let origin;

	beforeAll(async () => {
		({ sim, url, origin } = await startSim({ rateLimit: 5 }));
	});

	afterAll(async () => {
		await sim.stop();
	});

	beforeEach(async () => {
		await sleep(1100); // empty the sliding window
	});

	test('the 6th request within a second gets 429 with Retry-After and the CMR envelope', async () => {
		const results = await Promise.all(Array.from({ length: 8 }, () => call(url, 'GET', '/wallet')));
		const ok = results.filter((r) => r.status === 200);
		const limited = results.filter((r) => r.status === 429);
		expect(ok).toHaveLength(5);
		expect(limited).toHaveLength(3);
		for (const r of limited) {
			expect(r.body).toEqual({ status: 429, message: expect.stringMatching(/Too many requests/), data: null });
			const retryAfter = Number(r.headers.get('retry-after'));
			expect(Number.isInteger(retryAfter)).toBe(true);
			expect(retryAfter).toBeGreaterThanOrEqual(1);
		}
	});

	test('the window slides: still limited after 0.5 s, free again after 1 s', async () => {
		for (let i = 0; i < 5; i++) expect((await call(url, 'GET', '/wallet')).status).toBe(200);
		await sleep(500);
		expect((await call(url, 'GET', '/wallet')).status).toBe(429);
		await sleep(600);
		expect((await call(url, 'GET', '/wallet')).status).toBe(200);
	});

	test('each key has its own window; simulator endpoints are exempt', async () => {
		await Promise.all(Array.from({ length: 6 }, () => call(url, 'GET', '/wallet')));
		expect((await call(url, 'GET', '/wallet')).status).toBe(429);
		expect((await call(url, 'GET', '/wallet', { sandbox: true })).status).toBe(200);
		const sims = await Promise.all(Array.from({ length: 12 }, () => call(origin, 'GET', '/__sim/state', { key: false })));
		expect(sims.every((r) => r.status === 200)).toBe(true);
	});

	test('invalid keys get 401, not 429', async () => {
		const results = await Promise.all(Array.from({ length: 8 }, () => call(url, 'GET', '/wallet', { key: 'bad' })));
		expect(results.every((r) => r.status === 401)).toBe(true);
	});
});

describe('rate limit off', () => {
	test('--rate-limit 0 lets bursts through', async () => {
		const { sim, url } = await startSim({ rateLimit: 0 });
		try {
			const results = await Promise.all(Array.from({ length: 30 }, () => call(url, 'GET', '/wallet')));
			expect(results.every((r) => r.status === 200)).toBe(true);
		} finally {
			await sim.stop();
		}
	});

	test('POST /__sim/config switches it at runtime', async () => {
		const { sim, url, origin } = await startSim({ rateLimit: 0 });
		try {
			await call(origin, 'POST', '/__sim/config', { key: false, body: { rateLimit: 2 } });
			const results = await Promise.all(Array.from({ length: 4 }, () => call(url, 'GET', '/wallet')));
			expect(results.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
		} finally {
			await sim.stop();
		}
	});
});
