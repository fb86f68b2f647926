import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { getDomainIds, getDomainNames } from './listSearch/getDomains';
import { getMailboxes } from './listSearch/getMailboxes';
import { getSubscriptions } from './listSearch/getSubscriptions';
import { getUsers } from './listSearch/getUsers';
import { getCountries } from './loadOptions/getCountries';
import { getStates } from './loadOptions/getStates';
import { BASE_URL_EXPRESSION, CREDENTIAL_NAME } from './shared/constants';
import { dnsRecordDescription } from './resources/dnsRecord';
import { domainDescription } from './resources/domain';
import { errorReportDescription } from './resources/errorReport';
import { exportDescription } from './resources/export';
import { geoDescription } from './resources/geo';
import { mailboxDescription } from './resources/mailbox';
import { nameserverDescription } from './resources/nameserver';
import { orderDescription } from './resources/order';
import { placementTestDescription } from './resources/placementTest';
import { platformCredentialDescription } from './resources/platformCredential';
import { preWarmupDescription } from './resources/preWarmup';
import { sandboxDescription } from './resources/sandbox';
import { subscriptionDescription } from './resources/subscription';
import { userDescription } from './resources/user';
import { walletDescription } from './resources/wallet';
import { warmupDescription } from './resources/warmup';

export class ColdMailReseller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cold Mail Reseller',
		name: 'coldMailReseller',
		icon: { light: 'file:../../icons/cmr.svg', dark: 'file:../../icons/cmr.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage Cold Mail Reseller users, domains, DNS, mailbox orders, subscriptions, warmup and exports',
		defaults: {
			name: 'Cold Mail Reseller',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'DNS Record', value: 'dnsRecord' },
					{ name: 'Domain', value: 'domain' },
					{ name: 'Error Report', value: 'errorReport' },
					{ name: 'Export', value: 'export' },
					{ name: 'Geo', value: 'geo' },
					{ name: 'Mailbox', value: 'mailbox' },
					{ name: 'Nameserver', value: 'nameserver' },
					{ name: 'Order', value: 'order' },
					{ name: 'Placement Test', value: 'placementTest' },
					{ name: 'Platform Credential', value: 'platformCredential' },
					{ name: 'Pre-Warmup', value: 'preWarmup' },
					{ name: 'Sandbox', value: 'sandbox' },
					{ name: 'Subscription', value: 'subscription' },
					{ name: 'User', value: 'user' },
					{ name: 'Wallet', value: 'wallet' },
					{ name: 'Warmup', value: 'warmup' },
				],
				default: 'user',
			},
			...dnsRecordDescription,
			...domainDescription,
			...errorReportDescription,
			...exportDescription,
			...geoDescription,
			...mailboxDescription,
			...nameserverDescription,
			...orderDescription,
			...placementTestDescription,
			...platformCredentialDescription,
			...preWarmupDescription,
			...sandboxDescription,
			...subscriptionDescription,
			...userDescription,
			...walletDescription,
			...warmupDescription,
		],
	};

	methods = {
		listSearch: {
			getCountries,
			getDomainIds,
			getDomainNames,
			getMailboxes,
			getStates,
			getSubscriptions,
			getUsers,
		},
	};
}
