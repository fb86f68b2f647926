import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID, byId } from '../helpers/harness';
import { checkMailboxOrderTarget } from '../../nodes/ColdMailReseller/resources/order/createMailboxOrder';
import { checkProviderOauth } from '../../nodes/ColdMailReseller/shared/orderValidation';

const ORDER_ID = 'NQ682GAVFTMYC2H6C87PPKPG5WXV';
const SUBSCRIPTION_ID = 'YC2H6C87PPKPG5WXVNQ682GAVFTM';
const DOMAIN_ID = 'GP6M2J2DHXM3F2J40S8AP316R2QR';
const ACTION_ID = 'ACT_7a078272-0fa7-4db4-a85b-c78697dacea1';

const google = {
	googleOauthRoute: 'https://yourapp.com/oauth/google',
	clientId: '1234567890-abc.apps.googleusercontent.com',
	appName: 'YourApp',
};

const alice = {
	domain: 'alicesender.com',
	username: 'alice',
	firstName: 'Alice',
	lastName: 'Johnson',
};
const aliceJ = {
	domain: 'alicesender.com',
	username: 'alice.j',
	firstName: 'Alice',
	lastName: 'Johnson',
};

function createOrder(parameters: IDataObject = {}): IDataObject {
	return {
		resource: 'order',
		operation: 'create',
		userId: byId(USER_ID),
		domains: { domain: [{ domain: 'alicesender.com', years: 1 }] },
		mailboxes: { mailbox: [alice] },
		googleOauth: { settings: google },
		...parameters,
	};
}

function mailboxOrder(parameters: IDataObject = {}): IDataObject {
	return {
		resource: 'order',
		operation: 'createMailboxOrder',
		userId: byId(USER_ID),
		subscriptionId: byId(SUBSCRIPTION_ID),
		mailboxes: { mailbox: [{ ...alice, domain: 'example.com' }] },
		googleOauth: { settings: google },
		...parameters,
	};
}

