import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * The trigger's memory of eventIds it started a run for. CMR retries a delivery (at once,
 * after ~30 s, after ~5 min) and may deliver an event twice.
 *
 * Where it lives: the node's workflow static data, which n8n re-reads from the database for
 * every delivery and writes back after the trigger answered (only when it changed). Concurrent
 * deliveries each read a snapshot and the last write wins, so each write here is the union of
 * the snapshot and everything this process accepted: the latest write holds every id.
 *
 * What it keeps: the newest ids, at least DEDUPE_MIN_EVENT_IDS of them and every id seen in the
 * last DEDUPE_WINDOW_SECONDS, never more than DEDUPE_MAX_EVENT_IDS.
 * How: each id as the first 6 bytes of its SHA-256 (8 base64 characters), in buckets of up to
 * DEDUPE_BUCKET_SIZE ids with the Unix second of the bucket's newest id:
 * `seenEvents: [[lastSeenSeconds, "8 chars per id…"], …]`, oldest bucket first.
 */
export const DEDUPE_MIN_EVENT_IDS = 10_000;
export const DEDUPE_WINDOW_SECONDS = 3600;
export const DEDUPE_MAX_EVENT_IDS = 30_000;
export const DEDUPE_BUCKET_SIZE = 500;
const DIGEST_CHARS = 8;

/** Key in `getWorkflowStaticData('node')`. Stored in saved workflows: do not rename. */
export const DEDUPE_STATIC_KEY = 'seenEvents';
/** The 0.1 format (plain eventIds, newest last): read once, then replaced. */
export const LEGACY_DEDUPE_STATIC_KEY = 'recentEventIds';

export type StoredBucket = [number, string];

/** The stored form of one eventId. */
export function eventDigest(eventId: string): string {
	return createHash('sha256').update(eventId, 'utf8').digest('base64').slice(0, DIGEST_CHARS);
}

interface Bucket {
	last: number;
	digests: string[];
	joined: string | null;
}

function splitDigests(joined: string): string[] {
	const digests: string[] = [];
	for (let at = 0; at + DIGEST_CHARS <= joined.length; at += DIGEST_CHARS) {
		digests.push(joined.slice(at, at + DIGEST_CHARS));
	}
	return digests;
}

function readStoredBuckets(staticData: IDataObject): StoredBucket[] {
	const stored = staticData[DEDUPE_STATIC_KEY];
	if (!Array.isArray(stored)) return [];
	return stored.filter(
		(entry): entry is StoredBucket =>
			Array.isArray(entry) &&
			typeof entry[0] === 'number' &&
			Number.isFinite(entry[0]) &&
			typeof entry[1] === 'string',
	);
}

