import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { defineResource } from '../../nodes/ColdMailReseller/shared/resource';

/** What defineResource derives from the endpoint table, and the mistakes it refuses. */
const selector = (...values: string[]): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: values.map((value) => ({ name: value, value, action: value })),
	default: values[0],
});

const names = (properties: INodeProperties[], operation: string) =>
	properties
		.filter((p) => p.displayOptions?.show?.operation?.includes(operation))
		.map((p) => p.name);

describe('defineResource', () => {
	it('adds, per operation and from the table, the notices, the User locator and the guards', () => {
		const properties = defineResource('domain', selector('remove', 'renew', 'suggest'), {
			remove: { required: { domains: 'Domain Names' }, permanent: 'Gone for good.' },
			renew: {},
			suggest: {},
		});
		expect(names(properties, 'remove')).toEqual(['unverifiedNotice', 'permanentNotice', 'userId']);
		expect(names(properties, 'renew')).toEqual(['unverifiedNotice', 'paidNotice', 'userId']);
		expect(names(properties, 'suggest')).toEqual(['unverifiedNotice']);
		const userIds = properties.filter((p) => p.name === 'userId');
		// Where the User travels comes from the table: the query for Remove, the body for Renew.
		expect(userIds.map((p) => [p.displayOptions?.show?.operation, p.routing?.send?.type])).toEqual([
			[['remove'], 'query'],
			[['renew'], 'body'],
		]);

		const routing = (value: string) =>
			((properties[0].options ?? []) as INodePropertyOptions[]).find((o) => o.value === value)!
				.routing!;
		expect(routing('remove').request).toEqual({ method: 'DELETE', url: '/domains' });
		// The paid guard, then the required check (User first), then the operation's own steps.
		expect(routing('renew').send!.preSend!.map((f) => f.name)).toEqual([
			'refuseRetryOnPaidCall',
			'requireNonEmpty',
		]);
		expect(routing('remove').send!.preSend!.map((f) => f.name)).toEqual(['requireNonEmpty']);
		expect(routing('suggest').send!.preSend).toEqual([]);
	});

	it('guards sandbox-only operations and shows one sandbox notice for an all-sandbox resource', () => {
		const properties = defineResource('sandbox', selector('resetPreWarmup'), {
			resetPreWarmup: {},
		});
		const option = (properties[0].options as INodePropertyOptions[])[0];
		expect(option.routing!.send!.preSend!.map((f) => f.name)).toEqual(['requireSandboxCredential']);
		expect(properties.filter((p) => p.name === 'sandboxNotice')).toEqual([
			expect.objectContaining({ displayOptions: { show: { resource: ['sandbox'] } } }),
		]);
	});

	it('refuses a selector and operations that differ, or a permanent notice the table does not back', () => {
		expect(() => defineResource('wallet', selector('get', 'list'), { get: {} })).toThrow(
			'wallet: selector and operations differ (list)',
		);
		expect(() => defineResource('wallet', selector('get'), { get: { permanent: 'No.' } })).toThrow(
			'wallet.get: a permanent notice on an endpoint not marked destructive',
		);
		expect(() => defineResource('wallet', selector('set'), { set: {} })).toThrow(
			'No endpoint wallet.set in shared/endpoints.ts',
		);
	});
});
