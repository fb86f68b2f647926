import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import type { ListName, Snapshot } from './kinds';

/**
 * What the trigger keeps in the workflow's static data between polls. No record is kept
 * whole: per record an 8-character hash of its id, one character for its status and
 * 4 characters per watched field, packed into one string per list (9 bytes per mailbox,
 * about 180 KB at the cap of 20,000 mailboxes).
 */
export const MAX_TRACKED_RECORDS = 20_000;
/** Orders waiting for a final status; beyond this the oldest are no longer watched. */
export const MAX_OPEN_ORDERS = 500;

const STATE_VERSION = 1;
const KEY_LENGTH = 8;
const MARK_LENGTH = 4;
const STATUS_CODES = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Status code for statuses beyond the 62 a table can name. */
const OTHER_STATUS = '~';

export function shortHash(value: string, length: number): string {
	return createHash('sha1').update(value).digest('base64url').slice(0, length);
}

export const recordKey = (id: string) => shortHash(id, KEY_LENGTH);
export const fieldMark = (value: unknown) =>
	shortHash(value === undefined || value === null ? '' : JSON.stringify(value), MARK_LENGTH);

export interface StoredTable {
	/** Status names; a record's status character is its index in STATUS_CODES. */
	d: string[];
	/** Packed records: key + status code + marks, fixed width. */
	r: string;
}

/** The records of one list, as seen by one poll. */
export class RecordTable {
	private readonly entries = new Map<string, string>();

	private readonly statuses: string[];

	constructor(
		private readonly markCount: number,
		statuses: string[] = [],
	) {
		this.statuses = [...statuses];
	}

	static parse(stored: StoredTable, markCount: number): RecordTable {
		const table = new RecordTable(markCount, stored.d);
		const width = table.width();
		for (let i = 0; i + width <= stored.r.length; i += width) {
			table.entries.set(
				stored.r.slice(i, i + KEY_LENGTH),
				stored.r.slice(i + KEY_LENGTH, i + width),
			);
		}
		return table;
	}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): Snapshot | undefined {
		const entry = this.entries.get(key);
		if (entry === undefined) return undefined;
		const code = STATUS_CODES.indexOf(entry[0]);
		const marks: string[] = [];
		for (let i = 1; i < entry.length; i += MARK_LENGTH) marks.push(entry.slice(i, i + MARK_LENGTH));
		return { status: code < 0 ? OTHER_STATUS : (this.statuses[code] ?? OTHER_STATUS), marks };
	}

	set(key: string, snapshot: Snapshot): void {
		this.entries.set(key, this.statusCode(snapshot.status) + snapshot.marks.join(''));
	}

	/** The stored form of a record, used for stable event ids. */
	entry(key: string): string {
		return this.entries.get(key) ?? '';
	}

	toStored(): StoredTable {
		let packed = '';
		for (const [key, entry] of this.entries) packed += key + entry;
		return { d: this.statuses, r: packed };
	}

	private width(): number {
		return KEY_LENGTH + 1 + this.markCount * MARK_LENGTH;
	}

	private statusCode(status: string): string {
		let index = this.statuses.indexOf(status);
		if (index < 0 && this.statuses.length < STATUS_CODES.length) {
			this.statuses.push(status);
			index = this.statuses.length - 1;
		}
		return index < 0 ? OTHER_STATUS : STATUS_CODES[index];
	}
}

/** An order the trigger watches until its status is final. */
export interface OpenOrder {
	userId: string;
	status: string;
}

export interface PollState {
	v: number;
	/** The User filter the state was recorded with; another filter starts over. */
	scope: string;
	tables: Partial<Record<ListName, StoredTable>>;
	orders: Record<string, OpenOrder>;
}

const STATE_KEY = 'cmrPolling';

/** The recorded state for this scope, or a fresh one (first run). */
export function readState(staticData: IDataObject, scope: string): PollState {
	const stored = staticData[STATE_KEY] as PollState | undefined;
	if (stored && stored.v === STATE_VERSION && stored.scope === scope) return stored;
	return { v: STATE_VERSION, scope, tables: {}, orders: {} };
}

export function writeState(staticData: IDataObject, state: PollState): void {
	staticData[STATE_KEY] = state as unknown as IDataObject;
}

/** Keeps the newest MAX_OPEN_ORDERS orders (insertion order). */
export function capOpenOrders(orders: Record<string, OpenOrder>): Record<string, OpenOrder> {
	const ids = Object.keys(orders);
	if (ids.length <= MAX_OPEN_ORDERS) return orders;
	const kept: Record<string, OpenOrder> = {};
	for (const id of ids.slice(ids.length - MAX_OPEN_ORDERS)) kept[id] = orders[id];
	return kept;
}
