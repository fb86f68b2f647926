import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from './searchList';

export async function getSubscriptions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'subscription.getAll',
		{},
		(subscription) => ({
			name: `${String(subscription.domain ?? subscription.subscriptionId)} (${String(subscription.subscriptionStatus ?? '')}, ${String(subscription.totalMailboxQuantity ?? '?')} mailboxes)`,
			value: String(subscription.subscriptionId ?? subscription.id ?? ''),
		}),
		filter,
		paginationToken,
	);
}
