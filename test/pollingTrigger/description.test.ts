import type { INodeProperties } from 'n8n-workflow';
import pkg from '../../package.json';
import codex from '../../nodes/ColdMailReseller/ColdMailResellerPollingTrigger.node.json';
import { pollingNode } from './harness';

const { description } = pollingNode;
const property = (name: string) =>
	description.properties.find((p) => p.name === name) as INodeProperties;

describe('polling trigger description (names are a contract with saved workflows)', () => {
	it('is an n8n polling trigger named coldMailResellerPollingTrigger', () => {
		expect(description.name).toBe('coldMailResellerPollingTrigger');
		expect(description.displayName).toBe('Cold Mail Reseller Polling Trigger');
		expect(description.polling).toBe(true);
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'coldMailResellerApi', required: true }]);
		expect(description.webhooks).toBeUndefined();
	});

	it('keeps its parameter names and event kind values', () => {
		expect(description.properties.map((p) => p.name)).toEqual([
			'pollingNotice',
			'events',
			'userId',
			'outputFormat',
			'options',
		]);
		expect(property('events').options!.map((o) => (o as { value: string }).value)).toEqual([
			'domainStatus',
			'mailboxStatus',
			'newMailbox',
			'orderStatus',
			'subscription',
		]);
		expect(property('events').default).toEqual(['newMailbox']);
		expect(property('options').options!.map((o) => o.name)).toEqual(['emitExistingOnFirstRun']);
	});

	it('has an optional User filter that reuses the user list search', () => {
		const user = property('userId');
		expect(user.type).toBe('resourceLocator');
		expect(user.required).toBe(false);
		expect(user.displayOptions).toBeUndefined();
		expect(user.routing).toBeUndefined();
		expect(user.modes![0].typeOptions).toEqual({ searchListMethod: 'getUsers', searchable: true });
		expect(Object.keys(pollingNode.methods.listSearch)).toEqual(['getUsers']);
	});

	it('is registered in package.json and has a codex file', () => {
		expect(pkg.n8n.nodes).toContain(
			'dist/nodes/ColdMailReseller/ColdMailResellerPollingTrigger.node.js',
		);
		expect(codex.node).toBe('n8n-nodes-cold-mail-reseller.coldMailResellerPollingTrigger');
	});
});
