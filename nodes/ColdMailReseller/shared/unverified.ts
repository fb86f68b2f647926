import type { CmrEndpoint } from './endpoints';

/** Whether the path or the method of an endpoint is an inference. */
export function isRouteInferred(endpoint: CmrEndpoint): boolean {
	return (
		endpoint.confidence === 'inferred' ||
		/\b(path|method)\b[^;]*inferred/i.test(endpoint.note ?? '')
	);
}

/**
 * What the reference does not document about an endpoint, one sentence each: the `note` of a
 * path or body that is not confirmed, and the `unverified` filters, fields and values.
 */
export function unverifiedItems(endpoint: CmrEndpoint): string[] {
	const note = endpoint.confidence !== 'confirmed' && endpoint.note ? [endpoint.note] : [];
	const items = [...note, ...(endpoint.unverified ?? [])];
	return items.map((item) => `${item.charAt(0).toUpperCase()}${item.slice(1)}.`);
}

const IF_ROUTE_WRONG =
	'If CMR answers 404 (Not Found) or 405 (Method Not Allowed), the inferred path or method is wrong: report it to the package maintainers and meanwhile call the right path with an HTTP Request node using the Cold Mail Reseller credential.';
const IF_FIELD_WRONG =
	'If CMR ignores these values or rejects them (400 or 422), leave them out and report it to the package maintainers.';

/** The notice text for an endpoint with unverified parts, else undefined. */
export function unverifiedNoticeText(endpoint: CmrEndpoint): string | undefined {
	const items = unverifiedItems(endpoint);
	if (!items.length) return undefined;
	const advice = isRouteInferred(endpoint) ? IF_ROUTE_WRONG : IF_FIELD_WRONG;
	return `Unverified: CMR's API reference does not confirm all of ${endpoint.method} ${endpoint.path}. ${items.join(' ')} ${advice}`;
}
