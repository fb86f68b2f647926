import { useNock, cmr, envelope } from '../helpers/nock';
import { SANDBOX_HEADER_VALUE, jsonOf, runNode, USER_ID } from '../helpers/harness';

const user = { __rl: true, mode: 'id', value: USER_ID };
const sandboxCredentials = {
	credentials: { environment: 'sandbox', apiKey: SANDBOX_HEADER_VALUE },
};
const sandboxCmr = () => cmr({ 'cmr-x-sandbox-api-key': SANDBOX_HEADER_VALUE });
const google = {
	googleOauthRoute: 'https://yourapp.com/oauth/google',
	clientId: '1234567890-abc.apps.googleusercontent.com',
	appName: 'YourApp',
};
const wrongEnvironment = 'Sandbox operations need a credential with Environment = Sandbox [item 0]';

describe('Sandbox', () => {
	useNock();

	describe('Get Pre-Warmup Domains', () => {
		it('lists the sandbox domains with the sandbox key header', async () => {
			const inventory = [
				{ domain: 'sandbox.nexora-tech.com' },
				{ domain: 'sandbox-mail.corevista.io' },
			];
			sandboxCmr()
				.get('/sandbox/pre-warmup')
				.query({})
				.reply(200, envelope({ inventory, currentPage: 1, totalPages: 1 }));
			const out = await runNode(
				{ resource: 'sandbox', operation: 'getPreWarmupDomains' },
				sandboxCredentials,
			);
			expect(jsonOf(out)).toEqual(inventory);
		});

		it('fails before sending with a production credential', async () => {
			await expect(
				runNode({ resource: 'sandbox', operation: 'getPreWarmupDomains' }),
			).rejects.toMatchObject({ message: wrongEnvironment });
		});
	});

	describe('Order Pre-Warmup', () => {
		it('sends the production order fields plus the scenario, userId in the query', async () => {
			sandboxCmr()
				.post('/sandbox/pre-warmup/order', {
					order: [{ domain: 'sandbox.nexora-tech.com', forwardTo: 'https://acmecorp.com' }],
					serviceProvider: 'GOOGLE',
					google,
					autoRenew: false,
					scenario: 'partial_failure',
				})
				.query({ userId: USER_ID })
				.reply(201, { status: 201, message: 'Sandbox order created', data: { orderId: 'SBX1' } });
			const out = await runNode(
				{
					resource: 'sandbox',
					operation: 'orderPreWarmup',
					userId: user,
					orderDomains: {
						domain: [{ domain: 'sandbox.nexora-tech.com', forwardTo: 'https://acmecorp.com' }],
					},
					googleOauth: { settings: google },
					additionalFields: { autoRenew: false },
					scenario: 'partial_failure',
				},
				sandboxCredentials,
			);
			expect(jsonOf(out)).toEqual([{ orderId: 'SBX1' }]);
		});

		it('sends the success scenario by default and allows Retry On Fail ($0 order)', async () => {
			sandboxCmr()
				.post('/sandbox/pre-warmup/order', {
					order: [{ domain: 'sandbox.stratospherehq.com' }],
					serviceProvider: 'MICROSOFT',
					microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft',
					scenario: 'success',
				})
				.query({ userId: USER_ID })
				.reply(201, { status: 201, message: 'Sandbox order created', data: null });
			await runNode(
				{
					resource: 'sandbox',
					operation: 'orderPreWarmup',
					userId: user,
					orderDomains: { domain: [{ domain: 'sandbox.stratospherehq.com' }] },
					serviceProvider: 'MICROSOFT',
					microsoftOauth: {
						settings: { microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft' },
					},
				},
				{ ...sandboxCredentials, retryOnFail: true },
			);
		});

		it('applies the production order checks', async () => {
			await expect(
				runNode(
					{
						resource: 'sandbox',
						operation: 'orderPreWarmup',
						userId: user,
						orderDomains: { domain: [{ domain: 'sandbox.nexora-tech.com' }] },
					},
					sandboxCredentials,
				),
			).rejects.toMatchObject({
				message: 'Google OAuth is required when Service Provider is Google [item 0]',
			});
		});

		it('fails before sending with a production credential', async () => {
			await expect(
				runNode({
					resource: 'sandbox',
					operation: 'orderPreWarmup',
					userId: user,
					orderDomains: { domain: [{ domain: 'sandbox.nexora-tech.com' }] },
					googleOauth: { settings: google },
				}),
			).rejects.toMatchObject({ message: wrongEnvironment });
		});
	});

	describe('Reset Pre-Warmup', () => {
		it('posts the reset with the sandbox key header', async () => {
			sandboxCmr()
				.post('/sandbox/pre-warmup/reset')
				.query({})
				.reply(200, envelope(null, { message: 'Sandbox records reset' }));
			const out = await runNode(
				{ resource: 'sandbox', operation: 'resetPreWarmup' },
				sandboxCredentials,
			);
			expect(jsonOf(out)).toEqual([{ message: 'Sandbox records reset' }]);
		});

		it('fails before sending with a production credential', async () => {
			await expect(
				runNode({ resource: 'sandbox', operation: 'resetPreWarmup' }),
			).rejects.toMatchObject({ message: wrongEnvironment });
		});
	});
});
