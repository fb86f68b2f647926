import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';
import {
	RequestLimiter,
	intervalFor,
	keyFingerprint,
	limiterFor,
	requestsPerSecondOf,
} from '../../nodes/ColdMailReseller/shared/rateLimit';
import {
	NOT_RESENT_HINT,
	parseRetryAfter,
	waitAfterRateLimit,
} from '../../nodes/ColdMailReseller/shared/retry';
import { PROD_HEADER_VALUE, USER_ID, byId, jsonOf, runNode } from '../helpers/harness';
import { cmr, envelope, useNock } from '../helpers/nock';

const ORDER_ID = 'NQ682GAVFTMYC2H6C87PPKPG5WXV';
const SUBSCRIPTION_ID = 'YC2H6C87PPKPG5WXVNQ682GAVFTM';
const getUser = (userId: string) => ({ resource: 'user', operation: 'get', userId: byId(userId) });
const processOrder = {
	resource: 'order',
	operation: 'process',
	userId: byId(USER_ID),
	orderId: ORDER_ID,
};
const googleOauth = {
	settings: {
		googleOauthRoute: 'https://yourapp.com/oauth/google',
		clientId: '1234567890-abc.apps.googleusercontent.com',
		appName: 'YourApp',
	},
};
const tooMany = { status: 429, message: 'Too many requests', data: null };
const networkError = (code: string, message: string) => Object.assign(new Error(message), { code });

