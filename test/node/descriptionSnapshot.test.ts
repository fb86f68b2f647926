import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { serializeDescription } from '../helpers/descriptionSnapshot';
import snapshot from '../fixtures/description-snapshot.json';

/**
 * The node description, taken before the resource-builder refactor (issue 7), stays the same
 * apart from the intended differences: notices (paid, permanent, unverified, sandbox) and
 * description texts. Every resource, operation, parameter name, type, default, displayOptions
 * and routing stays as it was, in the same order, so saved workflows keep working.
 */
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

it('keeps the description of the snapshot apart from notices and description texts', () => {
	const now = serializeDescription(new ColdMailReseller().description);
	expect(withoutIntendedDifferences(now)).toEqual(withoutIntendedDifferences(snapshot));
});

it('keeps every notice the snapshot had (the builder may add, not drop)', () => {
	type Notice = { name: string; displayOptions?: unknown };
	const notices = (d: unknown) =>
		(d as { properties: Array<Notice & { type: string }> }).properties
			.filter((p) => p.type === 'notice')
			.map((p) => JSON.stringify([p.name, p.displayOptions]));
	const now = new Set(notices(serializeDescription(new ColdMailReseller().description)));
	expect(notices(snapshot).filter((n) => !now.has(n))).toEqual([]);
});
