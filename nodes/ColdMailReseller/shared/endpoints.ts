/**
 * Every CMR endpoint the node calls, in one table. Change a path here and only here.
 *
 * `confidence` follows ../shared/cmr-api/REFERENCE.md:
 *   confirmed - seen in the API reference pages
 *   guides    - seen in CMR's guides; path reliable, body less so
 *   inferred  - best inference from sibling endpoints; unverified against the live API
 * `refs` are the 1-based entries of endpoints.json that the operation serves.
 * `userId` says where the customer id travels: 'query', 'body' or 'none'.
 * `paid` marks calls that charge the partner wallet: never retried automatically.
 * `note` and `unverified` say what the reference does not document; the node panel shows them
 * as a notice (shared/unverified.ts) and the README lists them.
 */
export type Confidence = 'confirmed' | 'guides' | 'inferred';
export type UserIdPlacement = 'query' | 'body' | 'none';

export interface CmrEndpoint {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: string;
	confidence: Confidence;
	userId: UserIdPlacement;
	refs: number[];
	paid?: boolean;
	/** Permanently removes or cancels something. */
	destructive?: boolean;
	/** Only exists in the CMR sandbox. */
	sandboxOnly?: boolean;
	/** What is unverified about the path, method or body (node panel notice and README). */
	note?: string;
	/**
	 * Filters, fields and option values the node offers that the reference does not document
	 * for this endpoint (node panel notice and README, next to `note`).
	 */
	unverified?: readonly string[];
}

