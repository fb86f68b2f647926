import nock from 'nock';
import type { IDataObject, NodeOperationError } from 'n8n-workflow';
import { SANDBOX_HEADER_VALUE, jsonOf, runNode, USER_ID, byId } from '../helpers/harness';
import { cmr, envelope, useNock } from '../helpers/nock';

/**
 * Hostile and malformed input through n8n-core's real RoutingNode. Every "rejects" case has no
 * nock interceptor: the item must fail before anything is sent, with a message that names the
 * item. Every "sends" case asserts the exact (normalized) request.
 */

const MAILBOX_ID = 'GP6M2J2DHXM3F2J40S8AP316R2QR';
const SUBSCRIPTION_ID = 'YC2H6C87PPKPG5WXVNQ682GAVFTM';
const user = byId(USER_ID);
const sandbox = { environment: 'sandbox', apiKey: SANDBOX_HEADER_VALUE };
const LATEST = 1.1;

const google = {
	googleOauthRoute: 'https://yourapp.com/oauth/google',
	clientId: '1234567890-abc.apps.googleusercontent.com',
	appName: 'YourApp',
};
const microsoft = { microsoftOauthRoute: 'https://yourapp.com/oauth/microsoft' };
const alice = { domain: 'alicesender.com', username: 'alice', firstName: 'Alice', lastName: 'J' };

/** A valid Google order of one operation; each case overrides what it breaks. */
function googleOrder(resource: string, operation: string, fields: IDataObject) {
	return (parameters: IDataObject = {}): IDataObject => ({
		resource,
		operation,
		userId: user,
		...fields,
		serviceProvider: 'GOOGLE',
		googleOauth: { settings: google },
		...parameters,
	});
}

const domainOrder = googleOrder('order', 'create', {
	confirm: true,
	domains: { domain: [{ domain: 'alicesender.com', years: 1 }] },
	mailboxes: { mailbox: [alice] },
});
const mailboxOrder = googleOrder('order', 'createMailboxOrder', {
	confirm: true,
	subscriptionId: byId(SUBSCRIPTION_ID),
	mailboxes: { mailbox: [alice] },
});
const preWarmupOrder = googleOrder('preWarmup', 'order', {
	orderDomains: { domain: [{ domain: 'prewarm-acmecorp.com' }] },
});

function sandboxOrder(parameters: IDataObject = {}): IDataObject {
	return { ...preWarmupOrder(parameters), resource: 'sandbox', operation: 'orderPreWarmup' };
}

const list = (resource: string, operation: string, extra: IDataObject = {}) => ({
	resource,
	operation,
	returnAll: false,
	...extra,
});

interface BadCase {
	/** What is wrong. */
	name: string;
	parameters: IDataObject;
	/** Text the error message must contain (before the ` [item 0]` suffix). */
	error: RegExp;
	credentials?: IDataObject;
	typeVersion?: number;
}