describe('Order', () => {
	useNock();

	describe('Create Domain and Mailbox Order', () => {
		it('sends the documented JSON body with userId in the query and keeps actionId', async () => {
			cmr()
				.post('/orders/json', {
					domains: [
						{ domain: 'alicesender.com', years: 1 },
						{ domain: 'bobsender.io', years: 2, forwardTo: 'https://bob.io' },
					],
					mailboxes: {
						'alicesender.com': [
							{ username: 'alice', firstName: 'Alice', lastName: 'Johnson', onWarmup: true },
							{ username: 'alice.j', firstName: 'Alice', lastName: 'Johnson' },
						],
						'bobsender.io': [
							{
								username: 'bob',
								firstName: 'Bob',
								lastName: 'Smith',
								profilePicture: 'https://cdn.example.com/bob.jpg',
							},
						],
					},
					serviceProvider: 'GOOGLE',
					confirm: true,
					billingCycle: 'MONTHLY',
					autoRenew: true,
					google,
				})
				.query({ userId: USER_ID })
				.reply(
					200,
					envelope(
						{ orderId: 'ord_R8K2LQPZA9XM', unavailableDomains: [] },
						{ message: 'Order created and queued for processing', actionId: ACTION_ID },
					),
				);
			const out = await runNode(
				createOrder({
					domains: {
						domain: [
							{ domain: ' AliceSender.com ', years: 1 },
							{ domain: 'bobsender.io', years: 2, forwardTo: 'https://bob.io' },
						],
					},
					mailboxes: {
						mailbox: [
							{ ...alice, onWarmup: true },
							aliceJ,
							{
								domain: 'BobSender.io',
								username: 'bob',
								firstName: 'Bob',
								lastName: 'Smith',
								profilePicture: 'https://cdn.example.com/bob.jpg',
							},
						],
					},
					additionalFields: { billingCycle: 'MONTHLY', autoRenew: true },
					googleOauth: { settings: google },
				}),
			);
			expect(jsonOf(out)).toEqual([
				{ orderId: 'ord_R8K2LQPZA9XM', unavailableDomains: [], actionId: ACTION_ID },
			]);
		});

		it('creates an unconfirmed Microsoft order with the OAuth route at the top level', async () => {
			cmr()
				.post('/orders/json', {
					domains: [{ domain: 'alicesender.com', years: 1 }],
					mailboxes: {
						'alicesender.com': [{ username: 'alice', firstName: 'Alice', lastName: 'Johnson' }],
					},
					serviceProvider: 'MICROSOFT',
					confirm: false,
					microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft',
				})
				.query({ userId: USER_ID })
				.reply(200, envelope({ orderId: ORDER_ID }, { message: 'Order created' }));
			const out = await runNode(
				createOrder({
					serviceProvider: 'MICROSOFT',
					confirm: false,
					microsoftOauth: {
						settings: { microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft' },
					},
				}),
			);
			expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID }]);
		});

		it('accepts the mailboxes as a JSON map, lower-casing the domain keys', async () => {
			cmr()
				.post('/orders/json', {
					domains: [{ domain: 'alicesender.com', years: 1 }],
					mailboxes: {
						'alicesender.com': [
							{ username: 'alice', firstName: 'Alice', lastName: 'Johnson', onWarmup: true },
							{ username: 'alice.j', firstName: 'Alice', lastName: 'Johnson' },
						],
					},
					serviceProvider: 'GOOGLE',
					confirm: true,
					google,
				})
				.query({ userId: USER_ID })
				.reply(200, envelope({ orderId: ORDER_ID }));
			await runNode(
				createOrder({
					mailboxesInput: 'json',
					mailboxesJson: JSON.stringify({
						'AliceSender.com': [
							{ username: 'alice', firstName: 'Alice', lastName: 'Johnson', onWarmup: true },
							{ username: 'alice.j', firstName: 'Alice', lastName: 'Johnson', onWarmup: false },
						],
					}),
				}),
			);
		});

		it('accepts a list of {domain, username, ...} from an expression', async () => {
			cmr()
				.post('/orders/json', {
					domains: [{ domain: 'alicesender.com', years: 1 }],
					mailboxes: {
						'alicesender.com': [
							{ username: 'alice', firstName: 'Alice', lastName: 'Johnson' },
							{ username: 'alice.j', firstName: 'Alice', lastName: 'Johnson' },
						],
					},
					serviceProvider: 'GOOGLE',
					confirm: true,
					google,
				})
				.query({ userId: USER_ID })
				.reply(200, envelope({ orderId: ORDER_ID }));
			await runNode(
				createOrder({ mailboxesInput: 'json', mailboxesJson: '={{ $json.mailboxes }}' }),
				{ items: [{ mailboxes: [alice, aliceJ] }] },
			);
		});

		it('keeps saved version 1 nodes working: no Confirm saved means the old default, process now', async () => {
			cmr()
				.post('/orders/json', (body) => body.confirm === true)
				.query({ userId: USER_ID })
				.reply(200, envelope({ orderId: ORDER_ID }));
			await runNode(createOrder());
		});

		it('makes new nodes (version 1.1) choose Confirm explicitly', async () => {
			await expect(runNode(createOrder(), { typeVersion: 1.1 })).rejects.toMatchObject({
				message: 'Confirm is not chosen [item 0]',
			});
		});

		it('refuses Retry On Fail and sends nothing', async () => {
			await expect(runNode(createOrder(), { retryOnFail: true })).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it('turns a CMR 422 into a clear error', async () => {
			cmr()
				.post('/orders/json')
				.query({ userId: USER_ID })
				.reply(422, { status: 422, message: 'Insufficient wallet balance', data: null });
			await expect(runNode(createOrder())).rejects.toMatchObject({
				message: 'Insufficient wallet balance [item 0]',
				httpCode: '422',
			});
		});

		it.each([
			['the user is empty', { userId: byId(' ') }, 'User is empty [item 0]'],
			['no domain is given', { domains: {} }, 'No domains to order [item 0]'],
			[
				'a domain name is invalid',
				{ domains: { domain: [{ domain: 'https://acme.com', years: 1 }] } },
				'Domain 1 (https://acme.com) is not a valid domain name [item 0]',
			],
			[
				'a domain is listed twice',
				{
					domains: {
						domain: [
							{ domain: 'alicesender.com', years: 1 },
							{ domain: 'AliceSender.com', years: 1 },
						],
					},
				},
				'Domain 2 (alicesender.com) is listed twice [item 0]',
			],
			[
				'years is not a whole number',
				{ domains: { domain: [{ domain: 'alicesender.com', years: 1.5 }] } },
				'Domain 1 (alicesender.com): Years must be a whole number from 1 to 10, got 1.5 [item 0]',
			],
			[
				'years is below 1',
				{ domains: { domain: [{ domain: 'alicesender.com', years: 0 }] } },
				'Domain 1 (alicesender.com): Years must be a whole number from 1 to 10, got 0 [item 0]',
			],
			['no mailbox is given', { mailboxes: {} }, 'No mailboxes to order [item 0]'],
			[
				'a mailbox is for a domain that is not ordered',
				{ mailboxes: { mailbox: [alice, { ...aliceJ, domain: 'other.com' }] } },
				'Mailbox 2 (alice.j@other.com) is for other.com, which is not one of the ordered Domains [item 0]',
			],
			[
				'a mailbox has no first name',
				{ mailboxes: { mailbox: [alice, { ...aliceJ, username: 'bob', firstName: ' ' }] } },
				'Mailbox 2 (bob@alicesender.com) has no First Name [item 0]',
			],
			[
				'a mailbox has no last name',
				{ mailboxes: { mailbox: [{ ...alice, lastName: '' }] } },
				'Mailbox 1 (alice@alicesender.com) has no Last Name [item 0]',
			],
			[
				'a mailbox has no username',
				{ mailboxes: { mailbox: [{ ...alice, username: '' }] } },
				'Mailbox 1 has no Username [item 0]',
			],
			[
				'a mailbox has no domain',
				{ mailboxes: { mailbox: [{ ...alice, domain: '' }] } },
				'Mailbox 1 (alice) has no Domain [item 0]',
			],
			[
				'a username contains @',
				{ mailboxes: { mailbox: [{ ...alice, username: 'alice@alicesender.com' }] } },
				'Mailbox 1 (alice@alicesender.com@alicesender.com) has an invalid Username: it must not contain "@" (enter only the part before it) [item 0]',
			],
			[
				'a username has a space',
				{ mailboxes: { mailbox: [{ ...alice, username: 'alice j' }] } },
				'Mailbox 1 (alice j@alicesender.com) has an invalid Username: it may only contain letters, digits, ".", "_" and "-" (no spaces, no leading, trailing or doubled dot) [item 0]',
			],
			[
				'a username has a doubled dot',
				{ mailboxes: { mailbox: [{ ...alice, username: 'alice..j' }] } },
				'Mailbox 1 (alice..j@alicesender.com) has an invalid Username: it may only contain letters, digits, ".", "_" and "-" (no spaces, no leading, trailing or doubled dot) [item 0]',
			],
			[
				'a mailbox is listed twice',
				{ mailboxes: { mailbox: [alice, { ...alice, username: 'Alice', firstName: 'A' }] } },
				'Mailbox 2 (Alice@alicesender.com) is listed twice [item 0]',
			],
			[
				'a profile picture is not an http(s) URL',
				{ mailboxes: { mailbox: [{ ...alice, profilePicture: 'ftp://x.io/a.jpg' }] } },
				'Mailbox 1 (alice@alicesender.com) has a Profile Picture that is not an http(s) URL [item 0]',
			],
			[
				'the JSON is invalid',
				{ mailboxesInput: 'json', mailboxesJson: '{"alicesender.com": [' },
				'Mailboxes (JSON) is not valid JSON [item 0]',
			],
			[
				'the JSON map holds no list',
				{ mailboxesInput: 'json', mailboxesJson: '{"alicesender.com": {"username": "alice"}}' },
				'Mailboxes (JSON) for alicesender.com is not a list [item 0]',
			],
			[
				'the JSON is not an object',
				{ mailboxesInput: 'json', mailboxesJson: '"alice"' },
				'Mailboxes (JSON) is not an object or a list [item 0]',
			],
			[
				'the JSON map is empty',
				{ mailboxesInput: 'json', mailboxesJson: '{}' },
				'No mailboxes to order [item 0]',
			],
			[
				'onWarmup in the JSON is not a boolean',
				{
					mailboxesInput: 'json',
					mailboxesJson: JSON.stringify({ 'alicesender.com': [{ ...alice, onWarmup: 'yes' }] }),
				},
				'Mailbox 1 (alice@alicesender.com) has an On Warmup value that is not true or false [item 0]',
			],
			[
				'the Google OAuth group is incomplete',
				{ googleOauth: { settings: { googleOauthRoute: 'https://yourapp.com/oauth/google' } } },
				'Google OAuth is missing Client ID, App Name [item 0]',
			],
		])('fails before sending when %s', async (_case, parameters, message) => {
			await expect(runNode(createOrder(parameters as IDataObject))).rejects.toMatchObject({
				message,
			});
		});

		it('names the failing item', async () => {
			cmr()
				.post('/orders/json')
				.query({ userId: USER_ID })
				.reply(200, envelope({ orderId: ORDER_ID }));
			const out = await runNode(
				createOrder({ mailboxesInput: 'json', mailboxesJson: '={{ $json.mailboxes }}' }),
				{
					continueOnFail: true,
					items: [{ mailboxes: [alice] }, { mailboxes: [{ ...alice, firstName: '' }] }],
				},
			);
			expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID }, {}]);
			expect(out[1].error?.message).toBe(
				'Mailbox 1 (alice@alicesender.com) has no First Name [item 1]',
			);
		});
	});

	describe('Create Mailbox Order', () => {
		it('adds mailboxes to an existing subscription', async () => {
			cmr()
				.post('/orders/create-mailbox-order/json', {
					subscriptionId: SUBSCRIPTION_ID,
					mailboxes: {
						'example.com': [
							{
								username: 'bob',
								firstName: 'Bob',
								lastName: 'Smith',
								profilePicture: 'https://cdn.example.com/bob.jpg',
							},
						],
					},
					confirm: true,
					autoRenew: true,
					billingCycle: 'MONTHLY',
					google,
				})
				.query({ userId: USER_ID })
				.reply(201, envelope({ orderId: ORDER_ID }, { status: 201, actionId: ACTION_ID }));
			const out = await runNode(
				mailboxOrder({
					mailboxes: {
						mailbox: [
							{
								domain: 'Example.com',
								username: 'bob',
								firstName: 'Bob',
								lastName: 'Smith',
								profilePicture: 'https://cdn.example.com/bob.jpg',
							},
						],
					},
					additionalFields: { billingCycle: 'MONTHLY' },
					googleOauth: { settings: google },
				}),
			);
			expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID, actionId: ACTION_ID }]);
		});

		it('orders mailboxes for a domain whose subscription was cancelled, with autoRenew', async () => {
			cmr()
				.post('/orders/create-mailbox-order/json', {
					domainId: DOMAIN_ID,
					autoRenew: false,
					mailboxes: {
						'example.com': [{ username: 'alice', firstName: 'Alice', lastName: 'Johnson' }],
					},
					confirm: false,
					microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft',
				})
				.query({ userId: USER_ID })
				.reply(200, envelope({ orderId: ORDER_ID }));
			const out = await runNode(
				mailboxOrder({
					addTo: 'cancelledDomain',
					subscriptionId: undefined,
					domainId: byId(DOMAIN_ID),
					autoRenew: false,
					confirm: false,
					serviceProvider: 'MICROSOFT',
					microsoftOauth: {
						settings: { microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft' },
					},
				}),
			);
			expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID }]);
		});

		it('refuses Retry On Fail and sends nothing', async () => {
			await expect(runNode(mailboxOrder(), { retryOnFail: true })).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it.each([
			['the subscription is empty', { subscriptionId: byId('') }, 'Subscription is empty [item 0]'],
			[
				'the domain is empty',
				{ addTo: 'cancelledDomain', domainId: byId('  ') },
				'Domain is empty [item 0]',
			],
			[
				'autoRenew is not a boolean with a domain',
				{ addTo: 'cancelledDomain', domainId: byId(DOMAIN_ID), autoRenew: '={{ "" }}' },
				'Auto Renew is required with Domain ID [item 0]',
			],
			['no mailbox is given', { mailboxes: {} }, 'No mailboxes to order [item 0]'],
			[
				'a mailbox has no first name',
				{
					mailboxes: {
						mailbox: [
							{ ...alice, domain: 'acme.com' },
							{ domain: 'acme.com', username: 'bob', firstName: '', lastName: 'Smith' },
						],
					},
				},
				'Mailbox 2 (bob@acme.com) has no First Name [item 0]',
			],
			[
				'the Microsoft OAuth group has no route',
				{
					serviceProvider: 'MICROSOFT',
					microsoftOauth: { settings: { microsoftOauthRoute: ' ' } },
				},
				'Microsoft OAuth has no OAuth Route [item 0]',
			],
		])('fails before sending when %s', async (_case, parameters, message) => {
			await expect(runNode(mailboxOrder(parameters as IDataObject))).rejects.toMatchObject({
				message,
			});
		});

		describe('final body check', () => {
			const node = { name: 'Cold Mail Reseller' } as INode;
			const context = (addTo = 'subscription') =>
				({
					getNode: () => node,
					getItemIndex: () => 3,
					getNodeParameter: () => addTo,
				}) as unknown as IExecuteSingleFunctions;
			const check = async (body: IDataObject, addTo?: string) =>
				await checkMailboxOrderTarget.call(context(addTo), {
					url: '/',
					body,
				} as IHttpRequestOptions);

			it('refuses subscriptionId and domainId together', async () => {
				await expect(
					check({ subscriptionId: SUBSCRIPTION_ID, domainId: DOMAIN_ID, autoRenew: true }),
				).rejects.toMatchObject({ message: 'Subscription ID and Domain ID are both set [item 3]' });
			});

			it('requires autoRenew with domainId', async () => {
				await expect(check({ domainId: DOMAIN_ID }, 'cancelledDomain')).rejects.toMatchObject({
					message: 'Auto Renew is required with Domain ID [item 3]',
				});
			});

			it('trims the id and keeps autoRenew for an existing subscription, as the reference example does', async () => {
				const options = await check({ subscriptionId: ` ${SUBSCRIPTION_ID} `, autoRenew: true });
				expect(options.body).toEqual({ subscriptionId: SUBSCRIPTION_ID, autoRenew: true });
			});
		});
	});

	describe('provider check on the built body (groups a changed panel could leave behind)', () => {
		const context = (serviceProvider: string) =>
			({
				getNode: () => ({ name: 'Cold Mail Reseller' }) as INode,
				getItemIndex: () => 1,
				getNodeParameter: () => serviceProvider,
			}) as unknown as IExecuteSingleFunctions;
		const check = async (serviceProvider: string, body: IDataObject, sendProvider = true) =>
			await checkProviderOauth(sendProvider).call(context(serviceProvider), {
				url: '/',
				body,
			} as IHttpRequestOptions);

		it('refuses the Google group on a Microsoft order', async () => {
			await expect(
				check('MICROSOFT', { google, microsoftOauthRoute: 'https://a.io/ms' }),
			).rejects.toMatchObject({
				message: 'Google OAuth cannot be used when Service Provider is Microsoft [item 1]',
			});
		});

		it('refuses a Microsoft route on a Google order', async () => {
			await expect(
				check('GOOGLE', { google, microsoftOauthRoute: 'https://a.io/ms' }),
			).rejects.toMatchObject({
				message: 'Microsoft OAuth cannot be used when Service Provider is Google [item 1]',
			});
		});

		it('sends the upper-cased provider only where CMR documents it', async () => {
			expect((await check('google', { google })).body).toEqual({
				google,
				serviceProvider: 'GOOGLE',
			});
			expect((await check('google', { google }, false)).body).toEqual({ google });
		});
	});

	describe('Process', () => {
		it('sends {orderId} in the body and userId in the query', async () => {
			cmr()
				.post('/orders/process', { orderId: ORDER_ID })
				.query({ userId: USER_ID })
				.reply(
					200,
					envelope(null, { message: 'Order queued for processing', actionId: ACTION_ID }),
				);
			const out = await runNode({
				resource: 'order',
				operation: 'process',
				userId: byId(USER_ID),
				orderId: ` ${ORDER_ID} `,
			});
			expect(jsonOf(out)).toEqual([
				{ message: 'Order queued for processing', actionId: ACTION_ID },
			]);
		});

		it('refuses Retry On Fail and sends nothing', async () => {
			await expect(
				runNode(
					{ resource: 'order', operation: 'process', userId: byId(USER_ID), orderId: ORDER_ID },
					{ retryOnFail: true },
				),
			).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it('fails before sending without an order ID', async () => {
			await expect(
				runNode({ resource: 'order', operation: 'process', userId: byId(USER_ID), orderId: '' }),
			).rejects.toMatchObject({ message: 'Order ID is empty [item 0]' });
		});
	});

	describe('Get Status', () => {
		it('sends userId and orderId in the query', async () => {
			cmr()
				.get('/orders/status')
				.query({ userId: USER_ID, orderId: ORDER_ID })
				.reply(200, envelope({ orderId: ORDER_ID, status: 'COMPLETED' }));
			const out = await runNode({
				resource: 'order',
				operation: 'getStatus',
				userId: byId(USER_ID),
				orderId: ORDER_ID,
			});
			expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID, status: 'COMPLETED' }]);
		});

		it('fails before sending without a user', async () => {
			await expect(
				runNode({ resource: 'order', operation: 'getStatus', userId: byId(''), orderId: ORDER_ID }),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Get', () => {
		it('sends userId and orderId in the query', async () => {
			const order = { id: ORDER_ID, status: 'PENDING', domains: ['alicesender.com'], total: 15 };
			cmr()
				.get('/orders')
				.query({ userId: USER_ID, orderId: ORDER_ID })
				.reply(200, envelope(order));
			const out = await runNode({
				resource: 'order',
				operation: 'get',
				userId: byId(USER_ID),
				orderId: ORDER_ID,
			});
			expect(jsonOf(out)).toEqual([order]);
		});

		it('fails before sending without an order ID', async () => {
			await expect(
				runNode({ resource: 'order', operation: 'get', userId: byId(USER_ID), orderId: ' ' }),
			).rejects.toMatchObject({ message: 'Order ID is empty [item 0]' });
		});
	});
});
