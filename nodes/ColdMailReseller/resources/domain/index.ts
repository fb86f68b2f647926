import type { INodeProperties } from 'n8n-workflow';
import { route } from '../../shared/routing';
import { requireValues } from '../../shared/validation';
import { domainAddEmailForwardingDescription } from './addEmailForwarding';
import { domainAddForwardingDescription } from './addForwarding';
import { domainAddGoogleClientIdDescription } from './addGoogleClientId';
import { domainCheckAvailabilityDescription } from './checkAvailability';
import { buildWorkspaceCheckBody, domainCheckWorkspaceDescription } from './checkWorkspace';
import { domainGetAllDescription } from './getAll';
import { domainGetRenewalPriceDescription } from './getRenewalPrice';
import { domainRemoveDescription, removedDomainsResult } from './remove';
import { domainRenewDescription } from './renew';
import { domainSetAutoRenewDescription } from './setAutoRenew';
import { domainSuggestDescription } from './suggest';

const USER = { userId: 'User' };
const DOMAINS = { domains: 'Domain Names' };
const DOMAIN = { domainName: 'Domain' };

export const domainDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['domain'] } },
		options: [
			{
				name: 'Add Email Forwarding',
				value: 'addEmailForwarding',
				action: 'Add email forwarding to domain',
				description: 'Forward all mail sent to a domain to one email address (catch-all)',
				routing: route('domain.addEmailForwarding', {
					preSend: [requireValues({ ...USER, ...DOMAIN, forwardToEmail: 'Forward To Email' })],
				}),
			},
			{
				name: 'Add Forwarding',
				value: 'addForwarding',
				action: 'Add forwarding to domain',
				description: 'Redirect visitors of a domain to another website',
				routing: route('domain.addForwarding', {
					preSend: [requireValues({ ...USER, ...DOMAIN, forwardTo: 'Forward To' })],
				}),
			},
			{
				name: 'Add Google Client ID',
				value: 'addGoogleClientId',
				action: 'Add google client id to domain',
				description: 'Attach your Google OAuth client to domains for the OAuth mailbox export',
				routing: route('domain.addGoogleClientId', {
					preSend: [
						requireValues({ ...USER, ...DOMAINS, clientId: 'Client ID', appName: 'App Name' }),
					],
				}),
			},
			{
				name: 'Check Availability',
				value: 'checkAvailability',
				action: 'Check domain availability',
				description: 'Check whether one exact domain name can be registered',
				routing: route('domain.checkAvailability', {
					preSend: [requireValues({ domainToCheck: 'Domain Name' })],
				}),
			},
			{
				name: 'Check Workspace',
				value: 'checkWorkspace',
				action: 'Check domain workspace',
				description: 'Check whether domains already have a Google or Microsoft workspace',
				routing: route('domain.checkWorkspace', {
					preSend: [requireValues(DOMAINS), buildWorkspaceCheckBody],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many domains',
				description: 'List the domains of a user',
				routing: route('domain.getAll', { preSend: [requireValues(USER)], list: 'paginated' }),
			},
			{
				name: 'Get Renewal Price',
				value: 'getRenewalPrice',
				action: 'Get domain renewal price',
				description: 'Get the renewal price and expiry of domains, one item per domain',
				routing: route('domain.getRenewalPrice', {
					preSend: [requireValues({ ...USER, ...DOMAINS })],
				}),
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove domain',
				description: 'Permanently remove domains that have no mailboxes',
				routing: route('domain.remove', {
					preSend: [requireValues({ ...USER, ...DOMAINS })],
					postReceive: [removedDomainsResult],
				}),
			},
			{
				name: 'Renew',
				value: 'renew',
				action: 'Renew domain',
				description: 'Renew domains now (charges the wallet; completes asynchronously)',
				routing: route('domain.renew', { preSend: [requireValues({ ...USER, ...DOMAINS })] }),
			},
			{
				name: 'Set Auto-Renew',
				value: 'setAutoRenew',
				action: 'Set domain auto renew',
				description: 'Turn automatic renewal of domains on or off',
				routing: route('domain.setAutoRenew', {
					preSend: [requireValues({ ...USER, ...DOMAINS })],
				}),
			},
			{
				name: 'Suggest',
				value: 'suggest',
				action: 'Suggest domains',
				description: 'Suggest available domain names for a keyword',
				routing: route('domain.suggest', {
					preSend: [requireValues({ keyword: 'Keyword' })],
				}),
			},
		],
		default: 'getAll',
	},
	...domainAddEmailForwardingDescription,
	...domainAddForwardingDescription,
	...domainAddGoogleClientIdDescription,
	...domainCheckAvailabilityDescription,
	...domainCheckWorkspaceDescription,
	...domainGetAllDescription,
	...domainGetRenewalPriceDescription,
	...domainRemoveDescription,
	...domainRenewDescription,
	...domainSetAutoRenewDescription,
	...domainSuggestDescription,
];