const REJECTED: BadCase[] = [
	// User
	{
		name: 'user email without @',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: user,
			updateFields: { email: 'jane.doe' },
		},
		error: /"jane\.doe" .*not a valid email address/,
	},
	{
		name: 'user id with a space inside',
		parameters: { resource: 'user', operation: 'get', userId: byId('PWM7 Y25RYZ') },
		error: /"PWM7 Y25RYZ" in "User" is not a valid ID/,
	},
	{
		name: 'user id that is a path',
		parameters: { resource: 'user', operation: 'get', userId: byId('../users/list') },
		error: /"\.\.\/users\/list" in "User" is not a valid ID/,
	},
	{
		name: 'user id with a query string',
		parameters: { resource: 'user', operation: 'delete', userId: byId('X?userId=Y') },
		error: /in "User" is not a valid ID/,
	},
	{
		name: 'user id from an expression that is an object',
		parameters: { resource: 'user', operation: 'get', userId: byId('={{ {"a": 1} }}') },
		error: /in "User" is not a valid ID/,
	},
	{
		name: 'Limit 0',
		parameters: list('user', 'getAll', { limit: 0 }),
		error: /Limit must be a whole number from 1 to 100, got 0/,
	},
	{
		name: 'Limit -5',
		parameters: list('user', 'getAll', { limit: -5 }),
		error: /Limit must be a whole number from 1 to 100, got -5/,
	},
	{
		name: 'Limit 1.5',
		parameters: list('domain', 'getAll', { userId: user, limit: 1.5 }),
		error: /Limit must be a whole number from 1 to 100, got 1\.5/,
	},
	{
		name: 'Limit NaN',
		parameters: list('mailbox', 'getAll', { limit: '={{ NaN }}' }),
		error: /Limit must be a whole number from 1 to 100, got NaN/,
	},
	{
		name: 'Limit 101',
		parameters: list('subscription', 'getAll', { limit: 101 }),
		error: /Limit must be a whole number from 1 to 100, got 101/,
	},
	{
		name: 'Limit text',
		parameters: list('preWarmup', 'getAll', { limit: '={{ "ten" }}' }),
		error: /Limit must be a whole number from 1 to 100, got ten/,
	},
	{
		name: 'Limit 0 on mailboxes of a user',
		parameters: list('mailbox', 'getAllForUser', { userId: user, limit: 0 }),
		error: /Limit must be a whole number/,
	},
	{
		name: 'Limit 0 on placement reports',
		parameters: list('placementTest', 'getAll', { userId: user, limit: 0 }),
		error: /Limit must be a whole number/,
	},

	// Domain
	{
		name: 'availability check of a name with a space',
		parameters: {
			resource: 'domain',
			operation: 'checkAvailability',
			domainToCheck: 'exa mple.com',
		},
		error: /"exa mple\.com" in "Domain Name" is not a valid domain name/,
	},
	{
		name: 'renewal of a path',
		parameters: { resource: 'domain', operation: 'renew', userId: user, domains: 'evil.com/../x' },
		error: /"evil\.com\/\.\.\/x" in "Domain Names" is not a valid domain name/,
	},
	{
		name: 'renewal price for a padded bad user id',
		parameters: {
			resource: 'domain',
			operation: 'getRenewalPrice',
			userId: byId(' bad id '),
			domains: 'acme.com',
		},
		error: /"bad id" in "User" is not a valid ID/,
	},
	{
		name: 'forwarding to a javascript: URL',
		parameters: {
			resource: 'domain',
			operation: 'addForwarding',
			userId: user,
			domainName: byId('acme.com'),
			forwardTo: 'javascript:alert(1)',
		},
		error: /not a valid URL/,
	},
	{
		name: 'email forwarding to a half address',
		parameters: {
			resource: 'domain',
			operation: 'addEmailForwarding',
			userId: user,
			domainName: byId('acme.com'),
			forwardToEmail: 'inbox@',
		},
		error: /not a valid email address/,
	},
	{
		name: 'google client id on a URL-like domain',
		parameters: {
			resource: 'domain',
			operation: 'addGoogleClientId',
			userId: user,
			domains: 'https://acme.com',
			clientId: 'x',
			appName: 'y',
		},
		error: /not a valid domain name/,
	},

	// DNS records and nameservers
	{
		name: 'record host with a path',
		parameters: {
			resource: 'dnsRecord',
			operation: 'create',
			userId: user,
			domainName: byId('acme.com'),
			records: { record: [{ host: 'mail/../x', value: '1.2.3.4', recordType: 'A' }] },
		},
		error: /Record 1: "mail\/\.\.\/x" in "Host" is not a valid host name/,
	},
	{
		name: 'record host with a space',
		parameters: {
			resource: 'dnsRecord',
			operation: 'update',
			userId: user,
			domainName: byId('acme.com'),
			recordId: 'record_1',
			recordType: 'A',
			host: 'my host',
			value: '1.2.3.4',
		},
		error: /Record: "my host" in "Host" is not a valid host name/,
	},
	{
		name: 'record id with a space',
		parameters: { resource: 'dnsRecord', operation: 'delete', userId: user, recordId: 'rec 1' },
		error: /"rec 1" in "Record ID" is not a valid ID/,
	},
	{
		name: 'record id that is a path',
		parameters: {
			resource: 'dnsRecord',
			operation: 'update',
			userId: user,
			domainName: byId('acme.com'),
			recordId: '../x',
			recordType: 'A',
			host: '@',
			value: '1.2.3.4',
		},
		error: /"\.\.\/x" in "Record ID" is not a valid ID/,
	},
	{
		name: 'records of a domain with a space',
		parameters: {
			resource: 'dnsRecord',
			operation: 'getAll',
			userId: user,
			domainName: byId('exa mple.com'),
		},
		error: /not a valid domain name/,
	},
	{
		name: 'MX priority out of range',
		parameters: {
			resource: 'dnsRecord',
			operation: 'create',
			userId: user,
			domainName: byId('acme.com'),
			recordsInput: 'json',
			recordsJson: '[{"host":"@","value":"mx.acme.com","recordType":"MX","priority":70000}]',
		},
		error: /MX records need a Priority/,
	},
	{
		name: 'nameserver with a space',
		parameters: {
			resource: 'nameserver',
			operation: 'update',
			userId: user,
			domainName: byId('acme.com'),
			nameservers: 'ns1.example.com, ns 2.example.com',
		},
		error: /"ns 2\.example\.com" in "Nameservers" is not a valid host name/,
	},
	{
		name: 'nameservers of a path',
		parameters: {
			resource: 'nameserver',
			operation: 'update',
			userId: user,
			domainName: byId('evil.com/../x'),
			nameservers: 'ns1.a.com, ns2.a.com',
		},
		error: /not a valid domain name/,
	},

	// Order: Create Domain and Mailbox Order
	{
		name: 'Microsoft order with only the Google group (hidden for Microsoft, so not sent)',
		parameters: domainOrder({ serviceProvider: 'MICROSOFT' }),
		error: /Microsoft OAuth is required when Service Provider is Microsoft/,
	},
	{
		name: 'Microsoft order without the Microsoft route',
		parameters: domainOrder({ serviceProvider: 'MICROSOFT', googleOauth: {} }),
		error: /Microsoft OAuth is required when Service Provider is Microsoft/,
	},
	{
		name: 'Google order without the Google group',
		parameters: domainOrder({ googleOauth: {} }),
		error: /Google OAuth is required when Service Provider is Google/,
	},
	{
		name: 'Google order with only a Microsoft route (hidden for Google, so not sent)',
		parameters: domainOrder({ googleOauth: {}, microsoftOauth: { settings: microsoft } }),
		error: /Google OAuth is required when Service Provider is Google/,
	},
	{
		name: 'provider that is neither',
		parameters: domainOrder({ serviceProvider: '={{ "YAHOO" }}' }),
		error: /Service Provider "YAHOO" is not one of GOOGLE, MICROSOFT/,
	},
	{
		name: 'Years 11',
		parameters: domainOrder({ domains: { domain: [{ domain: 'alicesender.com', years: 11 }] } }),
		error: /Domain 1 \(alicesender\.com\): Years must be a whole number from 1 to 10, got 11/,
	},
	{
		name: 'Years 0',
		parameters: domainOrder({ domains: { domain: [{ domain: 'alicesender.com', years: 0 }] } }),
		error: /Years must be a whole number from 1 to 10, got 0/,
	},
	{
		name: 'Years 1.5',
		parameters: domainOrder({ domains: { domain: [{ domain: 'alicesender.com', years: 1.5 }] } }),
		error: /Years must be a whole number from 1 to 10, got 1\.5/,
	},
	{
		name: 'ordered domain that is a path',
		parameters: domainOrder({ domains: { domain: [{ domain: 'evil.com/../x', years: 1 }] } }),
		error: /is not a valid domain name/,
	},
	{
		name: 'forwardTo that is not a URL',
		parameters: domainOrder({
			domains: { domain: [{ domain: 'alicesender.com', years: 1, forwardTo: 'not a url' }] },
		}),
		error: /Domain 1 \(alicesender\.com\): "not a url" in "Forward To" is not a valid URL/,
	},
	{
		name: 'Google OAuth route that is not a URL',
		parameters: domainOrder({
			googleOauth: { settings: { ...google, googleOauthRoute: 'yourapp/oauth' } },
		}),
		error: /"yourapp\/oauth" in "Google OAuth → OAuth Route" is not an http\(s\) URL/,
	},
	{
		name: 'Microsoft OAuth route that is not a URL',
		parameters: domainOrder({
			serviceProvider: 'MICROSOFT',
			googleOauth: {},
			microsoftOauth: { settings: { microsoftOauthRoute: 'ftp://x' } },
		}),
		error: /in "Microsoft OAuth → OAuth Route" is not an http\(s\) URL/,
	},
	{
		name: 'confirm not chosen on a new node',
		parameters: domainOrder({ confirm: '' }),
		typeVersion: LATEST,
		error: /Confirm is not chosen/,
	},
	{
		name: 'confirm that is neither choice',
		parameters: domainOrder({ confirm: '={{ "maybe" }}' }),
		typeVersion: LATEST,
		error: /Confirm "maybe" is not a choice/,
	},
	{
		name: 'mailbox on a domain with a space',
		parameters: domainOrder({ mailboxes: { mailbox: [{ ...alice, domain: 'exa mple.com' }] } }),
		error: /has an invalid Domain "exa mple\.com"/,
	},

	// Order: Create Mailbox Order
	{
		name: 'subscription id with a space',
		parameters: mailboxOrder({ subscriptionId: byId('YC2H 6C87') }),
		error: /"YC2H 6C87" in "Subscription" is not a valid ID/,
	},
	{
		name: 'domain id that is a path',
		parameters: mailboxOrder({
			addTo: 'cancelledDomain',
			domainId: byId('../GP6M'),
			autoRenew: true,
		}),
		error: /in "Domain" is not a valid ID/,
	},
	{
		name: 'mailbox order for Microsoft without the route',
		parameters: mailboxOrder({ serviceProvider: 'MICROSOFT', googleOauth: {} }),
		error: /Microsoft OAuth is required when Service Provider is Microsoft/,
	},
	{
		name: 'mailbox order for Google without the group',
		parameters: mailboxOrder({ googleOauth: {} }),
		error: /Google OAuth is required when Service Provider is Google/,
	},
	{
		name: 'mailbox order for Microsoft with only the Google group',
		parameters: mailboxOrder({ serviceProvider: 'MICROSOFT' }),
		error: /Microsoft OAuth is required when Service Provider is Microsoft/,
	},
	{
		name: 'mailbox order confirm not chosen',
		parameters: mailboxOrder({ confirm: '' }),
		typeVersion: LATEST,
		error: /Confirm is not chosen/,
	},

	// Order: Get / Process
	{
		name: 'order id with a space',
		parameters: { resource: 'order', operation: 'get', userId: user, orderId: 'ord 1' },
		error: /"ord 1" in "Order ID" is not a valid ID/,
	},
	{
		name: 'order id that is a path',
		parameters: { resource: 'order', operation: 'process', userId: user, orderId: '../orders' },
		error: /in "Order ID" is not a valid ID/,
	},

	// Mailbox and warmup
	{
		name: 'mailbox id with a slash',
		parameters: { resource: 'mailbox', operation: 'get', mailboxId: byId('GP6M/2J2') },
		error: /"GP6M\/2J2" in "Mailbox" is not a valid ID/,
	},
	{
		name: 'mailbox filter user id with a space',
		parameters: list('mailbox', 'getAll', { limit: 5, filters: { userId: 'a b' } }),
		error: /"a b" in "User ID" is not a valid ID/,
	},
	{
		name: 'mailbox update username with a space',
		parameters: {
			resource: 'mailbox',
			operation: 'update',
			userId: user,
			mailboxId: byId(MAILBOX_ID),
			updateFields: { userName: 'a b' },
		},
		error: /Username "a b" is invalid/,
	},
	{
		name: 'bulk mailbox update with a bad id in row 2',
		parameters: {
			resource: 'mailbox',
			operation: 'update',
			userId: user,
			updateMode: 'bulk',
			mailboxUpdates: {
				mailbox: [
					{ mailboxId: MAILBOX_ID, firstName: 'A' },
					{ mailboxId: 'bad id', firstName: 'B' },
				],
			},
		},
		error: /Mailbox 2: "bad id" in "Mailbox ID" is not a valid ID/,
	},
	{
		name: 'bulk mailbox update with nothing to change in row 1',
		parameters: {
			resource: 'mailbox',
			operation: 'update',
			userId: user,
			updateMode: 'bulk',
			mailboxUpdates: { mailbox: [{ mailboxId: MAILBOX_ID }] },
		},
		error: /Mailbox 1 \(GP6M2J2DHXM3F2J40S8AP316R2QR\): no fields to update/,
	},
	{
		name: 'bulk mailbox update JSON that is not a list',
		parameters: {
			resource: 'mailbox',
			operation: 'update',
			userId: user,
			updateMode: 'bulkJson',
			mailboxDataJson: '{"mailboxId": "X"}',
		},
		error: /Mailbox Data \(JSON\) is not a list/,
	},
	{
		name: 'warmup on a mailbox id with a space',
		parameters: { resource: 'warmup', operation: 'add', mailboxId: byId('x y') },
		error: /"x y" in "Mailbox" is not a valid ID/,
	},
	{
		name: 'warmup open rate above 1',
		parameters: {
			resource: 'warmup',
			operation: 'updateSettings',
			mailboxId: byId(MAILBOX_ID),
			settings: { warmupOpenRate: 2 },
		},
		error: /Warmup Open Rate must be between 0 and 1/,
	},

	// Subscriptions
	{
		name: 'cancel by a domain that is a path',
		parameters: {
			resource: 'subscription',
			operation: 'cancel',
			identifyBy: 'domain',
			domain: 'evil.com/../x',
		},
		error: /"evil\.com\/\.\.\/x" in "Domain" is not a valid domain name/,
	},
	{
		name: 'cancel by a domain with a space',
		parameters: {
			resource: 'subscription',
			operation: 'cancel',
			identifyBy: 'domain',
			domain: 'exa mple.com',
		},
		error: /"exa mple\.com" in "Domain" is not a valid domain name/,
	},
	{
		name: 'recreate by a domain that is a path',
		parameters: {
			resource: 'subscription',
			operation: 'recreate',
			identifyBy: 'domainNames',
			domainNames: 'acme.com, evil.com/../x',
		},
		error: /"evil\.com\/\.\.\/x" in "Domain Names" is not a valid domain name/,
	},
	{
		name: 'recreate by a domain with a space',
		parameters: {
			resource: 'subscription',
			operation: 'recreate',
			identifyBy: 'domainNames',
			domainNames: 'exa mple.com',
		},
		error: /not a valid domain name/,
	},
	{
		name: 'recreate by an id with a space',
		parameters: {
			resource: 'subscription',
			operation: 'recreate',
			identifyBy: 'subscriptionIds',
			subscriptionIds: 'A B, C',
		},
		error: /"A B" in "Subscription IDs" is not a valid ID/,
	},
	{
		name: 'renew an id that is a path',
		parameters: { resource: 'subscription', operation: 'renew', subscriptionIds: '../x' },
		error: /in "Subscription IDs" is not a valid ID/,
	},
	{
		name: 'subscription filter by a domain with a space',
		parameters: list('subscription', 'getAll', { limit: 5, filters: { domain: 'exa mple.com' } }),
		error: /"exa mple\.com" in "Domain" is not a valid domain name/,
	},
	{
		name: 'subscription filter by an id with a slash',
		parameters: list('subscription', 'getAll', {
			limit: 5,
			filters: { componentSubscriptionId: 'a/b' },
		}),
		error: /in "Subscription ID" is not a valid ID/,
	},
	{
		name: 'subscription status filter outside the list',
		parameters: list('subscription', 'getAll', {
			limit: 5,
			filters: { status: '={{ "DELETED" }}' },
		}),
		error: /Status "DELETED" is not one of ACTIVE, CANCELLED, EXPIRED, PAST_DUE, RENEWING/,
	},
	{
		name: 'cancel by a subscription id with a space',
		parameters: {
			resource: 'subscription',
			operation: 'cancel',
			subscriptionId: byId('1BNT ZJG2'),
		},
		error: /in "Subscription" is not a valid ID/,
	},

	// Export and platform credentials
	{
		name: 'export to a credential id with a space',
		parameters: {
			resource: 'export',
			operation: 'exportMailboxes',
			userId: user,
			credentialId: 'a b',
			mailboxIds: MAILBOX_ID,
		},
		error: /"a b" in "Credential ID" is not a valid ID/,
	},
	{
		name: 'export of a bad mailbox id',
		parameters: {
			resource: 'export',
			operation: 'exportMailboxes',
			userId: user,
			credentialId: 'A1B2',
			mailboxIds: `${MAILBOX_ID}, bad id`,
		},
		error: /"bad id" in "Mailbox IDs" is not a valid ID/,
	},
	{
		name: 'OAuth re-export to an ftp route',
		parameters: {
			resource: 'export',
			operation: 'reexportOauth',
			userId: user,
			mailboxId: byId(MAILBOX_ID),
			microsoftOauth: { settings: { microsoftOauthRoute: 'ftp://x' } },
		},
		error: /is not an http\(s\) URL/,
	},
	{
		name: 'mailbox validation of a path',
		parameters: {
			resource: 'export',
			operation: 'validateMailbox',
			userId: user,
			mailboxId: byId('../x'),
		},
		error: /in "Mailbox" is not a valid ID/,
	},
	{
		name: 'platform credential with a bad email',
		parameters: {
			resource: 'platformCredential',
			operation: 'create',
			userId: user,
			app: 'EMAILBISON',
			email: 'nope',
			password: 'x',
		},
		error: /"nope" in "Email" is not a valid email address/,
	},
	{
		name: 'platform credential id with a slash',
		parameters: {
			resource: 'platformCredential',
			operation: 'delete',
			userId: user,
			credentialId: 'a/b',
		},
		error: /in "Credential ID" is not a valid ID/,
	},
	{
		name: 'platform credential base URL that is not a URL',
		parameters: {
			resource: 'platformCredential',
			operation: 'update',
			userId: user,
			credentialId: 'A1B2',
			updateFields: { appBaseUrl: 'app emailbison' },
		},
		error: /in "App Base URL" is not an http\(s\) URL/,
	},

	// Pre-warmup and sandbox
	{
		name: 'pre-warmup order of a path',
		parameters: preWarmupOrder({ orderDomains: { domain: [{ domain: 'evil.com/../x' }] } }),
		error: /Domain 1: "evil\.com\/\.\.\/x" in "Domain" is not a valid domain name/,
	},
	{
		name: 'pre-warmup order of a name with a space',
		parameters: preWarmupOrder({ orderDomains: { domain: [{ domain: 'exa mple.com' }] } }),
		error: /Domain 1: "exa mple\.com" in "Domain" is not a valid domain name/,
	},
	{
		name: 'pre-warmup forwardTo that is not a URL',
		parameters: preWarmupOrder({
			orderDomains: { domain: [{ domain: 'prewarm-acmecorp.com', forwardTo: 'javascript:x' }] },
		}),
		error: /Domain 1: "javascript:x" in "Forward To" is not a valid URL/,
	},
	{
		name: 'pre-warmup Microsoft order with only the Google group',
		parameters: preWarmupOrder({ serviceProvider: 'MICROSOFT' }),
		error: /Microsoft OAuth is required when Service Provider is Microsoft/,
	},
	{
		name: 'pre-warmup Google order without the group',
		parameters: preWarmupOrder({ googleOauth: {} }),
		error: /Google OAuth is required when Service Provider is Google/,
	},
	{
		name: 'sandbox order of a path',
		parameters: sandboxOrder({ orderDomains: { domain: [{ domain: 'evil.com/../x' }] } }),
		credentials: sandbox,
		error: /is not a valid domain name/,
	},
	{
		name: 'sandbox order of a name with a space',
		parameters: sandboxOrder({ orderDomains: { domain: [{ domain: 'exa mple.com' }] } }),
		credentials: sandbox,
		error: /is not a valid domain name/,
	},
	{
		name: 'sandbox order with an unknown scenario',
		parameters: sandboxOrder({ scenario: '={{ "explode" }}' }),
		credentials: sandbox,
		error: /Scenario "explode" is not one of success, partial_failure, full_failure/,
	},
	{
		name: 'sandbox Microsoft order without the route',
		parameters: sandboxOrder({ serviceProvider: 'MICROSOFT', googleOauth: {} }),
		credentials: sandbox,
		error: /Microsoft OAuth is required when Service Provider is Microsoft/,
	},

	// Placement tests and geo
	{
		name: 'placement test of a bad mailbox id',
		parameters: { resource: 'placementTest', operation: 'create', userId: user, mailboxIds: 'a b' },
		error: /"a b" in "Mailbox IDs" is not a valid ID/,
	},
	{
		name: 'placement filter by an order id with a slash',
		parameters: list('placementTest', 'getAll', {
			userId: user,
			limit: 5,
			filters: { orderId: 'x/y' },
		}),
		error: /in "Order ID" is not a valid ID/,
	},
	{
		name: 'states of a three-letter country',
		parameters: { resource: 'geo', operation: 'getStates', countryCode: 'USA' },
		error: /"USA" in "Country Code" is not a two-letter country code/,
	},

	{
		name: 'forwarding to a site without http(s)://',
		parameters: {
			resource: 'domain',
			operation: 'addForwarding',
			userId: user,
			domainName: byId('acme.com'),
			forwardTo: 'www.acme.io',
		},
		error: /"www\.acme\.io" in "Forward To" is not a valid URL/,
	},
	// Choices and switches set by expressions
	{
		name: 'auto-renew switch given as text',
		parameters: {
			resource: 'domain',
			operation: 'setAutoRenew',
			userId: user,
			domains: 'acme.com',
			autoRenew: '={{ "yes" }}',
		},
		error: /Auto-Renew "yes" is not true or false/,
	},
	{
		name: 'subscription auto-renew given as a number',
		parameters: {
			resource: 'subscription',
			operation: 'setAutoRenew',
			subscriptionIds: SUBSCRIPTION_ID,
			autoRenew: '={{ 1 }}',
		},
		error: /Auto-Renew "1" is not true or false/,
	},
	{
		name: 'order auto renew given as text',
		parameters: domainOrder({ additionalFields: { autoRenew: '={{ "sometimes" }}' } }),
		error: /Auto Renew "sometimes" is not true or false/,
	},
	{
		name: 'billing cycle that CMR does not accept',
		parameters: domainOrder({ additionalFields: { billingCycle: '={{ "YEARLY" }}' } }),
		error: /Billing Cycle "YEARLY" is not one of MONTHLY/,
	},
	{
		name: 'placement test check given as text',
		parameters: {
			resource: 'placementTest',
			operation: 'create',
			userId: user,
			mailboxIds: MAILBOX_ID,
			additionalFields: { blacklist: '={{ "maybe" }}' },
		},
		error: /Blacklist Check "maybe" is not true or false/,
	},
	{
		name: 'workspace check for an unknown provider',
		parameters: {
			resource: 'domain',
			operation: 'checkWorkspace',
			domains: 'acme.com',
			additionalFields: { serviceProvider: '={{ "ZOHO" }}' },
		},
		error: /Service Provider "ZOHO" is not one of GOOGLE, MICROSOFT/,
	},
	{
		name: 'pre-warmup filter by an unknown provider',
		parameters: list('preWarmup', 'getAll', {
			limit: 5,
			filters: { serviceProvider: '={{ "ZOHO" }}' },
		}),
		error: /Service Provider "ZOHO" is not one of GOOGLE, MICROSOFT/,
	},
	{
		name: 'mailbox status filter outside the list',
		parameters: list('mailbox', 'getAll', { limit: 5, filters: { status: '={{ "GONE" }}' } }),
		error: /Status "GONE" is not one of ACTIVE, CREATING_PASSWORD, EXPIRED, IN_PROGRESS/,
	},
	{
		name: 'platform app that is not an identifier',
		parameters: {
			resource: 'platformCredential',
			operation: 'create',
			userId: user,
			app: '={{ "Email Bison" }}',
			email: 'a@b.co',
			password: 'x',
		},
		error: /"Email Bison" in "App" is not a CMR app identifier/,
	},
];

