import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { returnAllAndLimit, simplifyField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import {
	DOMAIN_SIMPLE_FIELDS,
	domainLocator,
	domainsField,
	extraBodyFieldsOption,
} from '../../shared/fields';
import { SERVICE_PROVIDERS } from '../../shared/orderValidation';
import { defineResource } from '../../shared/resource';
import {
	booleanRouting,
	checkOneOf,
	domainListOf,
	isBlank,
	isEmail,
	sendChecked,
} from '../../shared/validation';
import { setBody } from '../../shared/bodies';

const DOMAINS = { domains: 'Domain Names' };
const DOMAIN = { domainName: 'Domain' };

async function checkForwardingEmail(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const forwardTo = String(this.getNodeParameter('forwardToEmail', '')).trim();
	if (!isEmail(forwardTo)) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			`"${forwardTo}" in "Forward To Email" is not a valid email address`,
			'Enter the mailbox that should receive the domain’s mail, e.g. inbox@example.com.',
		);
	}
	return setBody(requestOptions, { forwardTo });
}

/**
 * One domain: `{domainName, serviceProvider?}`; several: the bulk form
 * `{domains: [{domainName, serviceProvider?}, ...]}`, each checked independently by CMR.
 */
async function buildWorkspaceCheckBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const domains = domainListOf(this, 'domains', 'Domain Names');
	const provider = this.getNodeParameter('additionalFields.serviceProvider', '');
	const serviceProvider = isBlank(provider)
		? ''
		: checkOneOf(this, provider, 'Service Provider', SERVICE_PROVIDERS);
	const entry = (domainName: string): IDataObject =>
		serviceProvider ? { domainName, serviceProvider } : { domainName };
	requestOptions.body = domains.length === 1 ? entry(domains[0]) : { domains: domains.map(entry) };
	return requestOptions;
}

/** Output of Remove: `{deleted: true, domains: [...]}`, keeping CMR's actionId if any. */
async function removedDomainsResult(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const domains = domainListOf(this, 'domains', 'Domain Names');
	const actionId = items[0]?.json.actionId;
	return [{ json: { deleted: true, domains, ...(actionId ? { actionId } : {}) } }];
}

const extraBodyFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [extraBodyFieldsOption()],
};

