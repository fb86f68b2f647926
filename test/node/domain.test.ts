import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID } from '../helpers/harness';

const user = { __rl: true, mode: 'id', value: USER_ID };
const domainRl = (value: string) => ({ __rl: true, mode: 'id', value });
const ACTION_ID = 'ACT_7a078272-0fa7-4db4-a85b-c78697dacea1';

describe('Domain', () => {
	useNock();

	describe('Get Many', () => {
		it('lists all domains of a user over 3 pages with userId in the query, simplified', async () => {
			const domain = (n: number, i: number) => ({
				domainName: `d${n}-${i}.com`,
				domainId: `D${n}-${i}`,
				status: 'ACTIVE',
				expiryDate: '2026-11-30T00:00:00.000Z',
				autoRenew: false,
				serviceProvider: 'GOOGLE',
				registrar: 'internal',
			});
			for (const [n, count] of [
				[1, 100],
				[2, 100],
				[3, 3],
			]) {
				cmr()
					.get('/domains/by-user')
					.query({ userId: USER_ID, page: n, limit: 100 })
					.reply(
						200,
						envelope({
							domains: Array.from({ length: count }, (_, i) => domain(n, i)),
							pagination: { currentPage: n, totalPages: 3 },
						}),
					);
			}
			const out = await runNode({
				resource: 'domain',
				operation: 'getAll',
				userId: user,
				returnAll: true,
			});
			expect(out).toHaveLength(203);
			expect(out[202].json).toEqual({
				domainName: 'd3-2.com',
				domainId: 'D3-2',
				status: 'ACTIVE',
				expiryDate: '2026-11-30T00:00:00.000Z',
				autoRenew: false,
				serviceProvider: 'GOOGLE',
			});
		});

		it('stops at Limit and returns raw domains when Simplify is off', async () => {
			const raw = [
				{ domainName: 'a.com', domainId: 'A', registrar: 'x' },
				{ domainName: 'b.com', domainId: 'B', registrar: 'y' },
			];
			cmr()
				.get('/domains/by-user')
				.query({ userId: USER_ID, page: 1, limit: 2 })
				.reply(200, envelope(raw));
			const out = await runNode({
				resource: 'domain',
				operation: 'getAll',
				userId: user,
				limit: 2,
				simple: false,
			});
			expect(jsonOf(out)).toEqual(raw);
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'getAll', userId: domainRl('') }),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Get Renewal Price', () => {
		it('sends userId and normalized domains in the body and outputs one item per domain', async () => {
			const prices = [
				{ domainName: 'hefty-minion.net', domainId: 'D1', years: 1, renewalPrice: '14.50' },
				{ domainName: 'sparkling-disk.info', domainId: 'D2', years: 1, renewalPrice: '9.00' },
			];
			cmr()
				.post('/domains/renewal-price', {
					userId: USER_ID,
					domains: ['hefty-minion.net', 'sparkling-disk.info'],
				})
				.query({})
				.reply(200, envelope(prices));
			const out = await runNode({
				resource: 'domain',
				operation: 'getRenewalPrice',
				userId: user,
				domains: ' Hefty-Minion.net ,\nsparkling-disk.info, hefty-minion.net',
			});
			expect(jsonOf(out)).toEqual(prices);
		});

		it('accepts an array of domains from an expression', async () => {
			cmr()
				.post('/domains/renewal-price', { userId: USER_ID, domains: ['a.com', 'b.io'] })
				.reply(200, envelope([]));
			const out = await runNode(
				{
					resource: 'domain',
					operation: 'getRenewalPrice',
					userId: user,
					domains: '={{ $json.names }}',
				},
				{ items: [{ names: ['a.com', 'B.io'] }] },
			);
			expect(out).toEqual([]);
		});

		it('fails before sending when Domain Names is empty', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'getRenewalPrice', userId: user, domains: ' ' }),
			).rejects.toMatchObject({ message: 'Domain Names is empty [item 0]' });
		});

		it('fails before sending when Domain Names holds only separators', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'getRenewalPrice', userId: user, domains: ', ,' }),
			).rejects.toMatchObject({ message: 'Domain Names is empty [item 0]' });
		});

		it('fails before sending when a domain name is invalid', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'getRenewalPrice',
					userId: user,
					domains: 'acme.com, https://bad.com/x',
				}),
			).rejects.toMatchObject({
				message: '"https://bad.com/x" in "Domain Names" is not a valid domain name [item 0]',
			});
		});

		it('names the failing item when several items run', async () => {
			cmr()
				.post('/domains/renewal-price', { userId: USER_ID, domains: ['good.com'] })
				.reply(200, envelope([{ domainName: 'good.com', renewalPrice: '14.50' }]));
			const out = await runNode(
				{
					resource: 'domain',
					operation: 'getRenewalPrice',
					userId: user,
					domains: '={{ $json.d }}',
				},
				{ items: [{ d: 'good.com' }, { d: 'bad domain' }], continueOnFail: true },
			);
			expect(out[0].json).toEqual({ domainName: 'good.com', renewalPrice: '14.50' });
			expect(out[1].error?.message).toBe(
				'"bad domain" in "Domain Names" is not a valid domain name [item 1]',
			);
		});
	});

	describe('Renew', () => {
		it('renews domains with userId in the body and keeps the actionId', async () => {
			cmr()
				.post('/domains/renew', { userId: USER_ID, domains: ['acme.com'] })
				.query({})
				.reply(
					200,
					envelope({ orderId: 'ORD1' }, { actionId: ACTION_ID, message: 'Renewal queued' }),
				);
			const out = await runNode({
				resource: 'domain',
				operation: 'renew',
				userId: user,
				domains: 'acme.com',
			});
			expect(jsonOf(out)).toEqual([{ orderId: 'ORD1', actionId: ACTION_ID }]);
		});

		it('refuses Retry On Fail because renewing charges the wallet', async () => {
			await expect(
				runNode(
					{ resource: 'domain', operation: 'renew', userId: user, domains: 'acme.com' },
					{ retryOnFail: true },
				),
			).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'renew', userId: domainRl(''), domains: 'a.com' }),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Set Auto-Renew', () => {
		it('sends PATCH with userId, domains and autoRenew in the body', async () => {
			const data = [{ domainName: 'acme.com', domainId: 'D1', autoRenew: false }];
			cmr()
				.patch('/domains/toggle-auto-renew', {
					userId: USER_ID,
					domains: ['acme.com', 'acme.io'],
					autoRenew: false,
				})
				.query({})
				.reply(200, envelope(data));
			const out = await runNode({
				resource: 'domain',
				operation: 'setAutoRenew',
				userId: user,
				domains: 'acme.com, acme.io',
				autoRenew: false,
			});
			expect(jsonOf(out)).toEqual(data);
		});

		it('enables auto-renew by default', async () => {
			cmr()
				.patch('/domains/toggle-auto-renew', {
					userId: USER_ID,
					domains: ['acme.com'],
					autoRenew: true,
				})
				.reply(200, envelope(null, { message: 'Auto-renew toggled on for 1 domain.' }));
			const out = await runNode({
				resource: 'domain',
				operation: 'setAutoRenew',
				userId: user,
				domains: 'acme.com',
			});
			expect(jsonOf(out)).toEqual([{ message: 'Auto-renew toggled on for 1 domain.' }]);
		});

		it('fails before sending when Domain Names is empty', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'setAutoRenew', userId: user, domains: '' }),
			).rejects.toMatchObject({ message: 'Domain Names is empty [item 0]' });
		});
	});

	describe('Suggest', () => {
		it('sends the trimmed keyword with no userId', async () => {
			const suggestions = [{ domainName: 'acme-mail.com', price: '12.00' }];
			cmr()
				.post('/domains/suggestions', { keyword: 'acme' })
				.query({})
				.reply(200, envelope(suggestions));
			const out = await runNode({ resource: 'domain', operation: 'suggest', keyword: '  acme ' });
			expect(jsonOf(out)).toEqual(suggestions);
		});

		it('merges Extra Body Fields into the body, overriding typed fields', async () => {
			cmr()
				.post('/domains/suggestions', { keyword: 'acme corp', tlds: ['com', 'io'], limit: 5 })
				.reply(200, envelope([]));
			await runNode({
				resource: 'domain',
				operation: 'suggest',
				keyword: 'acme',
				additionalFields: {
					extraBodyFields: '{"tlds": ["com", "io"], "limit": 5, "keyword": "acme corp"}',
				},
			});
		});

		it('fails before sending when Extra Body Fields is not valid JSON', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'suggest',
					keyword: 'acme',
					additionalFields: { extraBodyFields: '{tlds: com' },
				}),
			).rejects.toMatchObject({ message: 'Extra Body Fields is not valid JSON [item 0]' });
		});

		it('fails before sending when Extra Body Fields is not an object', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'suggest',
					keyword: 'acme',
					additionalFields: { extraBodyFields: '["com"]' },
				}),
			).rejects.toMatchObject({ message: 'Extra Body Fields must be a JSON object [item 0]' });
		});

		it('fails before sending when the keyword is empty', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'suggest', keyword: '' }),
			).rejects.toMatchObject({ message: 'Keyword is empty [item 0]' });
		});
	});

	describe('Check Availability', () => {
		it('sends the normalized domain name with no userId', async () => {
			const data = { domainName: 'acme-outreach.com', available: true, price: '12.00' };
			cmr()
				.post('/domains/available', { domainName: 'acme-outreach.com' })
				.query({})
				.reply(200, envelope(data));
			const out = await runNode({
				resource: 'domain',
				operation: 'checkAvailability',
				domainToCheck: ' Acme-Outreach.COM ',
			});
			expect(jsonOf(out)).toEqual([data]);
		});

		it('merges Extra Body Fields', async () => {
			cmr()
				.post('/domains/available', { domainName: 'acme.com', years: 2 })
				.reply(200, envelope({ available: false }));
			const out = await runNode({
				resource: 'domain',
				operation: 'checkAvailability',
				domainToCheck: 'acme.com',
				additionalFields: { extraBodyFields: '{"years": 2}' },
			});
			expect(jsonOf(out)).toEqual([{ available: false }]);
		});

		it('fails before sending when the domain name is empty', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'checkAvailability', domainToCheck: '' }),
			).rejects.toMatchObject({ message: 'Domain Name is empty [item 0]' });
		});

		it('fails before sending when the domain name is invalid', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'checkAvailability', domainToCheck: 'acme' }),
			).rejects.toMatchObject({
				message: '"acme" in "Domain Name" is not a valid domain name [item 0]',
			});
		});
	});

	describe('Check Workspace', () => {
		it('sends the single form for one domain, with the service provider', async () => {
			cmr()
				.post('/domains/has-workspace', { domainName: 'acmecorp.com', serviceProvider: 'GOOGLE' })
				.query({})
				.reply(200, envelope(null, { message: 'Workspace not exists' }));
			const out = await runNode({
				resource: 'domain',
				operation: 'checkWorkspace',
				domains: 'AcmeCorp.com',
				additionalFields: { serviceProvider: 'GOOGLE' },
			});
			expect(jsonOf(out)).toEqual([{ message: 'Workspace not exists' }]);
		});

		it('sends the single form without a service provider when none is chosen', async () => {
			cmr()
				.post('/domains/has-workspace', { domainName: 'acmecorp.com' })
				.reply(200, envelope(null, { message: 'Workspace not exists' }));
			await runNode({ resource: 'domain', operation: 'checkWorkspace', domains: 'acmecorp.com' });
		});

		it('sends the bulk form for several domains', async () => {
			const results = [
				{ domainName: 'acmecorp.com', success: true },
				{ domainName: 'example.com', success: false, error: 'Workspace exists' },
			];
			cmr()
				.post('/domains/has-workspace', {
					domains: [
						{ domainName: 'acmecorp.com', serviceProvider: 'MICROSOFT' },
						{ domainName: 'example.com', serviceProvider: 'MICROSOFT' },
					],
				})
				.reply(200, envelope(results));
			const out = await runNode({
				resource: 'domain',
				operation: 'checkWorkspace',
				domains: 'acmecorp.com, example.com',
				additionalFields: { serviceProvider: 'MICROSOFT' },
			});
			expect(jsonOf(out)).toEqual(results);
		});

		it('fails before sending when Domain Names is empty', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'checkWorkspace', domains: '' }),
			).rejects.toMatchObject({ message: 'Domain Names is empty [item 0]' });
		});

		it('fails before sending when a domain name is invalid', async () => {
			await expect(
				runNode({ resource: 'domain', operation: 'checkWorkspace', domains: 'a.com, b..com' }),
			).rejects.toMatchObject({
				message: '"b..com" in "Domain Names" is not a valid domain name [item 0]',
			});
		});
	});

	describe('Add Forwarding', () => {
		it('sends userId in the query and the forwarding in the body', async () => {
			cmr()
				.post('/domains/forwarding', {
					domainName: 'acme.com',
					forwardTo: 'https://www.acme.io/welcome',
					maskForwarding: true,
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'Forwarding queued', actionId: ACTION_ID }));
			const out = await runNode({
				resource: 'domain',
				operation: 'addForwarding',
				userId: user,
				domainName: domainRl(' ACME.com'),
				forwardTo: ' https://www.acme.io/welcome ',
				additionalFields: { maskForwarding: true },
			});
			expect(jsonOf(out)).toEqual([{ message: 'Forwarding queued', actionId: ACTION_ID }]);
		});

		it('omits maskForwarding when not set', async () => {
			cmr()
				.post('/domains/forwarding', { domainName: 'acme.com', forwardTo: 'https://www.acme.io' })
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'Forwarding queued' }));
			await runNode({
				resource: 'domain',
				operation: 'addForwarding',
				userId: user,
				domainName: domainRl('acme.com'),
				forwardTo: 'https://www.acme.io',
			});
		});

		it('fails before sending when Forward To is not a URL', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addForwarding',
					userId: user,
					domainName: domainRl('acme.com'),
					forwardTo: 'not a url',
				}),
			).rejects.toMatchObject({
				message: '"not a url" in "Forward To" is not a valid URL [item 0]',
			});
		});

		it('fails before sending when the domain is empty', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addForwarding',
					userId: user,
					domainName: domainRl(''),
					forwardTo: 'https://acme.io',
				}),
			).rejects.toMatchObject({ message: 'Domain is empty [item 0]' });
		});

		it('fails before sending when the domain is not a bare domain name', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addForwarding',
					userId: user,
					domainName: domainRl('https://acme.com'),
					forwardTo: 'https://acme.io',
				}),
			).rejects.toMatchObject({
				message: '"https://acme.com" in "Domain" is not a valid domain name [item 0]',
			});
		});

		it('fails before sending when Forward To is empty', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addForwarding',
					userId: user,
					domainName: domainRl('acme.com'),
					forwardTo: '',
				}),
			).rejects.toMatchObject({ message: 'Forward To is empty [item 0]' });
		});
	});

	describe('Add Email Forwarding', () => {
		it('sends userId in the query and {domainName, forwardTo} in the body', async () => {
			cmr()
				.post('/domains/email-forwarding', { domainName: 'acme.com', forwardTo: 'inbox@acme.io' })
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'Email forwarding queued', actionId: ACTION_ID }));
			const out = await runNode({
				resource: 'domain',
				operation: 'addEmailForwarding',
				userId: user,
				domainName: domainRl('acme.com'),
				forwardToEmail: ' inbox@acme.io ',
			});
			expect(jsonOf(out)).toEqual([{ message: 'Email forwarding queued', actionId: ACTION_ID }]);
		});

		it('fails before sending when Forward To Email is not an email address', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addEmailForwarding',
					userId: user,
					domainName: domainRl('acme.com'),
					forwardToEmail: 'inbox.acme.io',
				}),
			).rejects.toMatchObject({
				message: '"inbox.acme.io" in "Forward To Email" is not a valid email address [item 0]',
			});
		});

		it('fails before sending when Forward To Email is empty', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addEmailForwarding',
					userId: user,
					domainName: domainRl('acme.com'),
					forwardToEmail: '',
				}),
			).rejects.toMatchObject({ message: 'Forward To Email is empty [item 0]' });
		});
	});

	describe('Add Google Client ID', () => {
		it('sends userId, domains, clientId and appName in the body', async () => {
			cmr()
				.post('/domains/add-client-id', {
					userId: USER_ID,
					domains: ['acmecorp.com'],
					clientId: '1234567890-abc.apps.googleusercontent.com',
					appName: 'YourApp',
				})
				.query({})
				.reply(200, envelope(null, { message: 'Client ID queued', actionId: ACTION_ID }));
			const out = await runNode({
				resource: 'domain',
				operation: 'addGoogleClientId',
				userId: user,
				domains: 'acmecorp.com',
				clientId: ' 1234567890-abc.apps.googleusercontent.com ',
				appName: 'YourApp',
			});
			expect(jsonOf(out)).toEqual([{ message: 'Client ID queued', actionId: ACTION_ID }]);
		});

		it('fails before sending when the client ID is empty', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addGoogleClientId',
					userId: user,
					domains: 'acmecorp.com',
					clientId: '',
					appName: 'YourApp',
				}),
			).rejects.toMatchObject({ message: 'Client ID is empty [item 0]' });
		});

		it('fails before sending when the app name is empty', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'addGoogleClientId',
					userId: user,
					domains: 'acmecorp.com',
					clientId: 'abc',
					appName: ' ',
				}),
			).rejects.toMatchObject({ message: 'App Name is empty [item 0]' });
		});
	});

	describe('Remove', () => {
		it('sends DELETE with userId in the query and domains in the body', async () => {
			cmr()
				.delete('/domains', { domains: ['acme.com', 'acme.io'] })
				.query({ userId: USER_ID })
				.reply(200, { status: 200, message: 'Domains removed', data: null });
			const out = await runNode({
				resource: 'domain',
				operation: 'remove',
				userId: user,
				domains: 'ACME.com, acme.io',
			});
			expect(jsonOf(out)).toEqual([{ deleted: true, domains: ['acme.com', 'acme.io'] }]);
		});

		it('turns a CMR refusal into an error with CMR’s message', async () => {
			cmr()
				.delete('/domains', { domains: ['acme.com'] })
				.query({ userId: USER_ID })
				.reply(403, { status: 403, message: 'Domain still has mailboxes', data: null });
			await expect(
				runNode({ resource: 'domain', operation: 'remove', userId: user, domains: 'acme.com' }),
			).rejects.toMatchObject({ message: 'Domain still has mailboxes [item 0]', httpCode: '403' });
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({
					resource: 'domain',
					operation: 'remove',
					userId: domainRl(''),
					domains: 'a.com',
				}),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});
});
