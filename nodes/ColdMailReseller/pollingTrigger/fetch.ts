import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { MAX_PAGE_SIZE } from '../shared/constants';
import type { EndpointKey } from '../shared/endpoints';
import { listItemsOf } from '../shared/output';
import { hasNextPage, MAX_PAGES } from '../shared/pagination';
import { cmrApiRequest } from '../shared/transport';
import type { ListName } from './kinds';

/**
 * Every record of a CMR list (Return All): pages of 100 through the shared request
 * function, so pacing and 429 recovery apply. Sequential on purpose: one poll never
 * bursts.
 */
export async function fetchAllPages(
	context: IPollFunctions,
	key: EndpointKey,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const { data, body } = await cmrApiRequest.call(context, key, {
			...qs,
			page,
			limit: MAX_PAGE_SIZE,
		});
		const items = listItemsOf(data).filter((item) => item && typeof item === 'object');
		records.push(...items);
		if (!hasNextPage(body, page, items.length, MAX_PAGE_SIZE)) break;
	}
	return records;
}

/**
 * The records of one list for the User filter ('' = the whole partner account).
 * - mailboxes: `mailbox.getAllForUser`, or `mailbox.getAll` for the whole account;
 * - subscriptions: `subscription.getAll` (takes no userId), kept to the user here;
 * - domains: `domain.getAll` needs a userId, so the whole account costs one list per
 *   customer (`user.getAll` first).
 */
export async function fetchList(
	context: IPollFunctions,
	list: ListName,
	userId: string,
): Promise<IDataObject[]> {
	if (list === 'mailbox') {
		return userId
			? await fetchAllPages(context, 'mailbox.getAllForUser', { userId })
			: await fetchAllPages(context, 'mailbox.getAll');
	}
	if (list === 'subscription') {
		const subscriptions = await fetchAllPages(context, 'subscription.getAll');
		return userId ? subscriptions.filter((s) => s.userId === userId) : subscriptions;
	}
	const userIds = userId
		? [userId]
		: (await fetchAllPages(context, 'user.getAll'))
				.map((user) => String(user.id ?? user.userId ?? ''))
				.filter(Boolean);
	const domains: IDataObject[] = [];
	for (const id of userIds) {
		const ofUser = await fetchAllPages(context, 'domain.getAll', { userId: id });
		domains.push(...ofUser.map((domain) => ({ userId: id, ...domain })));
	}
	return domains;
}

/** One order's status (`order.getStatus`, response shape inferred). */
export async function fetchOrderStatus(
	context: IPollFunctions,
	orderId: string,
	userId: string,
): Promise<IDataObject> {
	const { data } = await cmrApiRequest.call(context, 'order.getStatus', { userId, orderId });
	return data && typeof data === 'object' ? (data as IDataObject) : { status: data as string };
}

export const orderStatusOf = (order: IDataObject) =>
	String(order.status ?? order.orderStatus ?? '').toUpperCase();
