import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { ENDPOINTS, type CmrEndpoint, type EndpointKey } from './endpoints';

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

/** The endpoint an operation option calls, found by its routing's method and path. */
export function endpointKeyOf(option: INodePropertyOptions): EndpointKey | undefined {
	const request = option.routing?.request;
	if (!request) return undefined;
	return (Object.keys(ENDPOINTS) as EndpointKey[]).find(
		(key) => ENDPOINTS[key].method === request.method && ENDPOINTS[key].path === request.url,
	);
}

/**
 * Adds, right after each resource's Operation selector, one notice per operation whose
 * endpoint has unverified parts (generated from the endpoint table).
 */
export function withUnverifiedNotices(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		if (property.name !== 'operation' || property.type !== 'options') return [property];
		const resources = property.displayOptions?.show?.resource ?? [];
		const notices = ((property.options ?? []) as INodePropertyOptions[]).flatMap((option) => {
			const key = endpointKeyOf(option);
			const text = key && unverifiedNoticeText(ENDPOINTS[key]);
			if (!text) return [];
			const notice: INodeProperties = {
				displayName: text,
				name: 'unverifiedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { resource: resources, operation: [option.value] } },
			};
			return [notice];
		});
		return [property, ...notices];
	});
}