export const ENDPOINTS = {
	// Users
	'user.getAll': {
		method: 'GET',
		path: '/users/list',
		confidence: 'guides',
		userId: 'none',
		refs: [1],
		note: 'search parameter name `search` inferred',
	},
	'user.get': { method: 'GET', path: '/users', confidence: 'guides', userId: 'query', refs: [2] },
	'user.create': {
		method: 'POST',
		path: '/users',
		confidence: 'confirmed',
		userId: 'none',
		refs: [3],
	},
	'user.update': {
		method: 'PUT',
		path: '/users',
		confidence: 'confirmed',
		userId: 'query',
		refs: [4],
	},
	'user.delete': {
		method: 'DELETE',
		path: '/users',
		confidence: 'confirmed',
		userId: 'query',
		refs: [5],
		destructive: true,
	},

	// Geo
	'geo.getCountries': {
		method: 'GET',
		path: '/geo/countries',
		confidence: 'guides',
		userId: 'none',
		refs: [6],
	},
	'geo.getStates': {
		method: 'GET',
		path: '/geo/states',
		confidence: 'guides',
		userId: 'none',
		refs: [7],
	},

	// Domains
	'domain.getRenewalPrice': {
		method: 'POST',
		path: '/domains/renewal-price',
		confidence: 'confirmed',
		userId: 'body',
		refs: [8],
	},
	'domain.renew': {
		method: 'POST',
		path: '/domains/renew',
		confidence: 'guides',
		userId: 'body',
		refs: [9],
		paid: true,
		note: 'body `{userId, domains}` inferred from renewal-price',
	},
	'domain.setAutoRenew': {
		method: 'PATCH',
		path: '/domains/toggle-auto-renew',
		confidence: 'confirmed',
		userId: 'body',
		refs: [10],
	},
	'domain.getAll': {
		method: 'GET',
		path: '/domains/by-user',
		confidence: 'guides',
		userId: 'query',
		refs: [11],
	},
	'domain.suggest': {
		method: 'POST',
		path: '/domains/suggestions',
		confidence: 'inferred',
		userId: 'none',
		refs: [12],
		note: 'path and body `{keyword}` inferred; only the title and method are documented',
	},
	'domain.checkAvailability': {
		method: 'POST',
		path: '/domains/available',
		confidence: 'inferred',
		userId: 'none',
		refs: [13],
		note: 'path and body `{domainName}` inferred; only the title and method are documented',
	},
	'domain.checkWorkspace': {
		method: 'POST',
		path: '/domains/has-workspace',
		confidence: 'guides',
		userId: 'none',
		refs: [14],
	},
	'domain.addForwarding': {
		method: 'POST',
		path: '/domains/forwarding',
		confidence: 'inferred',
		userId: 'query',
		refs: [15],
		note: 'path and body `{domainName, forwardTo, maskForwarding}` inferred',
	},
	'domain.addEmailForwarding': {
		method: 'POST',
		path: '/domains/email-forwarding',
		confidence: 'inferred',
		userId: 'query',
		refs: [16],
		note: 'path and body `{domainName, forwardTo}` inferred',
	},
	'domain.addGoogleClientId': {
		method: 'POST',
		path: '/domains/add-client-id',
		confidence: 'guides',
		userId: 'body',
		refs: [17],
		note: 'body keys `domains`, `clientId`, `appName` from the guides prose',
	},
	'domain.remove': {
		method: 'DELETE',
		path: '/domains',
		confidence: 'inferred',
		userId: 'query',
		refs: [18],
		destructive: true,
		note: 'path and body `{domains}` inferred; only the title and method are documented',
	},

	// DNS
	'dnsRecord.getAll': {
		method: 'GET',
		path: '/dns',
		confidence: 'guides',
		userId: 'query',
		refs: [19],
	},
	'dnsRecord.create': {
		method: 'POST',
		path: '/dns',
		confidence: 'confirmed',
		userId: 'query',
		refs: [20],
	},
	'dnsRecord.update': {
		method: 'PUT',
		path: '/dns',
		confidence: 'guides',
		userId: 'query',
		refs: [21],
	},
	'dnsRecord.delete': {
		method: 'DELETE',
		path: '/dns',
		confidence: 'guides',
		userId: 'query',
		refs: [22],
		destructive: true,
	},
	'nameserver.update': {
		method: 'PUT',
		path: '/dns/nameservers',
		confidence: 'guides',
		userId: 'query',
		refs: [23],
		note: 'body key `nameservers` inferred',
	},

	// Orders (the two deprecated FormData endpoints, refs 29 and 30, are served by their JSON successors)
	'order.get': {
		method: 'GET',
		path: '/orders',
		confidence: 'inferred',
		userId: 'query',
		refs: [24],
		note: 'path inferred (`/orders?userId=&orderId=`)',
	},
	'order.getStatus': {
		method: 'GET',
		path: '/orders/status',
		confidence: 'guides',
		userId: 'query',
		refs: [25],
	},
	'order.create': {
		method: 'POST',
		path: '/orders/json',
		confidence: 'confirmed',
		userId: 'query',
		refs: [26, 29],
		paid: true,
	},
	'order.createMailboxOrder': {
		method: 'POST',
		path: '/orders/create-mailbox-order/json',
		confidence: 'confirmed',
		userId: 'query',
		refs: [27, 30],
		paid: true,
		unverified: [
			'Microsoft OAuth (top-level `microsoftOauthRoute`, for Microsoft mailboxes) is not documented for this endpoint; it is sent as `POST /orders/json` documents it',
		],
	},
	'order.process': {
		method: 'POST',
		path: '/orders/process',
		confidence: 'inferred',
		userId: 'query',
		refs: [28],
		paid: true,
		note: 'path and body `{orderId}` inferred',
	},

	// Mailboxes
	'mailbox.getAll': {
		method: 'GET',
		path: '/mailboxes',
		confidence: 'guides',
		userId: 'none',
		refs: [31],
		note: 'query parameters undocumented',
		unverified: [
			'Filters → Status (`status` query parameter) and its values are not documented for this endpoint',
			"Filters → User ID (`userId` query parameter) is inferred from the guides' scope example",
		],
	},
	'mailbox.getAllForUser': {
		method: 'GET',
		path: '/mailboxes/single',
		confidence: 'guides',
		userId: 'query',
		refs: [32],
	},
	'mailbox.get': {
		method: 'GET',
		path: '/mailboxes/mailbox',
		confidence: 'guides',
		userId: 'none',
		refs: [33],
	},
	'mailbox.getAdminDetails': {
		method: 'GET',
		path: '/mailboxes/admin-mailbox-details',
		confidence: 'guides',
		userId: 'query',
		refs: [34],
	},
	'mailbox.update': {
		method: 'PATCH',
		path: '/mailboxes/update-mailbox-details',
		confidence: 'guides',
		userId: 'query',
		refs: [35],
	},
	'mailbox.delete': {
		method: 'DELETE',
		path: '/mailboxes/remove',
		confidence: 'confirmed',
		userId: 'query',
		refs: [36],
		destructive: true,
	},

	// Warmup
	'warmup.add': {
		method: 'POST',
		path: '/mailboxes/warmup',
		confidence: 'guides',
		userId: 'none',
		refs: [37],
		paid: true,
	},
	'warmup.toggle': {
		method: 'POST',
		path: '/mailboxes/warmup/toggle',
		confidence: 'guides',
		userId: 'none',
		refs: [38],
	},
	'warmup.remove': {
		method: 'DELETE',
		path: '/mailboxes/warmup',
		confidence: 'guides',
		userId: 'none',
		refs: [39],
		destructive: true,
	},
	'warmup.updateSettings': {
		method: 'PATCH',
		path: '/mailboxes/warmup/settings',
		confidence: 'guides',
		userId: 'none',
		refs: [40],
	},

	// Subscriptions
	'subscription.getAll': {
		method: 'GET',
		path: '/subscriptions',
		confidence: 'confirmed',
		userId: 'none',
		refs: [41],
	},
	'subscription.renew': {
		method: 'POST',
		path: '/subscriptions/renew-subscriptions',
		confidence: 'confirmed',
		userId: 'none',
		refs: [42],
		paid: true,
	},
	'subscription.setAutoRenew': {
		method: 'POST',
		path: '/subscriptions/toggle-autorenewal',
		confidence: 'guides',
		userId: 'none',
		refs: [43],
		note: 'body `{subscriptionIds, autoRenew}` inferred',
	},
	'subscription.cancel': {
		method: 'POST',
		path: '/subscriptions/cancel',
		confidence: 'confirmed',
		userId: 'none',
		refs: [44],
		destructive: true,
	},
	'subscription.recreate': {
		method: 'POST',
		path: '/component/subscriptions/recreate',
		confidence: 'confirmed',
		userId: 'none',
		refs: [45],
		note: 'other material says `/subscriptions/recreate`',
	},

	// Exports
	'export.reexportOauth': {
		method: 'POST',
		path: '/mailboxes/oauth',
		confidence: 'guides',
		userId: 'query',
		refs: [46],
		note: 'Microsoft config nesting (`microsoft.microsoftOauthRoute`) unverified',
	},
	'export.validateMailbox': {
		method: 'POST',
		path: '/mailboxes/validate-mailbox',
		confidence: 'guides',
		userId: 'query',
		refs: [47],
		note: 'body `{mailboxId}` inferred',
	},
	'export.exportMailboxes': {
		method: 'POST',
		path: '/exports/platform-exports',
		confidence: 'guides',
		userId: 'query',
		refs: [53],
	},
	'platformCredential.getAll': {
		method: 'GET',
		path: '/exports/platform-credentials',
		confidence: 'confirmed',
		userId: 'query',
		refs: [48],
	},
	'platformCredential.create': {
		method: 'POST',
		path: '/exports/platform-credential',
		confidence: 'confirmed',
		userId: 'query',
		refs: [49],
		unverified: [
			"App values Instantly, ReachInbox and Smartlead come from CMR's FAQ; the reference documents only EmailBison",
		],
	},
	'platformCredential.delete': {
		method: 'DELETE',
		path: '/exports/platform-credential',
		confidence: 'confirmed',
		userId: 'query',
		refs: [50],
		destructive: true,
	},
	'platformCredential.update': {
		method: 'PUT',
		path: '/exports/platform-credential',
		confidence: 'guides',
		userId: 'query',
		refs: [51],
		note: '`credentialId` placement (query) inferred',
	},
	'platformCredential.getWorkspaces': {
		method: 'GET',
		path: '/exports/platform-workspaces',
		confidence: 'guides',
		userId: 'query',
		refs: [52],
		note: '`credentialId` query parameter inferred',
	},

	// Pre-warmup
	'preWarmup.getAll': {
		method: 'GET',
		path: '/pre-warmup',
		confidence: 'guides',
		userId: 'none',
		refs: [54],
	},
	'preWarmup.order': {
		method: 'POST',
		path: '/pre-warmup/order',
		confidence: 'guides',
		userId: 'query',
		refs: [55],
		paid: true,
	},

	// Sandbox only
	'sandbox.getPreWarmupDomains': {
		method: 'GET',
		path: '/sandbox/pre-warmup',
		confidence: 'guides',
		userId: 'none',
		refs: [56],
		sandboxOnly: true,
		note: 'method GET inferred',
	},
	'sandbox.orderPreWarmup': {
		method: 'POST',
		path: '/sandbox/pre-warmup/order',
		confidence: 'guides',
		userId: 'query',
		refs: [57],
		sandboxOnly: true,
		note: 'method POST and `userId` query inferred (same as production order)',
	},
	'sandbox.resetPreWarmup': {
		method: 'POST',
		path: '/sandbox/pre-warmup/reset',
		confidence: 'inferred',
		userId: 'none',
		refs: [58],
		sandboxOnly: true,
		destructive: true,
		note: 'method POST inferred',
	},

	// Placement tests
	'placementTest.create': {
		method: 'POST',
		path: '/placement',
		confidence: 'guides',
		userId: 'query',
		refs: [59],
		paid: true,
	},
	'placementTest.getAll': {
		method: 'GET',
		path: '/placement/reports',
		confidence: 'guides',
		userId: 'query',
		refs: [60],
	},

	// Wallet and error reporting
	'wallet.get': {
		method: 'GET',
		path: '/wallet',
		confidence: 'inferred',
		userId: 'none',
		refs: [61],
		note: 'path inferred; only the title and method are documented',
	},
	'errorReport.send': {
		method: 'POST',
		path: '/send-error',
		confidence: 'inferred',
		userId: 'none',
		refs: [62],
		note: 'path and body `{message, details}` inferred; purpose undocumented',
	},
} as const satisfies Record<string, CmrEndpoint>;

export type EndpointKey = keyof typeof ENDPOINTS;
