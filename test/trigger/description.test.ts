import type { INodeProperties } from 'n8n-workflow';
import {
	ALL_EVENTS,
	CMR_WEBHOOK_EVENTS,
	EVENT_OPTIONS,
	isEventSelected,
} from '../../nodes/ColdMailReseller/trigger/events';
import {
	decodeSignature,
	parseTimestamp,
	verifyCmrSignature,
} from '../../nodes/ColdMailReseller/trigger/signature';
import { isDuplicateEvent, rememberEvent } from '../../nodes/ColdMailReseller/trigger/dedupe';
import { SETUP_STEPS } from '../../nodes/ColdMailReseller/trigger/notice';
import webhookEvents from '../fixtures/cmr-webhook-events.json';
import { triggerNode } from './harness';

const description = triggerNode.description;
const property = (name: string) =>
	description.properties.find((p) => p.name === name) as INodeProperties;

describe('node description (a contract with saved workflows)', () => {
	it('is a webhook trigger registered as coldMailResellerTrigger', () => {
		expect(description).toMatchObject({
			displayName: 'Cold Mail Reseller Trigger',
			name: 'coldMailResellerTrigger',
			group: ['trigger'],
			version: 1,
			inputs: [],
			outputs: ['main'],
			credentials: [{ name: 'coldMailResellerApi', required: true }],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			],
			icon: { light: 'file:../../icons/cmr.svg', dark: 'file:../../icons/cmr.dark.svg' },
		});
		expect(description.usableAsTool).toBeUndefined();
	});

	it('keeps the parameter names, types and defaults', () => {
		const summary = description.properties.map((p) => [p.name, p.type, p.default]);
		expect(summary).toEqual([
			['setupNotice', 'notice', ''],
			['events', 'multiOptions', []],
			['verifySignature', 'boolean', true],
			['timestampTolerance', 'number', 300],
			['outputFormat', 'options', 'flattened'],
			['options', 'collection', {}],
		]);
		expect(property('outputFormat').options?.map((o) => 'value' in o && o.value)).toEqual([
			'flattened',
			'raw',
		]);
		expect(property('options').options).toEqual([
			expect.objectContaining({ name: 'includeHeaders', type: 'boolean', default: false }),
		]);
		expect(property('timestampTolerance').displayOptions).toEqual({
			show: { verifySignature: [true] },
		});
	});

	it('explains dashboard registration, Test vs Production URL and sandbox in the notice', () => {
		const notice = property('setupNotice').displayName;
		for (const text of [
			'Production URL',
			'Test URL',
			"'Execute step'",
			"'Listening for test event'",
			'partners.coldmailreseller.com',
			'Settings → Webhook → + Add Destination',
			'Endpoint URL',
			'Description',
			'publish this workflow',
			'Sandbox and production destinations are separate',
		]) {
			expect(notice).toContain(text);
		}
		// The button was renamed in n8n 2.x.
		expect(notice).not.toContain('Listen for test event');
	});

	it('renders each step as a list item, the only line-breaking markup n8n keeps in notices', () => {
		const notice = property('setupNotice').displayName;
		// n8n 2.41's notice sanitizer (N8nNotice) allows only these tags.
		const tags = [...notice.matchAll(/<\/?([a-z0-9]+)[^>]*>/gi)].map((m) => m[1].toLowerCase());
		expect(new Set(tags)).toEqual(new Set(['ul', 'li']));
		const items = [...notice.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
		expect(items).toEqual(SETUP_STEPS);
		expect(items.slice(0, 4).map((step) => step.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ']);
	});
});

describe('event options', () => {
	const fixtureEvents = (webhookEvents as Array<{ event: string; group: string }>).map(
		(e) => e.event,
	);

	it('offer All Events plus exactly the 23 documented events', () => {
		expect(CMR_WEBHOOK_EVENTS.map((e) => e.value).sort()).toEqual([...fixtureEvents].sort());
		expect(EVENT_OPTIONS.map((o) => o.value).sort()).toEqual([ALL_EVENTS, ...fixtureEvents].sort());
	});

	it('use the documented group in each name', () => {
		for (const fixture of webhookEvents as Array<{ event: string; group: string }>) {
			const option = EVENT_OPTIONS.find((o) => o.value === fixture.event);
			expect(option?.name.toLowerCase().startsWith(`${fixture.group.toLowerCase()}: `)).toBe(true);
		}
	});

	it('are sorted by name the way the lint rule sorts them, with unique names', () => {
		const names = EVENT_OPTIONS.map((o) => o.name);
		expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
		expect(new Set(names).size).toBe(names.length);
		expect(names[0]).toBe('All Events');
	});

	it('match by exact name or All Events', () => {
		expect(isEventSelected(['domain.expired'], 'domain.expired')).toBe(true);
		expect(isEventSelected(['domain.expired'], 'domain.expired.x')).toBe(false);
		expect(isEventSelected([ALL_EVENTS], 'anything.new')).toBe(true);
		expect(isEventSelected([], 'domain.expired')).toBe(false);
	});
});

describe('signature helpers', () => {
	it('decode hex and base64 to 32 bytes, and nothing else', () => {
		const digest = Buffer.alloc(32, 7);
		expect(decodeSignature(digest.toString('hex'))).toEqual([digest]);
		expect(decodeSignature(`sha256=${digest.toString('base64')}`)).toEqual([digest]);
		expect(decodeSignature('abc')).toEqual([]);
		expect(decodeSignature(Buffer.alloc(31).toString('base64'))).toEqual([]);
	});

	it('parse seconds and milliseconds timestamps', () => {
		expect(parseTimestamp('1700000000')).toBe(1700000000);
		expect(parseTimestamp('1700000000123')).toBeCloseTo(1700000000.123);
		expect(parseTimestamp('-5')).toBeUndefined();
		expect(parseTimestamp('12abc')).toBeUndefined();
	});

	it('refuse to verify without a key', () => {
		expect(
			verifyCmrSignature({
				rawBody: Buffer.from('{}'),
				signature: 'x',
				timestamp: '1',
				secret: '',
				toleranceSeconds: 0,
				nowMs: 0,
			}),
		).toEqual({ valid: false, reason: expect.stringContaining('No API key') });
	});
});

describe('dedupe helpers', () => {
	it('keep a bounded FIFO of ids', () => {
		const staticData = {};
		for (const id of ['a', 'b', 'c', 'd']) rememberEvent(staticData, id, 3);
		expect(isDuplicateEvent(staticData, 'a')).toBe(false);
		expect(isDuplicateEvent(staticData, 'd')).toBe(true);
		rememberEvent(staticData, 'b', 3);
		expect(staticData).toEqual({ recentEventIds: ['c', 'd', 'b'] });
	});
});
