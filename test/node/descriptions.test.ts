import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { ColdMailResellerPollingTrigger } from '../../nodes/ColdMailReseller/ColdMailResellerPollingTrigger.node';
import { ColdMailResellerTrigger } from '../../nodes/ColdMailReseller/ColdMailResellerTrigger.node';

/**
 * Every parameter an AI Agent (or a person) fills in has a description, counted through
 * collections and fixed collections. n8n needs none for the resource/operation pickers,
 * notices, and the "Add Field" containers of collections.
 */
const EXEMPT_NAMES = new Set(['resource', 'operation']);
const EXEMPT_TYPES = new Set(['notice', 'callout', 'collection']);

type Found = { path: string; property: INodeProperties };

function walk(properties: INodeProperties[], path = ''): Found[] {
	const found: Found[] = [];
	for (const property of properties) {
		const here = `${path}${property.name}`;
		found.push({ path: here, property });
		if (property.type === 'collection')
			found.push(...walk((property.options ?? []) as INodeProperties[], `${here}.`));
		if (property.type === 'fixedCollection')
			for (const group of (property.options ?? []) as INodePropertyCollection[])
				found.push(...walk(group.values, `${here}.${group.name}.`));
	}
	return found;
}

const all = walk(new ColdMailReseller().description.properties);
const described = (f: Found) => typeof f.property.description === 'string';

describe('parameter descriptions', () => {
	it('walks every parameter, including those inside collections', () => {
		expect(all.length).toBeGreaterThan(200);
		expect(all.map((f) => f.path)).toEqual(
			expect.arrayContaining([
				'additionalFields.addressLineTwo',
				'mailboxes.mailbox.firstName',
				'googleOauth.settings.clientId',
			]),
		);
	});

	it('gives every parameter a description, except resource/operation pickers, notices and collection containers', () => {
		const missing = all
			.filter((f) => !EXEMPT_NAMES.has(f.property.name) && !EXEMPT_TYPES.has(f.property.type))
			.filter((f) => !described(f) || f.property.description!.trim().split(/\s+/).length < 3)
			.map((f) => `${f.path} (${f.property.displayName})`);
		expect(missing).toEqual([]);
	});

	it.each([
		['Cold Mail Reseller Trigger', new ColdMailResellerTrigger().description.properties],
		['Cold Mail Reseller Polling Trigger', new ColdMailResellerPollingTrigger().description.properties],
	])('gives every parameter of the %s a description too', (_name, properties) => {
		const missing = walk(properties)
			.filter((f) => !EXEMPT_TYPES.has(f.property.type))
			.filter((f) => !described(f) || f.property.description!.trim().split(/\s+/).length < 3)
			.map((f) => `${f.path} (${f.property.displayName})`);
		expect(missing).toEqual([]);
	});

	it('says more than the label', () => {
		const echoes = all
			.filter(described)
			.filter(
				(f) =>
					f.property.description!.trim().toLowerCase().replace(/\.$/, '') ===
					f.property.displayName.toLowerCase(),
			)
			.map((f) => f.path);
		expect(echoes).toEqual([]);
	});

	it('lists the accepted values where the field is free text with a fixed format', () => {
		const describe = (name: string) =>
			all.filter((f) => f.property.name === name).map((f) => f.property.description);
		for (const text of describe('languagePreference')) {
			expect(text).toMatch(/ISO 639-1/);
			for (const code of ['en (English)', 'de (German)', 'fr (French)', 'es (Spanish)'])
				expect(text).toContain(code);
		}
		for (const text of describe('country'))
			expect(text).toMatch(/ISO 3166-1 alpha-2 code \(US, GB, DE\)/);
		for (const text of describe('phoneCc')) expect(text).toMatch(/digits only/);
		for (const text of describe('recordType'))
			expect(text).toBe('DNS record type: A, AAAA, CNAME, MX, NS, TXT');
	});
});
