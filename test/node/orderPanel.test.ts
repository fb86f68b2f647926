import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';

/** What n8n's editor shows for the order panels: the same displayOptions logic, from n8n-workflow. */
const description = new ColdMailReseller().description;

function shownNames(parameters: INodeParameters, typeVersion = 1.1): string[] {
	const node = { typeVersion, parameters } as unknown as INode;
	return description.properties
		.filter((property) =>
			NodeHelpers.displayParameter(parameters, property, node, description, parameters),
		)
		.map((property) => property.name);
}

const ORDER_OPERATIONS: Array<[resource: string, operation: string]> = [
	['order', 'create'],
	['order', 'createMailboxOrder'],
	['preWarmup', 'order'],
	['sandbox', 'orderPreWarmup'],
];

describe('Order panels', () => {
	it.each(ORDER_OPERATIONS)(
		'%s → %s shows only the OAuth settings of the chosen Service Provider',
		(resource, operation) => {
			const google = shownNames({ resource, operation, serviceProvider: 'GOOGLE' });
			expect(google).toContain('googleOauth');
			expect(google).not.toContain('microsoftOauth');
			const microsoft = shownNames({ resource, operation, serviceProvider: 'MICROSOFT' });
			expect(microsoft).toContain('microsoftOauth');
			expect(microsoft).not.toContain('googleOauth');
		},
	);

	it('lists a mailbox row in the order a person fills it in, Username first', () => {
		const mailboxes = description.properties.find(
			(property) =>
				property.name === 'mailboxes' &&
				property.displayOptions?.show?.operation?.includes('createMailboxOrder'),
		) as INodeProperties & { options: Array<{ values: INodeProperties[] }> };
		expect(mailboxes.options[0].values.map((value) => value.displayName)).toEqual([
			'Username',
			'Domain',
			'First Name',
			'Last Name',
			'Profile Picture URL',
			'On Warmup',
		]);
	});

	it.each(['create', 'createMailboxOrder'])(
		'order → %s puts Confirm right after the paid notice, as an explicit choice',
		(operation) => {
			const shown = shownNames({ resource: 'order', operation });
			expect(shown.slice(shown.indexOf('paidNotice'), shown.indexOf('paidNotice') + 3)).toEqual([
				'paidNotice',
				'confirm',
				'userId',
			]);
			const confirm = description.properties.filter((property) => property.name === 'confirm');
			const node = { typeVersion: 1.1 } as INode;
			const current = confirm.find((property) =>
				NodeHelpers.displayParameter({ resource: 'order', operation }, property, node, description),
			)!;
			expect(current.type).toBe('options');
			expect(current.default).toBe('');
			expect(current.options).toEqual([
				expect.objectContaining({ name: 'Process Now (Charges the Wallet)', value: true }),
				expect.objectContaining({ name: 'Create Only (Process Later)', value: false }),
			]);
		},
	);

	it('keeps the old default (process now) for nodes saved with version 1', () => {
		const node = { typeVersion: 1 } as INode;
		const legacy = description.properties.find(
			(property) =>
				property.name === 'confirm' &&
				NodeHelpers.displayParameter(
					{ resource: 'order', operation: 'create' },
					property,
					node,
					description,
				),
		)!;
		expect(legacy.default).toBe(true);
	});
});
