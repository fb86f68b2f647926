import type { IDataObject } from 'n8n-workflow';

/**
 * CMR retries a delivery (immediately, after ~30 s, after ~5 min) and may deliver an event
 * twice, so the trigger remembers the last eventIds it started a run for, in the node's
 * workflow static data (saved by n8n with the workflow). Oldest ids drop out first.
 */
export const DEDUPE_MAX_EVENT_IDS = 1000;

/** Key in `getWorkflowStaticData('node')`. Stored in saved workflows: do not rename. */
export const DEDUPE_STATIC_KEY = 'recentEventIds';

function recentEventIds(staticData: IDataObject): string[] {
	const stored = staticData[DEDUPE_STATIC_KEY];
	return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

export function isDuplicateEvent(staticData: IDataObject, eventId: string): boolean {
	return recentEventIds(staticData).includes(eventId);
}

/** Appends the id and keeps only the newest `max` ids (FIFO). */
export function rememberEvent(
	staticData: IDataObject,
	eventId: string,
	max: number = DEDUPE_MAX_EVENT_IDS,
): void {
	const ids = recentEventIds(staticData).filter((id) => id !== eventId);
	ids.push(eventId);
	// Assign a new array (not push in place) so n8n sees the change and saves it.
	staticData[DEDUPE_STATIC_KEY] = ids.slice(Math.max(0, ids.length - max));
}

/**
 * Ids this n8n process has accepted, per trigger node (`workflowId:nodeId`). n8n saves static
 * data a moment after the trigger answers, so a duplicate sent right after the answer could
 * still see the old static data; this in-memory list closes that gap.
 */
const acceptedInProcess = new Map<string, string[]>();
const MAX_TRACKED_TRIGGERS = 200;

/**
 * Records the event and returns true when it is new; false when this trigger already accepted
 * it (in this process or, per static data, before).
 */
export function claimEvent(scope: string, staticData: IDataObject, eventId: string): boolean {
	const accepted = acceptedInProcess.get(scope) ?? [];
	if (accepted.includes(eventId) || isDuplicateEvent(staticData, eventId)) return false;
	rememberEvent(staticData, eventId);
	acceptedInProcess.delete(scope);
	acceptedInProcess.set(scope, [...accepted, eventId].slice(-DEDUPE_MAX_EVENT_IDS));
	if (acceptedInProcess.size > MAX_TRACKED_TRIGGERS) {
		acceptedInProcess.delete(acceptedInProcess.keys().next().value as string);
	}
	return true;
}
