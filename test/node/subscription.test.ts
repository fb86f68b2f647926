import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode } from '../helpers/harness';

const SUB_A = '6ZHR985PGP456XG8HCYHF919YVS6';
const SUB_B = '0BRBX9FGE4M77TGG14C3JYN4PMJT';
const ACTION_ID = 'ACT_7a078272-0fa7-4db4-a85b-c78697dacea1';

const subscription = (id: string) => ({
	subscriptionId: id,
	subscriptionStatus: 'ACTIVE',
	totalMailboxQuantity: 1,
	billingCycle: 'MONTHLY',
	pricePerMailbox: 8,
	periodStart: '2025-01-10T11:18:31.479Z',
	periodEnd: '2025-02-10T11:18:31.479Z',
	serviceProvider: 'GOOGLE',
	autoRenew: true,
	userId: 'USR94KD7S2LQ8X5M1Z0',
	domain: `${id.toLowerCase()}.org`,
});

describe('Subscription', () => {
	useNock();

	describe('Get Many', () => {
		it('lists all pages with Return All, keeping the filters on every page', async () => {
			for (const [page, count] of [
				[1, 100],
				[2, 100],
				[3, 3],
			]) {
				cmr()
					.get('/subscriptions')
					.query({ status: 'PAST_DUE', domain: 'acme.com', page, limit: 100 })
					.reply(
						200,
						envelope({
							subscriptions: Array.from({ length: count }, (_, i) => subscription(`S${page}X${i}`)),
							pagination: {
								totalSearchedCount: 203,
								currentPage: page,
								nextPage: page < 3 ? page + 1 : null,
								totalPages: 3,
							},
						}),
					);
			}
			const out = await runNode({
				resource: 'subscription',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'PAST_DUE', domain: 'acme.com' },
				simple: false,
			});
			expect(out).toHaveLength(203);
			expect(out[202].json).toEqual(subscription('S3X2'));
		});

		it('stops at Limit, sends the subscription ID filter and simplifies', async () => {
			cmr()
				.get('/subscriptions')
				.query({ componentSubscriptionId: SUB_A, page: 1, limit: 2 })
				.reply(
					200,
					envelope({
						subscriptions: [subscription(SUB_A), subscription(SUB_B)],
						pagination: { totalSearchedCount: 9, currentPage: 1, nextPage: 2, totalPages: 5 },
					}),
				);
			const out = await runNode({
				resource: 'subscription',
				operation: 'getAll',
				limit: 2,
				filters: { componentSubscriptionId: SUB_A },
			});
			const simple: Record<string, unknown> = subscription(SUB_A);
			delete simple.pricePerMailbox;
			expect(jsonOf(out)).toHaveLength(2);
			expect(jsonOf(out)[0]).toEqual(simple);
		});
	});

	describe('Renew', () => {
		it('sends the list of subscription IDs and keeps the actionId', async () => {
			cmr()
				.post('/subscriptions/renew-subscriptions', { subscriptionIds: [SUB_A, SUB_B] })
				.query({})
				.reply(200, {
					status: 200,
					message: 'Subscriptions added for renewal.',
					actionId: ACTION_ID,
				});
			const out = await runNode({
				resource: 'subscription',
				operation: 'renew',
				subscriptionIds: ` ${SUB_A}, ${SUB_B},`,
			});
			expect(jsonOf(out)).toEqual([
				{ message: 'Subscriptions added for renewal.', actionId: ACTION_ID },
			]);
		});

		it('accepts an array from an expression', async () => {
			cmr()
				.post('/subscriptions/renew-subscriptions', { subscriptionIds: [SUB_A, SUB_B] })
				.reply(200, { status: 200, message: 'OK', actionId: ACTION_ID });
			await runNode({
				resource: 'subscription',
				operation: 'renew',
				subscriptionIds: `={{ ["${SUB_A}", "${SUB_B}"] }}`,
			});
		});

		it('refuses Retry On Fail because the call is paid, and sends nothing', async () => {
			await expect(
				runNode(
					{ resource: 'subscription', operation: 'renew', subscriptionIds: SUB_A },
					{ retryOnFail: true },
				),
			).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it('fails before sending when no subscription ID is given', async () => {
			await expect(
				runNode({ resource: 'subscription', operation: 'renew', subscriptionIds: ' , ' }),
			).rejects.toMatchObject({ message: 'Subscription IDs is empty [item 0]' });
		});
	});

	describe('Set Auto-Renew', () => {
		it('sends the IDs and the autoRenew flag', async () => {
			cmr()
				.post('/subscriptions/toggle-autorenewal', { subscriptionIds: [SUB_A], autoRenew: false })
				.query({})
				.reply(200, envelope(null, { message: 'Auto renewal updated' }));
			const out = await runNode({
				resource: 'subscription',
				operation: 'setAutoRenew',
				subscriptionIds: SUB_A,
				autoRenew: false,
			});
			expect(jsonOf(out)).toEqual([{ message: 'Auto renewal updated' }]);
		});

		it('fails before sending when no subscription ID is given', async () => {
			await expect(
				runNode({ resource: 'subscription', operation: 'setAutoRenew', subscriptionIds: '' }),
			).rejects.toMatchObject({ message: 'Subscription IDs is empty [item 0]' });
		});
	});

	describe('Cancel', () => {
		it('cancels by subscription ID', async () => {
			cmr()
				.post('/subscriptions/cancel', { subscriptionId: SUB_A })
				.query({})
				.reply(200, envelope(null, { message: 'Subscription will be cancelled successfully' }));
			const out = await runNode({
				resource: 'subscription',
				operation: 'cancel',
				subscriptionId: { __rl: true, mode: 'id', value: SUB_A },
			});
			expect(jsonOf(out)).toEqual([{ message: 'Subscription will be cancelled successfully' }]);
		});

		it('cancels by domain', async () => {
			cmr()
				.post('/subscriptions/cancel', { domain: 'clientapp.co' })
				.query({})
				.reply(200, envelope(null, { message: 'Subscription will be cancelled successfully' }));
			await runNode({
				resource: 'subscription',
				operation: 'cancel',
				identifyBy: 'domain',
				domain: ' clientapp.co ',
			});
		});

		it('fails before sending when the subscription is empty', async () => {
			await expect(
				runNode({
					resource: 'subscription',
					operation: 'cancel',
					subscriptionId: { __rl: true, mode: 'id', value: '' },
				}),
			).rejects.toMatchObject({ message: 'Subscription is empty [item 0]' });
		});

		it('fails before sending when the domain is empty', async () => {
			await expect(
				runNode({
					resource: 'subscription',
					operation: 'cancel',
					identifyBy: 'domain',
					domain: '',
				}),
			).rejects.toMatchObject({ message: 'Domain is empty [item 0]' });
		});
	});

	describe('Recreate', () => {
		it('recreates by subscription IDs', async () => {
			cmr()
				.post('/component/subscriptions/recreate', { subscriptionIds: [SUB_A, SUB_B] })
				.query({})
				.reply(200, envelope(null, { message: 'Recreation queued', actionId: ACTION_ID }));
			const out = await runNode({
				resource: 'subscription',
				operation: 'recreate',
				subscriptionIds: `${SUB_A}\n${SUB_B}`,
			});
			expect(jsonOf(out)).toEqual([{ message: 'Recreation queued', actionId: ACTION_ID }]);
		});

		it('recreates by domain names', async () => {
			cmr()
				.post('/component/subscriptions/recreate', { domainNames: ['acme.com', 'acme-mail.com'] })
				.query({})
				.reply(200, envelope(null, { message: 'Recreation queued' }));
			await runNode({
				resource: 'subscription',
				operation: 'recreate',
				identifyBy: 'domainNames',
				domainNames: 'acme.com, acme-mail.com',
			});
		});

		it('fails before sending when no domain name is given', async () => {
			await expect(
				runNode({
					resource: 'subscription',
					operation: 'recreate',
					identifyBy: 'domainNames',
					domainNames: '',
				}),
			).rejects.toMatchObject({ message: 'Domain Names is empty [item 0]' });
		});
	});
});
