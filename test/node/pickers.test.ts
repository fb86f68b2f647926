import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode, type INodeTypes } from 'n8n-workflow';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { BASE_URL, PROD_HEADER_VALUE, additionalDataFor, USER_ID } from '../helpers/harness';
import { cmr, envelope, useNock } from '../helpers/nock';

const nodeType = new ColdMailReseller();

/** n8n-core's real LoadOptionsContext, as the editor uses it for dropdowns and list search. */
function pickerContext(currentNodeParameters: IDataObject) {
	const node: INode = {
		id: 'n1',
		name: 'Cold Mail Reseller',
		type: 'n8n-nodes-cold-mail-reseller.coldMailReseller',
		typeVersion: 1,
		position: [0, 0],
		parameters: currentNodeParameters as INode['parameters'],
		credentials: { coldMailResellerApi: { id: 'cred-1', name: 'CMR' } },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = additionalDataFor({
		apiKey: PROD_HEADER_VALUE,
		environment: 'production',
		baseUrl: BASE_URL,
	});
	additionalData.currentNodeParameters = currentNodeParameters as INode['parameters'];
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.x');
}

describe('Pickers (list search and dropdowns)', () => {
	useNock();

	it('lists users for the User picker with search and the next page token', async () => {
		cmr()
			.get('/users/list')
			.query({ page: 1, limit: 100, search: 'acme' })
			.reply(
				200,
				envelope({
					users: [{ id: USER_ID, firstName: 'John', lastName: 'Doe', email: 'john@acme.io' }],
					pagination: { currentPage: 1, totalPages: 2 },
				}),
			);
		const result = await nodeType.methods.listSearch.getUsers.call(pickerContext({}), 'acme');
		expect(result).toEqual({
			results: [{ name: 'John Doe (john@acme.io)', value: USER_ID }],
			paginationToken: '2',
		});
	});

	it('lists subscriptions for the Subscription picker (domain, status, mailboxes), filtered by the typed text', async () => {
		cmr()
			.get('/subscriptions')
			.query({ page: 2, limit: 100 })
			.reply(
				200,
				envelope({
					subscriptions: [
						{
							subscriptionId: 'SUB1',
							domain: 'acme.io',
							subscriptionStatus: 'ACTIVE',
							totalMailboxQuantity: 3,
						},
						{ subscriptionId: 'SUB2', domain: 'other.io', subscriptionStatus: 'CANCELLED' },
						{ id: 'SUB3', domain: 'acme-two.io', subscriptionStatus: 'PAST_DUE' },
					],
					pagination: { currentPage: 2, totalPages: 3 },
				}),
			);
		const context = pickerContext({ resource: 'subscription', operation: 'cancel' });
		const result = await nodeType.methods.listSearch.getSubscriptions.call(context, 'ACME', '2');
		expect(result).toEqual({
			results: [
				{ name: 'acme.io (ACTIVE, 3 mailboxes)', value: 'SUB1' },
				{ name: 'acme-two.io (PAST_DUE, ? mailboxes)', value: 'SUB3' },
			],
			paginationToken: '3',
		});
	});

	it("lists the chosen user's mailboxes, filtered by the typed text", async () => {
		cmr()
			.get('/mailboxes/single')
			.query({ userId: USER_ID, page: 1, limit: 100 })
			.reply(
				200,
				envelope({
					mailboxes: [
						{ mailboxId: 'M1', email: 'alice@acme.io', status: 'ACTIVE' },
						{ mailboxId: 'M2', email: 'bob@acme.io', status: 'IN_PROGRESS' },
					],
					pagination: { currentPage: 1, totalPages: 1 },
				}),
			);
		const context = pickerContext({
			resource: 'mailbox',
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: USER_ID },
		});
		const result = await nodeType.methods.listSearch.getMailboxes.call(context, 'bob');
		expect(result).toEqual({
			results: [{ name: 'bob@acme.io (IN_PROGRESS)', value: 'M2' }],
			paginationToken: undefined,
		});
	});

	it('lists domain names of the chosen user, and nothing without a user', async () => {
		cmr()
			.get('/domains/by-user')
			.query({ userId: USER_ID, page: 1, limit: 100 })
			.reply(
				200,
				envelope({ domains: [{ domainId: 'D1', domainName: 'acme.io', status: 'ACTIVE' }] }),
			);
		const withUser = pickerContext({ userId: { __rl: true, mode: 'id', value: USER_ID } });
		expect(await nodeType.methods.listSearch.getDomainNames.call(withUser)).toEqual({
			results: [{ name: 'acme.io (ACTIVE)', value: 'acme.io' }],
			paginationToken: undefined,
		});
		expect(await nodeType.methods.listSearch.getDomainNames.call(pickerContext({}))).toEqual({
			results: [],
		});
	});

	it('lists countries as ISO codes and the states of the chosen country by name, filtered by the typed text', async () => {
		cmr()
			.get('/geo/countries')
			.times(2)
			.reply(200, envelope({ 'United States': 'US', Germany: 'DE' }));
		cmr()
			.get('/geo/states')
			.query({ countryCode: 'US' })
			.times(3)
			.reply(200, envelope({ 'New York': 'NY', California: 'CA' }));
		expect(await nodeType.methods.listSearch.getCountries.call(pickerContext({}))).toEqual({
			results: [
				{ name: 'Germany (DE)', value: 'DE' },
				{ name: 'United States (US)', value: 'US' },
			],
		});
		expect(await nodeType.methods.listSearch.getCountries.call(pickerContext({}), 'germ')).toEqual({
			results: [{ name: 'Germany (DE)', value: 'DE' }],
		});
		// Country as a resource locator (picked or typed) and as the plain string of older workflows.
		for (const country of [
			{ __rl: true, mode: 'list', value: 'US' },
			{ __rl: true, mode: 'code', value: 'US' },
			'US',
		]) {
			expect(await nodeType.methods.listSearch.getStates.call(pickerContext({ country }))).toEqual({
				results: [
					{ name: 'California (CA)', value: 'California' },
					{ name: 'New York (NY)', value: 'New York' },
				],
			});
		}
	});

	it('lists no states while Country is empty or an expression the editor could not resolve', async () => {
		for (const country of [
			{ __rl: true, mode: 'list', value: '' },
			{ __rl: true, mode: 'code', value: '={{ $json.country }}' },
			'',
		]) {
			expect(await nodeType.methods.listSearch.getStates.call(pickerContext({ country }))).toEqual({
				results: [],
			});
		}
	});

	it('lists the states for the country chosen under Update Fields', async () => {
		cmr()
			.get('/geo/states')
			.query({ countryCode: 'DE' })
			.reply(200, envelope({ Bayern: 'BY', Berlin: 'BE' }));
		const context = pickerContext({
			resource: 'user',
			operation: 'update',
			updateFields: { country: { __rl: true, mode: 'list', value: 'DE' } },
		});
		expect(await nodeType.methods.listSearch.getStates.call(context, 'bay')).toEqual({
			results: [{ name: 'Bayern (BY)', value: 'Bayern' }],
		});
	});

	it('shows CMR errors in pickers, e.g. a rejected key', async () => {
		cmr().get('/geo/countries').reply(401, { status: 401, message: 'Invalid API Key', data: null });
		await expect(
			nodeType.methods.listSearch.getCountries.call(pickerContext({})),
		).rejects.toMatchObject({ message: 'Invalid API Key', httpCode: '401' });
	});

	it("goes through the key's limiter: two list searches refused with 429 are sent again", async () => {
		const refused = { status: 429, message: 'Too many requests', data: null };
		cmr()
			.get('/users/list')
			.query({ page: 1, limit: 100 })
			.reply(429, refused, { 'Retry-After': '0' });
		cmr()
			.get('/users/list')
			.query({ page: 1, limit: 100 })
			.reply(200, envelope({ users: [{ id: USER_ID, email: 'john@acme.io' }] }));
		cmr().get('/geo/countries').reply(429, refused, { 'Retry-After': '0' });
		cmr()
			.get('/geo/countries')
			.reply(200, envelope({ Germany: 'DE' }));
		const [users, countries] = await Promise.all([
			nodeType.methods.listSearch.getUsers.call(pickerContext({})),
			nodeType.methods.listSearch.getCountries.call(pickerContext({})),
		]);
		expect(users.results.map((entry) => entry.value)).toEqual([USER_ID]);
		expect(countries).toEqual({ results: [{ name: 'Germany (DE)', value: 'DE' }] });
	});
});
