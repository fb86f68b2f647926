import { NodeApiError } from 'n8n-workflow';
import nock from 'nock';
import { CREDENTIAL_TEST_FAILURES } from '../../credentials/ColdMailResellerApi.credentials';
import { fieldErrorsOf, htmlTitle } from '../../nodes/ColdMailReseller/shared/answers';
import {
	BASE_URL,
	PROD_HEADER_VALUE,
	jsonOf,
	runNode,
	rejectionOf,
	USER_ID,
} from '../helpers/harness';
import { testCredential } from '../helpers/credential-tester';
import { cmr, envelope, useNock } from '../helpers/nock';

const ACTION_ID = 'ACT_7a078272-0fa7-4db4-a85b-c78697dacea1';
const getUser = {
	resource: 'user',
	operation: 'get',
	userId: { __rl: true, mode: 'id', value: USER_ID },
};

function replyToGetUser(
	status: number,
	body: string | object,
	headers: Record<string, string> = {},
) {
	// A GET is sent again twice after 502, 503 or 504 (see shared/retry.ts).
	const attempts = [502, 503, 504].includes(status) ? 3 : 1;
	cmr().get('/users').query({ userId: USER_ID }).times(attempts).reply(status, body, headers);
}

/** Page 1 of 2 of Users → Get Many with Return All. */
function replyWithFirstOfTwoPages() {
	const users = Array.from({ length: 100 }, (_, i) => ({ id: `U${i}` }));
	cmr()
		.get('/users/list')
		.query({ page: 1, limit: 100 })
		.reply(200, envelope({ users, pagination: { currentPage: 1, totalPages: 2 } }));
}

describe('Every CMR answer is understood', () => {
	useNock();

	it('a 2xx whose envelope status is 400 or more is an error with that status', async () => {
		replyToGetUser(200, { status: 422, message: 'Domain is not eligible for renewal', data: null });
		const error = await rejectionOf(runNode(getUser));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Domain is not eligible for renewal [item 0]');
		expect(error.httpCode).toBe('422');
		expect(error.description).toContain('business rule');
		expect(error.description).toContain('CMR answered HTTP 200 but its body reports status 422');
	});

	it('a 2xx envelope with a status below 400 is a normal answer', async () => {
		replyToGetUser(201, { status: 201, message: 'Created', data: { id: USER_ID } });
		expect(jsonOf(await runNode(getUser))).toEqual([{ id: USER_ID }]);
	});

	it('a 200 with an empty body is an error, not {value: ""}', async () => {
		replyToGetUser(200, '');
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe('CMR answered HTTP 200 with an empty body [item 0]');
		expect(error.httpCode).toBe('200');
		expect(error.description).toContain('should end in /api/v1/integration');
		expect(error.description).toContain('check Order → Get Status');
	});

	it('a 200 with an HTML page is an error naming the page title, without markup', async () => {
		replyToGetUser(
			200,
			'<!DOCTYPE html><html><head><title>Partner &amp; Reseller Portal</title></head><body><div id="app"></div></body></html>',
			{
				'Content-Type': 'text/html',
			},
		);
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe(
			'CMR answered HTTP 200 with an HTML page ("Partner & Reseller Portal") instead of JSON [item 0]',
		);
		expect(JSON.stringify(error)).not.toMatch(/<(html|div|title)/i);
	});

	it('a 200 with truncated JSON is an error', async () => {
		replyToGetUser(200, '{"status":200,"message":"OK","data":{"id":"PWM7Y', {
			'Content-Type': 'application/json',
		});
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe(
			'CMR answered HTTP 200 with incomplete or invalid JSON (48 characters) [item 0]',
		);
		expect(error.description).toContain('CMR may still have done the work');
	});

	it('an HTML 502 from a proxy gives the code and the page title, never raw markup', async () => {
		replyToGetUser(
			502,
			'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
			{ 'Content-Type': 'text/html' },
		);
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe(
			'CMR answered HTTP 502 (Bad Gateway) with an HTML page ("502 Bad Gateway") instead of JSON [item 0]',
		);
		expect(error.httpCode).toBe('502');
		expect(error.description).toContain('temporary problem');
		expect(JSON.stringify(error)).not.toMatch(/<(html|center|hr|title)/i);
	});

	it('an HTML 504 without a title still gives a short message', async () => {
		replyToGetUser(504, '<html><body>upstream timed out</body></html>');
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe(
			'CMR answered HTTP 504 (Gateway Timeout) with an HTML page instead of JSON [item 0]',
		);
	});

	it('a 422 with field-level details shows them to the user', async () => {
		replyToGetUser(422, {
			status: 422,
			message: 'Validation failed',
			data: null,
			errors: [
				{ field: 'email', message: 'must be a valid e-mail address' },
				{ field: 'phone', message: 'is required' },
			],
		});
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe(
			'Validation failed (email: must be a valid e-mail address; phone: is required) [item 0]',
		);
		expect(error.description).toContain(
			'CMR listed these problems:\n- email: must be a valid e-mail address\n- phone: is required\n',
		);
		expect(error.httpCode).toBe('422');
	});

	it('a 401 that echoes the API key never shows the key', async () => {
		replyToGetUser(401, {
			status: 401,
			message: `Invalid API Key: ${PROD_HEADER_VALUE}`,
			data: { received: PROD_HEADER_VALUE, [PROD_HEADER_VALUE]: true },
		});
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe('Invalid API Key: [redacted] [item 0]');
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(PROD_HEADER_VALUE);
		expect(JSON.stringify(error.errorResponse)).toContain('[redacted]');
	});

	it('Return All stops with a clear error when a later page is an HTML proxy error', async () => {
		replyWithFirstOfTwoPages();
		cmr()
			.get('/users/list')
			.query({ page: 2, limit: 100 })
			.times(3)
			.reply(502, '<html><head><title>502 Bad Gateway</title></head></html>');
		const error = await rejectionOf(
			runNode({ resource: 'user', operation: 'getAll', returnAll: true }),
		);
		expect(error.message).toBe(
			'CMR answered HTTP 502 (Bad Gateway) with an HTML page ("502 Bad Gateway") instead of JSON (page 2 failed; 100 records were read before it) [item 0]',
		);
	});

	it('Return All stops when a later page reports an error inside a 200', async () => {
		replyWithFirstOfTwoPages();
		cmr()
			.get('/users/list')
			.query({ page: 2, limit: 100 })
			.reply(200, { status: 500, message: 'Database timeout', data: null });
		const error = await rejectionOf(
			runNode({ resource: 'user', operation: 'getAll', returnAll: true }),
		);
		expect(error.message).toBe(
			'Database timeout (page 2 failed; 100 records were read before it) [item 0]',
		);
		expect(error.httpCode).toBe('500');
	});

	it('a plain-text error body becomes the message, without any markup in it', async () => {
		replyToGetUser(503, 'Service <b>temporarily</b> unavailable &amp; busy');
		const error = await rejectionOf(runNode(getUser));
		expect(error.message).toBe('Service temporarily unavailable & busy [item 0]');
		expect(error.httpCode).toBe('503');
	});
});

