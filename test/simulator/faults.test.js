'use strict';

const { parseFaults } = require('../../simulator/faults');
const { parseArgs, toOptions } = require('../../simulator/cli');
const { startSim, call, API_KEY, MAIN_USER } = require('./helpers');

describe('parseFaults', () => {
	test('reads "METHOD /path=STATUS" entries from a comma list or an array', () => {
		expect(parseFaults('GET /wallet=404, post /domains/available/=405')).toEqual([
			{ method: 'GET', path: '/wallet', status: 404 },
			{ method: 'POST', path: '/domains/available', status: 405 },
		]);
		expect(parseFaults(['GET /orders=404'])).toEqual([
			{ method: 'GET', path: '/orders', status: 404 },
		]);
		expect(parseFaults(undefined)).toEqual([]);
		expect(parseFaults('')).toEqual([]);
	});

	test('rejects anything but 404/405 and malformed entries', () => {
		expect(() => parseFaults('GET /wallet=500')).toThrow(
			'fault status must be 404 or 405: GET /wallet=500',
		);
		expect(() => parseFaults('/wallet=404')).toThrow(
			'fault must look like "GET /wallet=404", got "/wallet=404"',
		);
	});

	test('the CLI takes --fault (repeatable) and only then passes faults', () => {
		expect(
			toOptions(parseArgs(['--fault', 'GET /wallet=404', '--fault=POST /dns=405'])).faults,
		).toEqual(['GET /wallet=404', 'POST /dns=405']);
		expect('faults' in toOptions(parseArgs([]))).toBe(false);
	});
});

describe('route faults and the request log', () => {
	let ctx;

	beforeEach(async () => {
		ctx = await startSim({ faults: ['GET /wallet=404', 'POST /domains/available=405'] });
	});

	afterEach(async () => {
		await ctx.sim.stop();
	});

	test('a faulted route answers 404/405 in the CMR envelope; other routes are untouched', async () => {
		const wallet = await call(ctx.url, 'GET', '/wallet');
		expect(wallet.status).toBe(404);
		expect(wallet.body).toEqual({
			status: 404,
			message: 'Endpoint not found: GET /wallet',
			data: null,
		});
		const available = await call(ctx.url, 'POST', '/domains/available', {
			body: { domainName: 'a.com' },
		});
		expect(available.status).toBe(405);
		expect(available.body).toEqual({
			status: 405,
			message: 'Method POST is not allowed on /domains/available',
			data: null,
		});
		expect((await call(ctx.url, 'GET', '/users', { query: { userId: MAIN_USER } })).status).toBe(
			200,
		);
	});

	test('the log holds method, path, query, status and fault flag of each API request, and no key', async () => {
		await call(ctx.url, 'GET', '/users', { query: { userId: MAIN_USER } });
		await call(ctx.url, 'GET', '/wallet');
		await call(ctx.url, 'GET', '/wallet', { key: 'wrong' });
		expect(ctx.sim.hooks.requests).toEqual([
			{ method: 'GET', path: '/users', query: { userId: MAIN_USER }, status: 200, fault: false },
			{ method: 'GET', path: '/wallet', query: {}, status: 404, fault: true },
			{ method: 'GET', path: '/wallet', query: {}, status: 404, fault: true },
		]);
		expect(JSON.stringify(ctx.sim.hooks.requests)).not.toContain(API_KEY);
	});

	test('control endpoints read and clear the log and replace the faults', async () => {
		const origin = ctx.origin;
		await call(ctx.url, 'GET', '/wallet');
		const log = await (await fetch(`${origin}/__sim/requests`)).json();
		expect(log.data).toEqual({
			requests: [{ method: 'GET', path: '/wallet', query: {}, status: 404, fault: true }],
			total: 1,
		});
		await fetch(`${origin}/__sim/requests`, { method: 'DELETE' });
		expect(ctx.sim.hooks.requests).toEqual([]);
		const set = await fetch(`${origin}/__sim/faults`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ faults: ['GET /subscriptions=404'] }),
		});
		expect((await set.json()).data.faults).toEqual([
			{ method: 'GET', path: '/subscriptions', status: 404 },
		]);
		expect((await call(ctx.url, 'GET', '/wallet')).status).toBe(200);
		expect((await call(ctx.url, 'GET', '/subscriptions')).status).toBe(404);
		const bad = await fetch(`${origin}/__sim/faults`, {
			method: 'POST',
			body: JSON.stringify({ faults: 'GET /x=418' }),
		});
		expect(bad.status).toBe(400);
	});
});
