import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { shapeEventItem, type OutputFormat } from '../trigger/output';
import { fetchList, fetchOrderStatus, orderStatusOf } from './fetch';
import {
	FINAL_ORDER_STATUSES,
	firstOf,
	listsFor,
	ORDER_STATUS_CHANGED,
	TRACKERS,
	type DetectedEvent,
	type EventKind,
	type Snapshot,
	type Tracker,
} from './kinds';
import {
	capOpenOrders,
	fieldMark,
	MAX_TRACKED_RECORDS,
	readState,
	recordKey,
	RecordTable,
	shortHash,
	writeState,
	type OpenOrder,
	type PollState,
} from './state';

/** Records per kind that manual mode ("Fetch Test Event") returns. */
export const TEST_EVENT_COUNT = 5;

interface PollSettings {
	kinds: Set<EventKind>;
	userId: string;
	format: OutputFormat;
	emitExisting: boolean;
	receivedAt: string;
}

function settingsOf(context: IPollFunctions): PollSettings {
	const kinds = new Set(context.getNodeParameter('events', []) as EventKind[]);
	if (kinds.size === 0) {
		throw new NodeOperationError(context.getNode(), 'No event kind is selected', {
			description: 'Select at least one entry under Events, e.g. New Mailboxes.',
		});
	}
	const userId = context.getNodeParameter('userId', '', { extractValue: true });
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		kinds,
		userId: typeof userId === 'string' ? userId.trim() : '',
		format: context.getNodeParameter('outputFormat', 'flattened') as OutputFormat,
		emitExisting: options.emitExistingOnFirstRun === true,
		receivedAt: new Date().toISOString(),
	};
}

function snapshotOf(tracker: Tracker, record: IDataObject): Snapshot {
	return {
		status: String(firstOf(record, tracker.status) ?? '').toUpperCase(),
		marks: tracker.watched.map((names) => fieldMark(firstOf(record, names))),
	};
}

/** One output item, shaped like the webhook trigger's, plus `source: "poll"`. */
function eventItem(
	settings: PollSettings,
	event: string,
	identity: string,
	data: IDataObject,
): INodeExecutionData {
	const eventId = `poll_${shortHash(`${event}|${identity}`, 24)}`;
	const json = shapeEventItem({
		envelope: { data },
		event,
		eventId,
		receivedAt: settings.receivedAt,
		format: settings.format,
	});
	return { json: { ...json, source: 'poll' } };
}

function tooMany(context: IPollFunctions, list: string, count: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`The account has ${count} ${list} records; the polling trigger tracks at most ${MAX_TRACKED_RECORDS} per list`,
		{
			description:
				'Set the User filter and use one workflow per group of customers, or use the webhook trigger.',
		},
	);
}

/** Polls never overlap: a poll that finds the previous one still running is skipped. */
const runningPolls = new Set<string>();

export async function pollCmr(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	if (this.getMode() === 'manual') return await newestRecords(this, settings);
	const pollKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (runningPolls.has(pollKey)) {
		this.logger.info('Cold Mail Reseller poll skipped: the previous poll is still running');
		return null;
	}
	runningPolls.add(pollKey);
	try {
		const items = await pollChanges(this, settings);
		return items.length ? [items] : null;
	} finally {
		runningPolls.delete(pollKey);
	}
}

/** Compares every watched list with the recorded state; the state is replaced only at the end. */
async function pollChanges(
	context: IPollFunctions,
	settings: PollSettings,
): Promise<INodeExecutionData[]> {
	const staticData = context.getWorkflowStaticData('node');
	const previous = readState(staticData, settings.userId);
	const next: PollState = { ...previous, tables: {}, orders: {} };
	const items: INodeExecutionData[] = [];
	const watchedOrders: Record<string, OpenOrder> = { ...previous.orders };

	for (const list of listsFor(settings.kinds)) {
		const tracker = TRACKERS[list];
		const records = await fetchList(context, list, settings.userId);
		if (records.length > MAX_TRACKED_RECORDS) throw tooMany(context, list, records.length);
		const stored = previous.tables[list];
		const before = stored ? RecordTable.parse(stored, tracker.watched.length) : undefined;
		const after = new RecordTable(tracker.watched.length, stored?.d);
		for (const record of records) {
			const id = firstOf(record, tracker.id);
			if (id === undefined || id === '') continue;
			const key = `${list}:${String(id)}`;
			const hashed = recordKey(key);
			const current = snapshotOf(tracker, record);
			after.set(hashed, current);
			let detected: DetectedEvent | null;
			let old: Snapshot | undefined;
			if (before) {
				old = before.get(hashed);
				detected = tracker.classify(old, current);
				if (!old && list === 'mailbox') discoverOrder(record, watchedOrders);
			} else {
				detected = settings.emitExisting ? tracker.describe(current) : null;
			}
			if (!detected || !settings.kinds.has(detected.kind)) continue;
			const data =
				old && old.status !== current.status ? { ...record, previousStatus: old.status } : record;
			items.push(eventItem(settings, detected.event, `${key}|${after.entry(hashed)}`, data));
		}
		next.tables[list] = after.toStored();
	}

	if (settings.kinds.has('orderStatus')) {
		next.orders = await pollOrders(context, settings, watchedOrders, items);
	}
	writeState(staticData, next);
	return items;
}

