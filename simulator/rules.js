'use strict';

/**
 * Request rules the CMR reference documents, keyed by endpoint key. The server checks them
 * after the user is resolved and before the handler runs; each throws CMR's error.
 *
 * Sources: reference entries 26 (Creates order json), 27 (Order mailboxes (json)), 55 and 57
 * (pre-warmup orders): `confirm` decides whether the wallet is charged and must be given;
 * `subscriptionId` and `domainId` are mutually exclusive and one is needed; `autoRenew` goes
 * with `domainId` (a new subscription); GOOGLE orders carry `google {googleOauthRoute,
 * clientId, appName}`, MICROSOFT orders `microsoftOauthRoute`, and never the other group.
 */

const { bad, isNonEmptyString } = require('./util');

const GOOGLE_KEYS = ['googleOauthRoute', 'clientId', 'appName'];

function confirmRequired({ body }) {
	if (typeof body.confirm !== 'boolean') {
		throw bad(
			'confirm is required (boolean): true processes the order now and charges the wallet, false only creates it for Process Order',
		);
	}
}

function subscriptionOrDomain({ body }) {
	const hasSubscription = body.subscriptionId !== undefined;
	const hasDomain = body.domainId !== undefined;
	if (hasSubscription && hasDomain) {
		throw bad(
			'subscriptionId and domainId are mutually exclusive: send subscriptionId for a domain with an ACTIVE subscription, or domainId for a domain whose subscription was CANCELLED',
		);
	}
	if (!hasSubscription && !hasDomain) {
		throw bad(
			'Please provide a subscriptionId (domain with an ACTIVE subscription) or a domainId (domain whose subscription was CANCELLED)',
		);
	}
}

function autoRenewWithDomainId({ body }) {
	if (body.domainId !== undefined && typeof body.autoRenew !== 'boolean') {
		throw bad(
			'autoRenew is required (boolean) with domainId: a new subscription is created for the domain',
		);
	}
}

function checkOauth(body, provider) {
	const hasGoogle = body.google !== undefined && body.google !== null;
	const hasMicrosoft = body.microsoftOauthRoute !== undefined && body.microsoftOauthRoute !== null;
	if (provider === 'GOOGLE') {
		if (hasMicrosoft)
			throw bad(
				'microsoftOauthRoute is for MICROSOFT orders; a GOOGLE order takes the google object',
			);
		if (!hasGoogle || typeof body.google !== 'object') {
			throw bad('google {googleOauthRoute, clientId, appName} is required for GOOGLE mailboxes');
		}
		const missing = GOOGLE_KEYS.filter((key) => !isNonEmptyString(body.google[key]));
		if (missing.length) throw bad(`google is missing: ${missing.join(', ')}`);
	} else if (provider === 'MICROSOFT') {
		if (hasGoogle)
			throw bad('google is for GOOGLE orders; a MICROSOFT order takes microsoftOauthRoute');
	}
}

/** The OAuth settings of an order that names its provider (`fallback` when omitted). */
function oauthForServiceProvider(fallback) {
	return function oauthForServiceProvider({ body }) {
		const provider =
			body.serviceProvider === undefined ? fallback : String(body.serviceProvider).toUpperCase();
		if (!provider) return;
		checkOauth(body, provider);
		if (provider === 'MICROSOFT' && !isNonEmptyString(body.microsoftOauthRoute)) {
			throw bad('microsoftOauthRoute is required for MICROSOFT mailboxes');
		}
	};
}

/** Order mailboxes (json) has no serviceProvider: the provider is the domain's. */
function oauthForDomainProvider({ body, state }) {
	const subscription = isNonEmptyString(body.subscriptionId)
		? state.subscriptions.get(body.subscriptionId)
		: null;
	const domainId = subscription ? subscription.domainId : body.domainId;
	const domain = isNonEmptyString(domainId) ? state.domains.get(domainId) : null;
	if (domain) checkOauth(body, domain.serviceProvider);
}

const RULES = {
	// The FormData variant documents GOOGLE as the default provider.
	'order.create': [confirmRequired, oauthForServiceProvider('GOOGLE')],
	'order.createMailboxOrder': [
		confirmRequired,
		subscriptionOrDomain,
		autoRenewWithDomainId,
		oauthForDomainProvider,
	],
	'preWarmup.order': [oauthForServiceProvider(null)],
	'sandbox.orderPreWarmup': [oauthForServiceProvider(null)],
};

/** Top-level body fields the reference does not document for a fully documented endpoint. */
function undocumentedFields(route, body) {
	if (!route.bodyFields || !body || typeof body !== 'object') return [];
	return Object.keys(body).filter((name) => !route.bodyFields.has(name));
}

module.exports = { RULES, undocumentedFields };