describe('actionId is kept for correlation with webhooks', () => {
	useNock();

	it('Renew with an array in data: every item carries the actionId', async () => {
		cmr()
			.post('/subscriptions/renew-subscriptions', { subscriptionIds: ['SUB1', 'SUB2'] })
			.reply(200, envelope([{ subscriptionId: 'SUB1' }, 'SUB2'], { actionId: ACTION_ID }));
		const out = await runNode({
			resource: 'subscription',
			operation: 'renew',
			subscriptionIds: 'SUB1, SUB2',
		});
		expect(jsonOf(out)).toEqual([
			{ actionId: ACTION_ID, subscriptionId: 'SUB1' },
			{ value: 'SUB2', actionId: ACTION_ID },
		]);
	});

	it('Recreate with an empty array in data still outputs the actionId', async () => {
		cmr()
			.post('/component/subscriptions/recreate', { subscriptionIds: ['SUB1'] })
			.reply(200, envelope([], { message: 'Recreation queued', actionId: ACTION_ID }));
		const out = await runNode({
			resource: 'subscription',
			operation: 'recreate',
			identifyBy: 'subscriptionIds',
			subscriptionIds: 'SUB1',
		});
		expect(jsonOf(out)).toEqual([{ message: 'Recreation queued', actionId: ACTION_ID }]);
	});

	it("an entry's own actionId wins over the envelope's", async () => {
		cmr()
			.post('/subscriptions/renew-subscriptions', { subscriptionIds: ['SUB1'] })
			.reply(
				200,
				envelope([{ subscriptionId: 'SUB1', actionId: 'ACT_own' }], { actionId: ACTION_ID }),
			);
		const out = await runNode({
			resource: 'subscription',
			operation: 'renew',
			subscriptionIds: 'SUB1',
		});
		expect(jsonOf(out)).toEqual([{ subscriptionId: 'SUB1', actionId: 'ACT_own' }]);
	});

	it('Geo never turns an actionId into a country', async () => {
		cmr()
			.get('/geo/countries')
			.reply(200, envelope({ 'United States': 'US', Germany: 'DE' }, { actionId: ACTION_ID }));
		const out = await runNode({ resource: 'geo', operation: 'getCountries' });
		expect(jsonOf(out)).toEqual([
			{ name: 'United States', code: 'US' },
			{ name: 'Germany', code: 'DE' },
		]);
	});
});

