import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { serializeDescription } from '../helpers/descriptionSnapshot';
import snapshot from '../fixtures/description-snapshot.json';

/**
 * The node description, taken before the resource-builder refactor (issue 7), stays the same
 * apart from the intended differences: notices (paid, permanent, unverified, sandbox) and
 * description texts. Compared per resource and operation: the parameters an operation shows,
 * in order, with their names, types, defaults, options, routing and remaining displayOptions,
 * so a field shared by two operations may become one copy per operation.
 */
type Property = {
	name: string;
	type: string;
	displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
	options?: Array<{ value?: unknown }>;
};
type Description = Record<string, unknown> & { properties: Property[] };

function withoutIntendedDifferences(value: unknown): unknown {
	if (Array.isArray(value))
		return value
			.filter((entry) => !(entry && typeof entry === 'object' && entry.type === 'notice'))
			.map(withoutIntendedDifferences);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.filter(([key]) => key !== 'description')
				.map(([key, entry]) => [key, withoutIntendedDifferences(entry)]),
		);
	return value;
}

const shown = (property: Property, key: string, value: unknown) => {
	const list = property.displayOptions?.show?.[key];
	return !list || list.includes(value);
};

/** What one operation of one resource shows, in order, without resource/operation conditions. */
function view(description: Description, resource: unknown, operation: unknown) {
	return description.properties
		.filter((p) => p.name !== 'resource' && p.name !== 'operation' && p.type !== 'notice')
		.filter((p) => shown(p, 'resource', resource) && shown(p, 'operation', operation))
		.map((p) => {
			const show = { ...p.displayOptions?.show };
			delete show.resource;
			delete show.operation;
			const displayOptions = { ...p.displayOptions, show };
			return withoutIntendedDifferences({ ...p, displayOptions });
		});
}

function operationsOf(description: Description) {
	const resources = description.properties.find((p) => p.name === 'resource')!.options!;
	return resources.flatMap(({ value: resource }) =>
		description.properties
			.filter((p) => p.name === 'operation' && shown(p, 'resource', resource))
			.flatMap((selector) => selector.options!.map(({ value }) => [resource, value] as const)),
	);
}

const now = serializeDescription(new ColdMailReseller().description) as Description;
const before = snapshot as unknown as Description;

it('keeps the node settings, resources and operation selectors', () => {
	const rest = (d: Description) => ({ ...d, properties: undefined });
	expect(withoutIntendedDifferences(rest(now))).toEqual(withoutIntendedDifferences(rest(before)));
	const selectors = (d: Description) =>
		withoutIntendedDifferences(
			d.properties.filter((p) => p.name === 'resource' || p.name === 'operation'),
		);
	expect(selectors(now)).toEqual(selectors(before));
});

/**
 * Routing removed on purpose after the snapshot: DNS Record → Update sends the record its
 * preSend checked, so a Priority left displayed by a Record Type expression never goes out.
 */
const ROUTING_REMOVED: Record<string, string[]> = {
	'dnsRecord.update': ['recordId', 'recordType', 'host', 'value', 'priority'],
};

it.each(operationsOf(before))('keeps the parameters of %s → %s', (resource, operation) => {
	const removed = ROUTING_REMOVED[`${resource}.${operation}`] ?? [];
	const expected = (view(before, resource, operation) as Property[]).map((p) =>
		removed.includes(p.name) ? { ...p, routing: undefined } : p,
	);
	expect(view(now, resource, operation)).toEqual(expected);
});

it('keeps every notice kind the snapshot had, for the same operations', () => {
	const notices = (d: Description) =>
		operationsOf(d).flatMap(([resource, operation]) =>
			d.properties
				.filter((p) => p.type === 'notice')
				.filter((p) => shown(p, 'resource', resource) && shown(p, 'operation', operation))
				.map((p) => `${resource}.${operation}: ${p.name}`),
		);
	const current = new Set(notices(now));
	expect(notices(before).filter((notice) => !current.has(notice))).toEqual([]);
});
