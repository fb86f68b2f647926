import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { MAX_BODY_BYTES } from '../../nodes/ColdMailReseller/trigger/delivery';
import type { StoredBucket } from '../../nodes/ColdMailReseller/trigger/dedupe';
import {
	DEDUPE_BUCKET_SIZE,
	DEDUPE_MAX_EVENT_IDS,
	DEDUPE_MIN_EVENT_IDS,
	DEDUPE_STATIC_KEY,
	DEDUPE_WINDOW_SECONDS,
	LEGACY_DEDUPE_STATIC_KEY,
	eventDigest,
	isStoredEvent,
} from '../../nodes/ColdMailReseller/trigger/dedupe';
import webhookEvents from '../fixtures/cmr-webhook-events.json';
import type { Encoding, FakeRequest, TriggerEnv, Variant } from './harness';
import {
	API_KEY,
	fakeRequest,
	makeTriggerEnv,
	nowSeconds,
	sign,
	signedRequest,
	toRawBody,
} from './harness';

const FIXED_NOW = new Date('2026-03-01T12:00:00.000Z');
const ALL = { events: ['*'] };

/** Every secret a payload or the credential carries; none may appear in an answer or log. */
const MAILBOX_SECRETS = ['$fFqf$PU7w$Lz9', 'rena ppos micx xycp', 'tukl dfds sloe oldf'];

interface Fixture {
	event: string;
	group: string;
	examplePayload: IDataObject;
}
const fixtures = webhookEvents as unknown as Fixture[];