function readLegacyIds(staticData: IDataObject): string[] {
	const stored = staticData[LEGACY_DEDUPE_STATIC_KEY];
	return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

/** The ids one trigger node remembers, as this process knows them. */
export class DedupeMemory {
	private readonly buckets: Bucket[] = [];

	private readonly digests = new Set<string>();

	/** Serialised forms of the buckets, to skip stored buckets this process wrote itself. */
	private readonly joinedForms = new Set<string>();

	get size(): number {
		return this.digests.size;
	}

	has(digest: string): boolean {
		return this.digests.has(digest);
	}

	/** Adds the stored ids this process does not know yet (written by an earlier process). */
	merge(stored: StoredBucket[]): void {
		for (const [last, joined] of stored) {
			if (this.joinedForms.has(joined)) continue;
			const unknown = splitDigests(joined).filter((digest) => !this.digests.has(digest));
			if (unknown.length > 0) this.insertBucket({ last, digests: unknown, joined: null });
		}
	}

	add(digest: string, nowSeconds: number): void {
		let newest = this.buckets[this.buckets.length - 1];
		if (newest === undefined || newest.digests.length >= DEDUPE_BUCKET_SIZE) {
			newest = { last: nowSeconds, digests: [], joined: null };
			this.buckets.push(newest);
		}
		this.forgetJoined(newest);
		newest.digests.push(digest);
		newest.last = Math.max(newest.last, nowSeconds);
		this.digests.add(digest);
	}

	/** Drops the oldest buckets the retention rules no longer need. */
	prune(nowSeconds: number): void {
		for (;;) {
			const oldest = this.buckets[0];
			if (oldest === undefined || this.buckets.length === 1) return;
			const remaining = this.digests.size - oldest.digests.length;
			const overCap = this.digests.size > DEDUPE_MAX_EVENT_IDS;
			const expired =
				remaining >= DEDUPE_MIN_EVENT_IDS && oldest.last < nowSeconds - DEDUPE_WINDOW_SECONDS;
			if (!overCap && !expired) return;
			this.buckets.shift();
			this.forgetJoined(oldest);
			for (const digest of oldest.digests) this.digests.delete(digest);
		}
	}

	serialize(): StoredBucket[] {
		return this.buckets.map((bucket) => {
			if (bucket.joined === null) {
				bucket.joined = bucket.digests.join('');
				this.joinedForms.add(bucket.joined);
			}
			return [bucket.last, bucket.joined];
		});
	}

	private insertBucket(bucket: Bucket): void {
		let at = this.buckets.length;
		while (at > 0 && this.buckets[at - 1].last > bucket.last) at--;
		this.buckets.splice(at, 0, bucket);
		for (const digest of bucket.digests) this.digests.add(digest);
	}

	private forgetJoined(bucket: Bucket): void {
		if (bucket.joined !== null) this.joinedForms.delete(bucket.joined);
		bucket.joined = null;
	}
}

/** One memory per trigger node (`workflowId:nodeId`) in this n8n process, least recently used dropped. */
const memories = new Map<string, DedupeMemory>();
const MAX_TRACKED_TRIGGERS = 50;

function memoryFor(scope: string): DedupeMemory {
	const memory = memories.get(scope) ?? new DedupeMemory();
	memories.delete(scope);
	memories.set(scope, memory);
	if (memories.size > MAX_TRACKED_TRIGGERS) {
		memories.delete(memories.keys().next().value as string);
	}
	return memory;
}

/**
 * Returns true and records the event when it is new; false when this trigger already accepted
 * it (in this process or, per static data, in any earlier one). On true, the static data is set
 * to the union of what was stored and what this process accepted.
 */
export function claimEvent(
	scope: string,
	staticData: IDataObject,
	eventId: string,
	nowMs: number = Date.now(),
): boolean {
	const nowSeconds = Math.floor(nowMs / 1000);
	const memory = memoryFor(scope);
	memory.merge(readStoredBuckets(staticData));
	const legacy = readLegacyIds(staticData);
	if (legacy.length > 0) {
		memory.merge([[nowSeconds, legacy.map(eventDigest).join('')]]);
	}

	const digest = eventDigest(eventId);
	if (memory.has(digest)) return false;
	memory.add(digest, nowSeconds);
	memory.prune(nowSeconds);
	// A new array (not a change in place) so n8n sees the change and saves it.
	staticData[DEDUPE_STATIC_KEY] = memory.serialize();
	if (LEGACY_DEDUPE_STATIC_KEY in staticData) delete staticData[LEGACY_DEDUPE_STATIC_KEY];
	return true;
}

/**
 * Sets the static data again to everything this process remembers for the trigger, so that n8n
 * sees it as changed (and saves it) even if it cleared its "changed" mark since the claim.
 */
export function rewriteRememberedEvents(scope: string, staticData: IDataObject): void {
	const memory = memories.get(scope);
	if (memory !== undefined && memory.size > 0) staticData[DEDUPE_STATIC_KEY] = memory.serialize();
}

/** Whether the stored static data alone (without this process's memory) knows the event. */
export function isStoredEvent(staticData: IDataObject, eventId: string): boolean {
	const digest = eventDigest(eventId);
	if (readLegacyIds(staticData).includes(eventId)) return true;
	return readStoredBuckets(staticData).some(([, joined]) => splitDigests(joined).includes(digest));
}
