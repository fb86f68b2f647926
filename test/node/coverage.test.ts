import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { ENDPOINTS, type CmrEndpoint } from '../../nodes/ColdMailReseller/shared/endpoints';
import reference from '../fixtures/cmr-endpoints.json';
import { checkReadme, listOperations, renderReadme } from '../../scripts/operations-table';
import { readmeText } from '../fixtures/readme';
import { isRouteInferred, unverifiedItems } from '../../nodes/ColdMailReseller/shared/unverified';

const description = new ColdMailReseller().description;
const operations = listOperations(description, ENDPOINTS) as Array<{
	resource: string;
	operation: string;
	key?: keyof typeof ENDPOINTS;
	endpoint?: CmrEndpoint;
}>;

/** The node parameters visible for one resource/operation, as n8n decides it. */
function visibleProperties(resource: string, operation: string): INodeProperties[] {
	const parameters = { resource, operation };
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(parameters, property, null, description, parameters),
	);
}

describe('Endpoint coverage', () => {
	it('maps every operation to exactly one entry of the endpoint table', () => {
		const unmapped = operations
			.filter((op) => !op.key)
			.map((op) => `${op.resource}.${op.operation}`);
		expect(unmapped).toEqual([]);
		const keys = operations.map((op) => op.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(new Set(keys)).toEqual(new Set(Object.keys(ENDPOINTS)));
	});

	it('reaches every endpoint of the CMR reference (62 entries)', () => {
		const served = new Set(operations.flatMap((op) => op.endpoint!.refs));
		const all = reference.map((_, index) => index + 1);
		expect(all).toHaveLength(62);
		expect(all.filter((ref) => !served.has(ref))).toEqual([]);
	});

	it('uses the documented method and path wherever the reference knows them', () => {
		const mismatches: string[] = [];
		for (const op of operations) {
			const [ref] = op.endpoint!.refs;
			const documented = reference[ref - 1];
			const method = documented.method.split(' ')[0];
			if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(method) && method !== op.endpoint!.method) {
				mismatches.push(`${op.key}: method ${op.endpoint!.method} vs ${documented.method}`);
			}
			if (documented.path.startsWith('/') && documented.path !== op.endpoint!.path) {
				mismatches.push(`${op.key}: path ${op.endpoint!.path} vs ${documented.path}`);
			}
			if (
				!documented.path.startsWith('/') ||
				!/^(GET|POST|PUT|PATCH|DELETE)$/.test(documented.method)
			) {
				expect([op.key, op.endpoint!.confidence]).not.toEqual([op.key, 'confirmed']);
			}
		}
		expect(mismatches).toEqual([]);
	});

	it('takes the user (userId) exactly where the reference says', () => {
		const wrong: string[] = [];
		for (const op of operations) {
			const placement = op.endpoint!.userId;
			const userId = visibleProperties(op.resource, op.operation).find((p) => p.name === 'userId');
			if (placement === 'none') {
				if (userId?.required) wrong.push(`${op.key}: takes no userId but requires one`);
				continue;
			}
			if (!userId || userId.type !== 'resourceLocator' || !userId.required) {
				wrong.push(`${op.key}: needs a required User resource locator`);
			} else if (userId.routing?.send?.type !== (placement === 'body' ? 'body' : 'query')) {
				wrong.push(`${op.key}: userId must go in the ${placement}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('keeps the README operations table and unverified list in sync with the node', () => {
		expect(renderReadme(readmeText, description, ENDPOINTS, unverifiedItems)).toBe(readmeText);
	});

	it('the generator’s --check finds README.md up to date', () => {
		expect(checkReadme(readmeText, description, ENDPOINTS, unverifiedItems)).toBeUndefined();
	});
});

describe('Unverified notices (generated from the endpoint table)', () => {
	const noticesOf = (resource: string, operation: string) =>
		visibleProperties(resource, operation).filter((p) => p.name === 'unverifiedNotice');

	it('every operation with an unverified path, body, filter, field or value shows one notice listing it', () => {
		const wrong: string[] = [];
		for (const op of operations) {
			const items = unverifiedItems(op.endpoint!);
			const notices = noticesOf(op.resource, op.operation);
			if (!items.length) {
				if (notices.length) wrong.push(`${op.key}: notice without unverified items`);
				continue;
			}
			if (notices.length !== 1) {
				wrong.push(`${op.key}: ${notices.length} notices`);
				continue;
			}
			const text = notices[0].displayName;
			expect(notices[0].type).toBe('notice');
			for (const item of items) if (!text.includes(item)) wrong.push(`${op.key}: misses "${item}"`);
			if (isRouteInferred(op.endpoint!) && !text.includes('404 (Not Found)')) {
				wrong.push(`${op.key}: no advice for a 404`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('operations with an inferred path say what is inferred and what to do on a 404', () => {
		const [notice] = noticesOf('domain', 'suggest');
		expect(notice.displayName).toBe(
			"Unverified: CMR's API reference does not confirm all of POST /domains/suggestions. Path and body `{keyword}` inferred; only the title and method are documented. If CMR answers 404 (Not Found) or 405 (Method Not Allowed), the inferred path or method is wrong: report it to the package maintainers and meanwhile call the right path with an HTTP Request node using the Cold Mail Reseller credential.",
		);
	});

	it('undocumented filters and values are named: Mailbox Get Many status, extra Platform Credential apps', () => {
		expect(noticesOf('mailbox', 'getAll')[0].displayName).toContain(
			'Filters → Status (`status` query parameter) and its values are not documented',
		);
		expect(noticesOf('platformCredential', 'create')[0].displayName).toContain(
			"App values Instantly, ReachInbox and Smartlead come from CMR's FAQ",
		);
		expect(noticesOf('user', 'create')).toEqual([]);
	});

	it("the README's unverified list names exactly the endpoints that show a notice", () => {
		const section = readmeText.slice(
			readmeText.indexOf('<!-- unverified:start -->'),
			readmeText.indexOf('<!-- unverified:end -->'),
		);
		const listed = [...section.matchAll(/^- `([A-Z]+ [^`]+)`/gm)].map((m) => m[1]).sort();
		const withNotice = operations
			.filter((op) => noticesOf(op.resource, op.operation).length)
			.map((op) => `${op.endpoint!.method} ${op.endpoint!.path}`)
			.sort();
		expect(listed).toEqual(withNotice);
	});
});