async function rejectionOf(promise: Promise<unknown>): Promise<Error & IDataObject> {
	try {
		await promise;
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('expected the node to fail');
}

describe('RequestLimiter (fake clock)', () => {
	const T0 = 1_000_000;
	beforeEach(() => jest.useFakeTimers({ now: T0 }));
	afterEach(() => jest.useRealTimers());

	/** Waits for a turn and answers at once; records when the turn came. */
	function sendAndAnswer(limiter: RequestLimiter, log: unknown[], label: unknown) {
		return limiter.waitForTurn().then((answered) => {
			answered();
			log.push([label, Date.now() - T0]);
		});
	}

	it('lets requests go first come, first served, one interval apart, and leaves no timer', async () => {
		const limiter = new RequestLimiter(200, 5);
		const released: unknown[] = [];
		const turns = [0, 1, 2, 3].map((n) => sendAndAnswer(limiter, released, n));
		await jest.advanceTimersByTimeAsync(1000);
		await Promise.all(turns);
		expect(released).toEqual([
			[0, 0],
			[1, 200],
			[2, 400],
			[3, 600],
		]);
		expect(jest.getTimerCount()).toBe(0);
	});

	it('sends no more than the rate within a second of an answer, however late the answer came', async () => {
		const limiter = new RequestLimiter(100, 2);
		const released: unknown[] = [];
		const answerSlowOne = await limiter.waitForTurn(); // sent at 0, answered at 300
		const second = sendAndAnswer(limiter, released, 'second');
		const third = sendAndAnswer(limiter, released, 'third');
		await jest.advanceTimersByTimeAsync(300);
		answerSlowOne();
		await jest.advanceTimersByTimeAsync(2000);
		await Promise.all([second, third]);
		// The third may only leave 1010 ms after the answer of the request two places before it.
		expect(released).toEqual([
			['second', 100],
			['third', 1310],
		]);
		expect(jest.getTimerCount()).toBe(0);
	});

	it('waits while the request a window back has no answer yet', async () => {
		const limiter = new RequestLimiter(100, 1);
		const released: unknown[] = [];
		const answerFirst = await limiter.waitForTurn();
		const next = sendAndAnswer(limiter, released, 'next');
		await jest.advanceTimersByTimeAsync(5000);
		expect(released).toEqual([]);
		expect(jest.getTimerCount()).toBe(0);
		answerFirst();
		await jest.advanceTimersByTimeAsync(2000);
		await next;
		expect(released).toEqual([['next', 6010]]);
	});

	it('holds every waiting request after a 429 until the hold ends', async () => {
		const limiter = new RequestLimiter(200, 5);
		const released: unknown[] = [];
		(await limiter.waitForTurn())();
		const next = sendAndAnswer(limiter, released, 'next');
		limiter.holdUntil(T0 + 3000);
		await jest.advanceTimersByTimeAsync(5000);
		await next;
		expect(released).toEqual([['next', 3000]]);
		expect(jest.getTimerCount()).toBe(0);
	});

	it('drops a waiting request whose execution is cancelled', async () => {
		const limiter = new RequestLimiter(200, 5);
		(await limiter.waitForTurn())();
		const controller = new AbortController();
		const cancelled = limiter.waitForTurn(controller.signal);
		const released: unknown[] = [];
		const next = sendAndAnswer(limiter, released, 'next');
		controller.abort();
		await expect(cancelled).rejects.toThrow('The execution was cancelled');
		await jest.advanceTimersByTimeAsync(1000);
		await next;
		expect(released).toEqual([['next', 200]]);
	});
});

describe('limiter per key fingerprint and base URL', () => {
	it('shares one limiter per key and base URL, keyed by a hash of the key', () => {
		const a = { apiKey: 'key-a', baseUrl: 'https://cmr.test/api/' };
		expect(limiterFor(a)).toBe(limiterFor({ apiKey: 'key-a', baseUrl: 'https://cmr.test/api' }));
		expect(limiterFor(a)).not.toBe(limiterFor({ apiKey: 'key-b', baseUrl: a.baseUrl }));
		expect(limiterFor(a)).not.toBe(limiterFor({ apiKey: 'key-a', baseUrl: 'https://other.test' }));
		expect(keyFingerprint('key-a')).toMatch(/^[0-9a-f]{16}$/);
		expect(keyFingerprint('key-a')).not.toContain('key-a');
	});

	it('reads Requests per Second from the credential: default 5, at least 1', () => {
		expect(requestsPerSecondOf({})).toBe(5);
		expect(requestsPerSecondOf({ requestsPerSecond: 20 })).toBe(20);
		expect(requestsPerSecondOf({ requestsPerSecond: 'fast' })).toBe(5);
		expect(requestsPerSecondOf({ requestsPerSecond: 0.5 })).toBe(1);
		expect(intervalFor(5)).toBe(200);
		expect(limiterFor({ apiKey: 'key-c', requestsPerSecond: 50 })).toMatchObject({
			intervalMs: 20,
			perSecond: 50,
		});
	});
});

describe('Retry-After', () => {
	const now = Date.parse('2026-11-28T10:00:00Z');

	it.each([
		['2', 2000],
		['0', 0],
		['1.5', 1500],
		['Sat, 28 Nov 2026 10:00:07 GMT', 7000],
		['Sat, 28 Nov 2026 09:59:00 GMT', 0],
		[undefined, undefined],
		['', undefined],
		['soon', undefined],
		['-3', undefined],
		['12abc', undefined],
	])('parses %p as %p ms', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});

	it('caps a huge wait at 60 s and waits about 1 s when the header is missing or garbage', () => {
		expect(waitAfterRateLimit({ 'retry-after': '86400' }, now)).toBe(60_000);
		expect(waitAfterRateLimit({ 'retry-after': 'Tue, 01 Dec 2026 00:00:00 GMT' }, now)).toBe(
			60_000,
		);
		for (const headers of [{}, { 'retry-after': 'later' }, undefined]) {
			const wait = waitAfterRateLimit(headers, now);
			expect(wait).toBeGreaterThanOrEqual(750);
			expect(wait).toBeLessThanOrEqual(1250);
		}
	});
});

