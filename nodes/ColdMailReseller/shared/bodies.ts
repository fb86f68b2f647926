/**
 * Where a value goes in the request: body fields and query/body paths. Checks live in
 * validation.ts; resource body builders (resources/<resource>/*.ts) use these to place what
 * they checked.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** Where a checked value goes: `body.<property>` or `qs.<property>` (dots nest, as in n8n routing). */
export interface SendTarget {
	type: 'body' | 'query';
	property: string;
}

export function place(requestOptions: IHttpRequestOptions, target: SendTarget, value: unknown) {
	const key = target.type === 'body' ? 'body' : 'qs';
	const root: IDataObject = { ...((requestOptions[key] as IDataObject) ?? {}) };
	const path = target.property.split('.');
	let holder = root;
	for (const part of path.slice(0, -1)) {
		const next = holder[part];
		holder = holder[part] = next && typeof next === 'object' ? { ...(next as IDataObject) } : {};
	}
	const last = path[path.length - 1];
	if (value === undefined) delete holder[last];
	else holder[last] = value as string;
	requestOptions[key] = root;
	return requestOptions;
}

/** Sets a body field, creating the body object if needed. */
export function setBody(
	requestOptions: IHttpRequestOptions,
	fields: IDataObject,
): IHttpRequestOptions {
	requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), ...fields };
	return requestOptions;
}