export const domainDescription = defineResource(
	'domain',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Add Email Forwarding',
				value: 'addEmailForwarding',
				action: 'Add email forwarding to domain',
				description: 'Forward all mail sent to a domain to one email address (catch-all)',
			},
			{
				name: 'Add Forwarding',
				value: 'addForwarding',
				action: 'Add forwarding to domain',
				description: 'Redirect visitors of a domain to another website',
			},
			{
				name: 'Add Google Client ID',
				value: 'addGoogleClientId',
				action: 'Add google client id to domain',
				description: 'Attach your Google OAuth client to domains for the OAuth mailbox export',
			},
			{
				name: 'Check Availability',
				value: 'checkAvailability',
				action: 'Check domain availability',
				description: 'Check whether one exact domain name can be registered',
			},
			{
				name: 'Check Workspace',
				value: 'checkWorkspace',
				action: 'Check domain workspace',
				description: 'Check whether domains already have a Google or Microsoft workspace',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many domains',
				description: 'List the domains of a user',
			},
			{
				name: 'Get Renewal Price',
				value: 'getRenewalPrice',
				action: 'Get domain renewal price',
				description: 'Get the renewal price and expiry of domains, one item per domain',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove domain',
				description: 'Permanently remove domains that have no mailboxes',
			},
			{
				name: 'Renew',
				value: 'renew',
				action: 'Renew domain',
				description: 'Renew domains now (charges the wallet; completes asynchronously)',
			},
			{
				name: 'Set Auto-Renew',
				value: 'setAutoRenew',
				action: 'Set domain auto renew',
				description: 'Turn automatic renewal of domains on or off',
			},
			{
				name: 'Suggest',
				value: 'suggest',
				action: 'Suggest domains',
				description: 'Suggest available domain names for a keyword',
			},
		],
		default: 'getAll',
	},
	{
		addEmailForwarding: {
			required: { ...DOMAIN, forwardToEmail: 'Forward To Email' },
			fields: [
				domainLocator({ type: 'body', property: 'domainName' }),
				{
					displayName: 'Forward To Email',
					name: 'forwardToEmail',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. name@email.com',
					description:
						'Email address that receives all mail sent to the domain (catch-all). The domain’s mailboxes must be ACTIVE first; applied asynchronously.',
					routing: {
						send: { type: 'body', property: 'forwardTo', preSend: [checkForwardingEmail] },
					},
				},
			],
		},
		addForwarding: {
			required: { ...DOMAIN, forwardTo: 'Forward To' },
			fields: [
				domainLocator({ type: 'body', property: 'domainName' }),
				{
					displayName: 'Forward To',
					name: 'forwardTo',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. https://www.example.com',
					description:
						'Website that visitors of the domain are redirected to. Applied asynchronously; a dns-record.updated webhook confirms it.',
					routing: {
						send: {
							preSend: [
								sendChecked('webAddress', 'forwardTo', 'Forward To', {
									type: 'body',
									property: 'forwardTo',
								}),
							],
						},
					},
				},
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: [
						{
							displayName: 'Mask Forwarding',
							name: 'maskForwarding',
							type: 'boolean',
							default: false,
							description:
								'Whether to keep the domain in the browser address bar (masked forwarding) instead of showing the destination URL',
							routing: booleanRouting(
								'additionalFields.maskForwarding',
								'Mask Forwarding',
								'maskForwarding',
							),
						},
					],
				},
			],
		},
		addGoogleClientId: {
			required: { ...DOMAINS, clientId: 'Client ID', appName: 'App Name' },
			fields: [
				domainsField(
					'Domains whose mailboxes may use this OAuth client during export, separated by commas, or an array from an expression',
				),
				{
					displayName: 'Client ID',
					name: 'clientId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. 1234567890-abc.apps.googleusercontent.com',
					description:
						'Google OAuth client ID of your app; CMR validates it before queuing the job',
					routing: {
						send: { type: 'body', property: 'clientId', value: '={{String($value).trim()}}' },
					},
				},
				{
					displayName: 'App Name',
					name: 'appName',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. YourApp',
					description:
						'App name registered for that client ID in Google Cloud (must match exactly)',
					routing: {
						send: { type: 'body', property: 'appName', value: '={{String($value).trim()}}' },
					},
				},
			],
		},
		checkAvailability: {
			required: { domainToCheck: 'Domain Name' },
			fields: [
				{
					displayName: 'Domain Name',
					name: 'domainToCheck',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. acme-outreach.com',
					description: 'The exact domain name to check for registration',
					routing: {
						send: {
							type: 'body',
							property: 'domainName',
							preSend: [
								sendChecked('domain', 'domainToCheck', 'Domain Name', {
									type: 'body',
									property: 'domainName',
								}),
							],
						},
					},
				},
				extraBodyFields,
			],
		},
		checkWorkspace: {
			required: DOMAINS,
			preSend: [buildWorkspaceCheckBody],
			fields: [
				domainsField(
					'Domain names to check for an existing Google or Microsoft workspace, separated by commas, or an array from an expression. Several names are checked in one bulk request.',
					null,
				),
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: [
						{
							displayName: 'Service Provider',
							name: 'serviceProvider',
							type: 'options',
							default: 'GOOGLE',
							description: 'Workspace provider to check for, when the check needs one',
							options: [
								{ name: 'Google', value: 'GOOGLE' },
								{ name: 'Microsoft', value: 'MICROSOFT' },
							],
						},
					],
				},
			],
		},
		getAll: {
			list: 'paginated',
			fields: [...returnAllAndLimit(), simplifyField(DOMAIN_SIMPLE_FIELDS)],
		},
		getRenewalPrice: {
			required: DOMAINS,
			fields: [
				domainsField(
					'Domains of the user to price, separated by commas, or an array from an expression. The renewal window opens 45 days before expiry.',
				),
			],
		},
		remove: {
			required: DOMAINS,
			postReceive: [removedDomainsResult],
			permanent:
				'Removing domains is permanent. CMR refuses it while a mailbox is still assigned to a domain: remove the mailboxes first. This does not cancel mailbox subscriptions.',
			fields: [
				domainsField(
					'Domains of the user to remove, separated by commas, or an array from an expression',
				),
			],
		},
		renew: {
			required: DOMAINS,
			fields: [
				domainsField(
					'Domains of the user to renew, separated by commas, or an array from an expression. Only ACTIVE domains within 45 days of expiry and GRACE_PERIOD domains can be renewed.',
				),
			],
		},
		setAutoRenew: {
			required: DOMAINS,
			fields: [
				domainsField(),
				{
					displayName: 'Auto-Renew',
					name: 'autoRenew',
					type: 'boolean',
					required: true,
					default: true,
					description:
						'Whether CMR renews the domains automatically before they expire (off: renewals are manual)',
					routing: booleanRouting('autoRenew', 'Auto-Renew', 'autoRenew'),
				},
			],
		},
		suggest: {
			required: { keyword: 'Keyword' },
			fields: [
				{
					displayName: 'Keyword',
					name: 'keyword',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. acme outreach',
					description: 'Word or brand to base the domain suggestions on',
					routing: {
						send: { type: 'body', property: 'keyword', value: '={{String($value).trim()}}' },
					},
				},
				extraBodyFields,
			],
		},
	},
);