describe('pacing and recovery through the node', () => {
	useNock();

	it('sends the items of two runs with two keys at the same time, each key in item order', async () => {
		const arrivals: string[] = [];
		const times: Record<string, number[]> = { A: [], B: [] };
		for (const [key, header] of [
			['A', 'key-fairness-a'],
			['B', 'key-fairness-b'],
		]) {
			for (let n = 0; n < 4; n++) {
				cmr({ 'cmr-x-api-key': header })
					.get('/users')
					.query({ userId: `${key}${n}` })
					.reply(() => {
						arrivals.push(`${key}${n}`);
						times[key].push(Date.now());
						return [200, envelope({ id: `${key}${n}` })];
					});
			}
		}
		const run = (key: string, apiKey: string) =>
			runNode(
				{ resource: 'user', operation: 'get', userId: byId('={{ $json.id }}') },
				{
					credentials: { apiKey },
					items: [0, 1, 2, 3].map((n) => ({ id: `${key}${n}` })),
				},
			);
		const [a, b] = await Promise.all([run('A', 'key-fairness-a'), run('B', 'key-fairness-b')]);
		expect(jsonOf(a).map((item) => item.id)).toEqual(['A0', 'A1', 'A2', 'A3']);
		expect(jsonOf(b).map((item) => item.id)).toEqual(['B0', 'B1', 'B2', 'B3']);
		expect(arrivals.filter((id) => id.startsWith('A'))).toEqual(['A0', 'A1', 'A2', 'A3']);
		expect(arrivals.filter((id) => id.startsWith('B'))).toEqual(['B0', 'B1', 'B2', 'B3']);
		// B does not queue behind A: both keys' second requests come before either key's third.
		expect(arrivals.indexOf('B1')).toBeLessThan(arrivals.indexOf('A2'));
		expect(arrivals.indexOf('A1')).toBeLessThan(arrivals.indexOf('B2'));
		// Paced at 5 per second: 3 turns of 200 ms between the first and the fourth request
		// (less a margin for a slow first answer).
		for (const key of ['A', 'B']) expect(times[key][3] - times[key][0]).toBeGreaterThan(450);
	});

	it('paces two runs with the same key as one queue', async () => {
		const times: number[] = [];
		cmr()
			.get('/users')
			.query(true)
			.times(4)
			.reply(() => {
				times.push(Date.now());
				return [200, envelope({ id: 'U' })];
			});
		const run = () => runNode(getUser(USER_ID), { items: [{}, {}] });
		await Promise.all([run(), run()]);
		expect(times).toHaveLength(4);
		expect(times[3] - times[0]).toBeGreaterThan(450);
	});

	it('resends after 429 up to 5 times and succeeds on the 6th attempt', async () => {
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.times(5)
			.reply(429, tooMany, { 'Retry-After': '0' });
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.reply(200, envelope({ id: USER_ID }));
		const out = await runNode(getUser(USER_ID), { credentials: { requestsPerSecond: 50 } });
		expect(jsonOf(out)).toEqual([{ id: USER_ID }]);
	});

	it('gives up after the 6th 429 with the attempts in the message', async () => {
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.times(6)
			.reply(429, tooMany, { 'Retry-After': '0' });
		const error = await rejectionOf(
			runNode(getUser(USER_ID), { credentials: { requestsPerSecond: 50 } }),
		);
		expect(error.message).toBe('Too many requests (refused 6 times in a row) [item 0]');
		expect(error.httpCode).toBe('429');
	});

	it('resends a paid call refused with 429 (CMR did not process it)', async () => {
		const bodies: unknown[] = [];
		cmr()
			.post('/orders/process', (body) => bodies.push(body) > 0)
			.query({ userId: USER_ID })
			.reply(429, tooMany, { 'Retry-After': '0' });
		cmr()
			.post('/orders/process', (body) => bodies.push(body) > 0)
			.query({ userId: USER_ID })
			.reply(200, envelope({ orderId: ORDER_ID, status: 'PROCESSING' }));
		const out = await runNode(processOrder);
		expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID, status: 'PROCESSING' }]);
		expect(bodies).toEqual([{ orderId: ORDER_ID }, { orderId: ORDER_ID }]);
	});

	it.each([
		['HTTP 500', (scope: nock.Interceptor) => scope.reply(500, { status: 500, message: 'Boom' })],
		['HTTP 502', (scope: nock.Interceptor) => scope.reply(502, { status: 502, message: 'Bad' })],
		[
			'a timeout',
			(scope: nock.Interceptor) => scope.replyWithError(networkError('ETIMEDOUT', 'timeout')),
		],
		[
			'a reset connection',
			(scope: nock.Interceptor) =>
				scope.replyWithError(networkError('ECONNRESET', 'socket hang up')),
		],
	])('never resends a paid call after %s', async (_what, answer) => {
		let sent = 0;
		answer(
			cmr()
				.post('/orders/process', () => ++sent > 0)
				.query({ userId: USER_ID })
				.times(3),
		);
		const error = await rejectionOf(runNode(processOrder));
		expect(sent).toBe(1);
		expect(String(error.description)).toMatch(/Order → Get Status|order status first/);
		nock.cleanAll();
	});

	it('tells the user to check before resending when a paid call lost its connection', async () => {
		cmr()
			.post('/orders/process')
			.query({ userId: USER_ID })
			.replyWithError(networkError('ECONNRESET', 'socket hang up'));
		const error = await rejectionOf(runNode(processOrder));
		expect(error.description).toBe(NOT_RESENT_HINT);
		expect(JSON.stringify(error)).not.toContain(PROD_HEADER_VALUE);
	});

	it('resends a GET twice after 503 and a reset connection, then stops', async () => {
		cmr().get('/users').query({ userId: USER_ID }).reply(503, { status: 503, message: 'Busy' });
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.replyWithError(networkError('ECONNRESET', 'socket hang up'));
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.reply(200, envelope({ id: USER_ID }));
		expect(jsonOf(await runNode(getUser(USER_ID)))).toEqual([{ id: USER_ID }]);

		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.times(3)
			.reply(504, { status: 504, message: 'Slow' });
		const error = await rejectionOf(runNode(getUser(USER_ID)));
		expect(error.message).toBe('Slow [item 0]');
	});
});

