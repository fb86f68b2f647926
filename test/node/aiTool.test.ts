import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';

const description = new ColdMailReseller().description;

function walk(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => [
		p,
		...(p.type === 'collection' ? walk((p.options ?? []) as INodeProperties[]) : []),
		...(p.type === 'fixedCollection'
			? ((p.options ?? []) as INodePropertyCollection[]).flatMap((g) => walk(g.values))
			: []),
	]);
}

const all = walk(description.properties);

/**
 * n8n 2.41's editor offers "Let the model define this parameter" (a $fromAI expression) on a
 * tool's parameter unless it is an `options`/`credentialsSelect` dropdown or has
 * noDataExpression (focusPanel store, canBeContentOverride). Dropdowns whose list the editor loads
 * from CMR can therefore not be filled by an AI Agent; resource locators can.
 */
const modelCanFill = (p: INodeProperties) =>
	!['options', 'credentialsSelect'].includes(p.type) && !p.noDataExpression;

describe('as an AI Agent tool', () => {
	it('is usable as a tool', () => {
		expect(description.usableAsTool).toBe(true);
	});

	it('has no dropdowns loaded from CMR: those are resource locators the model can fill', () => {
		const loaded = all.filter(
			(p) => p.typeOptions?.loadOptionsMethod || p.typeOptions?.loadOptions,
		);
		expect(loaded.map((p) => p.name)).toEqual([]);
		for (const name of ['country', 'state', 'userId', 'mailboxId', 'subscriptionId']) {
			const found = all.filter((p) => p.name === name);
			expect(found.length).toBeGreaterThan(0);
			for (const p of found) {
				expect([name, p.type, modelCanFill(p)]).toEqual([
					name,
					expect.stringMatching(/^(resourceLocator|string)$/),
					true,
				]);
			}
		}
	});

	it('lets the model type every resource locator value (a string mode besides the list)', () => {
		const locators = all.filter((p) => p.type === 'resourceLocator');
		expect(locators.length).toBeGreaterThan(10);
		for (const p of locators) {
			const modes = (p.modes ?? []).map((m) => m.type);
			expect([p.name, modes]).toEqual([p.name, expect.arrayContaining(['list', 'string'])]);
		}
	});

	it('offers Country by ISO code and State by name', () => {
		for (const p of all.filter((x) => x.name === 'country'))
			expect(p.modes?.map((m) => [m.name, m.type])).toEqual([
				['list', 'list'],
				['code', 'string'],
			]);
		for (const p of all.filter((x) => x.name === 'state'))
			expect(p.modes?.map((m) => [m.name, m.type])).toEqual([
				['list', 'list'],
				['name', 'string'],
			]);
	});
});
