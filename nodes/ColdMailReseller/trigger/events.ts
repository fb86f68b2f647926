import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The 23 webhook events CMR documents (REFERENCE.md Part B.6), grouped as in CMR's docs.
 *
 * `value` is the event name CMR sends in `event` (or `eventType`). It is stored in saved
 * workflows, so never change a value; labels and descriptions may change freely.
 */
export type CmrEventGroup =
	| 'DNS'
	| 'Domain'
	| 'Mailbox'
	| 'Mailbox Warmup'
	| 'Pre-Warmup'
	| 'Subscription';

export interface CmrWebhookEvent {
	value: string;
	group: CmrEventGroup;
	/** Shown after the group: "Domain: Order Succeeded". */
	label: string;
	description: string;
}

/** Option value meaning "every event, including ones CMR adds later". */
export const ALL_EVENTS = '*';

export const CMR_WEBHOOK_EVENTS: readonly CmrWebhookEvent[] = [
	// Domain
	{
		value: 'domain.order.success',
		group: 'Domain',
		label: 'Order Succeeded',
		description:
			'Domain registered and added to the customer (first step of a domain and mailbox order)',
	},
	{
		value: 'domain.order.failed',
		group: 'Domain',
		label: 'Order Failed',
		description: 'Domain registration failed; no mailbox events follow',
	},
	{
		value: 'domain.renewal.success',
		group: 'Domain',
		label: 'Renewal Succeeded',
		description: 'An existing domain registration was renewed',
	},
	{
		value: 'domain.renewal.failed',
		group: 'Domain',
		label: 'Renewal Failed',
		description: 'A domain renewal attempt failed',
	},
	{
		value: 'domain.grace_period',
		group: 'Domain',
		label: 'Entered Grace Period',
		description: 'Domain reached expiry and entered the 7-day renewal grace window',
	},
	{
		value: 'domain.expired',
		group: 'Domain',
		label: 'Expired',
		description: 'Grace period closed without renewal; the domain can no longer be recovered',
	},

	// Mailbox
	{
		value: 'mailbox.order.success',
		group: 'Mailbox',
		label: 'Order Succeeded',
		description: 'Mailbox order accepted by Google Workspace or Microsoft 365; mailboxes follow',
	},
	{
		value: 'mailbox.order.failed',
		group: 'Mailbox',
		label: 'Order Failed',
		description: 'Mailbox provisioning order failed',
	},
	{
		value: 'mailbox.created',
		group: 'Mailbox',
		label: 'Created',
		description: 'One mailbox is active; the payload carries its login credentials',
	},
	{
		value: 'mailbox.updated',
		group: 'Mailbox',
		label: 'Updated',
		description: 'Mailbox details changed; data.updatedFields holds only the changed fields',
	},
	{
		value: 'mailbox.exported',
		group: 'Mailbox',
		label: 'Exported',
		description: 'A mailbox OAuth export to a sending platform finished',
	},

	// Mailbox warmup
	{
		value: 'mailbox.warmup.started',
		group: 'Mailbox Warmup',
		label: 'Started',
		description: 'Warmup enabled and active for a mailbox',
	},
	{
		value: 'mailbox.warmup.removed',
		group: 'Mailbox Warmup',
		label: 'Removed',
		description: 'Warmup permanently disabled for a mailbox (pausing does not send this)',
	},

	// Subscription
	{
		value: 'subscription.renewing',
		group: 'Subscription',
		label: 'Renewing',
		description: 'Renewal started; payment is being processed',
	},
	{
		value: 'subscription.renewal.success',
		group: 'Subscription',
		label: 'Renewal Succeeded',
		description: 'Subscription renewed for the next billing period',
	},
	{
		value: 'subscription.renewal.failed',
		group: 'Subscription',
		label: 'Renewal Failed',
		description: 'Renewal blocked, for example because the linked domain expired',
	},
	{
		value: 'subscription.past_due',
		group: 'Subscription',
		label: 'Past Due',
		description: 'Renewal payment failed; 7-day grace period for recovery',
	},
	{
		value: 'subscription.expired',
		group: 'Subscription',
		label: 'Expired',
		description: 'Not recovered after the grace period; mailboxes disabled',
	},
	{
		value: 'subscription.cancelled',
		group: 'Subscription',
		label: 'Cancelled',
		description: 'Subscription cancelled explicitly (permanent)',
	},
	{
		value: 'subscription.updated',
		group: 'Subscription',
		label: 'Updated',
		description:
			'Subscription record updated, for example when it moves to the 12-month price tier',
	},

	// Pre-warmup
	{
		value: 'prewarmup.order.success',
		group: 'Pre-Warmup',
		label: 'Order Succeeded',
		description:
			'Pre-warmed mailboxes delivered for a domain; the payload carries their login credentials',
	},
	{
		value: 'prewarmup.order.failed',
		group: 'Pre-Warmup',
		label: 'Order Failed',
		description: 'Pre-warmup order failed for one or more domains',
	},

	// DNS
	{
		value: 'dns-record.updated',
		group: 'DNS',
		label: 'Record Updated',
		description: 'An asynchronous DNS or forwarding change was applied',
	},
];

/** Same comparison as the n8n-nodes-base lint rule for option order. */
const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/**
 * Options for the "Events" multi-select: "All Events" plus one option per event, named
 * "<Group>: <Label>" so that alphabetical order (required by lint) keeps each group together.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Every event, including events CMR adds later',
	},
	...CMR_WEBHOOK_EVENTS.map((event) => ({
		name: `${event.group}: ${event.label}`,
		value: event.value,
		description: `${event.value}: ${event.description}`,
	})),
].sort(byName);

/** An empty selection lets nothing through; "All Events" lets everything through. */
export function isEventSelected(selected: readonly string[], event: string): boolean {
	return selected.includes(ALL_EVENTS) || selected.includes(event);
}
