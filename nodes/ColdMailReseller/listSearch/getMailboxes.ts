import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentUserId, searchList } from './searchList';

/** Mailboxes of the chosen user, or of the whole partner account when no user is set. */
export async function getMailboxes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const userId = currentUserId(this);
	return await searchList(
		this,
		userId ? 'mailbox.getAllForUser' : 'mailbox.getAll',
		userId ? { userId } : {},
		(mailbox) => ({
			name: `${String(mailbox.email ?? mailbox.username ?? mailbox.id)}${mailbox.status ? ` (${String(mailbox.status)})` : ''}`,
			value: String(mailbox.mailboxId ?? mailbox.id ?? ''),
		}),
		filter,
		paginationToken,
	);
}
