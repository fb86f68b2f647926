import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID } from '../helpers/harness';

const ORDER_ID = '7K2M9P4Q1R8S5T3U6V0W2X4Y8Z1A';
const MAILBOX_A = 'GP6M2J2DHXM3F2J40S8AP316R2QR';
const MAILBOX_B = '4X9K1L7N2P5Q8R3S6T0U';
const user = { __rl: true, mode: 'id', value: USER_ID };

const report = (orderId: string) => ({
	orderId,
	status: 'PENDING',
	spamassassin: true,
	blacklist: true,
	mailboxCount: 1,
	mailboxes: [
		{
			placementOrderId: '3N5P7Q9R1S4T6U8V',
			fromEmail: 'john@acme.com',
			status: 'PENDING',
			report: { inboxTest: { google: [], microsoft365: [] }, spamassassin: {}, blacklist: {} },
		},
	],
});

describe('Placement Test', () => {
	useNock();

	describe('Create', () => {
		it('sends the mailbox IDs and the chosen checks, userId in the query', async () => {
			cmr()
				.post('/placement', {
					mailboxIds: [MAILBOX_A, MAILBOX_B],
					spamassassin: true,
					blacklist: true,
					aiInsight: false,
				})
				.query({ userId: USER_ID })
				.reply(200, envelope({ orderId: ORDER_ID }, { message: 'Success' }));
			const out = await runNode({
				resource: 'placementTest',
				operation: 'create',
				userId: user,
				mailboxIds: `${MAILBOX_A},${MAILBOX_B}`,
				additionalFields: { spamassassin: true, blacklist: true, aiInsight: false },
			});
			expect(jsonOf(out)).toEqual([{ orderId: ORDER_ID }]);
		});

		it('maps 402 Insufficient wallet balance to a NodeApiError', async () => {
			cmr()
				.post('/placement', { mailboxIds: [MAILBOX_A] })
				.query({ userId: USER_ID })
				.reply(402, {
					status: 402,
					message: 'Insufficient wallet balance to run placement test',
					data: null,
				});
			await expect(
				runNode({
					resource: 'placementTest',
					operation: 'create',
					userId: user,
					mailboxIds: MAILBOX_A,
				}),
			).rejects.toMatchObject({
				name: 'NodeApiError',
				message: 'Insufficient wallet balance to run placement test [item 0]',
				httpCode: '402',
			});
		});

		it('refuses Retry On Fail because the call is paid, and sends nothing', async () => {
			await expect(
				runNode(
					{ resource: 'placementTest', operation: 'create', userId: user, mailboxIds: MAILBOX_A },
					{ retryOnFail: true },
				),
			).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it('fails before sending when no mailbox ID is given', async () => {
			await expect(
				runNode({ resource: 'placementTest', operation: 'create', userId: user, mailboxIds: ',' }),
			).rejects.toMatchObject({ message: 'Mailbox IDs is empty [item 0]' });
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({ resource: 'placementTest', operation: 'create', mailboxIds: MAILBOX_A }),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Get Many', () => {
		it('lists reports page by page with Return All, keeping userId and filters', async () => {
			for (const [page, count] of [
				[1, 100],
				[2, 100],
				[3, 2],
			]) {
				cmr()
					.get('/placement/reports')
					.query({ userId: USER_ID, mailboxId: MAILBOX_A, page, limit: 100 })
					.reply(
						200,
						envelope({
							reports: Array.from({ length: count }, (_, i) => report(`R${page}-${i}`)),
							pagination: { currentPage: page, totalPages: 3 },
						}),
					);
			}
			const out = await runNode({
				resource: 'placementTest',
				operation: 'getAll',
				userId: user,
				returnAll: true,
				filters: { mailboxId: MAILBOX_A },
			});
			expect(out).toHaveLength(202);
			expect(out[201].json).toEqual(report('R3-1'));
		});

		it('outputs a single report as one item when CMR answers with one report', async () => {
			cmr()
				.get('/placement/reports')
				.query({ userId: USER_ID, orderId: ORDER_ID, page: 1, limit: 50 })
				.reply(200, envelope(report(ORDER_ID)));
			const out = await runNode({
				resource: 'placementTest',
				operation: 'getAll',
				userId: user,
				filters: { orderId: ORDER_ID },
			});
			expect(jsonOf(out)).toEqual([report(ORDER_ID)]);
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({ resource: 'placementTest', operation: 'getAll' }),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});
});
