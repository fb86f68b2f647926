import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { MAX_PAGE_SIZE } from '../shared/constants';
import { listItemsOf } from '../shared/output';
import { hasNextPage } from '../shared/pagination';
import { cmrApiRequest } from '../shared/transport';

/** Customers for the Customer picker, searchable, one page of 100 at a time. */
export async function getUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const qs: IDataObject = { page, limit: MAX_PAGE_SIZE, ...(filter ? { search: filter } : {}) };
	const { data, body } = await cmrApiRequest.call(this, 'user.getAll', qs);
	const users = listItemsOf(data);
	return {
		results: users.map((user) => {
			const id = String(user.id ?? user.userId ?? '');
			const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
			const label = [name || user.company, user.email ? `(${user.email})` : ''].filter(Boolean);
			return { name: label.join(' ') || id, value: id };
		}),
		paginationToken: hasNextPage(body, page, users.length, MAX_PAGE_SIZE)
			? String(page + 1)
			: undefined,
	};
}
