import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID } from '../helpers/harness';

const MAILBOX_ID = 'GP6M2J2DHXM3F2J40S8AP316R2QR';
const ACTION_ID = 'ACT_7a078272-0fa7-4db4-a85b-c78697dacea1';
const user = { __rl: true, mode: 'id', value: USER_ID };
const mailbox = { __rl: true, mode: 'id', value: MAILBOX_ID };

const google = {
	googleOauthRoute: 'https://yourapp.com/oauth/google',
	clientId: '1234567890-abc.apps.googleusercontent.com',
	appName: 'YourApp',
};

describe('Export', () => {
	useNock();

	describe('Re-Export Mailbox (OAuth)', () => {
		it('sends the Google settings nested under google, userId in the query', async () => {
			cmr()
				.post('/mailboxes/oauth', { mailboxId: MAILBOX_ID, google })
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'Export queued', actionId: ACTION_ID }));
			const out = await runNode({
				resource: 'export',
				operation: 'reexportOauth',
				userId: user,
				mailboxId: mailbox,
				googleOauth: { settings: { ...google, appName: ' YourApp ' } },
			});
			expect(jsonOf(out)).toEqual([{ message: 'Export queued', actionId: ACTION_ID }]);
		});

		it('sends the Microsoft route nested as microsoft.microsoftOauthRoute', async () => {
			cmr()
				.post('/mailboxes/oauth', {
					mailboxId: MAILBOX_ID,
					microsoft: { microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft' },
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'Export queued' }));
			await runNode({
				resource: 'export',
				operation: 'reexportOauth',
				userId: user,
				mailboxId: mailbox,
				microsoftOauth: {
					settings: { microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft' },
				},
			});
		});

		it('fails before sending when neither OAuth group is given', async () => {
			await expect(
				runNode({
					resource: 'export',
					operation: 'reexportOauth',
					userId: user,
					mailboxId: mailbox,
				}),
			).rejects.toMatchObject({
				message: 'Neither Google OAuth nor Microsoft OAuth is set [item 0]',
			});
		});

		it('fails before sending when both OAuth groups are given', async () => {
			await expect(
				runNode({
					resource: 'export',
					operation: 'reexportOauth',
					userId: user,
					mailboxId: mailbox,
					googleOauth: { settings: google },
					microsoftOauth: { settings: { microsoftOauthRoute: 'https://yourapp.com/oauth/ms' } },
				}),
			).rejects.toMatchObject({
				message: 'Both Google OAuth and Microsoft OAuth are set [item 0]',
			});
		});

		it('fails before sending when the Google group is incomplete', async () => {
			await expect(
				runNode({
					resource: 'export',
					operation: 'reexportOauth',
					userId: user,
					mailboxId: mailbox,
					googleOauth: { settings: { googleOauthRoute: google.googleOauthRoute } },
				}),
			).rejects.toMatchObject({ message: 'Google OAuth is missing Client ID, App Name [item 0]' });
		});

		it('fails before sending when the mailbox is empty', async () => {
			await expect(
				runNode({
					resource: 'export',
					operation: 'reexportOauth',
					userId: user,
					mailboxId: { __rl: true, mode: 'id', value: '' },
					googleOauth: { settings: google },
				}),
			).rejects.toMatchObject({ message: 'Mailbox is empty [item 0]' });
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({
					resource: 'export',
					operation: 'reexportOauth',
					mailboxId: mailbox,
					googleOauth: { settings: google },
				}),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Validate Mailbox', () => {
		it('sends the mailboxId in the body and userId in the query', async () => {
			cmr()
				.post('/mailboxes/validate-mailbox', { mailboxId: MAILBOX_ID })
				.query({ userId: USER_ID })
				.reply(200, envelope({ smtp: 'OK', dns: 'OK' }, { message: 'Mailbox is valid' }));
			const out = await runNode({
				resource: 'export',
				operation: 'validateMailbox',
				userId: user,
				mailboxId: mailbox,
			});
			expect(jsonOf(out)).toEqual([{ smtp: 'OK', dns: 'OK' }]);
		});

		it('fails before sending when the mailbox is empty', async () => {
			await expect(
				runNode({ resource: 'export', operation: 'validateMailbox', userId: user }),
			).rejects.toMatchObject({ message: 'Mailbox is empty [item 0]' });
		});
	});

	describe('Export Mailboxes', () => {
		it('sends credentialId and componentMailboxIds, userId in the query', async () => {
			cmr()
				.post('/exports/platform-exports', {
					credentialId: 'A1B2C3D4E5F6G7H8',
					componentMailboxIds: [MAILBOX_ID, '4X9K1L7N2P5Q8R3S6T0U'],
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'Export queued', actionId: ACTION_ID }));
			const out = await runNode({
				resource: 'export',
				operation: 'exportMailboxes',
				userId: user,
				credentialId: ' A1B2C3D4E5F6G7H8 ',
				mailboxIds: `${MAILBOX_ID}, 4X9K1L7N2P5Q8R3S6T0U`,
			});
			expect(jsonOf(out)).toEqual([{ message: 'Export queued', actionId: ACTION_ID }]);
		});

		it('fails before sending when the credential ID is empty', async () => {
			await expect(
				runNode({
					resource: 'export',
					operation: 'exportMailboxes',
					userId: user,
					credentialId: '',
					mailboxIds: MAILBOX_ID,
				}),
			).rejects.toMatchObject({ message: 'Credential ID is empty [item 0]' });
		});

		it('fails before sending when no mailbox ID is given', async () => {
			await expect(
				runNode({
					resource: 'export',
					operation: 'exportMailboxes',
					userId: user,
					credentialId: 'A1B2C3D4E5F6G7H8',
					mailboxIds: '',
				}),
			).rejects.toMatchObject({ message: 'Mailbox IDs is empty [item 0]' });
		});

		it('maps a 403 to a NodeApiError with CMR message and status', async () => {
			cmr()
				.post('/exports/platform-exports')
				.query({ userId: USER_ID })
				.reply(403, { status: 403, message: 'Mailbox does not belong to user', data: null });
			await expect(
				runNode({
					resource: 'export',
					operation: 'exportMailboxes',
					userId: user,
					credentialId: 'A1B2C3D4E5F6G7H8',
					mailboxIds: MAILBOX_ID,
				}),
			).rejects.toMatchObject({
				name: 'NodeApiError',
				message: 'Mailbox does not belong to user [item 0]',
				httpCode: '403',
			});
		});
	});
});
