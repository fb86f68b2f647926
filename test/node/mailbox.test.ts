import type { IDataObject } from 'n8n-workflow';
import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID, byId } from '../helpers/harness';

const MAILBOX_ID = 'GP6M2J2DHXM3F2J40S8AP316R2QR';
const ACTION_ID = 'ACT_7a078272-0fa7-4db4-a85b-c78697dacea1';

const mailbox = {
	mailboxId: MAILBOX_ID,
	email: 'alice@alicesender.com',
	username: 'alice',
	status: 'ACTIVE',
	domain: 'alicesender.com',
	firstName: 'Alice',
	lastName: 'Johnson',
	userId: USER_ID,
	serviceProvider: 'GOOGLE',
	warmupStatus: 'ACTIVE',
	createdAt: '2026-06-01T10:00:00.000Z',
	subscriptionId: 'YC2H6C87PPKPG5WXVNQ682GAVFTM',
	profilePicture: null,
	password: 'secret',
};

const simple = {
	mailboxId: MAILBOX_ID,
	email: 'alice@alicesender.com',
	status: 'ACTIVE',
	domain: 'alicesender.com',
	firstName: 'Alice',
	lastName: 'Johnson',
	userId: USER_ID,
	serviceProvider: 'GOOGLE',
	warmupStatus: 'ACTIVE',
	createdAt: '2026-06-01T10:00:00.000Z',
};

function update(updateFields: IDataObject, parameters: IDataObject = {}): IDataObject {
	return {
		resource: 'mailbox',
		operation: 'update',
		userId: byId(USER_ID),
		mailboxId: byId(MAILBOX_ID),
		updateFields,
		...parameters,
	};
}

