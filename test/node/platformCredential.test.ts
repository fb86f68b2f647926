import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID } from '../helpers/harness';

const CREDENTIAL_ID = 'A1B2C3D4E5F6G7H8';
/** A made-up platform login, as in CMR's docs example. */
const PLATFORM_LOGIN = { email: 'john@agency.com', pass: 'eb_password_abc123' };
const user = { __rl: true, mode: 'id', value: USER_ID };

const metadata = {
	appBaseUrl: 'https://app.emailbison.com',
	clientId: 'client_eb_1234abcd',
	appName: 'EmailBison',
	workspace: 'my-workspace',
};

describe('Platform Credential', () => {
	useNock();

	describe('Get Many', () => {
		it('outputs one item per stored credential, and unconnected apps as connected: false', async () => {
			const credential = {
				credentialId: CREDENTIAL_ID,
				email: 'john@agency.com',
				connectedAt: '2024-05-01T10:00:00.000Z',
				metadata,
			};
			cmr()
				.get('/exports/platform-credentials')
				.query({ userId: USER_ID })
				.reply(
					200,
					envelope({
						EMAILBISON: {
							connected: true,
							credentials: [credential, { ...credential, credentialId: 'SECOND', email: 'b@x.io' }],
						},
						INSTANTLY: { connected: false, credentials: [] },
					}),
				);
			const out = await runNode({
				resource: 'platformCredential',
				operation: 'getAll',
				userId: user,
			});
			expect(jsonOf(out)).toEqual([
				{ app: 'EMAILBISON', ...credential },
				{ app: 'EMAILBISON', ...credential, credentialId: 'SECOND', email: 'b@x.io' },
				{ app: 'INSTANTLY', connected: false },
			]);
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({ resource: 'platformCredential', operation: 'getAll' }),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Create', () => {
		it('sends app, nested credentials and metadata, userId in the query', async () => {
			cmr()
				.post('/exports/platform-credential', {
					app: 'EMAILBISON',
					credentials: { email: PLATFORM_LOGIN.email, password: PLATFORM_LOGIN.pass },
					metadata,
				})
				.query({ userId: USER_ID })
				.reply(
					200,
					envelope(
						{ credentialId: CREDENTIAL_ID },
						{ message: 'Platform credentials added successfully' },
					),
				);
			const out = await runNode({
				resource: 'platformCredential',
				operation: 'create',
				userId: user,
				app: 'EMAILBISON',
				email: ' john@agency.com ',
				password: PLATFORM_LOGIN.pass,
				additionalFields: metadata,
			});
			expect(jsonOf(out)).toEqual([{ credentialId: CREDENTIAL_ID }]);
		});

		it('sends no metadata when none is given and accepts an app from an expression', async () => {
			cmr()
				.post('/exports/platform-credential', {
					app: 'LEMLIST',
					credentials: { email: 'john@agency.com', password: 'pw' },
				})
				.query({ userId: USER_ID })
				.reply(200, envelope({ credentialId: CREDENTIAL_ID }));
			await runNode({
				resource: 'platformCredential',
				operation: 'create',
				userId: user,
				app: '={{ "LEMLIST" }}',
				email: 'john@agency.com',
				password: 'pw',
			});
		});

		it('fails before sending when the password is empty', async () => {
			await expect(
				runNode({
					resource: 'platformCredential',
					operation: 'create',
					userId: user,
					email: 'john@agency.com',
					password: '',
				}),
			).rejects.toMatchObject({ message: 'Password is empty [item 0]' });
		});

		it('fails before sending when the email is empty', async () => {
			await expect(
				runNode({
					resource: 'platformCredential',
					operation: 'create',
					userId: user,
					email: ' ',
					password: 'pw',
				}),
			).rejects.toMatchObject({ message: 'Email is empty [item 0]' });
		});

		it('maps a failed live validation (400) to a NodeApiError', async () => {
			cmr()
				.post('/exports/platform-credential')
				.query({ userId: USER_ID })
				.reply(400, { status: 400, message: 'Invalid EmailBison credentials', data: null });
			await expect(
				runNode({
					resource: 'platformCredential',
					operation: 'create',
					userId: user,
					email: 'john@agency.com',
					password: 'wrong',
				}),
			).rejects.toMatchObject({
				message: 'Invalid EmailBison credentials [item 0]',
				httpCode: '400',
			});
		});
	});

	describe('Update', () => {
		it('sends credentialId in the query and only the changed fields', async () => {
			cmr()
				.put('/exports/platform-credential', {
					orgId: 'org-42',
					credentials: { password: 'new-pw' },
					metadata: { workspace: 'other' },
				})
				.query({ userId: USER_ID, credentialId: CREDENTIAL_ID })
				.reply(200, envelope(null, { message: 'Platform credential updated' }));
			const out = await runNode({
				resource: 'platformCredential',
				operation: 'update',
				userId: user,
				credentialId: CREDENTIAL_ID,
				updateFields: { orgId: 'org-42', password: 'new-pw', workspace: 'other' },
			});
			expect(jsonOf(out)).toEqual([{ message: 'Platform credential updated' }]);
		});

		it('fails before sending when there is nothing to update', async () => {
			await expect(
				runNode({
					resource: 'platformCredential',
					operation: 'update',
					userId: user,
					credentialId: CREDENTIAL_ID,
				}),
			).rejects.toMatchObject({ message: 'No fields to update [item 0]' });
		});

		it('fails before sending when the credential ID is empty', async () => {
			await expect(
				runNode({
					resource: 'platformCredential',
					operation: 'update',
					userId: user,
					credentialId: '',
					updateFields: { orgId: 'org-42' },
				}),
			).rejects.toMatchObject({ message: 'Credential ID is empty [item 0]' });
		});
	});

	describe('Delete', () => {
		it('deletes with userId and credentialId in the query and returns {deleted: true}', async () => {
			cmr()
				.delete('/exports/platform-credential')
				.query({ userId: USER_ID, credentialId: CREDENTIAL_ID })
				.reply(200, envelope(null, { message: 'Platform credentials removed successfully' }));
			const out = await runNode({
				resource: 'platformCredential',
				operation: 'delete',
				userId: user,
				credentialId: CREDENTIAL_ID,
			});
			expect(jsonOf(out)).toEqual([{ deleted: true, credentialId: CREDENTIAL_ID }]);
		});

		it('fails before sending when the credential ID is empty', async () => {
			await expect(
				runNode({
					resource: 'platformCredential',
					operation: 'delete',
					userId: user,
					credentialId: ' ',
				}),
			).rejects.toMatchObject({ message: 'Credential ID is empty [item 0]' });
		});
	});

	describe('Get Workspaces', () => {
		it('lists the workspaces with userId and credentialId in the query', async () => {
			const workspaces = [
				{ orgId: 'org-1', name: 'Agency' },
				{ orgId: 'org-2', name: 'Client' },
			];
			cmr()
				.get('/exports/platform-workspaces')
				.query({ userId: USER_ID, credentialId: CREDENTIAL_ID })
				.reply(200, envelope({ workspaces }));
			const out = await runNode({
				resource: 'platformCredential',
				operation: 'getWorkspaces',
				userId: user,
				credentialId: CREDENTIAL_ID,
			});
			expect(jsonOf(out)).toEqual(workspaces);
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({
					resource: 'platformCredential',
					operation: 'getWorkspaces',
					credentialId: CREDENTIAL_ID,
				}),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});
});
