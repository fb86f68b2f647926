import nock from 'nock';
import { useNock } from '../helpers/nock';
import { NodeApiError } from 'n8n-workflow';
import type { HookContext } from 'n8n-core';
import { DEDUPE_STATIC_KEY } from '../../nodes/ColdMailReseller/trigger/dedupe';
import { LEGACY_ACTIVATIONS_STATIC_KEY } from '../../nodes/ColdMailReseller/trigger/webhookLifecycle';
import {
	API_KEY,
	BASE_URL,
	PRODUCTION_URL,
	defaultCredentials,
	makeTriggerEnv,
	triggerNode,
} from './harness';

const CMR_HOST = 'https://cmr.test';
const LIST_PATH = '/api/v1/integration/users/list';

const methods = triggerNode.webhookMethods.default;

useNock();

function mockList(status: number, body: unknown, header = 'cmr-x-api-key', key = API_KEY) {
	return nock(CMR_HOST, { reqheaders: { [header]: key } })
		.get(LIST_PATH)
		.query({ page: '1', limit: '1' })
		.reply(status, body as nock.Body);
}

function silenceLogger(ctx: HookContext): string[] {
	const warnings: string[] = [];
	jest.spyOn(ctx.logger, 'warn').mockImplementation((message: string) => {
		warnings.push(message);
	});
	return warnings;
}

/** What n8n does on activation: create only when checkExists says the webhook is missing. */
async function activate(ctx: HookContext): Promise<void> {
	if (!(await methods.checkExists.call(ctx))) {
		await methods.create.call(ctx);
	}
}

const LEGACY_RECORD = { [PRODUCTION_URL]: { url: PRODUCTION_URL, apiKeyCheck: 'accepted' } };

describe('checkExists', () => {
	it('returns false (nothing can be registered on CMR), so create runs on every activation', async () => {
		const env = makeTriggerEnv({ events: ['*'] });
		expect(await methods.checkExists.call(env.hook())).toBe(false);
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('create', () => {
	it('checks the key with GET /users/list?page=1&limit=1, storing nothing (and dropping old activation records)', async () => {
		const scope = mockList(200, { status: 200, message: 'Success', data: [] });
		const env = makeTriggerEnv({ events: ['*'] });
		env.nodeStaticData()[LEGACY_ACTIVATIONS_STATIC_KEY] = LEGACY_RECORD;
		await activate(env.hook());
		expect(scope.isDone()).toBe(true);
		expect(env.nodeStaticData()).toEqual({});
	});

	it('sends the sandbox header for a sandbox credential and ignores a trailing slash in the base URL', async () => {
		const scope = mockList(
			200,
			{ status: 200, message: 'Success', data: [] },
			'cmr-x-sandbox-api-key',
		);
		const env = makeTriggerEnv(
			{ events: ['*'] },
			{ ...defaultCredentials(), environment: 'sandbox', baseUrl: `${BASE_URL}//` },
		);
		expect(await methods.create.call(env.hook())).toBe(true);
		expect(scope.isDone()).toBe(true);
	});

	it('fails activation with a clear message when CMR rejects the key (401), without the key', async () => {
		mockList(401, { status: 401, message: 'Invalid API Key', data: null });
		const env = makeTriggerEnv({ events: ['*'] });

		const error = (await activate(env.hook()).then(
			() => undefined,
			(e: unknown) => e,
		)) as NodeApiError;

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.message).toContain('Invalid API Key');
		expect(error.message).toContain('Cold Mail Reseller rejected the API key');
		expect(error.message).toContain('Settings → Integrations');
		expect(error.message).toContain('Environment');
		expect(error.description).toContain('activate the workflow again');
		const everything = JSON.stringify({
			...error,
			message: error.message,
			description: error.description,
			stack: error.stack,
		});
		expect(everything).not.toContain(API_KEY);
	});

	it('fails on 403 too', async () => {
		mockList(403, { status: 403, message: 'Forbidden', data: null });
		const env = makeTriggerEnv({ events: ['*'] });
		await expect(methods.create.call(env.hook())).rejects.toMatchObject({
			httpCode: '403',
			message: expect.stringContaining('Forbidden'),
		});
	});

	it('redacts the key if CMR echoes it in its message', async () => {
		mockList(401, { status: 401, message: `Invalid API Key ${API_KEY}`, data: null });
		const env = makeTriggerEnv({ events: ['*'] });
		const error = (await methods.create.call(env.hook()).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toContain('Invalid API Key [redacted]');
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain(API_KEY);
	});

	it('still activates when CMR cannot answer (500): receiving does not need the API; logs why', async () => {
		mockList(500, { status: 500, message: 'Internal Server Error', data: null });
		const env = makeTriggerEnv({ events: ['*'] });
		const ctx = env.hook();
		const warnings = silenceLogger(ctx);
		expect(await methods.create.call(ctx)).toBe(true);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('API key not checked');
		expect(warnings[0]).toContain('HTTP 500: Internal Server Error');
		expect(warnings[0]).not.toContain(API_KEY);
	});

	it('still activates on a network failure, and logs it', async () => {
		nock(CMR_HOST).get(LIST_PATH).query(true).replyWithError('socket hang up');
		const env = makeTriggerEnv({ events: ['*'] });
		const ctx = env.hook();
		const warnings = silenceLogger(ctx);
		expect(await methods.create.call(ctx)).toBe(true);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('could not reach https://cmr.test/api/v1/integration');
	});
});

describe('delete', () => {
	it('returns true without calling CMR, dropping old activation records and keeping the dedupe memory', async () => {
		const env = makeTriggerEnv({ events: ['*'] });
		env.nodeStaticData()[LEGACY_ACTIVATIONS_STATIC_KEY] = LEGACY_RECORD;
		env.nodeStaticData()[DEDUPE_STATIC_KEY] = ['E1'];

		expect(await methods.delete.call(env.hook())).toBe(true);
		expect(env.nodeStaticData()).toEqual({ [DEDUPE_STATIC_KEY]: ['E1'] });
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('returns true when nothing was recorded', async () => {
		const env = makeTriggerEnv({ events: ['*'] });
		expect(await methods.delete.call(env.hook())).toBe(true);
	});
});

describe('create, through the key limiter', () => {
	it('sends the key check again after a 429 and accepts the key (no "not checked" warning)', async () => {
		const refused = mockList(429, { status: 429, message: 'Too many requests', data: null });
		const accepted = mockList(200, { status: 200, message: 'Success', data: [] });
		const env = makeTriggerEnv({ events: ['*'] });
		const ctx = env.hook();
		const warnings = silenceLogger(ctx);
		await activate(ctx);
		expect(refused.isDone() && accepted.isDone()).toBe(true);
		expect(warnings).toEqual([]);
	});
});