describe('Mailbox', () => {
	useNock();

	describe('Get Many', () => {
		it('lists partner-wide mailboxes over 3 pages with Return All, keeping the filters', async () => {
			const page = (n: number, count: number) =>
				Array.from({ length: count }, (_, i) => ({ ...mailbox, mailboxId: `M${n}-${i}` }));
			for (const [n, count] of [
				[1, 100],
				[2, 100],
				[3, 4],
			]) {
				cmr()
					.get('/mailboxes')
					.query({ userId: USER_ID, status: 'ACTIVE', page: n, limit: 100 })
					.reply(
						200,
						envelope({ mailboxes: page(n, count), pagination: { currentPage: n, totalPages: 3 } }),
					);
			}
			const out = await runNode({
				resource: 'mailbox',
				operation: 'getAll',
				returnAll: true,
				filters: { userId: ` ${USER_ID} `, status: 'ACTIVE' },
			});
			expect(out).toHaveLength(204);
			expect(out[203].json).toEqual({ ...simple, mailboxId: 'M3-3' });
		});

		it('stops at Limit, sends no userId by default and uses id when mailboxId is missing', async () => {
			cmr()
				.get('/mailboxes')
				.query({ page: 1, limit: 2 })
				.reply(
					200,
					envelope([
						{ id: 'A', email: 'a@x.io', password: 'p' },
						{ id: 'B', email: 'b@x.io', password: 'p' },
					]),
				);
			const out = await runNode({ resource: 'mailbox', operation: 'getAll', limit: 2 });
			expect(jsonOf(out)).toEqual([
				{ id: 'A', email: 'a@x.io' },
				{ id: 'B', email: 'b@x.io' },
			]);
		});

		it('returns raw records when Simplify is off', async () => {
			cmr()
				.get('/mailboxes')
				.query({ page: 1, limit: 50 })
				.reply(200, envelope([mailbox]));
			const out = await runNode({ resource: 'mailbox', operation: 'getAll', simple: false });
			expect(jsonOf(out)).toEqual([mailbox]);
		});
	});

	describe('Get Many for User', () => {
		it('sends userId in the query and simplifies', async () => {
			cmr()
				.get('/mailboxes/single')
				.query({ userId: USER_ID, page: 1, limit: 50 })
				.reply(200, envelope({ mailboxes: [mailbox] }));
			const out = await runNode({
				resource: 'mailbox',
				operation: 'getAllForUser',
				userId: byId(USER_ID),
			});
			expect(jsonOf(out)).toEqual([simple]);
		});

		it('fails before sending without a user', async () => {
			await expect(
				runNode({ resource: 'mailbox', operation: 'getAllForUser', userId: byId('') }),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Get', () => {
		it('sends mailboxId in the query without userId and simplifies', async () => {
			cmr()
				.get('/mailboxes/mailbox')
				.query({ mailboxId: MAILBOX_ID })
				.reply(200, envelope(mailbox));
			const out = await runNode({
				resource: 'mailbox',
				operation: 'get',
				mailboxId: byId(MAILBOX_ID),
			});
			expect(jsonOf(out)).toEqual([simple]);
		});

		it('keeps id in place of a missing mailboxId when simplifying', async () => {
			const { mailboxId, ...withoutMailboxId } = mailbox;
			cmr()
				.get('/mailboxes/mailbox')
				.query({ mailboxId: MAILBOX_ID })
				.reply(200, envelope({ ...withoutMailboxId, id: mailboxId }));
			const out = await runNode({
				resource: 'mailbox',
				operation: 'get',
				mailboxId: byId(MAILBOX_ID),
			});
			const { mailboxId: id, ...rest } = simple;
			expect(jsonOf(out)).toEqual([{ ...rest, id }]);
		});

		it('fails before sending without a mailbox', async () => {
			await expect(
				runNode({ resource: 'mailbox', operation: 'get', mailboxId: byId(' ') }),
			).rejects.toMatchObject({ message: 'Mailbox is empty [item 0]' });
		});
	});

	describe('Get Admin Details', () => {
		it('sends userId and mailboxId in the query', async () => {
			const admin = { adminEmail: 'admin@alicesender.com', workspaceId: 'W1' };
			cmr()
				.get('/mailboxes/admin-mailbox-details')
				.query({ userId: USER_ID, mailboxId: MAILBOX_ID })
				.reply(200, envelope(admin));
			const out = await runNode({
				resource: 'mailbox',
				operation: 'getAdminDetails',
				userId: byId(USER_ID),
				mailboxId: byId(MAILBOX_ID),
			});
			expect(jsonOf(out)).toEqual([admin]);
		});

		it('fails before sending without a user', async () => {
			await expect(
				runNode({
					resource: 'mailbox',
					operation: 'getAdminDetails',
					userId: byId(''),
					mailboxId: byId(MAILBOX_ID),
				}),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Update', () => {
		it('sends mailboxData with userName (capital N) and returns message + actionId', async () => {
			cmr()
				.patch('/mailboxes/update-mailbox-details', {
					mailboxData: {
						mailboxId: MAILBOX_ID,
						userName: 'alice.doe',
						firstName: 'Alice',
						lastName: 'Doe',
					},
				})
				.query({ userId: USER_ID })
				.reply(200, {
					status: 200,
					message: 'Mailbox details will update shortly',
					actionId: ACTION_ID,
				});
			const out = await runNode(
				update({ userName: ' alice.doe ', firstName: 'Alice', lastName: 'Doe' }),
			);
			expect(jsonOf(out)).toEqual([
				{ message: 'Mailbox details will update shortly', actionId: ACTION_ID },
			]);
		});

		it('sends a new profile picture', async () => {
			cmr()
				.patch('/mailboxes/update-mailbox-details', {
					mailboxData: { mailboxId: MAILBOX_ID, profilePicture: 'https://cdn.example.com/a.jpg' },
				})
				.query({ userId: USER_ID })
				.reply(200, { status: 200, message: 'Mailbox details will update shortly' });
			await runNode(update({ profilePicture: 'https://cdn.example.com/a.jpg' }));
		});

		it('removes the profile picture', async () => {
			cmr()
				.patch('/mailboxes/update-mailbox-details', {
					mailboxData: { mailboxId: MAILBOX_ID, removeProfilePicture: true },
				})
				.query({ userId: USER_ID })
				.reply(200, { status: 200, message: 'Mailbox details will update shortly' });
			await runNode(update({ removeProfilePicture: true }));
		});

		it.each([
			['nothing changes', {}, 'No fields to update [item 0]'],
			[
				'only Remove Profile Picture off is set',
				{ removeProfilePicture: false },
				'No fields to update [item 0]',
			],
			['a field is blank', { firstName: ' ' }, 'First Name is empty [item 0]'],
			[
				'the username contains @',
				{ userName: 'alice@acme.com' },
				'Username "alice@acme.com" is invalid: it must not contain "@" (enter only the part before it) [item 0]',
			],
			[
				'the username has a leading dot',
				{ userName: '.alice' },
				'Username ".alice" is invalid: it may only contain letters, digits, ".", "_" and "-" (no spaces, no leading, trailing or doubled dot) [item 0]',
			],
			[
				'the picture is not an http(s) URL',
				{ profilePicture: 'cdn.example.com/a.jpg' },
				'Profile Picture URL is not an http(s) URL [item 0]',
			],
			[
				'a picture is set and removed together',
				{ profilePicture: 'https://cdn.example.com/a.jpg', removeProfilePicture: true },
				'Profile Picture URL and Remove Profile Picture are both set [item 0]',
			],
		])('fails before sending when %s', async (_case, updateFields, message) => {
			await expect(runNode(update(updateFields as IDataObject))).rejects.toMatchObject({ message });
		});

		it('fails before sending without a mailbox', async () => {
			await expect(
				runNode(update({ firstName: 'Alice' }, { mailboxId: byId('') })),
			).rejects.toMatchObject({ message: 'Mailbox is empty [item 0]' });
		});
	});

	describe('Delete', () => {
		it('sends a DELETE with a JSON body {mailboxId} and userId in the query', async () => {
			cmr()
				.delete('/mailboxes/remove', { mailboxId: MAILBOX_ID })
				.query({ userId: USER_ID })
				.reply(200, { status: 200, message: 'Mailbox will be removed shortly' });
			const out = await runNode({
				resource: 'mailbox',
				operation: 'delete',
				userId: byId(USER_ID),
				mailboxId: byId(MAILBOX_ID),
			});
			expect(jsonOf(out)).toEqual([{ deleted: true, mailboxId: MAILBOX_ID }]);
		});

		it('surfaces CMR refusing a removal close to expiry', async () => {
			cmr()
				.delete('/mailboxes/remove', { mailboxId: MAILBOX_ID })
				.query({ userId: USER_ID })
				.reply(422, {
					status: 422,
					message: 'Mailbox cannot be removed within 24 hours of expiry',
					data: null,
				});
			await expect(
				runNode({
					resource: 'mailbox',
					operation: 'delete',
					userId: byId(USER_ID),
					mailboxId: byId(MAILBOX_ID),
				}),
			).rejects.toMatchObject({
				message: 'Mailbox cannot be removed within 24 hours of expiry [item 0]',
				httpCode: '422',
			});
		});

		it.each([
			['the user is empty', { userId: byId('') }, 'User is empty [item 0]'],
			['the mailbox is empty', { mailboxId: byId('') }, 'Mailbox is empty [item 0]'],
		])('fails before sending when %s', async (_case, parameters, message) => {
			await expect(
				runNode({
					resource: 'mailbox',
					operation: 'delete',
					userId: byId(USER_ID),
					mailboxId: byId(MAILBOX_ID),
					...parameters,
				}),
			).rejects.toMatchObject({ message });
		});
	});
});
