import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { permanentNotice, userIdField } from '../../shared/descriptions';
import { domainsField } from './fields';
import { domainListOf } from './validation';

/** Output of Remove: `{deleted: true, domains: [...]}`, keeping CMR's actionId if any. */
export async function removedDomainsResult(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const domains = domainListOf(this, 'domains', 'Domain Names');
	const actionId = items[0]?.json.actionId;
	return [{ json: { deleted: true, domains, ...(actionId ? { actionId } : {}) } }];
}

export const domainRemoveDescription: INodeProperties[] = [
	permanentNotice(
		'domain',
		'remove',
		'Removing domains is permanent. CMR refuses it while a mailbox is still assigned to a domain: remove the mailboxes first. This does not cancel mailbox subscriptions.',
	),
	userIdField('domain', 'remove', 'domain.remove'),
	domainsField(
		'domain',
		'remove',
		'Domains of the user to remove, separated by commas, or an array from an expression',
	),
];
