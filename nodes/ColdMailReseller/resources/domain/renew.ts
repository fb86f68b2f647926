import type { INodeProperties } from 'n8n-workflow';
import { paidNotice, userIdField } from '../../shared/descriptions';
import { domainsField } from './fields';

export const domainRenewDescription: INodeProperties[] = [
	paidNotice('domain', 'renew'),
	userIdField('domain', 'renew', 'domain.renew'),
	domainsField(
		'domain',
		'renew',
		'Domains of the user to renew, separated by commas, or an array from an expression. Only ACTIVE domains within 45 days of expiry and GRACE_PERIOD domains can be renewed.',
	),
];
