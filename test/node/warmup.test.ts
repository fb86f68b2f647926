import type { IDataObject } from 'n8n-workflow';
import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, byId } from '../helpers/harness';

const MAILBOX_ID = 'GP6M2J2DHXM3F2J40S8AP316R2QR';
const ACTION_ID = 'ACT_7a078272-0fa7-4db4-a85b-c78697dacea1';

const allSettings = {
	warmupLimit: 40,
	minimumWarmupLimit: 5,
	warmupReplyRate: 0.3,
	warmupOpenRate: 0.8,
	warmupSpamProtectionRate: 0.2,
	warmupOnWeekdays: true,
	increasePerDay: 2,
	warmupDisableSlow: false,
	minimumDelayBetweenWarmupEmails: 60,
	maximumDelayBetweenWarmupEmails: 300,
};

function settings(values: IDataObject): IDataObject {
	return {
		resource: 'warmup',
		operation: 'updateSettings',
		mailboxId: byId(MAILBOX_ID),
		settings: values,
	};
}

describe('Warmup', () => {
	useNock();

	describe('Add', () => {
		it('posts with mailboxId in the query, no body, and keeps actionId', async () => {
			cmr()
				.post('/mailboxes/warmup', (sent) => sent === '')
				.query({ mailboxId: MAILBOX_ID })
				.reply(
					200,
					envelope({ status: 'PENDING' }, { message: 'Warmup added', actionId: ACTION_ID }),
				);
			const out = await runNode({
				resource: 'warmup',
				operation: 'add',
				mailboxId: byId(MAILBOX_ID),
			});
			expect(jsonOf(out)).toEqual([{ status: 'PENDING', actionId: ACTION_ID }]);
		});

		it('refuses Retry On Fail (prorated charge) and sends nothing', async () => {
			await expect(
				runNode(
					{ resource: 'warmup', operation: 'add', mailboxId: byId(MAILBOX_ID) },
					{ retryOnFail: true },
				),
			).rejects.toMatchObject({
				message: 'Retry On Fail is on for an operation that charges the CMR wallet [item 0]',
			});
		});

		it('fails before sending without a mailbox', async () => {
			await expect(
				runNode({ resource: 'warmup', operation: 'add', mailboxId: byId('') }),
			).rejects.toMatchObject({ message: 'Mailbox is empty [item 0]' });
		});
	});

	describe('Pause or Resume', () => {
		it('posts with mailboxId in the query and no body', async () => {
			let body: unknown;
			cmr()
				.post('/mailboxes/warmup/toggle', (sent) => {
					body = sent;
					return true;
				})
				.query({ mailboxId: MAILBOX_ID })
				.reply(
					200,
					envelope({ status: 'PAUSED' }, { message: 'Warmup paused', actionId: ACTION_ID }),
				);
			const out = await runNode({
				resource: 'warmup',
				operation: 'toggle',
				mailboxId: byId(MAILBOX_ID),
			});
			expect(jsonOf(out)).toEqual([{ status: 'PAUSED', actionId: ACTION_ID }]);
			expect(body).toBe('');
		});

		it('is not guarded as a paid call', async () => {
			cmr()
				.post('/mailboxes/warmup/toggle')
				.query({ mailboxId: MAILBOX_ID })
				.reply(200, envelope({ status: 'ACTIVE' }));
			const out = await runNode(
				{ resource: 'warmup', operation: 'toggle', mailboxId: byId(MAILBOX_ID) },
				{ retryOnFail: true },
			);
			expect(jsonOf(out)).toEqual([{ status: 'ACTIVE' }]);
		});
	});

	describe('Remove', () => {
		it('sends a DELETE with mailboxId in the query and returns {deleted: true, mailboxId}', async () => {
			cmr()
				.delete('/mailboxes/warmup')
				.query({ mailboxId: MAILBOX_ID })
				.reply(200, { status: 200, message: 'Warmup removed', actionId: ACTION_ID });
			const out = await runNode({
				resource: 'warmup',
				operation: 'remove',
				mailboxId: byId(MAILBOX_ID),
			});
			expect(jsonOf(out)).toEqual([{ deleted: true, mailboxId: MAILBOX_ID, actionId: ACTION_ID }]);
		});

		it('fails before sending without a mailbox', async () => {
			await expect(
				runNode({ resource: 'warmup', operation: 'remove', mailboxId: byId(' ') }),
			).rejects.toMatchObject({ message: 'Mailbox is empty [item 0]' });
		});
	});

	describe('Update Settings', () => {
		it('sends every documented setting in the body with mailboxId in the query', async () => {
			cmr()
				.patch('/mailboxes/warmup/settings', allSettings)
				.query({ mailboxId: MAILBOX_ID })
				.reply(200, envelope(allSettings, { message: 'Warmup settings updated' }));
			const out = await runNode(settings(allSettings));
			expect(jsonOf(out)).toEqual([allSettings]);
		});

		it('sends only the settings given, including zero and false', async () => {
			cmr()
				.patch('/mailboxes/warmup/settings', { warmupReplyRate: 0, warmupOnWeekdays: false })
				.query({ mailboxId: MAILBOX_ID })
				.reply(200, envelope(null, { message: 'Warmup settings updated' }));
			const out = await runNode(settings({ warmupReplyRate: 0, warmupOnWeekdays: false }));
			expect(jsonOf(out)).toEqual([{ message: 'Warmup settings updated' }]);
		});

		it.each([
			['no setting is given', {}, 'No warmup settings to update [item 0]'],
			[
				'a rate is above 1',
				{ warmupReplyRate: 30 },
				'Warmup Reply Rate must be between 0 and 1 [item 0]',
			],
			[
				'a rate is below 0',
				{ warmupOpenRate: -0.1 },
				'Warmup Open Rate must be between 0 and 1 [item 0]',
			],
			[
				'the spam protection rate is above 1',
				{ warmupSpamProtectionRate: 1.5 },
				'Warmup Spam Protection Rate must be between 0 and 1 [item 0]',
			],
			['a count is negative', { warmupLimit: -1 }, 'Warmup Limit must be 0 or more [item 0]'],
			[
				'the minimum delay exceeds the maximum delay',
				{ minimumDelayBetweenWarmupEmails: 400, maximumDelayBetweenWarmupEmails: 300 },
				'Minimum Delay Between Warmup Emails is greater than Maximum Delay Between Warmup Emails [item 0]',
			],
		])('fails before sending when %s', async (_case, values, message) => {
			await expect(runNode(settings(values as IDataObject))).rejects.toMatchObject({ message });
		});

		it('fails before sending without a mailbox', async () => {
			await expect(
				runNode({ ...settings({ warmupLimit: 40 }), mailboxId: byId('') }),
			).rejects.toMatchObject({ message: 'Mailbox is empty [item 0]' });
		});
	});
});
