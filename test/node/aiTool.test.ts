import {
	traverseNodeParameters,
	type FromAIArgument,
	type INodeProperties,
	type INodePropertyCollection,
} from 'n8n-workflow';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { USER_ID, byId, jsonOf, runNode } from '../helpers/harness';
import { cmr, envelope, useNock } from '../helpers/nock';

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
	useNock();

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

	describe('Country and State filled by the model', () => {
		// What n8n stores when "Let the model define this parameter" is on for a resource locator.
		const fromAi = (key: string, text: string) => ({
			__rl: true,
			mode: 'list',
			value: `={{ $fromAI('${key}', '${text}', 'string') }}`,
		});
		const profile = {
			email: 'ana@acme.example',
			company: 'Acme',
			firstName: 'Ana',
			lastName: 'Lee',
			city: 'Toronto',
			addressLineOne: '1 King St',
			postalCode: 'M5H 1A1',
			languagePreference: 'en',
			phoneCc: '1',
			phone: '4165550100',
		};
		const parameters = {
			resource: 'user',
			operation: 'create',
			...profile,
			country: fromAi('country', 'ISO 3166-1 alpha-2 code of the country'),
			state: fromAi('state', 'Name of the state or province'),
		};

		it("become arguments of the tool's schema", () => {
			const args: FromAIArgument[] = [];
			traverseNodeParameters(parameters, args);
			expect(args.map((a) => [a.key, a.type])).toEqual([
				['country', 'string'],
				['state', 'string'],
			]);
		});

		it("are sent as the model's values", async () => {
			cmr()
				.post('/users', { ...profile, country: 'CA', state: 'Ontario' })
				.query({})
				.reply(200, envelope({ id: 'U1' }));
			// n8n runs a tool call with the model's arguments as the input item.
			const out = await runNode(parameters, { items: [{ country: 'CA', state: 'Ontario' }] });
			expect(jsonOf(out)).toEqual([{ id: 'U1' }]);
		});
	});

	it('lets the model choose a fixed dropdown value through a $fromAI expression', async () => {
		const parameters = {
			resource: 'dnsRecord',
			operation: 'update',
			userId: byId(USER_ID),
			domainName: { __rl: true, mode: 'id', value: 'example.com' },
			recordId: 'record_1',
			recordType: "={{ $fromAI('recordType', 'A, AAAA, CNAME, MX, NS or TXT', 'string') }}",
			host: '@',
			value: 'smtp.google.com',
			priority: 10,
		};
		const args: FromAIArgument[] = [];
		traverseNodeParameters(parameters, args);
		expect(args.map((a) => a.key)).toEqual(['recordType']);
		cmr()
			.put('/dns', {
				recordId: 'record_1',
				domain: 'example.com',
				host: '@',
				value: 'smtp.google.com',
				recordType: 'MX',
				priority: 10,
			})
			.query({ userId: USER_ID })
			.reply(200, envelope(null, { message: 'DNS record updated' }));
		const out = await runNode(parameters, { items: [{ recordType: 'MX' }] });
		expect(jsonOf(out)).toEqual([{ message: 'DNS record updated' }]);
	});
});
