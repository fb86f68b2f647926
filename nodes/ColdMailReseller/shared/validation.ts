import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from './errors';

/** A bare hostname: labels of letters, digits and hyphens, ending in an alphabetic TLD. */
const HOSTNAME =
	/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const EMAIL =
	/^[^\s@]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Domain names are checked lower-cased. */
export function isHostname(value: string): boolean {
	return HOSTNAME.test(value);
}

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

export function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

/** Fails the item, before anything is sent, when a required parameter is empty. */
export function requireValues(labels: Record<string, string>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		for (const [name, label] of Object.entries(labels)) {
			const value = this.getNodeParameter(name, '', { extractValue: true });
			if (isBlank(value)) {
				throw invalidInput(
					this.getNode(),
					this.getItemIndex(),
					`${label} is empty`,
					`Enter a value for "${label}", or map one from an earlier node with an expression.`,
				);
			}
		}
		return requestOptions;
	};
}

/** A list typed as "a, b, c" or given as an array by an expression, trimmed and de-blanked. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(/[,\n]/);
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** Parses a JSON parameter (string or already an object), failing the item clearly. */
export function parseJson(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`${label} is not valid JSON`,
			`Fix the JSON in "${label}": ${(error as Error).message}`,
		);
	}
}

/** Sets a body field, creating the body object if needed. */
export function setBody(
	requestOptions: IHttpRequestOptions,
	fields: IDataObject,
): IHttpRequestOptions {
	requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), ...fields };
	return requestOptions;
}

/**
 * Sends a comma/newline-separated string (or an expression array) as a JSON array, failing
 * the item before anything is sent when the list is empty.
 */
export function sendList(parameter: string, property: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const list = toList(this.getNodeParameter(parameter, ''));
		if (!list.length) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				`${label} is empty`,
				`Enter one or more values for "${label}" separated by commas, or map an array with an expression.`,
			);
		}
		return setBody(requestOptions, { [property]: list });
	};
}

/** An update with nothing to change is refused before sending. */
export async function requireSomethingToUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!Object.keys((requestOptions.body as IDataObject) ?? {}).length) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'No fields to update',
			'Add at least one field under "Update Fields".',
		);
	}
	return requestOptions;
}

/** Fails the item before sending when the named parameter is set but is not an email address. */
export function requireEmailFormat(parameter: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = String(this.getNodeParameter(parameter, '') ?? '').trim();
		if (value !== '' && !isEmail(value)) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				`${label} "${value}" is not a valid email address`,
				`Enter an address like name@company.com in "${label}".`,
			);
		}
		return requestOptions;
	};
}
