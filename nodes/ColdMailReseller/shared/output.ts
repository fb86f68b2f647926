/**
 * Output shaping of CMR answers: errors (any answer that is not usable CMR JSON), the
 * `{status, message, data, actionId}` envelope, list records, delete results and Simplify.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';
import { answerFailureOf, correlationOf, envelopeOf } from './answers';
import { CREDENTIAL_NAME } from './constants';
import { cmrApiError } from './errors';

/** The API key, to keep it out of error messages even when a server echoes it. */
async function apiKeyOf(context: IExecuteSingleFunctions): Promise<string | undefined> {
	try {
		const credentials = await context.getCredentials(CREDENTIAL_NAME);
		return typeof credentials?.apiKey === 'string' ? credentials.apiKey : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Every answer that is not usable CMR JSON becomes a NodeApiError: HTTP errors (requests are
 * sent with ignoreHttpStatusErrors), error envelopes inside a 2xx, empty, HTML or cut-off bodies.
 */
export async function throwOnCmrError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (answerFailureOf(response)) {
		throw cmrApiError(this.getNode(), response, this.getItemIndex(), await apiKeyOf(this));
	}
	return items;
}

/**
 * Unwraps `{status, message, data, actionId}`: an array becomes one item each; an object
 * becomes one item; a null `data` becomes `{message}`. The `actionId` of an async answer is
 * added to every item (unless an entry has its own) so later steps can correlate with webhooks;
 * an empty array with an actionId still gives one `{message, actionId}` item.
 */
export async function unwrapEnvelope(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const envelope = envelopeOf(response);
	const { message, data } = envelope;
	const correlation = correlationOf(envelope);
	if (Array.isArray(data) && (data.length || !correlation.actionId)) {
		return data.map((entry) => ({
			json:
				entry && typeof entry === 'object' && !Array.isArray(entry)
					? { ...correlation, ...(entry as IDataObject) }
					: { value: entry as string, ...correlation },
		}));
	}
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		return [{ json: { ...(data as IDataObject), ...correlation } }];
	}
	if (data === null || data === undefined || Array.isArray(data)) {
		return [{ json: { message: message ?? '', ...correlation } }];
	}
	return [{ json: { value: data as string, ...correlation } }];
}

/**
 * The records of a list answer: `data` itself when it is an array, else the single array
 * inside it (`data.users`, `data.subscriptions`, `data.inventory`, ...).
 */
export function listItemsOf(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	if (!data || typeof data !== 'object') return [];
	const arrays = Object.values(data as IDataObject).filter(Array.isArray);
	if (arrays.length === 1) return arrays[0] as IDataObject[];
	return [data as IDataObject];
}

export async function unwrapList(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return listItemsOf(envelopeOf(response).data).map((json) => ({ json }));
}

/** Output of deletes: `{deleted: true, <idKey>: <id>}`. */
export function deletedResult(idParameter: string, idKey = idParameter): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const id = this.getNodeParameter(idParameter, '', { extractValue: true }) as string;
		const actionId = items[0]?.json.actionId;
		return [{ json: { deleted: true, [idKey]: id, ...(actionId ? { actionId } : {}) } }];
	};
}

/**
 * Simplify: keep the listed fields when the `simple` toggle is on (and any are present).
 * `a|b` keeps the first of the alternatives the record has, e.g. `mailboxId|id`.
 */
export function simplifyTo(fields: string[]): PostReceiveAction {
	const alternativesPerField = fields.map((spec) => spec.split('|'));
	const simpleOfContext = new WeakMap<object, boolean>();
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		let simple = simpleOfContext.get(this);
		if (simple === undefined) {
			simple = this.getNodeParameter('simple', true) as boolean;
			simpleOfContext.set(this, simple);
		}
		if (!simple) return items;
		return items.map((item) => {
			const json = item.json;
			const picked: IDataObject = {};
			let any = false;
			for (const alternatives of alternativesPerField) {
				for (const name of alternatives) {
					const value = json[name];
					if (value !== undefined) {
						picked[name] = value;
						any = true;
						break;
					}
				}
			}
			return any ? { ...item, json: picked } : item;
		});
	};
}
