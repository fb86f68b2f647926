import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { ENDPOINTS, type EndpointKey } from './endpoints';
import { simplifyTo } from './output';
import { checkLimit, sendChecked } from './validation';

/** displayOptions for one operation of one resource. */
export function showFor(resource: string, operation: string | string[]): IDisplayOptions {
	return {
		show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] },
	};
}

/**
 * The customer (CMR "user") every user-level call is scoped to. It travels in the query or
 * the body, exactly as ENDPOINTS says for that operation.
 */
export function userIdField(
	resource: string,
	operation: string,
	endpoint: EndpointKey,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const placement = ENDPOINTS[endpoint].userId;
	if (placement === 'none') throw new Error(`${endpoint} takes no userId`);
	const type = placement === 'body' ? 'body' : 'query';
	return {
		displayName: 'User',
		name: 'userId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The CMR user (your customer) this call is for',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod: 'getUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. PWM7Y25RYZ450YNM8K8FX9GK5AHX',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\S+\\s*$', errorMessage: 'Enter a CMR user ID' },
					},
				],
			},
		],
		displayOptions: showFor(resource, operation),
		routing: {
			send: {
				type,
				property: 'userId',
				preSend: [sendChecked('id', 'userId', 'User', { type, property: 'userId' })],
			},
		},
		...overrides,
	};
}

/**
 * Return All + Limit for a paginated list (the pagination itself is in route()). Like every
 * field factory here without a resource/operation argument, defineResource (or
 * updateDisplayOptions) adds the displayOptions.
 */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
			routing: { send: { preSend: [checkLimit] }, output: { maxResults: '={{$value}}' } },
		},
	];
}

/** The Simplify toggle: keeps at most ten of the most used fields. */
export function simplifyField(fields: string[]): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		routing: { output: { postReceive: [simplifyTo(fields.slice(0, 10))] } },
	};
}

/** A warning shown above operations that cannot be undone. */
export function permanentNotice(
	resource: string,
	operation: string,
	text: string,
): INodeProperties {
	return {
		displayName: text,
		name: 'permanentNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor(resource, operation),
	};
}

/** A notice above operations that charge the partner wallet. */
export function paidNotice(resource: string, operation: string): INodeProperties {
	return {
		displayName:
			'This operation charges the CMR partner wallet and completes asynchronously. Use the returned orderId/actionId with the Cold Mail Reseller Trigger or Order → Get Status; never re-run it because a webhook is late.',
		name: 'paidNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor(resource, operation),
	};
}

export interface LocatorOptions {
	name: string;
	displayName: string;
	/** listSearch method: getMailboxes, getSubscriptions, getDomainNames, getDomainIds, getUsers. */
	searchListMethod: string;
	placeholder: string;
	description: string;
	/** Where the checked, trimmed ID is sent; omit when a preSend builds the request. */
	send?: { type: 'query' | 'body'; property: string };
	required?: boolean;
}

/** A resource locator (From List / By ID) for a CMR id or domain name. */
export function locatorField(options: LocatorOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder,
			},
		],
		...(options.send
			? {
					routing: {
						send: {
							...options.send,
							preSend: [sendChecked('id', options.name, options.displayName, options.send)],
						},
					},
				}
			: {}),
	};
}

/** The "Filters" collection of a Get Many operation; each option carries its own routing. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}
