import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Values of the "Output Format" parameter. Stored in saved workflows: do not rename. */
export type OutputFormat = 'flattened' | 'raw';

/** The "Output Format" parameter of both triggers, with the texts of each. */
export function outputFormatField(texts: {
	description: string;
	flattened: string;
	raw: string;
}): INodeProperties {
	return {
		displayName: 'Output Format',
		name: 'outputFormat',
		type: 'options',
		default: 'flattened',
		description: texts.description,
		options: [
			{ name: 'Flattened', value: 'flattened', description: texts.flattened },
			{ name: 'Raw', value: 'raw', description: texts.raw },
		],
	};
}

/** Envelope keys the trigger reads itself; any other top-level key is passed through. */
const ENVELOPE_KEYS = new Set(['event', 'eventType', 'eventId', 'data']);

export interface ShapeInput {
	envelope: IDataObject;
	event: string;
	eventId: string | null;
	receivedAt: string;
	format: OutputFormat;
	headers?: IDataObject;
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets an own field unless the item already has one. Own-property checks keep fields named
 * like Object methods (`constructor`, `toString`); `__proto__` is left out, since assigning it
 * would change the item's prototype here or in any later copy of the item.
 */
function addField(item: IDataObject, key: string, value: unknown): void {
	if (key === '__proto__' || Object.prototype.hasOwnProperty.call(item, key)) return;
	item[key] = value as IDataObject[string];
}

/**
 * One output item per delivery:
 * - flattened: `{ event, eventId, receivedAt, ...data }`
 * - raw: `{ event, eventId, receivedAt, data }`
 * Other top-level envelope keys (for example an `actionId`) follow, then `headers` if asked.
 * `event`, `eventId` and `receivedAt` always win over a same-named key inside `data`.
 * A `__proto__` key is dropped from the flattened item (raw keeps `data` as parsed).
 * The payload is passed through untouched, including mailbox credentials: the workflow
 * needs them (`mailbox.created`, `prewarmup.order.success`).
 */
export function shapeEventItem(input: ShapeInput): IDataObject {
	const { envelope, event, eventId, receivedAt, format, headers } = input;
	const item: IDataObject = { event, eventId, receivedAt };

	const data = envelope.data;
	if (format === 'flattened' && isPlainObject(data)) {
		for (const [key, value] of Object.entries(data)) addField(item, key, value);
	} else {
		item.data = data === undefined ? null : data;
	}

	for (const [key, value] of Object.entries(envelope)) {
		if (!ENVELOPE_KEYS.has(key)) addField(item, key, value);
	}

	if (headers !== undefined) item.headers = headers;
	return item;
}