/** Inputs the node accepts after normalizing: the exact request that goes out. */
interface SentCase {
	name: string;
	parameters: IDataObject;
	request: (scope: ReturnType<typeof cmr>) => nock.Interceptor;
	credentials?: IDataObject;
	typeVersion?: number;
}

const ok = (interceptor: nock.Interceptor) => interceptor.reply(200, envelope({ ok: true }));

const SENT: SentCase[] = [
	{
		name: 'a padded user id is trimmed (query)',
		parameters: { resource: 'user', operation: 'get', userId: byId(`  ${USER_ID}\t`) },
		request: (scope) => scope.get('/users').query({ userId: USER_ID }),
	},
	{
		name: 'a padded user id is trimmed (body)',
		parameters: {
			resource: 'domain',
			operation: 'getRenewalPrice',
			userId: byId(` ${USER_ID} `),
			domains: 'acme.com',
		},
		request: (scope) =>
			scope.post('/domains/renewal-price', { userId: USER_ID, domains: ['acme.com'] }),
	},
	{
		name: 'a padded mailbox id is trimmed',
		parameters: { resource: 'warmup', operation: 'add', mailboxId: byId(` ${MAILBOX_ID} `) },
		request: (scope) => scope.post('/mailboxes/warmup').query({ mailboxId: MAILBOX_ID }),
	},
	{
		name: 'Limit 100 is one page of 100',
		parameters: list('user', 'getAll', { limit: 100 }),
		request: (scope) => scope.get('/users/list').query({ page: 1, limit: 100 }),
	},
	{
		name: 'cancel by an upper-case padded domain',
		parameters: {
			resource: 'subscription',
			operation: 'cancel',
			identifyBy: 'domain',
			domain: ' ClientApp.co ',
		},
		request: (scope) => scope.post('/subscriptions/cancel', { domain: 'clientapp.co' }),
	},
	{
		name: 'create mailbox order sends autoRenew with subscriptionId, as the reference example does',
		parameters: mailboxOrder({ autoRenew: false }),
		typeVersion: LATEST,
		request: (scope) =>
			scope
				.post('/orders/create-mailbox-order/json', {
					subscriptionId: SUBSCRIPTION_ID,
					autoRenew: false,
					confirm: true,
					mailboxes: {
						'alicesender.com': [{ username: 'alice', firstName: 'Alice', lastName: 'J' }],
					},
					google,
				})
				.query({ userId: USER_ID }),
	},
	{
		name: 'create only (process later) sends confirm false',
		parameters: domainOrder({ confirm: false }),
		typeVersion: LATEST,
		request: (scope) =>
			scope
				.post('/orders/json', {
					domains: [{ domain: 'alicesender.com', years: 1 }],
					mailboxes: {
						'alicesender.com': [{ username: 'alice', firstName: 'Alice', lastName: 'J' }],
					},
					serviceProvider: 'GOOGLE',
					confirm: false,
					google,
				})
				.query({ userId: USER_ID }),
	},
	{
		name: 'a Microsoft order sends only the Microsoft route, not a leftover (hidden) Google group',
		parameters: domainOrder({
			serviceProvider: 'MICROSOFT',
			microsoftOauth: { settings: microsoft },
		}),
		request: (scope) =>
			scope
				.post('/orders/json', {
					domains: [{ domain: 'alicesender.com', years: 1 }],
					mailboxes: {
						'alicesender.com': [{ username: 'alice', firstName: 'Alice', lastName: 'J' }],
					},
					serviceProvider: 'MICROSOFT',
					confirm: true,
					microsoftOauthRoute: microsoft.microsoftOauthRoute,
				})
				.query({ userId: USER_ID }),
	},
	{
		name: 'bulk mailbox update sends mailboxData as a list',
		parameters: {
			resource: 'mailbox',
			operation: 'update',
			userId: user,
			updateMode: 'bulk',
			mailboxUpdates: {
				mailbox: [
					{ mailboxId: ` ${MAILBOX_ID} `, firstName: ' Ann ' },
					{ mailboxId: 'ANOTHER_ID', userName: 'bob.s', removeProfilePicture: true },
				],
			},
		},
		request: (scope) =>
			scope
				.patch('/mailboxes/update-mailbox-details', {
					mailboxData: [
						{ mailboxId: MAILBOX_ID, firstName: 'Ann' },
						{ mailboxId: 'ANOTHER_ID', userName: 'bob.s', removeProfilePicture: true },
					],
				})
				.query({ userId: USER_ID }),
	},
	{
		name: 'bulk mailbox update from JSON',
		parameters: {
			resource: 'mailbox',
			operation: 'update',
			userId: user,
			updateMode: 'bulkJson',
			mailboxDataJson: '={{ [{"mailboxId": "ANOTHER_ID", "lastName": "Smith"}] }}',
		},
		request: (scope) =>
			scope
				.patch('/mailboxes/update-mailbox-details', {
					mailboxData: [{ mailboxId: 'ANOTHER_ID', lastName: 'Smith' }],
				})
				.query({ userId: USER_ID }),
	},
];

