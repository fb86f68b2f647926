import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The event kinds of the "Events" multi-select. The values are stored in saved workflows:
 * never change them.
 */
export type EventKind =
	| 'newMailbox'
	| 'mailboxStatus'
	| 'domainStatus'
	| 'subscription'
	| 'orderStatus';

export const EVENT_KIND_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Domain Status Changes',
		value: 'domainStatus',
		description:
			'Domain.order.success, domain.renewal.success, domain.grace_period, domain.expired, domain.status_changed',
	},
	{
		name: 'Mailbox Status Changes',
		value: 'mailboxStatus',
		description: 'Mailbox.status_changed, e.g. ACTIVE → EXPIRED (becoming ACTIVE is a new mailbox)',
	},
	{
		name: 'New Mailboxes',
		value: 'newMailbox',
		description: 'Mailbox.created, once per mailbox, when it is ACTIVE',
	},
	{
		name: 'Order Status Changes',
		value: 'orderStatus',
		description:
			'Order.status_changed, for orders the trigger has seen on new mailboxes, until they are final',
	},
	{
		name: 'Subscription Status and Renewal Changes',
		value: 'subscription',
		description:
			'Subscription.renewing, .renewal.success, .past_due, .expired, .cancelled, .updated, .status_changed',
	},
];

/** The CMR lists the trigger reads. */
export type ListName = 'mailbox' | 'domain' | 'subscription';

export interface Snapshot {
	status: string;
	/** Short hashes of the watched fields, in the order of `watched`. */
	marks: string[];
}

export interface DetectedEvent {
	event: string;
	kind: EventKind;
}

export interface Tracker {
	list: ListName;
	/** Alternative names of the record id, first present wins. */
	id: string[];
	status: string[];
	/** Fields (with alternative names) whose change matters besides the status. */
	watched: string[][];
	/** The event for a change since the last poll; `previous` is undefined for a new record. */
	classify(previous: Snapshot | undefined, current: Snapshot): DetectedEvent | null;
	/** The event a record stands for by itself (first run with "Emit Existing", manual mode). */
	describe(current: Snapshot): DetectedEvent;
	/** Field with the record's creation time, to pick the newest records. */
	createdAt: string[];
}

export function firstOf(record: IDataObject, names: string[]): unknown {
	for (const name of names) {
		if (record[name] !== undefined && record[name] !== null) return record[name];
	}
	return undefined;
}

const PRE_ACTIVE_MAILBOX = new Set(['IN_PROGRESS', 'CREATING_PASSWORD', 'PENDING']);

const mailboxCreated: DetectedEvent = { event: 'mailbox.created', kind: 'newMailbox' };
const mailboxStatusChanged: DetectedEvent = {
	event: 'mailbox.status_changed',
	kind: 'mailboxStatus',
};

/** `mailbox.created` when a mailbox is (first seen, or becomes) ACTIVE, as CMR's webhook does. */
const mailboxTracker: Tracker = {
	list: 'mailbox',
	id: ['mailboxId', 'id'],
	status: ['status', 'mailboxStatus'],
	watched: [],
	createdAt: ['createdAt', 'creationTime'],
	classify(previous, current) {
		if (!previous) return current.status === 'ACTIVE' ? mailboxCreated : null;
		if (previous.status === current.status) return null;
		if (current.status === 'ACTIVE' && PRE_ACTIVE_MAILBOX.has(previous.status)) {
			return mailboxCreated;
		}
		return mailboxStatusChanged;
	},
	describe: (current) => (current.status === 'ACTIVE' ? mailboxCreated : mailboxStatusChanged),
};

const domainEvent = (event: string): DetectedEvent => ({ event, kind: 'domainStatus' });
const DOMAIN_STATUS_EVENTS: Record<string, string> = {
	GRACE_PERIOD: 'domain.grace_period',
	EXPIRED: 'domain.expired',
};

