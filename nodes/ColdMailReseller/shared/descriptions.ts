import type { IDisplayOptions, INodeProperties, INodePropertyMode } from 'n8n-workflow';
import type { SendTarget } from './bodies';
import { ENDPOINTS, type EndpointKey } from './endpoints';
import { simplifyTo } from './output';
import { checkLimit, sendChecked, type ValueKind } from './validation';

/** displayOptions for one operation of one resource. */
export function showFor(resource: string, operation: string | string[]): IDisplayOptions {
	return {
		show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] },
	};
}

/** The customer (CMR "user") locator; `send` says where the checked ID goes (omitted: nowhere). */
export function userLocator(send?: SendTarget): INodeProperties {
	return locatorField({
		name: 'userId',
		displayName: 'User',
		searchListMethod: 'getUsers',
		placeholder: 'e.g. PWM7Y25RYZ450YNM8K8FX9GK5AHX',
		description: 'The CMR user (your customer) this call is for',
		send,
		idValidation: [
			{
				type: 'regex',
				properties: { regex: '^\\s*\\S+\\s*$', errorMessage: 'Enter a CMR user ID' },
			},
		],
	});
}

/** The User locator of an operation, sent in the query or the body exactly as ENDPOINTS says. */
export function userIdField(endpoint: EndpointKey): INodeProperties {
	const placement = ENDPOINTS[endpoint].userId;
	if (placement === 'none') throw new Error(`${endpoint} takes no userId`);
	return userLocator({ type: placement === 'body' ? 'body' : 'query', property: 'userId' });
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

export interface LocatorOptions {
	name: string;
	displayName: string;
	/** listSearch method: getMailboxes, getSubscriptions, getDomainNames, getDomainIds, getUsers. */
	searchListMethod: string;
	placeholder: string;
	description: string;
	/** Where the checked, trimmed value is sent; omit when a preSend builds the request. */
	send?: SendTarget;
	/** How the value is checked before it is sent: a CMR ID unless said otherwise. */
	kind?: ValueKind;
	/** Checks the editor runs on the By ID mode. */
	idValidation?: INodePropertyMode['validation'];
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
				...(options.idValidation ? { validation: options.idValidation } : {}),
			},
		],
		...(options.send
			? {
					routing: {
						send: {
							...options.send,
							preSend: [
								sendChecked(options.kind ?? 'id', options.name, options.displayName, options.send),
							],
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