describe('Bad input: rejected before sending, the item named', () => {
	useNock();

	it('covers every resource', () => {
		const resources = new Set(REJECTED.map((entry) => entry.parameters.resource));
		expect([...resources].sort()).toEqual([
			'dnsRecord',
			'domain',
			'export',
			'geo',
			'mailbox',
			'nameserver',
			'order',
			'placementTest',
			'platformCredential',
			'preWarmup',
			'sandbox',
			'subscription',
			'user',
			'warmup',
		]);
		expect(REJECTED.length + SENT.length).toBeGreaterThanOrEqual(60);
	});

	it.each(REJECTED.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
		const run = runNode(entry.parameters, {
			credentials: entry.credentials,
			typeVersion: entry.typeVersion,
		});
		const error = (await run.then(
			() => undefined,
			(caught: unknown) => caught,
		)) as NodeOperationError | undefined;
		expect(error).toBeDefined();
		expect(error!.message).toMatch(entry.error);
		expect(error!.message).toMatch(/ \[item 0\]$/);
		expect(error!.description).toEqual(expect.any(String));
		expect(nock.pendingMocks()).toEqual([]);
	});

	it.each(SENT.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
		const scope = ok(entry.request(cmr()));
		const out = await runNode(entry.parameters, {
			credentials: entry.credentials,
			typeVersion: entry.typeVersion,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.length).toBeGreaterThan(0);
	});

	it('names the failing item and still sends the good ones (continue on fail)', async () => {
		cmr()
			.get('/users')
			.query({ userId: USER_ID })
			.reply(200, envelope({ id: USER_ID }));
		const out = await runNode(
			{ resource: 'user', operation: 'get', userId: byId('={{ $json.id }}'), simple: false },
			{ items: [{ id: USER_ID }, { id: 'evil/../id' }], continueOnFail: true },
		);
		expect(jsonOf(out)[0]).toEqual({ id: USER_ID });
		expect(out[1].error?.message).toBe('"evil/../id" in "User" is not a valid ID [item 1]');
	});
});