/** Domain events from the status and the expiry date (a later expiry date is a renewal). */
const domainTracker: Tracker = {
	list: 'domain',
	id: ['domainId', 'id'],
	status: ['status', 'domainStatus'],
	watched: [['expireOn', 'expiryDate', 'expiresAt', 'expirationDate']],
	createdAt: ['createdAt', 'creationTime'],
	classify(previous, current) {
		if (!previous) return current.status === 'ACTIVE' ? domainEvent('domain.order.success') : null;
		if (previous.status === current.status) {
			const renewed = current.status === 'ACTIVE' && previous.marks[0] !== current.marks[0];
			return renewed ? domainEvent('domain.renewal.success') : null;
		}
		if (current.status === 'ACTIVE') {
			return domainEvent(
				previous.status === 'PENDING' ? 'domain.order.success' : 'domain.renewal.success',
			);
		}
		return domainEvent(DOMAIN_STATUS_EVENTS[current.status] ?? 'domain.status_changed');
	},
	describe: (current) =>
		domainEvent(
			current.status === 'ACTIVE'
				? 'domain.order.success'
				: (DOMAIN_STATUS_EVENTS[current.status] ?? 'domain.status_changed'),
		),
};

const subscriptionEvent = (event: string): DetectedEvent => ({ event, kind: 'subscription' });
const SUBSCRIPTION_STATUS_EVENTS: Record<string, string> = {
	RENEWING: 'subscription.renewing',
	PAST_DUE: 'subscription.past_due',
	EXPIRED: 'subscription.expired',
	CANCELLED: 'subscription.cancelled',
	CANCELED: 'subscription.cancelled',
};

/** Subscription events from the status, the period end (renewal) and the price (tier change). */
const subscriptionTracker: Tracker = {
	list: 'subscription',
	id: ['subscriptionId', 'componentSubscriptionId', 'id'],
	status: ['subscriptionStatus', 'status'],
	watched: [['periodEnd', 'currentPeriodEnd'], ['pricePerMailbox']],
	createdAt: ['createdAt', 'periodStart'],
	classify(previous, current) {
		if (!previous) return null;
		const periodMoved = previous.marks[0] !== current.marks[0];
		if (previous.status !== current.status) {
			if (current.status === 'ACTIVE' && (periodMoved || previous.status === 'RENEWING')) {
				return subscriptionEvent('subscription.renewal.success');
			}
			return subscriptionEvent(
				SUBSCRIPTION_STATUS_EVENTS[current.status] ?? 'subscription.status_changed',
			);
		}
		if (periodMoved && current.status === 'ACTIVE') {
			return subscriptionEvent('subscription.renewal.success');
		}
		if (previous.marks[1] !== current.marks[1]) return subscriptionEvent('subscription.updated');
		return null;
	},
	describe: (current) =>
		subscriptionEvent(SUBSCRIPTION_STATUS_EVENTS[current.status] ?? 'subscription.status_changed'),
};

export const TRACKERS: Record<ListName, Tracker> = {
	mailbox: mailboxTracker,
	domain: domainTracker,
	subscription: subscriptionTracker,
};

/** The lists a selection of kinds needs: orders are discovered on new mailboxes. */
export function listsFor(kinds: ReadonlySet<EventKind>): ListName[] {
	const lists: ListName[] = [];
	if (kinds.has('newMailbox') || kinds.has('mailboxStatus') || kinds.has('orderStatus')) {
		lists.push('mailbox');
	}
	if (kinds.has('domainStatus')) lists.push('domain');
	if (kinds.has('subscription')) lists.push('subscription');
	return lists;
}

/** Order statuses after which an order no longer changes (inferred; CMR documents none). */
export const FINAL_ORDER_STATUSES = new Set([
	'COMPLETED',
	'SUCCESS',
	'FAILED',
	'CANCELLED',
	'CANCELED',
	'REFUNDED',
	'REJECTED',
]);

export const ORDER_STATUS_CHANGED: DetectedEvent = {
	event: 'order.status_changed',
	kind: 'orderStatus',
};