describe('Field-level details in any common shape', () => {
	it.each([
		[
			'list of {field, message}',
			{ errors: [{ field: 'email', message: 'invalid' }] },
			['email: invalid'],
		],
		[
			'list of {path, msg} (express-validator)',
			{ errors: [{ path: 'phone', msg: 'required' }] },
			['phone: required'],
		],
		[
			'list of {loc, msg} (FastAPI)',
			{ detail: 'x', details: [{ loc: ['body', 'domains', 0], msg: 'bad' }] },
			['domains.0: bad'],
		],
		[
			'map field -> messages (Laravel)',
			{ errors: { email: ['taken', 'too long'] } },
			['email: taken, too long'],
		],
		['map field -> message', { errors: { years: 'must be 1-10' } }, ['years: must be 1-10']],
		['map field -> {message}', { errors: { years: { message: 'too big' } } }, ['years: too big']],
		['list of strings', { errors: ['email is invalid'] }, ['email is invalid']],
		[
			'inside data',
			{ data: { validationErrors: [{ property: 'city', message: 'empty' }] } },
			['city: empty'],
		],
		['none', { message: 'x' }, []],
	])('%s', (_name, body, expected) => {
		expect(fieldErrorsOf(body)).toEqual(expected);
	});

	it('reads an HTML title with entities, or the first heading', () => {
		expect(htmlTitle('<title>\n A &amp; B </title>')).toBe('A & B');
		expect(htmlTitle('<body><h1>Service <b>Unavailable</b></h1></body>')).toBe(
			'Service Unavailable',
		);
		expect(htmlTitle('<body>nothing</body>')).toBeUndefined();
	});
});

describe('Credential test (n8n response-code rules)', () => {
	useNock();

	function listUsers(apiKey = PROD_HEADER_VALUE) {
		return nock(BASE_URL, { reqheaders: { 'cmr-x-api-key': apiKey } })
			.get('/users/list')
			.query({ page: 1, limit: 1 });
	}
	const messageFor = (status: number) =>
		CREDENTIAL_TEST_FAILURES.find((f) => f.status === status)!.message;

	it('passes for a working key', async () => {
		listUsers().reply(200, envelope({ users: [{ id: USER_ID }] }));
		expect(await testCredential(PROD_HEADER_VALUE)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	it.each([
		['with CMR status', { status: 401, message: 'Invalid API Key', data: null }],
		['without status', { message: 'Unauthorized' }],
		['with an empty body', ''],
		['with an HTML body', '<html><title>401 Authorization Required</title></html>'],
	])('fails for a 401 %s', async (_name, body) => {
		// n8n sends a request that got a 401 once more after preAuthentication (a no-op here)
		listUsers('wrong-key').times(2).reply(401, body);
		const result = await testCredential('wrong-key');
		expect(result).toEqual({ status: 'Error', message: messageFor(401) });
		expect(result.message).toContain('Invalid API key (HTTP 401)');
		expect(result.message).not.toContain('wrong-key');
	});

	it('fails for a 403 without a CMR body', async () => {
		listUsers('wrong-key').reply(403, { error: 'Forbidden' });
		expect(await testCredential('wrong-key')).toEqual({
			status: 'Error',
			message: messageFor(403),
		});
	});

	it('a wrong Base URL (404) says the status and that the URL should end in /api/v1/integration', async () => {
		nock('https://cmr.test')
			.get('/users/list')
			.query({ page: 1, limit: 1 })
			.reply(404, 'Not Found');
		const result = await testCredential(PROD_HEADER_VALUE, { baseUrl: 'https://cmr.test' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('HTTP 404');
		expect(result.message).toContain(
			'it should end in /api/v1/integration, e.g. https://customers.coldmailreseller.com/api/v1/integration',
		);
	});

	it('a Base URL that answers 200 with a web page fails, with the same hint', async () => {
		nock('https://cmr.test')
			.get('/users/list')
			.query({ page: 1, limit: 1 })
			.reply(200, '<!doctype html><html></html>');
		const result = await testCredential(PROD_HEADER_VALUE, { baseUrl: 'https://cmr.test' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('should end in /api/v1/integration');
	});

	it('a 200 whose envelope reports 401 fails', async () => {
		listUsers().reply(200, { status: 401, message: 'Invalid API Key', data: null });
		expect(await testCredential(PROD_HEADER_VALUE)).toEqual({
			status: 'Error',
			message: messageFor(401),
		});
	});

	it('a 500 fails with the status text', async () => {
		listUsers().reply(500, { status: 500, message: 'boom', data: null });
		expect(await testCredential(PROD_HEADER_VALUE)).toEqual({
			status: 'Error',
			message: 'Internal Server Error',
		});
	});
});