describe('Return All that survives', () => {
	useNock();
	const page = (n: number) =>
		Array.from({ length: 100 }, (_, i) => ({ mailboxId: `M${n}-${i}`, email: `m${n}-${i}@x.io` }));
	const answer = (n: number) =>
		envelope({ mailboxes: page(n), pagination: { currentPage: n, totalPages: 8 } });
	const listAll = { resource: 'mailbox', operation: 'getAll', returnAll: true, simple: false };

	it('returns every record despite a 429 on page 3 and a 502 on page 7', async () => {
		for (let n = 1; n <= 8; n++) {
			const scope = () => cmr().get('/mailboxes').query({ page: n, limit: 100 });
			if (n === 3) scope().reply(429, tooMany, { 'Retry-After': '0' });
			if (n === 7) scope().reply(502, '<html>Bad gateway</html>');
			scope().reply(200, answer(n));
		}
		const out = await runNode(listAll, { credentials: { requestsPerSecond: 50 } });
		expect(out).toHaveLength(800);
		expect(new Set(jsonOf(out).map((item) => item.mailboxId)).size).toBe(800);
		expect(out[799].json).toEqual({ mailboxId: 'M8-99', email: 'm8-99@x.io' });
	});

	it('names the failing page and the records already read', async () => {
		for (let n = 1; n <= 2; n++) {
			cmr().get('/mailboxes').query({ page: n, limit: 100 }).reply(200, answer(n));
		}
		cmr()
			.get('/mailboxes')
			.query({ page: 3, limit: 100 })
			.reply(500, { status: 500, message: 'Internal server error' });
		const error = await rejectionOf(runNode(listAll, { credentials: { requestsPerSecond: 50 } }));
		expect(error.message).toBe(
			'Internal server error (page 3 failed; 200 records were read before it) [item 0]',
		);
		expect(error.httpCode).toBe('500');
	});
});