function discoverOrder(record: IDataObject, orders: Record<string, OpenOrder>): void {
	const orderId = record.orderId;
	const userId = record.userId;
	if (typeof orderId === 'string' && orderId && typeof userId === 'string' && userId) {
		orders[orderId] ??= { userId, status: '' };
	}
}

/**
 * Orders seen on new mailboxes are watched until final: the first look records the status,
 * each later change is one `order.status_changed`. An order CMR no longer knows (404) is
 * dropped, so it cannot block every later poll.
 */
async function pollOrders(
	context: IPollFunctions,
	settings: PollSettings,
	watched: Record<string, OpenOrder>,
	items: INodeExecutionData[],
): Promise<Record<string, OpenOrder>> {
	const open: Record<string, OpenOrder> = {};
	for (const [orderId, order] of Object.entries(capOpenOrders(watched))) {
		const answer = await fetchOrderStatus(context, orderId, order.userId).catch((error) => {
			if (error instanceof NodeApiError && error.httpCode === '404') return null;
			throw error;
		});
		if (!answer) continue;
		const status = orderStatusOf(answer);
		if (order.status && status && status !== order.status) {
			const data = { orderId, userId: order.userId, ...answer, previousStatus: order.status };
			items.push(
				eventItem(settings, ORDER_STATUS_CHANGED.event, `order:${orderId}|${status}`, data),
			);
		}
		if (!FINAL_ORDER_STATUSES.has(status)) open[orderId] = { userId: order.userId, status };
	}
	return open;
}

function newestFirst(tracker: Tracker, records: IDataObject[]): IDataObject[] {
	const time = (record: IDataObject) =>
		Date.parse(String(firstOf(record, tracker.createdAt) ?? ''));
	return records
		.map((record, index) => ({ record, index, at: time(record) }))
		.sort((a, b) => (b.at || 0) - (a.at || 0) || b.index - a.index)
		.map((entry) => entry.record);
}

/** Manual mode: the newest records of each selected kind as events; the state is left alone. */
async function newestRecords(
	context: IPollFunctions,
	settings: PollSettings,
): Promise<INodeExecutionData[][] | null> {
	const items: INodeExecutionData[] = [];
	for (const list of listsFor(settings.kinds)) {
		const tracker = TRACKERS[list];
		const records = newestFirst(tracker, await fetchList(context, list, settings.userId));
		const perKind = new Map<EventKind, number>();
		const orders: Record<string, OpenOrder> = {};
		for (const record of records) {
			const id = firstOf(record, tracker.id);
			if (id === undefined) continue;
			if (list === 'mailbox' && Object.keys(orders).length < TEST_EVENT_COUNT) {
				discoverOrder(record, orders);
			}
			const detected = tracker.describe(snapshotOf(tracker, record));
			const count = perKind.get(detected.kind) ?? 0;
			if (!settings.kinds.has(detected.kind) || count >= TEST_EVENT_COUNT) continue;
			perKind.set(detected.kind, count + 1);
			items.push(eventItem(settings, detected.event, `${list}:${String(id)}|test`, record));
		}
		if (list === 'mailbox' && settings.kinds.has('orderStatus')) {
			for (const [orderId, order] of Object.entries(orders)) {
				const answer = await fetchOrderStatus(context, orderId, order.userId);
				const data = { orderId, userId: order.userId, ...answer };
				items.push(eventItem(settings, ORDER_STATUS_CHANGED.event, `order:${orderId}|test`, data));
			}
		}
	}
	return items.length ? [items] : null;
}
