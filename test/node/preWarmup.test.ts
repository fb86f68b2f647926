import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID } from '../helpers/harness';

const user = { __rl: true, mode: 'id', value: USER_ID };
const google = {
	googleOauthRoute: 'https://yourapp.com/oauth/google',
	clientId: '1234567890-abc.apps.googleusercontent.com',
	appName: 'YourApp',
};
const microsoftOauthRoute = 'https://yourapp.com/oauth/microsoft';

const inventoryEntry = (domain: string) => ({
	domain,
	preWarmedUpMailboxes: [
		{
			email: `jwilson@${domain}`,
			firstName: 'James',
			lastName: 'Wilson',
			createdAt: '2025-01-15T10:00:00.000Z',
		},
	],
	purchasePrice: 30,
	renewalPrice: 15,
});

describe('Pre-Warmup', () => {
	useNock();

	describe('Get Many', () => {
		it('lists all pages with Return All, keeping the filters on every page', async () => {
			for (const [page, count] of [
				[1, 100],
				[2, 100],
				[3, 1],
			]) {
				cmr()
					.get('/pre-warmup')
					.query({ serviceProvider: 'MICROSOFT', contains: 'acme', page, limit: 100 })
					.reply(
						200,
						envelope({
							inventory: Array.from({ length: count }, (_, i) =>
								inventoryEntry(`p${page}-${i}.com`),
							),
							currentPage: page,
							totalPages: 3,
							totalDomains: 201,
							totalMailboxes: 603,
						}),
					);
			}
			const out = await runNode({
				resource: 'preWarmup',
				operation: 'getAll',
				returnAll: true,
				filters: { serviceProvider: 'MICROSOFT', contains: 'acme' },
			});
			expect(out).toHaveLength(201);
			expect(out[200].json).toEqual(inventoryEntry('p3-0.com'));
		});

		it('returns up to Limit from one page', async () => {
			cmr()
				.get('/pre-warmup')
				.query({ page: 1, limit: 2 })
				.reply(
					200,
					envelope({
						inventory: [inventoryEntry('a.com'), inventoryEntry('b.com')],
						currentPage: 1,
						totalPages: 5,
					}),
				);
			const out = await runNode({ resource: 'preWarmup', operation: 'getAll', limit: 2 });
			expect(jsonOf(out)).toEqual([inventoryEntry('a.com'), inventoryEntry('b.com')]);
		});
	});

	describe('Order', () => {
		it('orders Google domains with the google object, userId in the query', async () => {
			cmr()
				.post('/pre-warmup/order', {
					order: [
						{ domain: 'prewarm-acmecorp.com', forwardTo: 'https://acmecorp.com' },
						{ domain: 'prewarm-acme.io' },
					],
					serviceProvider: 'GOOGLE',
					google,
					autoRenew: true,
				})
				.query({ userId: USER_ID })
				.reply(201, {
					status: 201,
					message: 'Pre-warmup order created',
					data: { orderId: 'ORD1' },
					actionId: 'ACT_1',
				});
			const out = await runNode({
				resource: 'preWarmup',
				operation: 'order',
				userId: user,
				orderDomains: {
					domain: [
						{ domain: ' prewarm-acmecorp.com ', forwardTo: 'https://acmecorp.com' },
						{ domain: 'prewarm-acme.io', forwardTo: '' },
					],
				},
				serviceProvider: 'GOOGLE',
				googleOauth: { settings: google },
				additionalFields: { autoRenew: true },
			});
			expect(jsonOf(out)).toEqual([{ orderId: 'ORD1', actionId: 'ACT_1' }]);
		});

		it('orders Microsoft domains with a top-level microsoftOauthRoute', async () => {
			cmr()
				.post('/pre-warmup/order', {
					order: [{ domain: 'sandbox-mail.corevista.io' }],
					serviceProvider: 'MICROSOFT',
					microsoftOauthRoute,
				})
				.query({ userId: USER_ID })
				.reply(201, { status: 201, message: 'Pre-warmup order created', data: null });
			const out = await runNode({
				resource: 'preWarmup',
				operation: 'order',
				userId: user,
				orderDomains: { domain: [{ domain: 'sandbox-mail.corevista.io' }] },
				serviceProvider: 'MICROSOFT',
				microsoftOauth: { settings: { microsoftOauthRoute } },
			});
			expect(jsonOf(out)).toEqual([{ message: 'Pre-warmup order created' }]);
		});

		it('refuses Retry On Fail because the call is paid, and sends nothing', async () => {
			await expect(
				runNode(
					{
						resource: 'preWarmup',
						operation: 'order',
						userId: user,
						orderDomains: { domain: [{ domain: 'a.com' }] },
						googleOauth: { settings: google },
					},
					{ retryOnFail: true },
				),
			).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it('fails before sending when no domain is given', async () => {
			await expect(
				runNode({
					resource: 'preWarmup',
					operation: 'order',
					userId: user,
					googleOauth: { settings: google },
				}),
			).rejects.toMatchObject({ message: 'Domains is empty [item 0]' });
		});

		it('fails before sending when a domain row is empty', async () => {
			await expect(
				runNode({
					resource: 'preWarmup',
					operation: 'order',
					userId: user,
					orderDomains: {
						domain: [{ domain: 'a.com' }, { domain: ' ', forwardTo: 'https://x.io' }],
					},
					googleOauth: { settings: google },
				}),
			).rejects.toMatchObject({ message: 'Domain 2 is empty [item 0]' });
		});

		it('fails before sending when a Google order has no Google OAuth', async () => {
			await expect(
				runNode({
					resource: 'preWarmup',
					operation: 'order',
					userId: user,
					orderDomains: { domain: [{ domain: 'a.com' }] },
				}),
			).rejects.toMatchObject({
				message: 'Google OAuth is required when Service Provider is Google [item 0]',
			});
		});

		it('does not send a Microsoft route left in the group hidden for Google', async () => {
			cmr()
				.post('/pre-warmup/order', {
					order: [{ domain: 'a.com' }],
					serviceProvider: 'GOOGLE',
					google,
				})
				.query({ userId: USER_ID })
				.reply(201, envelope({ orderId: 'PW1' }));
			await runNode({
				resource: 'preWarmup',
				operation: 'order',
				userId: user,
				orderDomains: { domain: [{ domain: 'a.com' }] },
				googleOauth: { settings: google },
				microsoftOauth: { settings: { microsoftOauthRoute } },
			});
		});

		it('fails before sending when a Microsoft order has no Microsoft OAuth', async () => {
			await expect(
				runNode({
					resource: 'preWarmup',
					operation: 'order',
					userId: user,
					orderDomains: { domain: [{ domain: 'a.com' }] },
					serviceProvider: 'MICROSOFT',
				}),
			).rejects.toMatchObject({
				message: 'Microsoft OAuth is required when Service Provider is Microsoft [item 0]',
			});
		});

		it('does not send a Google group left hidden in a Microsoft order', async () => {
			cmr()
				.post('/pre-warmup/order', {
					order: [{ domain: 'a.com' }],
					serviceProvider: 'MICROSOFT',
					microsoftOauthRoute,
				})
				.query({ userId: USER_ID })
				.reply(201, envelope({ orderId: 'PW2' }));
			await runNode({
				resource: 'preWarmup',
				operation: 'order',
				userId: user,
				orderDomains: { domain: [{ domain: 'a.com' }] },
				serviceProvider: 'MICROSOFT',
				googleOauth: { settings: google },
				microsoftOauth: { settings: { microsoftOauthRoute } },
			});
		});

		it('fails before sending when an expression gives an unknown provider', async () => {
			await expect(
				runNode({
					resource: 'preWarmup',
					operation: 'order',
					userId: user,
					orderDomains: { domain: [{ domain: 'a.com' }] },
					serviceProvider: '={{ "yahoo" }}',
				}),
			).rejects.toMatchObject({
				message: 'Service Provider "YAHOO" is not one of GOOGLE, MICROSOFT [item 0]',
			});
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({
					resource: 'preWarmup',
					operation: 'order',
					orderDomains: { domain: [{ domain: 'a.com' }] },
					googleOauth: { settings: google },
				}),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});
});
