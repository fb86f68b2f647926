import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID, byId } from '../helpers/harness';

const profile = {
	email: 'johndoe@company.com',
	company: 'TechCorp Inc.',
	firstName: 'John',
	lastName: 'Doe',
	country: 'US',
	state: 'New York',
	city: 'New York',
	addressLineOne: '123 Main Street',
	postalCode: '10001',
	languagePreference: 'en',
	phoneCc: '1',
	phone: '2125551234',
};

/** User → Update with merging off: expects exactly `body` in the PUT. */
async function updateWithoutMerge(updateFields: object, body: object) {
	cmr()
		.put('/users', body)
		.query({ userId: USER_ID })
		.reply(200, envelope(null, { message: 'User updated' }));
	const out = await runNode({
		resource: 'user',
		operation: 'update',
		userId: userById,
		mergeWithCurrent: false,
		updateFields,
	});
	expect(jsonOf(out)).toEqual([{ message: 'User updated' }]);
}

const userById = byId(USER_ID);

describe('User', () => {
	useNock();

	it('creates a user with the documented JSON body and no userId (Country and State as plain strings, as saved by older versions)', async () => {
		cmr()
			.post('/users', { ...profile, addressLineTwo: 'Suite 400' })
			.query({})
			.reply(200, envelope({ id: USER_ID }, { message: 'User created' }));
		const out = await runNode({
			resource: 'user',
			operation: 'create',
			...profile,
			additionalFields: { addressLineTwo: 'Suite 400' },
		});
		expect(jsonOf(out)).toEqual([{ id: USER_ID }]);
	});

	it('sends Country and State picked from the lists or typed (resource locator values)', async () => {
		for (const [country, state] of [
			[
				{ __rl: true, mode: 'list', value: 'US', cachedResultName: 'United States (US)' },
				{ __rl: true, mode: 'list', value: 'New York', cachedResultName: 'New York (NY)' },
			],
			[
				{ __rl: true, mode: 'code', value: 'US' },
				{ __rl: true, mode: 'name', value: 'New York' },
			],
		]) {
			cmr()
				.post('/users', profile)
				.query({})
				.reply(200, envelope({ id: USER_ID }, { message: 'User created' }));
			const out = await runNode({
				resource: 'user',
				operation: 'create',
				...profile,
				country,
				state,
			});
			expect(jsonOf(out)).toEqual([{ id: USER_ID }]);
		}
	});

	it('updates Country and State given as resource locator values or as plain strings of older workflows', async () => {
		for (const updateFields of [
			{
				country: { __rl: true, mode: 'code', value: 'DE' },
				state: { __rl: true, mode: 'name', value: 'Bayern' },
			},
			{ country: 'DE', state: 'Bayern' },
		]) {
			await updateWithoutMerge(updateFields, { country: 'DE', state: 'Bayern' });
		}
	});

	it('gets a user with userId in the query and simplifies the output', async () => {
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.reply(200, envelope({ id: USER_ID, ...profile, phone: '2125551234', wallet: 3 }));
		const out = await runNode({ resource: 'user', operation: 'get', userId: userById });
		expect(jsonOf(out)).toEqual([
			{
				id: USER_ID,
				email: 'johndoe@company.com',
				firstName: 'John',
				lastName: 'Doe',
				company: 'TechCorp Inc.',
				country: 'US',
				state: 'New York',
				city: 'New York',
			},
		]);
	});

	it('returns the raw user when Simplify is off', async () => {
		const raw = { id: USER_ID, ...profile, wallet: 3 };
		cmr().get('/users').query({ userId: USER_ID }).reply(200, envelope(raw));
		const out = await runNode({
			resource: 'user',
			operation: 'get',
			userId: userById,
			simple: false,
		});
		expect(jsonOf(out)).toEqual([raw]);
	});

	it('updates a user by merging the changes into the current profile', async () => {
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.reply(200, envelope({ id: USER_ID, ...profile }));
		cmr()
			.put('/users', { ...profile, city: 'Boston' })
			.query({ userId: USER_ID })
			.reply(200, envelope(null, { message: 'User updated' }));
		const out = await runNode({
			resource: 'user',
			operation: 'update',
			userId: userById,
			updateFields: { city: 'Boston' },
		});
		expect(jsonOf(out)).toEqual([{ message: 'User updated' }]);
	});

	it('sends only the changed fields when merging is off', async () => {
		await updateWithoutMerge({ city: 'Boston' }, { city: 'Boston' });
	});

	it('deletes a user and returns {deleted: true} with the id', async () => {
		cmr()
			.delete('/users')
			.query({ userId: USER_ID })
			.reply(200, { status: 200, message: 'User successfully deleted' });
		const out = await runNode({ resource: 'user', operation: 'delete', userId: userById });
		expect(jsonOf(out)).toEqual([{ deleted: true, userId: USER_ID }]);
	});

	it('lists users page by page with Return All, keeping the search filter on every page', async () => {
		const page = (n: number, count: number) =>
			Array.from({ length: count }, (_, i) => ({ id: `U${n}-${i}`, email: `u${n}-${i}@x.io` }));
		for (const [n, count] of [
			[1, 100],
			[2, 100],
			[3, 7],
		]) {
			cmr()
				.get('/users/list')
				.query({ search: 'acme', page: n, limit: 100 })
				.reply(
					200,
					envelope({ users: page(n, count), pagination: { currentPage: n, totalPages: 3 } }),
				);
		}
		const out = await runNode({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'acme' },
		});
		expect(out).toHaveLength(207);
		expect(out[206].json).toEqual({ id: 'U3-6', email: 'u3-6@x.io' });
	});

	it('stops at Limit and asks for no more than needed', async () => {
		cmr()
			.get('/users/list')
			.query({ page: 1, limit: 3 })
			.reply(200, envelope([{ id: 'a' }, { id: 'b' }, { id: 'c' }]));
		const out = await runNode({ resource: 'user', operation: 'getAll', limit: 3 });
		expect(jsonOf(out)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
	});

	it('fails before sending when a required field is empty', async () => {
		await expect(
			runNode({ resource: 'user', operation: 'create', ...profile, email: '  ' }),
		).rejects.toMatchObject({
			message: 'Email is empty [item 0]',
		});
	});

	it('refuses an update with no fields before sending anything', async () => {
		await expect(
			runNode({ resource: 'user', operation: 'update', userId: userById, updateFields: {} }),
		).rejects.toMatchObject({ message: 'No fields to update [item 0]' });
	});

	it('refuses Get without a user before sending anything', async () => {
		await expect(
			runNode({
				resource: 'user',
				operation: 'get',
				userId: { __rl: true, mode: 'id', value: '' },
			}),
		).rejects.toMatchObject({ message: 'User is empty [item 0]' });
	});

	it.each([
		['create', { ...profile, email: 'not-an-email' }],
		['update', { userId: userById, updateFields: { email: 'john@' } }],
	])('refuses a malformed email on %s before sending anything', async (operation, fields) => {
		await expect(runNode({ resource: 'user', operation, ...fields })).rejects.toMatchObject({
			message: expect.stringMatching(/^".+" in "Email" is not a valid email address \[item 0\]$/),
		});
	});
});
