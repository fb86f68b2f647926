import { NodeApiError } from 'n8n-workflow';
import nock from 'nock';
import {
	BASE_URL,
	PROD_HEADER_VALUE,
	SANDBOX_HEADER_VALUE,
	jsonOf,
	runNode,
	rejectionOf,
	USER_ID,
} from '../helpers/harness';
import { cmr, envelope, useNock } from '../helpers/nock';
import { testCredential } from '../helpers/credential-tester';

const getUser = {
	resource: 'user',
	operation: 'get',
	userId: { __rl: true, mode: 'id', value: USER_ID },
};

describe('CMR error mapping', () => {
	useNock();

	it.each([
		[401, 'Invalid API Key', 'Check the API key and the environment'],
		[404, 'The requested user does not exist.', 'Check the IDs'],
		[422, 'Insufficient wallet balance', 'business rule'],
		[500, 'Internal server error', 'temporary problem'],
	])('maps HTTP %i to NodeApiError with CMR message and code', async (status, message, fix) => {
		cmr().get('/users').query({ userId: USER_ID }).reply(status, { status, message, data: null });
		const error = await rejectionOf(runNode(getUser));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`${message} [item 0]`);
		expect(error.httpCode).toBe(String(status));
		expect(error.description).toContain(fix);
		expect(JSON.stringify(error)).not.toContain(PROD_HEADER_VALUE);
	});

	it.each([
		[
			'A user with this email already exists',
			'A customer with this email already exists in CMR. Use another email, or look the customer up with User → Get Many (search by email).',
		],
		[
			'Workspace already exists',
			'The domain already has a Google Workspace or Microsoft 365 tenant',
		],
		['Something else conflicts', 'what you tried to create already exists'],
	])('gives a hint that fits the 409 message "%s"', async (message, fix) => {
		cmr().get('/users').query({ userId: USER_ID }).reply(409, { status: 409, message, data: null });
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe(`${message} [item 0]`);
		expect(error.httpCode).toBe('409');
		expect(error.description).toContain(fix);
		if (/email/.test(message)) expect(error.description).not.toMatch(/workspace/i);
	});

	it('explains the 5 requests per second limit and the built-in pacing on a final 429', async () => {
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.times(6)
			.reply(
				429,
				{ status: 429, message: 'Too many requests', data: null },
				{ 'Retry-After': '0' },
			);
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe('Too many requests (refused 6 times in a row) [item 0]');
		expect(error.httpCode).toBe('429');
		expect(error.description).toContain('5 requests per second per API key; retry after 0 s');
		expect(error.description).toContain('set Requests per Second in the credential');
		expect(error.description).not.toContain('Batching');
	});

	it('keeps going per item with continueOnFail: good, invalid and failing items', async () => {
		cmr()
			.get('/users')
			.query({ userId: 'GOOD' })
			.reply(200, envelope({ id: 'GOOD' }));
		cmr()
			.get('/users')
			.query({ userId: 'MISSING' })
			.reply(404, { status: 404, message: 'The requested user does not exist.', data: null });
		const out = await runNode(
			{
				resource: 'user',
				operation: 'get',
				userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				simple: false,
			},
			{ items: [{ id: 'GOOD' }, { id: '' }, { id: 'MISSING' }], continueOnFail: true },
		);
		expect(out).toHaveLength(3);
		expect(out[0].json).toEqual({ id: 'GOOD' });
		expect(out[1].error?.message).toBe('User is empty [item 1]');
		expect(out[2].error?.message).toBe('The requested user does not exist. [item 2]');
		expect((out[2].error as NodeApiError).httpCode).toBe('404');
	});

	it('without continueOnFail the first failing item stops the node', async () => {
		const error = await rejectionOf(
			runNode(
				{ ...getUser, userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				{ items: [{ id: '' }] },
			),
		);
		expect(error.message).toBe('User is empty [item 0]');
		expect(error.description).toContain('Enter a value for "User"');
	});
});

describe('Credential', () => {
	useNock();

	it('sends the sandbox key as cmr-x-sandbox-api-key and never the production header', async () => {
		cmr({ 'cmr-x-sandbox-api-key': SANDBOX_HEADER_VALUE })
			.get('/users')
			.query({ userId: USER_ID })
			.reply(200, envelope({ id: USER_ID }));
		const out = await runNode(getUser, {
			credentials: { environment: 'sandbox', apiKey: SANDBOX_HEADER_VALUE },
		});
		expect(jsonOf(out)).toEqual([{ id: USER_ID }]);
	});

	it('tolerates trailing slashes in the base URL', async () => {
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.reply(200, envelope({ id: USER_ID }));
		await runNode(getUser, { credentials: { baseUrl: `${BASE_URL}//` } });
	});

	it('tests the key with a cheap GET of one user', async () => {
		cmr()
			.get('/users/list')
			.query({ page: 1, limit: 1 })
			.reply(200, envelope({ users: [{ id: USER_ID }] }));
		expect(await testCredential(PROD_HEADER_VALUE)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	it("fails the credential test with CMR's message for a wrong key", async () => {
		nock(BASE_URL, { reqheaders: { 'cmr-x-api-key': 'wrong-key' } })
			.get('/users/list')
			.query({ page: 1, limit: 1 })
			.times(2)
			.reply(401, { status: 401, message: 'Invalid API Key', data: null });
		const result = await testCredential('wrong-key');
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Invalid API key (HTTP 401)');
		expect(result.message).not.toContain('wrong-key');
	});
});