beforeAll(() => {
	// Only Date is faked: receivedAt and timestamps are deterministic, timers stay real.
	jest.useFakeTimers({
		now: FIXED_NOW,
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
});

afterAll(() => {
	jest.useRealTimers();
});

function expectRun(outcome: Awaited<ReturnType<TriggerEnv['deliver']>>): IDataObject {
	// n8n sends the answer once it has created the execution.
	expect(outcome.res.ended).toBe(false);
	expect(outcome.result.webhookResponse).toMatchObject({ status: 200, message: 'Event received' });
	expect(outcome.result.noWebhookResponse).toBeUndefined();
	expect(outcome.result.workflowData).toHaveLength(1);
	expect(outcome.result.workflowData?.[0]).toHaveLength(1);
	return outcome.result.workflowData?.[0][0].json as IDataObject;
}

function expectNoRun(outcome: Awaited<ReturnType<TriggerEnv['deliver']>>): void {
	expect(outcome.result.workflowData).toBeUndefined();
}

function expectRejected(
	outcome: Awaited<ReturnType<TriggerEnv['deliver']>>,
	status: number,
	messagePart?: string,
): void {
	expectNoRun(outcome);
	expect(outcome.result).toEqual({ noWebhookResponse: true });
	expect(outcome.res.statusCode).toBe(status);
	expect(outcome.res.ended).toBe(true);
	const body = outcome.res.body as { status: number; message: string };
	expect(body.status).toBe(status);
	if (messagePart) expect(body.message).toContain(messagePart);
	const text = JSON.stringify(body);
	expect(text).not.toContain(API_KEY);
	for (const secret of MAILBOX_SECRETS) expect(text).not.toContain(secret);
}

function expectAcknowledged(
	outcome: Awaited<ReturnType<TriggerEnv['deliver']>>,
	messagePart: string,
): void {
	expectNoRun(outcome);
	expect(outcome.res.ended).toBe(false);
	const response = outcome.result.webhookResponse as { status: number; message: string };
	expect(response.status).toBe(200);
	expect(response.message).toContain(messagePart);
}

async function deliver(
	payload: unknown,
	parameters: INodeParameters = ALL,
	signOptions: Parameters<typeof signedRequest>[1] = {},
) {
	return await makeTriggerEnv(parameters).deliver(signedRequest(payload, signOptions));
}

const prewarmup = fixtures.find((f) => f.event === 'prewarmup.order.success');
if (!prewarmup) throw new Error('fixture prewarmup.order.success missing');

describe('every documented event passes through', () => {
	it('has all 23 events in the fixture', () => {
		expect(fixtures).toHaveLength(23);
	});

	describe.each(fixtures.map((f) => [f.event, f] as const))('%s', (_name, fixture) => {
		const payload = fixture.examplePayload;
		const data = payload.data as IDataObject;
		const eventId = typeof payload.eventId === 'string' ? payload.eventId : null;

		it('flattened (default): data fields next to event, eventId and receivedAt', async () => {
			const item = expectRun(await deliver(payload, { events: [fixture.event] }));
			expect(item).toEqual({
				event: fixture.event,
				eventId,
				receivedAt: FIXED_NOW.toISOString(),
				...data,
			});
		});

		it('raw: data kept as is', async () => {
			const item = expectRun(await deliver(payload, { events: ['*'], outputFormat: 'raw' }));
			expect(item).toEqual({
				event: fixture.event,
				eventId,
				receivedAt: FIXED_NOW.toISOString(),
				data,
			});
		});

		it('is ignored (200, no run) when not selected', async () => {
			const other = fixtures.find((f) => f.event !== fixture.event)?.event as string;
			expectAcknowledged(await deliver(payload, { events: [other] }), 'not selected');
		});
	});

	it('passes mailbox credentials through to the workflow output', async () => {
		const item = expectRun(
			await deliver(prewarmup.examplePayload, { events: ['prewarmup.order.success'] }),
		);
		const text = JSON.stringify(item);
		for (const secret of MAILBOX_SECRETS) expect(text).toContain(secret);
	});

	it('reads the event name from eventType (mailbox.warmup.started example) and gives eventId null', async () => {
		const warmup = fixtures.find((f) => f.event === 'mailbox.warmup.started') as Fixture;
		expect(warmup.examplePayload.event).toBeUndefined();
		const item = expectRun(
			await deliver(warmup.examplePayload, { events: ['mailbox.warmup.started'] }),
		);
		expect(item.event).toBe('mailbox.warmup.started');
		expect(item.eventId).toBeNull();
		expect(item).not.toHaveProperty('eventType');
	});
});

describe('event filter', () => {
	const domainSuccess = fixtures[0].examplePayload;

	it('runs for a selected event among several', async () => {
		const item = expectRun(
			await deliver(domainSuccess, { events: ['mailbox.created', 'domain.order.success'] }),
		);
		expect(item.event).toBe('domain.order.success');
	});

	it('answers 200 without a run for an event that is not selected', async () => {
		const outcome = await deliver(domainSuccess, { events: ['mailbox.created'] });
		expectAcknowledged(outcome, 'not selected');
		expect(outcome.result.webhookResponse).toMatchObject({ event: 'domain.order.success' });
	});

	it('lets nothing through when no event is selected', async () => {
		expectAcknowledged(await deliver(domainSuccess, { events: [] }), 'not selected');
	});

	it('lets an event CMR adds later through with All Events', async () => {
		const item = expectRun(
			await deliver({ event: 'domain.transfer.success', eventId: 'NEW1', data: { a: 1 } }, ALL),
		);
		expect(item).toEqual({
			event: 'domain.transfer.success',
			eventId: 'NEW1',
			receivedAt: FIXED_NOW.toISOString(),
			a: 1,
		});
	});

	it('does not remember the eventId of an ignored event', async () => {
		const env = makeTriggerEnv({ events: ['mailbox.created'] });
		await env.deliver(signedRequest(domainSuccess));
		expect(env.nodeStaticData()[DEDUPE_STATIC_KEY]).toBeUndefined();
	});
});

describe('signature verification', () => {
	const payload = fixtures[0].examplePayload;
	const forms: Array<[Variant, Encoding, boolean]> = [];
	for (const variant of ['body', 'timestamp.body'] as Variant[]) {
		for (const encoding of ['hex', 'HEX', 'base64', 'base64url'] as Encoding[]) {
			for (const prefix of [false, true]) forms.push([variant, encoding, prefix]);
		}
	}

	it.each(forms)(
		'accepts variant %s, encoding %s, sha256= prefix %s',
		async (variant, encoding, prefix) => {
			const item = expectRun(await deliver(payload, ALL, { variant, encoding, prefix }));
			expect(item.event).toBe('domain.order.success');
		},
	);

	it('verifies over the exact raw bytes (whitespace and key order as sent)', async () => {
		const raw =
			'{\n  "eventId": "RAW1",\n  "event": "domain.expired",\n  "data": {"domainName": "a.com"}\n}\n';
		const item = expectRun(await deliver(raw));
		expect(item).toEqual({
			event: 'domain.expired',
			eventId: 'RAW1',
			receivedAt: FIXED_NOW.toISOString(),
			domainName: 'a.com',
		});
	});

	it('rejects a signature made with another key (401, no run)', async () => {
		expectRejected(
			await deliver(payload, ALL, { key: 'some-other-partner-key' }),
			401,
			'does not match',
		);
	});

	it('rejects a body changed after signing', async () => {
		const req = signedRequest(payload);
		const tampered = Buffer.from(req.rawBody.toString('utf8').replace('15.88', '0.01'));
		const forged = fakeRequest(tampered, req.headers);
		expectRejected(await makeTriggerEnv(ALL).deliver(forged), 401, 'does not match');
	});

	it('rejects a timestamp.body signature whose timestamp header was changed', async () => {
		const req = signedRequest(payload, { variant: 'timestamp.body' });
		req.headers['cmr-x-timestamp'] = String(nowSeconds() - 10);
		expectRejected(await makeTriggerEnv(ALL).deliver(req), 401, 'does not match');
	});

	it('rejects a stale timestamp (older than 300 s by default)', async () => {
		expectRejected(
			await deliver(payload, ALL, { timestamp: nowSeconds() - 301 }),
			401,
			'cmr-x-timestamp',
		);
	});

	it('rejects a timestamp too far in the future', async () => {
		expectRejected(
			await deliver(payload, ALL, { timestamp: nowSeconds() + 301 }),
			401,
			'cmr-x-timestamp',
		);
	});

	it('accepts a timestamp just inside the tolerance', async () => {
		expectRun(await deliver(payload, ALL, { timestamp: nowSeconds() - 299 }));
	});

	it('accepts a timestamp in milliseconds', async () => {
		expectRun(await deliver(payload, ALL, { timestamp: Date.now() - 1000 }));
	});

	it('honours a custom tolerance', async () => {
		const parameters = { ...ALL, timestampTolerance: 60 };
		expectRejected(await deliver(payload, parameters, { timestamp: nowSeconds() - 61 }), 401);
		expectRun(await deliver(payload, parameters, { timestamp: nowSeconds() - 59 }));
	});

	it('does not check the age with tolerance 0', async () => {
		expectRun(
			await deliver(
				payload,
				{ ...ALL, timestampTolerance: 0 },
				{ timestamp: nowSeconds() - 86400 },
			),
		);
	});

	it('rejects a missing cmr-x-signature header', async () => {
		const req = signedRequest(payload);
		delete req.headers['cmr-x-signature'];
		expectRejected(await makeTriggerEnv(ALL).deliver(req), 401, 'Missing cmr-x-signature');
	});

	it('rejects a missing cmr-x-timestamp header', async () => {
		const req = signedRequest(payload);
		delete req.headers['cmr-x-timestamp'];
		expectRejected(await makeTriggerEnv(ALL).deliver(req), 401, 'Missing cmr-x-timestamp');
	});

	it('accepts a body signature without timestamp header when tolerance is 0', async () => {
		const req = signedRequest(payload);
		delete req.headers['cmr-x-timestamp'];
		expectRun(await makeTriggerEnv({ ...ALL, timestampTolerance: 0 }).deliver(req));
	});

	it('rejects a malformed timestamp and a signature that is neither hex nor base64', async () => {
		expectRejected(
			await deliver(payload, ALL, { timestamp: 'yesterday' }),
			401,
			'Invalid cmr-x-timestamp',
		);
		const req = signedRequest(payload);
		req.headers['cmr-x-signature'] = 'not a signature!';
		expectRejected(await makeTriggerEnv(ALL).deliver(req), 401, 'not a hex or base64');
	});

	it('reads the headers whatever their case', async () => {
		const rawBody = toRawBody(payload);
		const headers = sign(rawBody);
		const req = fakeRequest(rawBody, {});
		req.headers = {
			'CMR-X-Signature': headers['cmr-x-signature'],
			'Cmr-X-Timestamp': headers['cmr-x-timestamp'],
		};
		expectRun(await makeTriggerEnv(ALL).deliver(req));
	});

	it('never reveals the key, the expected signature or mailbox secrets in a rejection', async () => {
		const outcome = await deliver(prewarmup.examplePayload, ALL, {
			key: 'wrong-key-for-this-test',
		});
		expectRejected(outcome, 401);
		const expected = sign(toRawBody(prewarmup.examplePayload))['cmr-x-signature'];
		expect(JSON.stringify(outcome.res.body)).not.toContain(expected);
	});

	describe('with Verify Signature off', () => {
		const off = { ...ALL, verifySignature: false };

		it('runs for an unsigned delivery', async () => {
			const req = fakeRequest(toRawBody(payload), {});
			const item = expectRun(await makeTriggerEnv(off).deliver(req));
			expect(item.eventId).toBe('6SSHBXWR3N4JEKGRQSG3KW3D76N6');
		});

		it('runs for a forged or stale delivery', async () => {
			expectRun(await deliver(payload, off, { key: 'other', timestamp: 1 }));
		});

		it('still rejects malformed bodies', async () => {
			const outcome = await makeTriggerEnv(off).deliver(fakeRequest(Buffer.from('nope'), {}));
			expectRejected(outcome, 400, 'not valid JSON');
		});
	});
});

describe('duplicate deliveries', () => {
	const payload = fixtures[6].examplePayload; // mailbox.order.success

	it('runs once when CMR retries the same eventId (re-signed later)', async () => {
		const env = makeTriggerEnv(ALL);
		const first = await env.deliver(signedRequest(payload));
		expectRun(first);
		// CMR's retry ~30 s later, freshly signed.
		const retry = await env.deliver(
			signedRequest(payload, { timestamp: nowSeconds() + 30, variant: 'timestamp.body' }),
		);
		expectAcknowledged(retry, 'already received');
		expect(retry.result.webhookResponse).toMatchObject({ eventId: payload.eventId });
		// And the third attempt ~5 min later.
		expectAcknowledged(await env.deliver(signedRequest(payload)), 'already received');
		expect(env.nodeStaticData()[DEDUPE_STATIC_KEY]).toEqual([
			[nowSeconds(), eventDigest(payload.eventId as string)],
		]);
	});

	it('stores each id as 8 base64 characters (6 bytes of its SHA-256)', () => {
		expect(eventDigest('6SSHBXWR3N4JEKGRQSG3KW3D76N6')).toMatch(/^[A-Za-z0-9+/]{8}$/);
		expect(eventDigest('A')).toBe(eventDigest('A'));
		expect(eventDigest('A')).not.toBe(eventDigest('B'));
	});

	it('remembers ids in the static data n8n saves, so a reloaded workflow still drops the retry', async () => {
		const env = makeTriggerEnv(ALL);
		expectRun(await env.deliver(signedRequest(payload)));
		const saved = JSON.parse(JSON.stringify(env.staticData)) as IDataObject;
		const reloaded = makeTriggerEnv(ALL, undefined, saved);
		expect(isStoredEvent(reloaded.nodeStaticData(), payload.eventId as string)).toBe(true);
		expectAcknowledged(await reloaded.deliver(signedRequest(payload)), 'already received');
	});

	it('drops a duplicate that arrives before n8n saved the static data of the first delivery', async () => {
		const first = makeTriggerEnv(ALL, undefined, {}, 'wf-race');
		expectRun(await first.deliver(signedRequest(payload)));
		// Same workflow reloaded from the database before the save: static data still empty.
		const racing = makeTriggerEnv(ALL, undefined, {}, 'wf-race');
		expectAcknowledged(await racing.deliver(signedRequest(payload)), 'already received');
	});

	it('writes what the process accepted together with what is stored (a stale snapshot loses nothing)', async () => {
		const first = makeTriggerEnv(ALL, undefined, {}, 'wf-union');
		expectRun(await first.deliver(signedRequest({ ...payload, eventId: 'U1' })));
		// A second delivery that read the database before the first one's save.
		const second = makeTriggerEnv(ALL, undefined, {}, 'wf-union');
		expectRun(await second.deliver(signedRequest({ ...payload, eventId: 'U2' })));
		for (const id of ['U1', 'U2']) expect(isStoredEvent(second.nodeStaticData(), id)).toBe(true);
	});

	it('runs for different eventIds', async () => {
		const env = makeTriggerEnv(ALL);
		expectRun(await env.deliver(signedRequest({ ...payload, eventId: 'A1' })));
		expectRun(await env.deliver(signedRequest({ ...payload, eventId: 'A2' })));
	});

	it('does not dedupe events without eventId', async () => {
		const warmup = fixtures.find((f) => f.event === 'mailbox.warmup.started') as Fixture;
		const env = makeTriggerEnv(ALL);
		expectRun(await env.deliver(signedRequest(warmup.examplePayload)));
		expectRun(await env.deliver(signedRequest(warmup.examplePayload)));
		expect(env.nodeStaticData()[DEDUPE_STATIC_KEY]).toBeUndefined();
	});

	it('reads the 0.1 format (plain ids) and replaces it', async () => {
		const env = makeTriggerEnv(ALL, undefined, {
			'node:CMR Trigger': { [LEGACY_DEDUPE_STATIC_KEY]: ['OLD1', 'OLD2'] },
		});
		expectAcknowledged(
			await env.deliver(signedRequest({ ...payload, eventId: 'OLD2' })),
			'already received',
		);
		expectRun(await env.deliver(signedRequest({ ...payload, eventId: 'NEW1' })));
		const stored = env.nodeStaticData();
		expect(stored[LEGACY_DEDUPE_STATIC_KEY]).toBeUndefined();
		for (const id of ['OLD1', 'OLD2', 'NEW1']) expect(isStoredEvent(stored, id)).toBe(true);
	});

	describe('retention', () => {
		/** `count` stored ids ID<prefix>0…, in full buckets whose newest id is `ageSeconds` old. */
		function storedIds(prefix: string, count: number, ageSeconds: number): StoredBucket[] {
			const buckets: StoredBucket[] = [];
			for (let start = 0; start < count; start += DEDUPE_BUCKET_SIZE) {
				const digests: string[] = [];
				for (let i = start; i < Math.min(count, start + DEDUPE_BUCKET_SIZE); i++) {
					digests.push(eventDigest(`${prefix}${i}`));
				}
				buckets.push([nowSeconds() - ageSeconds, digests.join('')]);
			}
			return buckets;
		}

		async function afterOneNewEvent(stored: StoredBucket[]) {
			const env = makeTriggerEnv(ALL, undefined, {
				'node:CMR Trigger': { [DEDUPE_STATIC_KEY]: stored },
			});
			expectRun(await env.deliver(signedRequest({ ...payload, eventId: 'NEWEST' })));
			const buckets = env.nodeStaticData()[DEDUPE_STATIC_KEY] as StoredBucket[];
			const total = buckets.reduce((sum, [, joined]) => sum + joined.length / 8, 0);
			return { env, total };
		}

		const hoursAgo = 2 * DEDUPE_WINDOW_SECONDS;

		it(`keeps ids older than the window while fewer than ${DEDUPE_MIN_EVENT_IDS} would remain`, async () => {
			const { env, total } = await afterOneNewEvent(storedIds('A', DEDUPE_MIN_EVENT_IDS, hoursAgo));
			expect(total).toBe(DEDUPE_MIN_EVENT_IDS + 1);
			expect(isStoredEvent(env.nodeStaticData(), 'A0')).toBe(true);
			expectAcknowledged(
				await env.deliver(signedRequest({ ...payload, eventId: 'A0' })),
				'already received',
			);
		});

		it(`forgets ids older than the window once ${DEDUPE_MIN_EVENT_IDS} newer ones are kept`, async () => {
			const stored = [
				...storedIds('OLD', DEDUPE_BUCKET_SIZE, hoursAgo),
				...storedIds('B', DEDUPE_MIN_EVENT_IDS, hoursAgo - 60),
			];
			const { env, total } = await afterOneNewEvent(stored);
			expect(total).toBe(DEDUPE_MIN_EVENT_IDS + 1);
			expect(isStoredEvent(env.nodeStaticData(), 'OLD0')).toBe(false);
			expect(isStoredEvent(env.nodeStaticData(), 'B0')).toBe(true);
			// OLD0 was forgotten, so a (very late) repeat of it runs again.
			expectRun(await env.deliver(signedRequest({ ...payload, eventId: 'OLD0' })));
		});

		it(`keeps every id of the last ${DEDUPE_WINDOW_SECONDS / 60} minutes beyond ${DEDUPE_MIN_EVENT_IDS}`, async () => {
			const { env, total } = await afterOneNewEvent(storedIds('C', 20_000, 600));
			expect(total).toBe(20_001);
			expect(isStoredEvent(env.nodeStaticData(), 'C0')).toBe(true);
		});

		it(`never keeps more than ${DEDUPE_MAX_EVENT_IDS} ids (oldest bucket dropped first)`, async () => {
			const { env, total } = await afterOneNewEvent(storedIds('D', DEDUPE_MAX_EVENT_IDS, 60));
			expect(total).toBe(DEDUPE_MAX_EVENT_IDS - DEDUPE_BUCKET_SIZE + 1);
			expect(isStoredEvent(env.nodeStaticData(), `D${DEDUPE_BUCKET_SIZE - 1}`)).toBe(false);
			expect(isStoredEvent(env.nodeStaticData(), `D${DEDUPE_BUCKET_SIZE}`)).toBe(true);
			expect(isStoredEvent(env.nodeStaticData(), 'NEWEST')).toBe(true);
		});

		it('measures the stored size: 8 characters per id plus about 16 per bucket of 500', async () => {
			const { env } = await afterOneNewEvent(storedIds('E', DEDUPE_MIN_EVENT_IDS - 1, 60));
			const json = JSON.stringify(env.nodeStaticData()[DEDUPE_STATIC_KEY]);
			// 8 characters per id plus [seconds,"…"], per bucket of 500.
			expect(json.length).toBeLessThan(DEDUPE_MIN_EVENT_IDS * 8 + 20 * 20);
			expect(json.length).toBeGreaterThan(DEDUPE_MIN_EVENT_IDS * 8);
		});
	});
});

describe('malformed deliveries get 4xx and no run', () => {
	it('non-JSON body → 400', async () => {
		expectRejected(await deliver('this is not json'), 400, 'not valid JSON');
	});

	it('truncated JSON holding a mailbox password → 400 without echoing it', async () => {
		const raw = `{"event":"mailbox.created","eventId":"X","data":{"password":"${MAILBOX_SECRETS[0]}"`;
		expectRejected(await deliver(raw), 400, 'not valid JSON');
	});

	it('empty body → 400', async () => {
		expectRejected(await deliver(Buffer.alloc(0)), 400, 'empty');
	});

	it('whitespace-only body → 400', async () => {
		expectRejected(await deliver('  \n '), 400, 'empty');
	});

	it(`body over ${MAX_BODY_BYTES} bytes → 413, checked before the signature`, async () => {
		const big = JSON.stringify({
			event: 'domain.expired',
			eventId: 'BIG',
			data: { pad: 'x'.repeat(MAX_BODY_BYTES) },
		});
		expectRejected(await deliver(big), 413);
		const unsigned = fakeRequest(Buffer.from(big), {});
		expectRejected(await makeTriggerEnv(ALL).deliver(unsigned), 413);
	});

	it('JSON that is not an object → 400', async () => {
		expectRejected(await deliver([{ event: 'domain.expired' }]), 400, 'not a JSON object');
		expectRejected(await deliver('null'), 400, 'not a JSON object');
	});

	it('missing event name → 400', async () => {
		expectRejected(await deliver({ eventId: 'E1', data: {} }), 400, 'no event name');
		expectRejected(await deliver({ event: '  ', eventId: 'E2', data: {} }), 400, 'no event name');
		expectRejected(await deliver({ event: { name: 'x' }, eventId: 'E3' }), 400, 'no event name');
	});

	it('answers 500 instead of throwing when the credential cannot be read, without leaking details', async () => {
		const env = makeTriggerEnv(ALL, null);
		const logged: string[] = [];
		const outcome = await env.deliver(signedRequest(prewarmup.examplePayload), (ctx) => {
			jest.spyOn(ctx.logger, 'error').mockImplementation((message: string) => {
				logged.push(message);
			});
		});
		expectRejected(outcome, 500, 'could not be processed');
		expect(logged).toHaveLength(1);
		for (const secret of [API_KEY, ...MAILBOX_SECRETS]) expect(logged[0]).not.toContain(secret);
	});
});

describe('output options', () => {
	const payload = { ...fixtures[0].examplePayload, actionId: 'ACT_1' };

	it('passes other top-level envelope keys through', async () => {
		const item = expectRun(await deliver(payload));
		expect(item.actionId).toBe('ACT_1');
		const raw = expectRun(await deliver(payload, { ...ALL, outputFormat: 'raw' }));
		expect(raw.actionId).toBe('ACT_1');
	});

	it('keeps event, eventId and receivedAt when data has the same keys', async () => {
		const item = expectRun(
			await deliver({
				event: 'domain.expired',
				eventId: 'E',
				data: { event: 'x', eventId: 'y', receivedAt: 'z', k: 1 },
			}),
		);
		expect(item).toEqual({
			event: 'domain.expired',
			eventId: 'E',
			receivedAt: FIXED_NOW.toISOString(),
			k: 1,
		});
	});

	it('keeps data under data when flattening is impossible (not an object)', async () => {
		const item = expectRun(await deliver({ event: 'domain.expired', eventId: 'E', data: [1, 2] }));
		expect(item.data).toEqual([1, 2]);
		const noData = expectRun(await deliver({ event: 'domain.expired', eventId: 'F' }));
		expect(noData).toEqual({
			event: 'domain.expired',
			eventId: 'F',
			receivedAt: FIXED_NOW.toISOString(),
			data: null,
		});
	});

	it('adds the request headers with Include Headers', async () => {
		const req: FakeRequest = signedRequest(payload, {
			extraHeaders: { 'User-Agent': 'CMR-Webhooks' },
		});
		const item = expectRun(
			await makeTriggerEnv({ ...ALL, options: { includeHeaders: true } }).deliver(req),
		);
		expect(item.headers).toEqual(req.headers);
		expect((item.headers as IDataObject)['cmr-x-signature']).toBe(req.headers['cmr-x-signature']);
		expect((item.headers as IDataObject)['user-agent']).toBe('CMR-Webhooks');
	});

	it('leaves headers out by default', async () => {
		expect(expectRun(await deliver(payload))).not.toHaveProperty('headers');
	});
});

describe('Signature Scheme', () => {
	const payload = { event: 'mailbox.created', eventId: 'SCHEME1', data: { email: 'a@b.io' } };

	it('Auto (default) accepts both signing strings', async () => {
		expectRun(await deliver(payload, ALL, { variant: 'body' }));
		expectRun(await deliver(payload, ALL, { variant: 'timestamp.body' }));
	});

	it('Timestamp and Body rejects a body-only signature (401, no run)', async () => {
		const parameters = { ...ALL, signatureScheme: 'timestampAndBody' };
		expectRejected(await deliver(payload, parameters, { variant: 'body' }), 401, 'does not match');
		expectRun(await deliver(payload, parameters, { variant: 'timestamp.body' }));
	});

	it('Timestamp and Body needs the timestamp header even with tolerance 0', async () => {
		const req = signedRequest(payload, { variant: 'timestamp.body' });
		delete req.headers['cmr-x-timestamp'];
		const parameters = { ...ALL, signatureScheme: 'timestampAndBody', timestampTolerance: 0 };
		expectRejected(
			await makeTriggerEnv(parameters).deliver(req),
			401,
			'Missing cmr-x-timestamp header (the Timestamp and Body scheme signs it)',
		);
	});

	it('Timestamp and Body: a captured delivery replayed with a fresh timestamp fails', async () => {
		const parameters = { ...ALL, signatureScheme: 'timestampAndBody' };
		const captured = signedRequest(payload, { variant: 'timestamp.body', timestamp: 1 });
		captured.headers['cmr-x-timestamp'] = String(nowSeconds());
		expectRejected(await makeTriggerEnv(parameters).deliver(captured), 401, 'does not match');
	});

	it('Body Only rejects a timestamp.body signature', async () => {
		const parameters = { ...ALL, signatureScheme: 'bodyOnly' };
		expectRejected(
			await deliver(payload, parameters, { variant: 'timestamp.body' }),
			401,
			'does not match',
		);
		expectRun(await deliver(payload, parameters, { variant: 'body' }));
	});

	it.each(['auto', 'bodyOnly'])(
		'%s: a replay with a fresh timestamp of an eventId seen within the retention never runs again',
		async (signatureScheme) => {
			const env = makeTriggerEnv({ ...ALL, signatureScheme });
			const original = signedRequest(payload, { variant: 'body' });
			expectRun(await env.deliver(original));
			// The body signature does not cover the timestamp: the attacker sets a fresh one.
			const replay = fakeRequest(original.rawBody, {
				...original.headers,
				'cmr-x-timestamp': String(nowSeconds() + 200),
			});
			expectAcknowledged(await env.deliver(replay), 'already received');
			// Also after a reload of the workflow from what n8n saved.
			const saved = JSON.parse(JSON.stringify(env.staticData)) as IDataObject;
			const reloaded = makeTriggerEnv({ ...ALL, signatureScheme }, undefined, saved);
			expectAcknowledged(await reloaded.deliver(replay), 'already received');
		},
	);
});

describe('signing key reuse', () => {
	const payload = { event: 'mailbox.created', eventId: 'KEY', data: {} };
	const withId = (eventId: string) => ({ ...payload, eventId });

	it('loads the credential once for many deliveries', async () => {
		const env = makeTriggerEnv(ALL);
		const spy = jest.spyOn(env.credentialsHelper, 'getDecrypted');
		for (let i = 0; i < 20; i++) expectRun(await env.deliver(signedRequest(withId(`K${i}`))));
		expect(spy).toHaveBeenCalledTimes(1);
	});

	it('follows a changed API key at once, and stops accepting the replaced one', async () => {
		const env = makeTriggerEnv(ALL);
		expectRun(await env.deliver(signedRequest(withId('R1'))));
		const newKey = 'example-rotated-partner-key-00112233';
		env.credentialsHelper.data = { ...env.credentialsHelper.data, apiKey: newKey };
		expectRun(await env.deliver(signedRequest(withId('R2'), { key: newKey })));
		expectRejected(await env.deliver(signedRequest(withId('R3'))), 401, 'does not match');
		expectRun(await env.deliver(signedRequest(withId('R4'), { key: newKey })));
	});

	it('loads the credential again after the reuse time', async () => {
		const env = makeTriggerEnv(ALL);
		const spy = jest.spyOn(env.credentialsHelper, 'getDecrypted');
		expectRun(await env.deliver(signedRequest(withId('T1'))));
		jest.setSystemTime(FIXED_NOW.getTime() + 16_000);
		try {
			expectRun(await env.deliver(signedRequest(withId('T2'))));
		} finally {
			jest.setSystemTime(FIXED_NOW);
		}
		expect(spy).toHaveBeenCalledTimes(2);
	});

	it('never logs or answers with the key', async () => {
		const env = makeTriggerEnv(ALL);
		const logged: string[] = [];
		const outcome = await env.deliver(signedRequest(withId('L1'), { key: 'wrong' }), (ctx) => {
			for (const level of ['error', 'warn'] as const) {
				jest.spyOn(ctx.logger, level).mockImplementation((message: string) => {
					logged.push(message);
				});
			}
		});
		expectRejected(outcome, 401);
		expect(logged.join('\n')).not.toContain(API_KEY);
	});
});

describe('flattened output and Object method names', () => {
	it('keeps data fields named constructor, toString, hasOwnProperty and valueOf', async () => {
		const data = { constructor: 'c', toString: 't', hasOwnProperty: 'h', valueOf: 1, a: 2 };
		const item = expectRun(await deliver({ event: 'domain.expired', eventId: 'OBJ1', data }));
		expect(item).toEqual({
			event: 'domain.expired',
			eventId: 'OBJ1',
			receivedAt: FIXED_NOW.toISOString(),
			...data,
		});
		for (const key of Object.keys(data)) expect(Object.hasOwn(item, key)).toBe(true);
	});

	it('keeps top-level envelope keys named like Object methods too', async () => {
		const item = expectRun(
			await deliver({ event: 'domain.expired', eventId: 'OBJ2', data: {}, toString: 'x' }),
		);
		expect(Object.hasOwn(item, 'toString')).toBe(true);
		expect(item.toString).toBe('x');
	});

	it('does not let a __proto__ field change the item or Object.prototype', async () => {
		const raw =
			'{"event":"domain.expired","eventId":"OBJ3","data":{"__proto__":{"isAdmin":true},"b":1}}';
		const item = expectRun(await deliver(raw));
		expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
		expect(item.isAdmin).toBeUndefined();
		expect(({} as IDataObject).isAdmin).toBeUndefined();
		expect(item).toEqual({
			event: 'domain.expired',
			eventId: 'OBJ3',
			receivedAt: FIXED_NOW.toISOString(),
			b: 1,
		});
	});
});
