import type { INodeProperties } from 'n8n-workflow';
import { userIdField } from '../../shared/descriptions';
import { domainsField } from './fields';

export const domainGetRenewalPriceDescription: INodeProperties[] = [
	userIdField('domain', 'getRenewalPrice', 'domain.getRenewalPrice'),
	domainsField(
		'domain',
		'getRenewalPrice',
		'Domains of the user to price, separated by commas, or an array from an expression. The renewal window opens 45 days before expiry.',
	),
];