describe('Order: Mailboxes Input → Rows', () => {
	useNock();
	const row = (domain: string, username: string, extra: IDataObject = {}) => ({
		domain,
		username,
		firstName: username[0].toUpperCase() + username.slice(1),
		lastName: 'Tester',
		...extra,
	});
	const rows = [
		row('alicesender.com', 'alice'),
		row('bobsender.io', 'bob', { profilePicture: 'https://cdn.example.com/bob.jpg' }),
		row(' AliceSender.com ', 'ann', { email: 'extra columns are ignored' }),
		row('bobsender.io', 'bea'),
	];

	function captureOrder(path: string) {
		const sent: IDataObject[] = [];
		cmr()
			.post(path, (body) => sent.push(body as IDataObject) > 0)
			.query({ userId: USER_ID })
			.reply(200, envelope({ orderId: ORDER_ID }, { actionId: 'ACT_1' }));
		return sent;
	}

	it('groups the rows per domain, derives the domains once each and sends one order', async () => {
		const sent = captureOrder('/orders/json');
		const out = await runNode(
			{
				resource: 'order',
				operation: 'create',
				userId: byId(USER_ID),
				mailboxesInput: 'rows',
				mailboxRows: '={{ $json.rows }}',
				rowsYears: 2,
				serviceProvider: 'GOOGLE',
				googleOauth,
			},
			{ items: [{ rows }] },
		);
		expect(sent).toHaveLength(1);
		expect(sent[0].domains).toEqual([
			{ domain: 'alicesender.com', years: 2 },
			{ domain: 'bobsender.io', years: 2 },
		]);
		expect(sent[0].mailboxes).toEqual({
			'alicesender.com': [
				{ username: 'alice', firstName: 'Alice', lastName: 'Tester' },
				{ username: 'ann', firstName: 'Ann', lastName: 'Tester' },
			],
			'bobsender.io': [
				{
					username: 'bob',
					firstName: 'Bob',
					lastName: 'Tester',
					profilePicture: 'https://cdn.example.com/bob.jpg',
				},
				{ username: 'bea', firstName: 'Bea', lastName: 'Tester' },
			],
		});
		expect(sent[0].serviceProvider).toBe('GOOGLE');
		expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID, actionId: 'ACT_1' }]);
	});

	it('adds rows given as JSON text to an existing subscription in one request', async () => {
		const sent = captureOrder('/orders/create-mailbox-order/json');
		const out = await runNode({
			resource: 'order',
			operation: 'createMailboxOrder',
			userId: byId(USER_ID),
			subscriptionId: byId(SUBSCRIPTION_ID),
			mailboxesInput: 'rows',
			mailboxRows: JSON.stringify([row('example.com', 'zoe'), row('example.com', 'yan')]),
			googleOauth,
		});
		expect(sent).toHaveLength(1);
		expect(sent[0].subscriptionId).toBe(SUBSCRIPTION_ID);
		expect(sent[0].mailboxes).toEqual({
			'example.com': [
				{ username: 'zoe', firstName: 'Zoe', lastName: 'Tester' },
				{ username: 'yan', firstName: 'Yan', lastName: 'Tester' },
			],
		});
		expect(out).toHaveLength(1);
	});

	it.each([
		[
			[row('a.com', 'al'), row('a.com', 'bo'), { ...row('a.com', 'cy'), lastName: ' ' }],
			'Row 3 (cy@a.com) has no Last Name [item 0]',
		],
		[[row('a.com', 'al'), row('a.com', 'AL')], 'Row 2 (AL@a.com) is listed twice [item 0]'],
		[
			[row('a.com', 'al'), row('not a domain', 'bo')],
			'Row 2 (bo@not a domain) has an invalid Domain "not a domain" [item 0]',
		],
		[[row('a.com', 'al'), 'bo@a.com'], 'Row 2 is not an object [item 0]'],
		[{ domain: 'a.com' }, 'Rows is not a list [item 0]'],
		[[], 'No mailboxes to order [item 0]'],
	])('fails the item before sending anything: %j', async (value, message) => {
		const error = await rejectionOf(
			runNode(
				{
					resource: 'order',
					operation: 'create',
					userId: byId(USER_ID),
					mailboxesInput: 'rows',
					mailboxRows: '={{ $json.rows }}',
				},
				{ items: [{ rows: value }] },
			),
		);
		expect(error.message).toBe(message);
	});
});
