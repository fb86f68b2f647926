'use strict';

/**
 * Handlers of the simulated CMR partner API, keyed by endpoint (see HANDLERS at the end).
 *
 * Method, path (under /api/v1/integration) and userId placement come from the CMR reference
 * (simulator/reference.js, simulator/routes.js), and the documented request rules from
 * simulator/rules.js. The server resolves `ctx.user` from that placement and checks the rules
 * before calling a handler.
 *
 * A handler returns `{ status?, message, data?, actionId? }` or throws an HttpError.
 */

const {
	HttpError,
	bad,
	notFound,
	unprocessable,
	toCents,
	fromCents,
	DAY_MS,
	paginate,
	toBool,
	isNonEmptyString,
	isDomainName,
	isEmail,
} = require('./util');
const { COUNTRIES, STATES, COUNTRY_CODES } = require('./geo');
const { routesFromReference } = require('./routes');
const { USER_FIELDS, PRICES, defaultWarmupSettings, makePlacementReport, completedReport } = require('./seed');

const REQUIRED_USER_FIELDS = [
	'email', 'company', 'firstName', 'lastName', 'country', 'city', 'addressLineOne', 'languagePreference',
	'postalCode', 'state', 'phoneCc', 'phone',
];
const PROVIDERS = ['GOOGLE', 'MICROSOFT'];
const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'];
const PLATFORM_APPS = ['EMAILBISON', 'REACHINBOX', 'SMARTLEAD', 'INSTANTLY'];
const DMARC_DEFAULT_TAGS = ['rua', 'ruf', 'fo', 'rf', 'ri', 'pct', 'sp', 'aspf', 'adkim'];
const iso = (ms) => new Date(ms).toISOString();
const money = (cents) => fromCents(cents);

// ---------------------------------------------------------------- serializers

function publicUser(u) {
	const out = { id: u.id };
	for (const f of USER_FIELDS) out[f] = u[f] ?? '';
	out.createdAt = u.createdAt;
	return out;
}

function publicDomain(d, state) {
	return {
		domainId: d.domainId,
		domainName: d.domainName,
		userId: d.userId,
		status: d.status,
		autoRenew: d.autoRenew,
		serviceProvider: d.serviceProvider,
		createdAt: d.createdAt,
		expireOn: d.expireOn,
		subscriptionId: d.subscriptionId,
		mailboxCount: state.mailboxesOfDomain(d.domainId).length,
		nameservers: d.nameservers,
		forwardTo: d.forwardTo,
		maskForwarding: d.maskForwarding,
		emailForwarding: d.emailForwarding,
		renewalPrice: d.renewalPrice,
	};
}

function publicMailbox(m) {
	return {
		mailboxId: m.mailboxId,
		email: m.email,
		username: m.username,
		firstName: m.firstName,
		lastName: m.lastName,
		domain: m.domain,
		domainId: m.domainId,
		userId: m.userId,
		subscriptionId: m.subscriptionId,
		status: m.status,
		serviceProvider: m.serviceProvider,
		profilePicture: m.profilePicture,
		isAdmin: m.isAdmin,
		onWarmup: !!m.warmup && m.warmup.status !== 'STOPPED',
		warmupStatus: m.warmup ? m.warmup.status : null,
		orderId: m.orderId,
		createdAt: m.createdAt,
	};
}

function publicSubscription(s, state) {
	return {
		subscriptionId: s.subscriptionId,
		subscriptionStatus: s.subscriptionStatus,
		totalMailboxQuantity: state.mailboxesOfSubscription(s.subscriptionId).length,
		billingCycle: s.billingCycle,
		pricePerMailbox: s.pricePerMailbox,
		periodStart: s.periodStart,
		periodEnd: s.periodEnd,
		serviceProvider: s.serviceProvider,
		autoRenew: s.autoRenew,
		userId: s.userId,
		domain: s.domain,
		domainId: s.domainId,
	};
}

/** Common `data` of subscription.* webhooks. */
function subscriptionEventData(s, state, description) {
	return {
		userId: s.userId,
		userEmail: state.userEmail(s.userId),
		subscriptionId: s.subscriptionId,
		domainId: s.domainId,
		domain: s.domain,
		workspaceType: s.serviceProvider,
		quantity: state.mailboxesOfSubscription(s.subscriptionId).length,
		periodStart: s.periodStart,
		periodEnd: s.periodEnd,
		autoRenew: s.autoRenew,
		description,
		subscriptionStatus: s.subscriptionStatus,
	};
}

function publicOrder(o) {
	const { environment, scenario, costs, ...rest } = o;
	return { ...rest, environment };
}

// ---------------------------------------------------------------- validation helpers

function requireFields(body, fields) {
	const missing = fields.filter((f) => body[f] === undefined || body[f] === null || body[f] === '');
	if (missing.length) throw bad(`Missing required field(s): ${missing.join(', ')}`);
}

function requireQuery(query, name, label = name) {
	const v = query[name];
	if (!isNonEmptyString(v)) throw bad(`Please provide a ${label}`);
	return v.trim();
}

function stringArray(value, name, { allowString = false } = {}) {
	if (allowString && isNonEmptyString(value)) return [value.trim()];
	if (!Array.isArray(value) || value.length === 0 || !value.every(isNonEmptyString)) {
		throw bad(`${name} must be a non-empty array of strings`);
	}
	return value.map((v) => v.trim());
}

function requireBoolean(body, name) {
	const v = toBool(body[name]);
	if (v === undefined) throw bad(`${name} must be a boolean`);
	return v;
}

function ownedDomainByName(ctx, name) {
	const d = ctx.state.domainByName(name);
	if (!d || d.userId !== ctx.user.id) throw notFound(`Domain ${name} not found for this user`);
	return d;
}

function ownedMailbox(ctx, mailboxId) {
	if (!isNonEmptyString(mailboxId)) throw bad('Please provide a mailboxId');
	const m = ctx.state.mailboxes.get(mailboxId);
	if (!m) throw notFound(`Mailbox ${mailboxId} not found`);
	if (ctx.user && m.userId !== ctx.user.id) throw new HttpError(403, `Mailbox ${mailboxId} does not belong to this user`);
	return m;
}

function anyMailbox(ctx, mailboxId) {
	if (!isNonEmptyString(mailboxId)) throw bad('Please provide a mailboxId');
	const m = ctx.state.mailboxes.get(mailboxId);
	if (!m) throw notFound(`Mailbox ${mailboxId} not found`);
	return m;
}

function validateGoogle(google) {
	if (google === undefined || google === null) return;
	if (typeof google !== 'object') throw bad('google must be an object {googleOauthRoute, clientId, appName}');
	const missing = ['googleOauthRoute', 'clientId', 'appName'].filter((k) => google[k] === undefined || google[k] === '');
	if (missing.length) throw bad(`google is missing: ${missing.join(', ')}`);
}

function validateProvider(value, fallback = 'GOOGLE') {
	const p = value === undefined || value === null || value === '' ? fallback : String(value).toUpperCase();
	if (!PROVIDERS.includes(p)) throw bad('serviceProvider must be GOOGLE or MICROSOFT');
	return p;
}

function validateBillingCycle(value) {
	if (value === undefined || value === null || value === '') return 'MONTHLY';
	if (value !== 'MONTHLY') throw bad('billingCycle: only MONTHLY is accepted');
	return value;
}

/**
 * Validates the `mailboxes` map (domain name -> mailbox list). Returns a flat list.
 * `allowed` is the set of domain names the map may use.
 */
function parseMailboxMap(state, mailboxes, allowed, { required = true } = {}) {
	if (mailboxes === undefined || mailboxes === null) {
		if (required) throw bad('Missing required field(s): mailboxes');
		return [];
	}
	if (typeof mailboxes !== 'object' || Array.isArray(mailboxes)) {
		throw bad('mailboxes must be an object keyed by domain name: {"example.com": [{username, firstName, lastName}]}');
	}
	const out = [];
	for (const [domainName, list] of Object.entries(mailboxes)) {
		const name = domainName.toLowerCase();
		if (!allowed.has(name)) throw bad(`mailboxes: domain ${domainName} is not part of this order (key mailboxes by domain name)`);
		if (!Array.isArray(list)) throw bad(`mailboxes.${domainName} must be an array`);
		const seen = new Set();
		list.forEach((mb, i) => {
			if (!mb || typeof mb !== 'object') throw bad(`mailboxes.${domainName}[${i}] must be an object`);
			const missing = ['username', 'firstName', 'lastName'].filter((k) => !isNonEmptyString(mb[k]));
			if (missing.length) throw bad(`mailboxes.${domainName}[${i}] is missing: ${missing.join(', ')}`);
			const username = mb.username.trim().toLowerCase();
			if (!/^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/.test(username)) {
				throw bad(`mailboxes.${domainName}[${i}].username is not a valid mailbox username`);
			}
			if (seen.has(username)) throw bad(`mailboxes.${domainName}: duplicate username ${username}`);
			seen.add(username);
			const email = `${username}@${name}`;
			for (const m of state.mailboxes.values()) {
				if (m.email === email) throw new HttpError(409, `Mailbox ${email} already exists`);
			}
			out.push({
				domainName: name,
				username,
				firstName: mb.firstName.trim(),
				lastName: mb.lastName.trim(),
				profilePicture: isNonEmptyString(mb.profilePicture) ? mb.profilePicture : null,
				onWarmup: toBool(mb.onWarmup) === true,
			});
		}
		);
	}
	return out;
}

// ---------------------------------------------------------------- users

function listUsers(ctx) {
	let users = [...ctx.state.users.values()];
	const search = ctx.query.search;
	if (isNonEmptyString(search)) {
		const s = search.trim().toLowerCase();
		users = users.filter((u) =>
			[u.email, u.firstName, u.lastName, `${u.firstName} ${u.lastName}`, u.company].some((v) => String(v).toLowerCase().includes(s)),
		);
	}
	const { items, pagination } = paginate(users, ctx.query);
	return { message: 'Users fetched successfully', data: { users: items.map(publicUser), pagination } };
}

function getUser(ctx) {
	return { message: 'User fetched successfully', data: publicUser(ctx.user) };
}

function validateUserValues(body, state, selfId) {
	for (const f of USER_FIELDS) {
		if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'string') throw bad(`${f} must be a string`);
	}
	if (body.email !== undefined && !isEmail(body.email)) throw bad('email must be a valid email address');
	if (body.country !== undefined && !COUNTRY_CODES.has(String(body.country).toUpperCase())) {
		throw bad('country must be an ISO 3166-1 alpha-2 code from GET /geo/countries');
	}
	if (body.phoneCc !== undefined && !/^\+?\d{1,4}$/.test(body.phoneCc)) throw bad('phoneCc must be a calling code like "1"');
	if (body.phone !== undefined && !/^\d{4,15}$/.test(body.phone)) throw bad('phone must contain 4 to 15 digits, without the country code');
	if (body.email !== undefined) {
		const email = body.email.toLowerCase();
		for (const u of state.users.values()) {
			if (u.id !== selfId && u.email.toLowerCase() === email) throw new HttpError(409, 'A user with this email already exists');
		}
	}
}

function createUser(ctx) {
	const { body, state } = ctx;
	requireFields(body, REQUIRED_USER_FIELDS);
	validateUserValues(body, state, null);
	const user = { id: state.newId() };
	for (const f of USER_FIELDS) user[f] = typeof body[f] === 'string' ? body[f].trim() : '';
	user.country = user.country.toUpperCase();
	user.createdAt = state.now();
	state.users.set(user.id, user);
	return { message: 'User created', data: publicUser(user) };
}

function updateUser(ctx) {
	const { body, state, user } = ctx;
	const changes = USER_FIELDS.filter((f) => body[f] !== undefined);
	if (changes.length === 0) throw bad(`Provide at least one field to update: ${USER_FIELDS.join(', ')}`);
	validateUserValues(body, state, user.id);
	for (const f of changes) user[f] = body[f] === null ? '' : String(body[f]).trim();
	if (body.country !== undefined) user.country = user.country.toUpperCase();
	return { message: 'User details updated successfully', data: publicUser(user) };
}

function deleteUser(ctx) {
	const { state, user } = ctx;
	const domainCount = state.domainsOf(user.id).length;
	const mailboxCount = state.mailboxesOf(user.id).length;
	if (domainCount || mailboxCount) {
		throw unprocessable(
			`User deletion failed: the user still has ${domainCount} domain(s) and ${mailboxCount} mailbox(es) (mailboxCount: ${mailboxCount}, domainCount: ${domainCount})`,
		);
	}
	state.users.delete(user.id);
	for (const [id, c] of state.platformCredentials) if (c.userId === user.id) state.platformCredentials.delete(id);
	return { message: 'User successfully deleted', data: null };
}

// ---------------------------------------------------------------- geo

function getCountries() {
	return { message: 'Countries fetched successfully', data: { ...COUNTRIES } };
}

function getStates(ctx) {
	const code = ctx.query.countryCode;
	if (!isNonEmptyString(code)) throw bad('Please provide a countryCode');
	const cc = code.trim().toUpperCase();
	if (!COUNTRY_CODES.has(cc)) throw bad(`Invalid countryCode: ${code}`);
	return { message: 'States fetched successfully', data: { ...(STATES[cc] ?? {}) } };
}

// ---------------------------------------------------------------- domains

function renewalPrice(ctx) {
	const names = stringArray(ctx.body.domains, 'domains');
	const data = names.map((n) => {
		const d = ownedDomainByName(ctx, n);
		return {
			domainName: d.domainName,
			domainId: d.domainId,
			years: 1,
			renewalPrice: d.renewalPrice.toFixed(2),
			expireOn: d.expireOn,
			autoRenew: d.autoRenew,
		};
	});
	return { message: 'Domain renewal prices fetched successfully', data };
}

function renewDomains(ctx) {
	const { state, env, sim } = ctx;
	const names = stringArray(ctx.body.domains, 'domains');
	const domains = names.map((n) => ownedDomainByName(ctx, n));
	const now = Date.now();
	for (const d of domains) {
		const daysLeft = (Date.parse(d.expireOn) - now) / DAY_MS;
		const eligible = d.status === 'GRACE_PERIOD' || (d.status === 'ACTIVE' && daysLeft <= 45);
		if (!eligible) {
			throw unprocessable(
				d.status === 'EXPIRED'
					? `Domain ${d.domainName} is EXPIRED and can no longer be renewed`
					: `Domain ${d.domainName} is not eligible for renewal yet (the renewal window opens 45 days before expiry)`,
			);
		}
	}
	const cost = domains.reduce((s, d) => s + toCents(d.renewalPrice), 0);
	const actionId = state.newActionId();
	state.charge(env, cost, `Domain renewal: ${names.join(', ')}`, actionId);
	const fail = ctx.takeScenario() === 'renewal_failure';
	for (const d of domains) d.status = 'RENEWING';
	sim.runSequence(
		env,
		domains.map((d) => () => {
			if (fail) {
				d.status = Date.parse(d.expireOn) < Date.now() ? 'GRACE_PERIOD' : 'ACTIVE';
				state.refund(env, toCents(d.renewalPrice), `Refund: renewal of ${d.domainName} failed`, actionId);
				return [{ event: 'domain.renewal.failed', data: { userId: d.userId, userEmail: state.userEmail(d.userId), domainId: d.domainId, domainName: d.domainName, reason: 'Registrar rejected the renewal (simulated)', actionId } }];
			}
			d.expireOn = iso(Math.max(Date.parse(d.expireOn), Date.now()) + 365 * DAY_MS);
			d.status = 'ACTIVE';
			return [{ event: 'domain.renewal.success', data: { userId: d.userId, userEmail: state.userEmail(d.userId), domainId: d.domainId, domainName: d.domainName, expiryDate: d.expireOn, price: d.renewalPrice, actionId } }];
		}),
	);
	return {
		message: `Renewal queued for ${domains.length} domain(s)`,
		data: domains.map((d) => ({ domainName: d.domainName, domainId: d.domainId, renewalPrice: d.renewalPrice.toFixed(2) })),
		actionId,
	};
}

function toggleDomainAutoRenew(ctx) {
	const names = stringArray(ctx.body.domains, 'domains');
	const autoRenew = requireBoolean(ctx.body, 'autoRenew');
	const domains = names.map((n) => ownedDomainByName(ctx, n));
	for (const d of domains) d.autoRenew = autoRenew;
	return {
		message: `Auto-renew toggled ${autoRenew ? 'on' : 'off'} for ${domains.length} domain${domains.length === 1 ? '' : 's'}.`,
		data: domains.map((d) => ({ domainName: d.domainName, domainId: d.domainId, autoRenew: d.autoRenew })),
	};
}

function domainsByUser(ctx) {
	const userId = ctx.query.userId;
	let domains = ctx.user ? ctx.state.domainsOf(userId) : [];
	if (isNonEmptyString(ctx.query.status)) domains = domains.filter((d) => d.status === ctx.query.status.toUpperCase());
	const { items, pagination } = paginate(domains, ctx.query);
	return { message: 'Domains fetched successfully', data: { domains: items.map((d) => publicDomain(d, ctx.state)), pagination } };
}

function suggestDomains(ctx) {
	const keyword = ctx.body.keyword;
	if (!isNonEmptyString(keyword)) throw bad('Missing required field(s): keyword');
	const base = keyword.toLowerCase().replace(/[^a-z0-9-]/g, '');
	if (!base) throw bad('keyword must contain letters or digits');
	const names = [];
	for (const tld of ['com', 'net', 'io', 'co', 'org', 'info']) names.push(`${base}.${tld}`);
	for (const prefix of ['get', 'try', 'mail']) names.push(`${prefix}${base}.com`);
	for (const suffix of ['hq', 'team', 'mail']) names.push(`${base}${suffix}.com`);
	const data = names
		.filter((n) => isDomainName(n))
		.map((n) => ({ domainName: n, available: ctx.state.isDomainAvailable(n), price: PRICES.domainPerYear, currency: 'USD', years: 1 }));
	return { message: 'Domain suggestions fetched successfully', data };
}

function checkAvailability(ctx) {
	const name = ctx.body.domainName;
	if (!isNonEmptyString(name)) throw bad('Missing required field(s): domainName');
	if (!isDomainName(name.trim())) throw bad(`Invalid domain name: ${name}`);
	const n = name.trim().toLowerCase();
	const available = ctx.state.isDomainAvailable(n);
	return {
		message: available ? 'Domain is available' : 'Domain is not available',
		data: { domainName: n, available, price: PRICES.domainPerYear, currency: 'USD', years: 1 },
	};
}

/** A workspace "exists" for domains with mailboxes in the state or names starting with "workspace-". */
function hasWorkspace(state, name) {
	const n = String(name).toLowerCase();
	if (n.startsWith('workspace-')) return true;
	const d = state.domainByName(n);
	return !!d && state.mailboxesOfDomain(d.domainId).length > 0;
}

function checkWorkspace(ctx) {
	const { body, state } = ctx;
	if (Array.isArray(body.domains)) {
		if (body.domains.length === 0) throw bad('domains must not be empty');
		const data = body.domains.map((item) => {
			const name = typeof item === 'string' ? item : item?.domainName;
			if (!isNonEmptyString(name)) return { domainName: name ?? null, success: false, error: 'domainName is required' };
			if (item?.serviceProvider !== undefined && !PROVIDERS.includes(String(item.serviceProvider).toUpperCase())) {
				return { domainName: name, success: false, error: 'serviceProvider must be GOOGLE or MICROSOFT' };
			}
			return hasWorkspace(state, name)
				? { domainName: name, success: false, error: 'Workspace already exists' }
				: { domainName: name, success: true, message: 'Workspace not exists' };
		});
		return { message: 'Workspace check completed', data };
	}
	if (!isNonEmptyString(body.domainName)) throw bad('Missing required field(s): domainName (or domains[])');
	if (body.serviceProvider !== undefined) validateProvider(body.serviceProvider);
	if (hasWorkspace(state, body.domainName)) throw new HttpError(409, 'Workspace already exists');
	return { message: 'Workspace not exists', data: null };
}

function dnsEvent(ctx, action, domain, record) {
	return { event: 'dns-record.updated', data: { action, domainName: domain.domainName, userId: domain.userId, userEmail: ctx.state.userEmail(domain.userId), record } };
}

function addForwarding(ctx) {
	const { body, state, env, sim } = ctx;
	requireFields(body, ['domainName', 'forwardTo']);
	const d = ownedDomainByName(ctx, body.domainName);
	if (!/^https?:\/\//i.test(body.forwardTo)) throw bad('forwardTo must be a URL starting with http:// or https://');
	d.forwardTo = body.forwardTo;
	d.maskForwarding = toBool(body.maskForwarding) === true;
	const actionId = state.newActionId();
	sim.runSequence(env, [() => [withAction(dnsEvent(ctx, 'DOMAIN_FORWARDING_ADDED', d, { host: '@', value: d.forwardTo, recordType: 'URL', maskForwarding: d.maskForwarding }), actionId)]]);
	return { message: 'Domain forwarding will be added shortly', data: { domainName: d.domainName, forwardTo: d.forwardTo, maskForwarding: d.maskForwarding }, actionId };
}

function addEmailForwarding(ctx) {
	const { body, state, env, sim } = ctx;
	requireFields(body, ['domainName', 'forwardTo']);
	const d = ownedDomainByName(ctx, body.domainName);
	if (!isEmail(body.forwardTo)) throw bad('forwardTo must be an email address');
	const mailboxes = state.mailboxesOfDomain(d.domainId);
	if (mailboxes.length === 0 || mailboxes.some((m) => m.status !== 'ACTIVE')) {
		throw unprocessable(`Email forwarding needs every mailbox of ${d.domainName} to be ACTIVE`);
	}
	d.emailForwarding = body.forwardTo;
	const actionId = state.newActionId();
	sim.runSequence(env, [() => [withAction(dnsEvent(ctx, 'EMAIL_FORWARDING_ADDED', d, { host: '*', value: d.emailForwarding, recordType: 'FORWARD' }), actionId)]]);
	return { message: 'Email forwarding will be added shortly', data: { domainName: d.domainName, forwardTo: d.emailForwarding }, actionId };
}

function addClientId(ctx) {
	const { body, state } = ctx;
	requireFields(body, ['domains', 'clientId', 'appName']);
	const names = stringArray(body.domains, 'domains');
	const domains = names.map((n) => ownedDomainByName(ctx, n));
	if (!isNonEmptyString(String(body.clientId))) throw bad('clientId must not be empty');
	for (const d of domains) {
		if (d.serviceProvider !== 'GOOGLE') throw bad(`Domain ${d.domainName} is not a Google Workspace domain`);
		d.clientIds.push({ clientId: String(body.clientId), appName: body.appName });
	}
	return { message: 'Client ID will be added to the domains shortly', data: { domains: domains.map((d) => d.domainName), clientId: String(body.clientId), appName: body.appName }, actionId: state.newActionId() };
}

function removeDomains(ctx) {
	const { state } = ctx;
	const raw = ctx.body.domains ?? ctx.body.domainName ?? ctx.query.domains;
	const names = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
	const list = stringArray(names, 'domains');
	const domains = list.map((n) => ownedDomainByName(ctx, n));
	for (const d of domains) {
		const n = state.mailboxesOfDomain(d.domainId).length;
		if (n > 0) throw unprocessable(`Domain ${d.domainName} still has ${n} mailbox(es); remove the mailboxes first`);
	}
	for (const d of domains) state.domains.delete(d.domainId);
	return { message: `${domains.length} domain(s) will be removed shortly`, data: domains.map((d) => ({ domainName: d.domainName, domainId: d.domainId })), actionId: state.newActionId() };
}

// ---------------------------------------------------------------- DNS

function withAction(ev, actionId) {
	return { event: ev.event, data: { ...ev.data, actionId } };
}

function getDns(ctx) {
	const domainName = requireQuery(ctx.query, 'domain');
	const d = ownedDomainByName(ctx, domainName);
	return { message: 'DNS records fetched successfully', data: { records: d.dns.records, disabledRecords: d.dns.disabledRecords } };
}

function dmarcValue(value, domainName, excluded) {
	const tags = value.split(';').map((t) => t.trim()).filter(Boolean);
	const have = new Set(tags.map((t) => t.split('=')[0].trim().toLowerCase()));
	const defaults = {
		rua: `mailto:dmarc@${domainName}`,
		ruf: `mailto:dmarc@${domainName}`,
		fo: '0',
		rf: 'afrf',
		ri: '604800',
		pct: '100',
		sp: 'reject',
		aspf: 'r',
		adkim: 'r',
	};
	for (const tag of DMARC_DEFAULT_TAGS) {
		if (!have.has(tag) && !excluded.includes(tag)) tags.push(`${tag}=${defaults[tag]}`);
	}
	return tags.join('; ');
}

function validateRecord(r, i) {
	const where = i === undefined ? '' : `records[${i}].`;
	if (!r || typeof r !== 'object') throw bad(`${where || 'record'} must be an object`);
	const missing = ['host', 'value', 'recordType'].filter((k) => !isNonEmptyString(r[k]));
	if (missing.length) throw bad(`Missing required field(s): ${missing.map((m) => where + m).join(', ')}`);
	const type = r.recordType.toUpperCase();
	if (!RECORD_TYPES.includes(type)) throw bad(`${where}recordType must be one of ${RECORD_TYPES.join(', ')}`);
	if (r.excludedDMARCtags !== undefined) {
		if (!(type === 'TXT' && r.host.toLowerCase().startsWith('_dmarc'))) {
			throw bad(`${where}excludedDMARCtags is only allowed on TXT records whose host is _dmarc`);
		}
		if (!Array.isArray(r.excludedDMARCtags) || !r.excludedDMARCtags.every((t) => DMARC_DEFAULT_TAGS.includes(t))) {
			throw bad(`${where}excludedDMARCtags must be an array of: ${DMARC_DEFAULT_TAGS.join(', ')}`);
		}
	}
	return type;
}

function addDns(ctx) {
	const { body, state, env, sim } = ctx;
	requireFields(body, ['domain', 'records']);
	const d = ownedDomainByName(ctx, body.domain);
	if (!Array.isArray(body.records) || body.records.length === 0) throw bad('records must be a non-empty array');
	const created = body.records.map((r, i) => {
		const type = validateRecord(r, i);
		let value = r.value;
		if (type === 'TXT' && r.host.toLowerCase().startsWith('_dmarc') && /v=DMARC1/i.test(value)) {
			value = dmarcValue(value, d.domainName, r.excludedDMARCtags ?? []);
		}
		return { recordId: state.newId(), host: r.host, value, recordType: type, priority: r.priority ?? '' };
	});
	d.dns.records.push(...created);
	const actionId = state.newActionId();
	sim.runSequence(env, created.map((rec) => () => [withAction(dnsEvent(ctx, 'RECORD_CREATED', d, rec), actionId)]));
	return { message: `${created.length} DNS record(s) added`, data: { records: created }, actionId };
}

function updateDns(ctx) {
	const { body, state, env, sim } = ctx;
	requireFields(body, ['recordId', 'domain', 'host', 'value', 'recordType']);
	const d = ownedDomainByName(ctx, body.domain);
	const rec = d.dns.records.find((r) => r.recordId === body.recordId);
	if (!rec) throw notFound(`DNS record ${body.recordId} not found on ${d.domainName}`);
	const type = validateRecord(body);
	Object.assign(rec, { host: body.host, value: body.value, recordType: type, priority: body.priority ?? '' });
	const actionId = state.newActionId();
	sim.runSequence(env, [() => [withAction(dnsEvent(ctx, 'RECORD_UPDATED', d, rec), actionId)]]);
	return { message: 'DNS record updated', data: rec, actionId };
}

function deleteDns(ctx) {
	const { state, env, sim } = ctx;
	const recordId = ctx.query.recordId ?? ctx.body.recordId;
	if (!isNonEmptyString(recordId)) throw bad('Please provide a recordId');
	for (const d of state.domainsOf(ctx.user.id)) {
		const idx = d.dns.records.findIndex((r) => r.recordId === recordId);
		if (idx >= 0) {
			const [rec] = d.dns.records.splice(idx, 1);
			const actionId = state.newActionId();
			sim.runSequence(env, [() => [withAction(dnsEvent(ctx, 'RECORD_DELETED', d, rec), actionId)]]);
			return { message: 'DNS record deleted', data: { recordId, domain: d.domainName }, actionId };
		}
	}
	throw notFound(`DNS record ${recordId} not found for this user`);
}

function updateNameservers(ctx) {
	const { state, env, sim } = ctx;
	const domainName = ctx.query.domain ?? ctx.body.domain;
	if (!isNonEmptyString(domainName)) throw bad('Please provide a domain');
	const d = ownedDomainByName(ctx, domainName);
	const ns = stringArray(ctx.body.nameservers, 'nameservers');
	if (ns.length < 2) throw bad('nameservers must list at least two nameservers');
	if (!ns.every(isDomainName)) throw bad('nameservers must be host names like ns1.example.com');
	d.nameservers = ns.map((n) => n.toLowerCase());
	const actionId = state.newActionId();
	sim.runSequence(env, [() => [withAction(dnsEvent(ctx, 'NAMESERVERS_UPDATED', d, { host: '@', value: d.nameservers.join(','), recordType: 'NS' }), actionId)]]);
	return { message: 'Nameservers will update shortly (propagation can take up to 48 hours)', data: { domain: d.domainName, nameservers: d.nameservers }, actionId };
}

// ---------------------------------------------------------------- orders

function ownedOrder(ctx, orderId) {
	if (!isNonEmptyString(orderId)) throw bad('Please provide an orderId');
	const o = ctx.state.orders.get(orderId);
	if (!o || o.userId !== ctx.user.id) throw notFound(`Order ${orderId} not found for this user`);
	return o;
}

function getOrder(ctx) {
	if (!isNonEmptyString(ctx.query.orderId)) {
		const orders = [...ctx.state.orders.values()].filter((o) => o.userId === ctx.user.id).reverse();
		const { items, pagination } = paginate(orders, ctx.query);
		return { message: 'Orders fetched successfully', data: { orders: items.map(publicOrder), pagination } };
	}
	return { message: 'Order fetched successfully', data: publicOrder(ownedOrder(ctx, ctx.query.orderId)) };
}

function getOrderStatus(ctx) {
	const o = ownedOrder(ctx, ctx.query.orderId);
	return {
		message: 'Order status fetched successfully',
		data: { orderId: o.orderId, status: o.status, statusReason: o.statusReason, type: o.type, updatedAt: o.updatedAt },
	};
}

function newOrder(ctx, fields) {
	const now = ctx.state.now();
	const order = {
		orderId: ctx.state.newId(),
		userId: ctx.user.id,
		status: 'PENDING',
		statusReason: null,
		environment: ctx.env,
		actionId: ctx.state.newActionId(),
		currency: 'USD',
		createdAt: now,
		updatedAt: now,
		...fields,
	};
	ctx.state.orders.set(order.orderId, order);
	return order;
}

function setOrderStatus(state, order, status, reason = null) {
	order.status = status;
	order.statusReason = reason;
	order.updatedAt = state.now();
}

function createOrder(ctx) {
	const { body, state } = ctx;
	if (!Array.isArray(body.domains) || body.domains.length === 0) throw bad('Missing required field(s): domains (a non-empty array of {domain, years})');
	const seen = new Set();
	const domains = body.domains.map((item, i) => {
		if (!item || typeof item !== 'object' || !isNonEmptyString(item.domain)) throw bad(`domains[${i}].domain is required`);
		const name = item.domain.trim().toLowerCase();
		if (!isDomainName(name)) throw bad(`domains[${i}].domain is not a valid domain name: ${item.domain}`);
		if (seen.has(name)) throw bad(`domains: ${name} is listed twice`);
		seen.add(name);
		const years = item.years === undefined ? undefined : Number(item.years);
		if (!Number.isInteger(years) || years < 1 || years > 10) throw bad(`domains[${i}].years must be an integer between 1 and 10`);
		if (item.forwardTo !== undefined && !/^https?:\/\//i.test(String(item.forwardTo))) throw bad(`domains[${i}].forwardTo must be a URL`);
		return { domain: name, years, forwardTo: item.forwardTo ?? null };
	});
	const mailboxes = parseMailboxMap(state, body.mailboxes, seen);
	const serviceProvider = validateProvider(body.serviceProvider);
	const billingCycle = validateBillingCycle(body.billingCycle);
	validateGoogle(body.google);
	if (body.microsoftOauthRoute !== undefined && !isNonEmptyString(body.microsoftOauthRoute)) throw bad('microsoftOauthRoute must be a non-empty string');
	const confirm = toBool(body.confirm) === true;

	const unavailableDomains = domains.filter((d) => !state.isDomainAvailable(d.domain)).map((d) => d.domain);
	const available = domains.filter((d) => !unavailableDomains.includes(d.domain));
	if (available.length === 0) throw unprocessable(`None of the requested domains are available: ${unavailableDomains.join(', ')}`);
	const orderedMailboxes = mailboxes.filter((m) => !unavailableDomains.includes(m.domainName));
	const domainCents = available.reduce((s, d) => s + d.years * toCents(PRICES.domainPerYear), 0);
	const mailboxCents = orderedMailboxes.length * toCents(PRICES.mailbox);
	const totalCents = ctx.env === 'sandbox' ? 0 : domainCents + mailboxCents;
	if (confirm && !state.canAfford(ctx.env, totalCents)) {
		throw unprocessable(`Insufficient wallet balance: the order costs ${money(totalCents).toFixed(2)} USD, the wallet holds ${state.balance.toFixed(2)} USD`);
	}
	const order = newOrder(ctx, {
		type: 'DOMAIN_MAILBOX',
		confirm,
		serviceProvider,
		billingCycle,
		autoRenew: toBool(body.autoRenew) ?? false,
		domains: available.map((d) => ({ ...d, domainId: null, status: 'PENDING' })),
		mailboxes: groupMailboxes(orderedMailboxes),
		unavailableDomains,
		totalPrice: money(totalCents),
		costs: { domains: domainCents, mailboxes: mailboxCents },
		scenario: ctx.peekHeaderScenario(),
	});
	if (confirm) startOrder(ctx, order);
	return {
		message: confirm ? 'Order created and queued for processing' : 'Order created; process it with POST /orders/process',
		data: { orderId: order.orderId, unavailableDomains, totalPrice: order.totalPrice, currency: 'USD', status: order.status },
		actionId: order.actionId,
	};
}

function groupMailboxes(list) {
	const out = {};
	for (const m of list) (out[m.domainName] ??= []).push({ username: m.username, firstName: m.firstName, lastName: m.lastName, profilePicture: m.profilePicture, onWarmup: m.onWarmup });
	return out;
}

function flattenMailboxes(map) {
	return Object.entries(map).flatMap(([domainName, list]) => list.map((m) => ({ domainName, ...m })));
}

function createMailboxOrder(ctx) {
	const { body, state } = ctx;
	// rules.js has checked that exactly one of subscriptionId and domainId is given
	const hasSub = body.subscriptionId !== undefined;
	let domain;
	let subscription = null;
	if (hasSub) {
		subscription = state.subscriptions.get(body.subscriptionId);
		if (!subscription || subscription.userId !== ctx.user.id) throw notFound(`Subscription ${body.subscriptionId} not found for this user`);
		if (subscription.subscriptionStatus !== 'ACTIVE') {
			throw unprocessable(`Subscription ${subscription.subscriptionId} is ${subscription.subscriptionStatus}; mailboxes can only be added to an ACTIVE subscription`);
		}
		domain = state.domains.get(subscription.domainId);
	} else {
		domain = state.domains.get(body.domainId);
		if (!domain || domain.userId !== ctx.user.id) throw notFound(`Domain ${body.domainId} not found for this user`);
		const current = domain.subscriptionId ? state.subscriptions.get(domain.subscriptionId) : null;
		if (current && current.subscriptionStatus !== 'CANCELLED') {
			throw unprocessable(`Domain ${domain.domainName} has a ${current.subscriptionStatus} subscription (${current.subscriptionId}); use subscriptionId instead`);
		}
	}
	if (!domain || domain.status !== 'ACTIVE') throw unprocessable(`Domain ${domain?.domainName ?? ''} is not ACTIVE`.trim());
	const mailboxes = parseMailboxMap(state, body.mailboxes, new Set([domain.domainName]));
	if (mailboxes.length === 0) throw bad(`mailboxes must list at least one mailbox for ${domain.domainName}`);
	validateGoogle(body.google);
	const billingCycle = validateBillingCycle(body.billingCycle);
	const confirm = toBool(body.confirm) === true;
	const totalCents = ctx.env === 'sandbox' ? 0 : mailboxes.length * toCents(PRICES.mailbox);
	if (confirm && !state.canAfford(ctx.env, totalCents)) {
		throw unprocessable(`Insufficient wallet balance: the order costs ${money(totalCents).toFixed(2)} USD, the wallet holds ${state.balance.toFixed(2)} USD`);
	}
	const order = newOrder(ctx, {
		type: 'MAILBOX',
		confirm,
		serviceProvider: domain.serviceProvider,
		billingCycle,
		autoRenew: toBool(body.autoRenew) ?? false,
		subscriptionId: subscription?.subscriptionId ?? null,
		domainId: domain.domainId,
		domains: [],
		mailboxes: groupMailboxes(mailboxes),
		unavailableDomains: [],
		totalPrice: money(totalCents),
		costs: { domains: 0, mailboxes: totalCents },
		scenario: ctx.peekHeaderScenario(),
	});
	if (confirm) startOrder(ctx, order);
	return {
		status: confirm ? 200 : 201,
		message: confirm ? 'Mailbox order created and queued for processing' : 'Mailbox order created; process it with POST /orders/process',
		data: { orderId: order.orderId, totalPrice: order.totalPrice, currency: 'USD', status: order.status },
		actionId: order.actionId,
	};
}

function processOrder(ctx) {
	const { state } = ctx;
	const orderId = ctx.body.orderId ?? ctx.query.orderId;
	const order = ownedOrder(ctx, orderId);
	if (order.status !== 'PENDING') throw unprocessable(`Order ${order.orderId} is ${order.status}; only orders created with confirm:false can be processed`);
	if (order.type === 'DOMAIN_MAILBOX') {
		const gone = order.domains.filter((d) => !state.isDomainAvailable(d.domain)).map((d) => d.domain);
		if (gone.length) throw unprocessable(`Domain(s) no longer available: ${gone.join(', ')}`);
	}
	const totalCents = order.environment === 'sandbox' ? 0 : toCents(order.totalPrice);
	if (!state.canAfford(order.environment, totalCents)) {
		throw unprocessable(`Insufficient wallet balance: the order costs ${money(totalCents).toFixed(2)} USD, the wallet holds ${state.balance.toFixed(2)} USD`);
	}
	order.confirm = true;
	order.actionId = state.newActionId();
	if (ctx.peekHeaderScenario()) order.scenario = ctx.peekHeaderScenario();
	startOrder(ctx, order);
	return { message: 'Order queued for processing', data: { orderId: order.orderId, status: order.status, totalPrice: order.totalPrice, currency: 'USD' }, actionId: order.actionId };
}

/** Charges the wallet and plays out the order lifecycle as webhooks. */
function startOrder(ctx, order) {
	const { state, sim } = ctx;
	const env = order.environment;
	const totalCents = env === 'sandbox' ? 0 : toCents(order.totalPrice);
	state.charge(env, totalCents, `Order ${order.orderId}`, order.orderId);
	const scenario = ctx.takeScenario(order.scenario);
	order.scenario = scenario;
	setOrderStatus(state, order, 'PROCESSING');
	const user = state.getUser(order.userId);
	const base = () => ({ userId: order.userId, userEmail: user?.email ?? null, orderId: order.orderId, actionId: order.actionId });
	const steps = [];
	let stopped = false;
	const mailboxList = flattenMailboxes(order.mailboxes);

	if (order.type === 'DOMAIN_MAILBOX') {
		const domainFail = scenario === 'domain_failure' || scenario === 'workspace_conflict';
		for (const item of order.domains) {
			const domain = state.addDomain({
				userId: order.userId,
				domainName: item.domain,
				status: 'PENDING',
				provider: order.serviceProvider,
				years: item.years,
				autoRenew: false,
				forwardTo: item.forwardTo,
				sandbox: env === 'sandbox',
				price: PRICES.domainPerYear * item.years,
			});
			item.domainId = domain.domainId;
			steps.push(() => {
				if (domainFail) {
					state.domains.delete(domain.domainId);
					state.usedDomainNames.delete(domain.domainName);
					item.status = 'FAILED';
					const reason = scenario === 'workspace_conflict' ? 'Workspace validation failed' : 'Domain registration failed at the registrar (simulated)';
					if (!stopped) {
						stopped = true;
						state.refund(env, totalCents, `Refund: order ${order.orderId} failed`, order.orderId);
						setOrderStatus(state, order, 'FAILED', reason);
					}
					return [{ event: 'domain.order.failed', data: { ...base(), domainName: domain.domainName, reason } }];
				}
				domain.status = 'ACTIVE';
				domain.createdAt = state.now();
				domain.expireOn = iso(Date.now() + item.years * 365 * DAY_MS);
				item.status = 'SUCCESS';
				return [{ event: 'domain.order.success', data: { ...base(), domainId: domain.domainId, domainName: domain.domainName, creationTime: domain.createdAt, expiryDate: domain.expireOn, price: domain.price } }];
			});
		}
	}

	// Mailbox phase: one mailbox.order.success|failed per domain, then one mailbox.created per mailbox.
	const byDomain = new Map();
	for (const m of mailboxList) {
		if (!byDomain.has(m.domainName)) byDomain.set(m.domainName, []);
		byDomain.get(m.domainName).push(m);
	}
	const created = [];
	for (const [domainName, list] of byDomain) {
		steps.push(() => {
			if (stopped) return null;
			const domain = state.domainByName(domainName);
			if (!domain) return null;
			const priceCents = env === 'sandbox' ? 0 : list.length * toCents(PRICES.mailbox);
			if (scenario === 'mailbox_failure') {
				state.refund(env, priceCents, `Refund: mailbox order ${order.orderId} failed`, order.orderId);
				setOrderStatus(state, order, 'FAILED', 'Mailbox provisioning failed (simulated)');
				return [{ event: 'mailbox.order.failed', data: { ...base(), domainId: domain.domainId, domainName, workspaceType: domain.serviceProvider, quantity: list.length, reason: 'Mailbox provisioning failed (simulated)' } }];
			}
			let sub = order.subscriptionId ? state.subscriptions.get(order.subscriptionId) : null;
			if (!sub) {
				sub = state.addSubscription({ domain, autoRenew: order.autoRenew, sandbox: env === 'sandbox' });
				if (order.type === 'MAILBOX') order.subscriptionId = sub.subscriptionId;
			}
			for (const m of list) {
				created.push(
					state.addMailbox({
						domain,
						subscriptionId: sub.subscriptionId,
						username: m.username,
						firstName: m.firstName,
						lastName: m.lastName,
						status: 'CREATING_PASSWORD',
						orderId: order.orderId,
						profilePicture: m.profilePicture,
						onWarmup: m.onWarmup,
						sandbox: env === 'sandbox',
						isAdmin: state.mailboxesOfDomain(domain.domainId).length === 0,
					}),
				);
			}
			return [{ event: 'mailbox.order.success', data: { ...base(), domainId: domain.domainId, domainName, subscriptionId: sub.subscriptionId, workspaceType: domain.serviceProvider, creationTime: state.now(), expiryDate: sub.periodEnd, price: money(priceCents), quantity: list.length } }];
		});
	}
	for (let i = 0; i < mailboxList.length; i++) {
		steps.push(() => {
			if (stopped || order.status === 'FAILED') return null;
			const m = created[i];
			if (!m) return [];
			m.status = 'ACTIVE';
			if (m.warmup) m.warmup.status = 'ACTIVE';
			return [{
				event: 'mailbox.created',
				data: {
					...base(),
					mailboxId: m.mailboxId,
					subscriptionId: m.subscriptionId,
					domainId: m.domainId,
					domain: m.domain,
					email: m.email,
					firstName: m.firstName,
					lastName: m.lastName,
					profilePicture: m.profilePicture,
					workspaceType: m.serviceProvider,
					password: m.credentials.password,
					appPassword: m.credentials.appPassword,
					authenticatorSecret: m.credentials.authenticatorSecret,
					onWarmup: !!m.warmup,
					status: m.status,
				},
			}];
		});
	}
	steps.push(() => {
		if (order.status === 'PROCESSING') setOrderStatus(state, order, 'COMPLETED');
		return [];
	});
	sim.runSequence(env, steps);
}

// ---------------------------------------------------------------- mailboxes

function listMailboxes(ctx, mailboxes) {
	let list = mailboxes;
	const q = ctx.query;
	if (isNonEmptyString(q.status)) list = list.filter((m) => m.status === q.status.toUpperCase());
	if (isNonEmptyString(q.domain)) list = list.filter((m) => m.domain === q.domain.toLowerCase());
	if (isNonEmptyString(q.search)) list = list.filter((m) => m.email.includes(q.search.toLowerCase()));
	const { items, pagination } = paginate(list, q);
	return { message: 'Mailboxes fetched successfully', data: { mailboxes: items.map(publicMailbox), pagination } };
}

function getAllMailboxes(ctx) {
	const userId = ctx.query.userId;
	if (isNonEmptyString(userId)) {
		if (!ctx.state.getUser(userId)) throw notFound('The requested user does not exist.');
		return listMailboxes(ctx, ctx.state.mailboxesOf(userId));
	}
	return listMailboxes(ctx, [...ctx.state.mailboxes.values()]);
}

function getUserMailboxes(ctx) {
	return listMailboxes(ctx, ctx.state.mailboxesOf(ctx.user.id));
}

function getMailbox(ctx) {
	const m = anyMailbox(ctx, ctx.query.mailboxId);
	return { message: 'Mailbox fetched successfully', data: publicMailbox(m) };
}

function getMailboxAdminDetails(ctx) {
	const m = ownedMailbox(ctx, ctx.query.mailboxId);
	const admin = ctx.state.mailboxesOfDomain(m.domainId).find((x) => x.isAdmin) ?? m;
	return {
		message: 'Mailbox admin details fetched successfully',
		data: {
			mailboxId: m.mailboxId,
			email: m.email,
			domain: m.domain,
			workspaceType: m.serviceProvider,
			status: m.status,
			isAdmin: m.isAdmin,
			adminEmail: admin.email,
			password: m.credentials.password,
			appPassword: m.credentials.appPassword,
			authenticatorSecret: m.credentials.authenticatorSecret,
		},
	};
}

function applyMailboxUpdate(ctx, item) {
	if (!item || typeof item !== 'object') throw bad('mailboxData must be an object or an array of objects');
	const m = ownedMailbox(ctx, item.mailboxId);
	const updated = {};
	if (item.userName !== undefined) {
		if (!isNonEmptyString(item.userName) || !/^[a-z0-9._-]+$/i.test(item.userName)) throw bad('userName is not a valid mailbox username');
		const email = `${item.userName.toLowerCase()}@${m.domain}`;
		if (email !== m.email && [...ctx.state.mailboxes.values()].some((x) => x.email === email)) throw new HttpError(409, `Mailbox ${email} already exists`);
		updated.userName = item.userName.toLowerCase();
	}
	for (const k of ['firstName', 'lastName', 'profilePicture']) {
		if (item[k] !== undefined) {
			if (!isNonEmptyString(item[k])) throw bad(`${k} must be a non-empty string`);
			updated[k] = item[k];
		}
	}
	if (toBool(item.removeProfilePicture) === true) updated.profilePicture = null;
	if (Object.keys(updated).length === 0) throw bad('Nothing to update: give userName, firstName, lastName, profilePicture or removeProfilePicture');
	if (m.status !== 'ACTIVE') throw unprocessable(`Mailbox ${m.mailboxId} is ${m.status}; only ACTIVE mailboxes can be updated`);
	if (updated.userName) {
		m.username = updated.userName;
		m.email = `${updated.userName}@${m.domain}`;
	}
	for (const k of ['firstName', 'lastName', 'profilePicture']) if (k in updated) m[k] = updated[k];
	return { mailbox: m, updatedFields: updated };
}

function updateMailbox(ctx) {
	const { body, state, env, sim } = ctx;
	if (body.mailboxData === undefined) throw bad('Missing required field(s): mailboxData');
	const actionId = state.newActionId();
	const event = ({ mailbox, updatedFields }) => ({
		event: 'mailbox.updated',
		data: { userId: mailbox.userId, userEmail: state.userEmail(mailbox.userId), mailboxId: mailbox.mailboxId, email: mailbox.email, domain: mailbox.domain, updatedFields, actionId },
	});
	if (Array.isArray(body.mailboxData)) {
		if (body.mailboxData.length === 0) throw bad('mailboxData must not be empty');
		const done = [];
		const data = body.mailboxData.map((item) => {
			try {
				const r = applyMailboxUpdate(ctx, item);
				done.push(r);
				return { mailboxId: r.mailbox.mailboxId, success: true, message: 'Mailbox details will update shortly' };
			} catch (err) {
				return { mailboxId: item?.mailboxId ?? null, success: false, message: err.message };
			}
		});
		sim.runSequence(env, done.map((r) => () => [event(r)]));
		return { message: 'Mailbox details will update shortly', data, actionId };
	}
	const r = applyMailboxUpdate(ctx, body.mailboxData);
	sim.runSequence(env, [() => [event(r)]]);
	return { message: 'Mailbox details will update shortly', data: null, actionId };
}

function removeMailbox(ctx) {
	const { state } = ctx;
	const m = ownedMailbox(ctx, ctx.body.mailboxId ?? ctx.query.mailboxId);
	const sub = m.subscriptionId ? state.subscriptions.get(m.subscriptionId) : null;
	if (sub && sub.subscriptionStatus === 'ACTIVE' && Date.parse(sub.periodEnd) - Date.now() < DAY_MS) {
		throw unprocessable('Mailboxes can only be removed earlier than 24 hours before the subscription expiry');
	}
	state.mailboxes.delete(m.mailboxId);
	return { message: 'Mailbox will be removed shortly', data: null, actionId: state.newActionId() };
}

// ---------------------------------------------------------------- warmup

function warmupMailbox(ctx) {
	return anyMailbox(ctx, ctx.query.mailboxId ?? ctx.body.mailboxId);
}

function warmupEventData(state, m, actionId) {
	return { userId: m.userId, userEmail: state.userEmail(m.userId), mailboxId: m.mailboxId, email: m.email, domain: m.domain, workspaceType: m.serviceProvider, actionId };
}

function addWarmup(ctx) {
	const { state, env, sim } = ctx;
	const m = warmupMailbox(ctx);
	if (m.status !== 'ACTIVE') throw unprocessable(`Mailbox ${m.mailboxId} is ${m.status}; warmup needs an ACTIVE mailbox`);
	if (m.warmup && m.warmup.status !== 'STOPPED') throw new HttpError(409, `Warmup is already ${m.warmup.status} on ${m.email}`);
	const sub = m.subscriptionId ? state.subscriptions.get(m.subscriptionId) : null;
	const daysRemaining = sub ? Math.max(1, Math.ceil((Date.parse(sub.periodEnd) - Date.now()) / DAY_MS)) : 30;
	const cents = Math.round((toCents(PRICES.warmupPerMonth) * Math.min(daysRemaining, 30)) / 30);
	const actionId = state.newActionId();
	const charged = state.charge(env, cents, `Warmup for ${m.email} (${daysRemaining} days prorated)`, actionId);
	m.warmup = { status: 'PENDING', settings: m.warmup?.settings ?? defaultWarmupSettings(), startedAt: state.now() };
	sim.runSequence(env, [() => {
		if (!m.warmup || m.warmup.status !== 'PENDING') return [];
		m.warmup.status = 'ACTIVE';
		return [{ event: 'mailbox.warmup.started', data: warmupEventData(state, m, actionId) }];
	}]);
	return { message: 'Warmup will start shortly', data: { mailboxId: m.mailboxId, status: 'PENDING', charged: money(charged), currency: 'USD' }, actionId };
}

function toggleWarmup(ctx) {
	const m = warmupMailbox(ctx);
	if (!m.warmup || m.warmup.status === 'STOPPED') throw unprocessable(`Warmup is not enabled on ${m.email}`);
	if (m.warmup.status === 'PENDING') throw unprocessable(`Warmup on ${m.email} is still PENDING`);
	m.warmup.status = m.warmup.status === 'ACTIVE' ? 'PAUSED' : 'ACTIVE';
	return { message: m.warmup.status === 'PAUSED' ? 'Warmup paused' : 'Warmup resumed', data: { status: m.warmup.status }, actionId: ctx.state.newActionId() };
}

function removeWarmup(ctx) {
	const { state, env, sim } = ctx;
	const m = warmupMailbox(ctx);
	if (!m.warmup || m.warmup.status === 'STOPPED') throw unprocessable(`Warmup is not enabled on ${m.email}`);
	m.warmup.status = 'STOPPED';
	const actionId = state.newActionId();
	sim.runSequence(env, [() => [{ event: 'mailbox.warmup.removed', data: warmupEventData(state, m, actionId) }]]);
	return { message: 'Warmup will be removed shortly', data: { mailboxId: m.mailboxId, status: 'STOPPED' }, actionId };
}

const WARMUP_NUMBERS = ['warmupLimit', 'minimumWarmupLimit', 'increasePerDay', 'minimumDelayBetweenWarmupEmails', 'maximumDelayBetweenWarmupEmails'];
const WARMUP_RATES = ['warmupReplyRate', 'warmupOpenRate', 'warmupSpamProtectionRate'];
const WARMUP_BOOLS = ['warmupOnWeekdays', 'warmupDisableSlow'];

function updateWarmupSettings(ctx) {
	const m = warmupMailbox(ctx);
	if (!m.warmup || m.warmup.status === 'STOPPED') throw unprocessable(`Warmup is not enabled on ${m.email}`);
	const body = ctx.body;
	const next = { ...m.warmup.settings };
	let changed = 0;
	for (const k of WARMUP_NUMBERS) {
		if (body[k] === undefined) continue;
		if (typeof body[k] !== 'number' || body[k] < 0) throw bad(`${k} must be a non-negative number`);
		next[k] = body[k];
		changed++;
	}
	for (const k of WARMUP_RATES) {
		if (body[k] === undefined) continue;
		if (typeof body[k] !== 'number' || body[k] < 0 || body[k] > 1) throw bad(`${k} must be a number between 0 and 1`);
		next[k] = body[k];
		changed++;
	}
	for (const k of WARMUP_BOOLS) {
		if (body[k] === undefined) continue;
		if (typeof body[k] !== 'boolean') throw bad(`${k} must be a boolean`);
		next[k] = body[k];
		changed++;
	}
	if (!changed) throw bad(`Provide at least one setting: ${[...WARMUP_NUMBERS, ...WARMUP_RATES, ...WARMUP_BOOLS].join(', ')}`);
	if (next.minimumWarmupLimit > next.warmupLimit) throw bad('minimumWarmupLimit must not exceed warmupLimit');
	if (next.minimumDelayBetweenWarmupEmails > next.maximumDelayBetweenWarmupEmails) throw bad('minimumDelayBetweenWarmupEmails must not exceed maximumDelayBetweenWarmupEmails');
	m.warmup.settings = next;
	return { message: 'Warmup settings updated', data: { mailboxId: m.mailboxId, status: m.warmup.status, settings: next } };
}

// ---------------------------------------------------------------- subscriptions

function listSubscriptions(ctx) {
	const q = ctx.query;
	let subs = [...ctx.state.subscriptions.values()];
	if (isNonEmptyString(q.status)) subs = subs.filter((s) => s.subscriptionStatus === q.status.toUpperCase());
	if (isNonEmptyString(q.componentSubscriptionId)) subs = subs.filter((s) => s.subscriptionId === q.componentSubscriptionId);
	if (isNonEmptyString(q.domain)) subs = subs.filter((s) => s.domain === q.domain.toLowerCase());
	if (isNonEmptyString(q.userId)) subs = subs.filter((s) => s.userId === q.userId);
	const { items, pagination } = paginate(subs, q, 50);
	return { message: 'Subscriptions fetched successfully', data: { subscriptions: items.map((s) => publicSubscription(s, ctx.state)), pagination } };
}

function findSubscriptions(ctx, ids) {
	return ids.map((id) => {
		const s = ctx.state.subscriptions.get(id);
		if (!s) throw notFound(`Subscription ${id} not found`);
		return s;
	});
}

function renewSubscriptions(ctx) {
	const { state, env, sim } = ctx;
	const ids = stringArray(ctx.body.subscriptionIds, 'subscriptionIds');
	const subs = findSubscriptions(ctx, ids);
	for (const s of subs) {
		if (!['ACTIVE', 'PAST_DUE'].includes(s.subscriptionStatus)) throw unprocessable(`Subscription ${s.subscriptionId} is ${s.subscriptionStatus} and cannot be renewed`);
	}
	const actionId = state.newActionId();
	const forceFail = ctx.takeScenario() === 'renewal_failure';
	const steps = [];
	for (const s of subs) {
		steps.push(() => {
			s.previousStatus = s.subscriptionStatus;
			s.subscriptionStatus = 'RENEWING';
			return [{ event: 'subscription.renewing', data: { ...subscriptionEventData(s, state, 'Subscription renewal started'), actionId } }];
		});
		steps.push(() => {
			const domain = state.domains.get(s.domainId);
			const cents = env === 'sandbox' ? 0 : state.mailboxesOfSubscription(s.subscriptionId).length * toCents(s.pricePerMailbox);
			let reason = null;
			if (forceFail) reason = 'Renewal failed (simulated)';
			else if (domain && ['GRACE_PERIOD', 'EXPIRED'].includes(domain.status)) reason = `Domain ${domain.domainName} is ${domain.status}; renew the domain first`;
			else if (!state.canAfford(env, cents)) reason = 'Insufficient wallet balance';
			if (reason) {
				s.subscriptionStatus = 'PAST_DUE';
				const data = subscriptionEventData(s, state, reason);
				return [
					{ event: 'subscription.renewal.failed', data: { ...data, reason, actionId } },
					{ event: 'subscription.past_due', data: { ...data, actionId } },
				];
			}
			state.charge(env, cents, `Subscription renewal ${s.subscriptionId}`, actionId);
			const start = Math.max(Date.parse(s.periodEnd), Date.now() - DAY_MS);
			s.periodStart = iso(start);
			s.periodEnd = iso(start + 30 * DAY_MS);
			s.subscriptionStatus = 'ACTIVE';
			s.cycleCount += 1;
			for (const m of state.mailboxesOfSubscription(s.subscriptionId)) if (m.status === 'EXPIRED') m.status = 'ACTIVE';
			const events = [{ event: 'subscription.renewal.success', data: { ...subscriptionEventData(s, state, 'Subscription renewed'), price: money(cents), actionId } }];
			if (s.cycleCount === 13 && s.pricePerMailbox !== PRICES.mailboxAfterYear) {
				s.pricePerMailbox = PRICES.mailboxAfterYear;
				events.push({ event: 'subscription.updated', data: { ...subscriptionEventData(s, state, `Subscription crossed 12 months; price per mailbox is now ${PRICES.mailboxAfterYear.toFixed(2)} USD`), pricePerMailbox: s.pricePerMailbox, actionId } });
			}
			return events;
		});
	}
	sim.runSequence(env, steps);
	return { message: 'Subscriptions added for renewal. Please ensure you have enough balance to renew the subscriptions.', data: null, actionId };
}

function toggleSubscriptionAutoRenew(ctx) {
	const ids = stringArray(ctx.body.subscriptionIds ?? ctx.body.subscriptionId, 'subscriptionIds', { allowString: true });
	const autoRenew = requireBoolean(ctx.body, 'autoRenew');
	const subs = findSubscriptions(ctx, ids);
	for (const s of subs) s.autoRenew = autoRenew;
	return {
		message: `Auto renewal ${autoRenew ? 'enabled' : 'disabled'} for ${subs.length} subscription(s)`,
		data: subs.map((s) => ({ subscriptionId: s.subscriptionId, autoRenew: s.autoRenew })),
	};
}

function cancelSubscription(ctx) {
	const { state, env, sim, body } = ctx;
	let s;
	if (isNonEmptyString(body.subscriptionId)) {
		s = state.subscriptions.get(body.subscriptionId);
		if (!s) throw notFound(`Subscription ${body.subscriptionId} not found`);
	} else if (isNonEmptyString(body.domain)) {
		const d = state.domainByName(body.domain);
		s = d?.subscriptionId ? state.subscriptions.get(d.subscriptionId) : undefined;
		if (!s) throw notFound(`No subscription found for domain ${body.domain}`);
	} else {
		throw bad('Please provide a subscriptionId or a domain');
	}
	if (['CANCELLED', 'EXPIRED'].includes(s.subscriptionStatus)) throw unprocessable(`Subscription ${s.subscriptionId} is already ${s.subscriptionStatus}`);
	if (Date.parse(s.periodEnd) - Date.now() < DAY_MS) throw unprocessable('Cancellation must be requested at least 24 hours before the expiry date');
	const quantity = state.mailboxesOfSubscription(s.subscriptionId).length;
	s.subscriptionStatus = 'CANCELLED';
	for (const m of state.mailboxesOfSubscription(s.subscriptionId)) state.mailboxes.delete(m.mailboxId);
	const actionId = state.newActionId();
	sim.runSequence(env, [() => [{ event: 'subscription.cancelled', data: { ...subscriptionEventData(s, state, 'Subscription cancelled; workspace deleted'), quantity, actionId } }]]);
	return { message: 'Subscription will be cancelled successfully', data: null, actionId };
}

function recreateSubscriptions(ctx) {
	const { state, body } = ctx;
	let subs;
	if (body.subscriptionIds !== undefined) subs = findSubscriptions(ctx, stringArray(body.subscriptionIds, 'subscriptionIds'));
	else if (body.domainNames !== undefined) {
		subs = stringArray(body.domainNames, 'domainNames').map((n) => {
			const d = state.domainByName(n);
			const s = d?.subscriptionId ? state.subscriptions.get(d.subscriptionId) : undefined;
			if (!s) throw notFound(`No subscription found for domain ${n}`);
			return s;
		});
	} else throw bad('Please provide subscriptionIds or domainNames');
	for (const s of subs) if (s.subscriptionStatus !== 'ACTIVE') throw unprocessable(`Subscription ${s.subscriptionId} is ${s.subscriptionStatus}; only ACTIVE subscriptions can be recreated`);
	const data = subs.map((old) => {
		const domain = state.domains.get(old.domainId);
		const fresh = state.addSubscription({ domain, autoRenew: old.autoRenew, cycleCount: 1, sandbox: old.sandbox, pricePerMailbox: PRICES.mailbox });
		for (const m of state.mailboxesOfSubscription(old.subscriptionId)) m.subscriptionId = fresh.subscriptionId;
		state.subscriptions.delete(old.subscriptionId);
		return { oldSubscriptionId: old.subscriptionId, newSubscriptionId: fresh.subscriptionId, domain: fresh.domain };
	});
	return { message: 'Subscriptions will be recreated shortly', data, actionId: state.newActionId() };
}

// ---------------------------------------------------------------- exports

function reexportOauth(ctx) {
	const { body, state, env, sim } = ctx;
	const m = ownedMailbox(ctx, body.mailboxId);
	if (m.status !== 'ACTIVE') throw unprocessable(`Mailbox ${m.mailboxId} is ${m.status}; only ACTIVE mailboxes can be exported`);
	if (m.serviceProvider === 'GOOGLE') {
		if (!body.google) throw bad('google {googleOauthRoute, clientId, appName} is required for a GOOGLE mailbox');
		if (body.microsoft || body.microsoftOauthRoute) throw bad('Do not send Microsoft configuration for a GOOGLE mailbox');
		validateGoogle(body.google);
	} else {
		const route = body.microsoft?.microsoftOauthRoute ?? body.microsoftOauthRoute;
		if (!isNonEmptyString(route)) throw bad('microsoft {microsoftOauthRoute} is required for a MICROSOFT mailbox');
		if (body.google) throw bad('Do not send Google configuration for a MICROSOFT mailbox');
	}
	const actionId = state.newActionId();
	sim.runSequence(env, [() => [{ event: 'mailbox.exported', data: { userId: m.userId, userEmail: state.userEmail(m.userId), mailboxId: m.mailboxId, email: m.email, domain: m.domain, workspaceType: m.serviceProvider, exportType: 'OAUTH', actionId } }]]);
	return { message: 'Mailbox export queued', data: { mailboxId: m.mailboxId, email: m.email }, actionId };
}

function validateMailbox(ctx) {
	const m = ownedMailbox(ctx, ctx.body.mailboxId ?? ctx.query.mailboxId);
	const ok = m.status === 'ACTIVE';
	return {
		message: ok ? 'Mailbox is valid' : 'Mailbox is not ready for export',
		data: {
			mailboxId: m.mailboxId,
			email: m.email,
			valid: ok,
			status: m.status,
			smtp: { valid: ok },
			dns: { mx: true, spf: true, dkim: true, dmarc: true },
		},
	};
}

function publicCredential(c) {
	return { credentialId: c.credentialId, email: c.email, connectedAt: c.connectedAt, metadata: c.metadata, ...(c.orgId ? { orgId: c.orgId } : {}) };
}

function ownedCredential(ctx, id) {
	if (!isNonEmptyString(id)) throw bad('Please provide a credentialId');
	const c = ctx.state.platformCredentials.get(id);
	if (!c || c.userId !== ctx.user.id) throw notFound(`Platform credential ${id} not found for this user`);
	return c;
}

function listPlatformCredentials(ctx) {
	const data = {};
	for (const c of ctx.state.platformCredentials.values()) {
		if (c.userId !== ctx.user.id) continue;
		(data[c.app] ??= { connected: true, credentials: [] }).credentials.push(publicCredential(c));
	}
	return { message: 'Fetched connected accounts successfully', data };
}

function validatePlatformCredentials(credentials) {
	if (!credentials || typeof credentials !== 'object') throw bad('Missing required field(s): credentials');
	const missing = ['email', 'password'].filter((k) => !isNonEmptyString(credentials[k]));
	if (missing.length) throw bad(`Missing required field(s): ${missing.map((m) => `credentials.${m}`).join(', ')}`);
	if (/wrong|invalid/i.test(credentials.password)) throw bad('Credential validation failed: the platform rejected the email/password');
}

function addPlatformCredential(ctx) {
	const { body, state } = ctx;
	requireFields(body, ['app', 'credentials']);
	const app = String(body.app).toUpperCase();
	if (!PLATFORM_APPS.includes(app)) throw bad(`app must be one of ${PLATFORM_APPS.join(', ')}`);
	validatePlatformCredentials(body.credentials);
	if (body.metadata !== undefined && (typeof body.metadata !== 'object' || body.metadata === null)) throw bad('metadata must be an object');
	const credentialId = state.newId(16);
	state.platformCredentials.set(credentialId, {
		credentialId,
		userId: ctx.user.id,
		app,
		email: body.credentials.email,
		connectedAt: state.now(),
		metadata: body.metadata ?? {},
		orgId: null,
	});
	return { message: 'Platform credentials added successfully', data: { credentialId } };
}

function deletePlatformCredential(ctx) {
	const c = ownedCredential(ctx, ctx.query.credentialId ?? ctx.body.credentialId);
	ctx.state.platformCredentials.delete(c.credentialId);
	return { message: 'Platform credentials removed successfully', data: null };
}

function updatePlatformCredential(ctx) {
	const { body } = ctx;
	const c = ownedCredential(ctx, ctx.query.credentialId ?? body.credentialId);
	let changed = false;
	if (body.credentials !== undefined) {
		validatePlatformCredentials(body.credentials);
		c.email = body.credentials.email;
		changed = true;
	}
	if (body.metadata !== undefined) {
		if (typeof body.metadata !== 'object' || body.metadata === null) throw bad('metadata must be an object');
		c.metadata = { ...c.metadata, ...body.metadata };
		changed = true;
	}
	if (body.orgId !== undefined) {
		if (!isNonEmptyString(body.orgId)) throw bad('orgId must be a non-empty string');
		c.orgId = body.orgId;
		changed = true;
	}
	if (!changed) throw bad('Provide credentials, metadata or orgId to update');
	return { message: 'Platform credential updated successfully', data: publicCredential(c) };
}

function getPlatformWorkspaces(ctx) {
	const c = ownedCredential(ctx, ctx.query.credentialId);
	const base = c.credentialId.slice(0, 6).toLowerCase();
	return {
		message: 'Workspaces fetched successfully',
		data: { credentialId: c.credentialId, app: c.app, workspaces: [1, 2].map((i) => ({ orgId: `org_${base}${i}`, name: `${c.metadata?.workspace || c.app.toLowerCase()} workspace ${i}` })) },
	};
}

function exportMailboxes(ctx) {
	const { body, state, env, sim } = ctx;
	requireFields(body, ['credentialId', 'componentMailboxIds']);
	const c = ownedCredential(ctx, body.credentialId);
	const ids = stringArray(body.componentMailboxIds, 'componentMailboxIds');
	const mailboxes = ids.map((id) => ownedMailbox(ctx, id));
	for (const m of mailboxes) if (m.status !== 'ACTIVE') throw unprocessable(`Mailbox ${m.mailboxId} is ${m.status}; only ACTIVE mailboxes can be exported`);
	const actionId = state.newActionId();
	sim.runSequence(env, mailboxes.map((m) => () => [{ event: 'mailbox.exported', data: { userId: m.userId, userEmail: state.userEmail(m.userId), mailboxId: m.mailboxId, email: m.email, domain: m.domain, workspaceType: m.serviceProvider, exportType: 'PLATFORM', app: c.app, credentialId: c.credentialId, actionId } }]));
	return { message: `${mailboxes.length} mailbox(es) queued for export to ${c.app}`, data: { credentialId: c.credentialId, componentMailboxIds: ids }, actionId };
}

// ---------------------------------------------------------------- pre-warmup

function inventoryView(items, query) {
	let list = items.filter((i) => !i.reserved);
	if (isNonEmptyString(query.serviceProvider)) list = list.filter((i) => i.serviceProvider === query.serviceProvider.toUpperCase());
	if (isNonEmptyString(query.contains)) list = list.filter((i) => i.domain.includes(query.contains.toLowerCase()));
	const { items: page, pagination } = paginate(list, query);
	return {
		inventory: page.map(({ reserved, ...rest }) => rest),
		currentPage: pagination.currentPage,
		totalPages: pagination.totalPages,
		totalDomains: list.length,
		totalMailboxes: list.reduce((s, i) => s + i.preWarmedUpMailboxes.length, 0),
	};
}

function listPreWarmup(ctx) {
	return { message: 'Pre-warmed up domains fetched successfully', data: inventoryView(ctx.state.preWarmupInventory, ctx.query) };
}

function listSandboxPreWarmup(ctx) {
	return { message: 'Sandbox pre-warmed up domains fetched successfully', data: inventoryView(ctx.state.sandboxInventory, ctx.query) };
}

function validatePreWarmupBody(body) {
	if (!Array.isArray(body.order) || body.order.length === 0) throw bad('Missing required field(s): order (a non-empty array of {domain, forwardTo?})');
	body.order.forEach((o, i) => {
		if (!o || !isNonEmptyString(o.domain)) throw bad(`order[${i}].domain is required`);
		if (o.forwardTo !== undefined && !/^https?:\/\//i.test(String(o.forwardTo))) throw bad(`order[${i}].forwardTo must be a URL`);
	});
	if (body.serviceProvider === undefined) throw bad('Missing required field(s): serviceProvider');
	// rules.js has checked the OAuth settings against the provider
	return validateProvider(body.serviceProvider);
}

function orderPreWarmupCommon(ctx, { inventory, sandbox, pickScenario }) {
	const { body, state, sim } = ctx;
	const env = ctx.env;
	const provider = validatePreWarmupBody(body);
	const scenario = pickScenario();
	const requested = body.order.map((o) => ({ domain: o.domain.trim().toLowerCase(), forwardTo: o.forwardTo ?? null }));
	const items = requested.map((r) => {
		const item = inventory.find((i) => i.domain === r.domain && !i.reserved);
		let reason = null;
		if (!item) reason = `Domain ${r.domain} is not available in the pre-warmup pool`;
		else if (item.serviceProvider !== provider) reason = `Domain ${r.domain} is a ${item.serviceProvider} domain`;
		else if (state.domainByName(r.domain)) reason = sandbox ? `Domain ${r.domain} is already assigned; call POST /sandbox/pre-warmup/reset` : `Domain ${r.domain} is already assigned`;
		return { ...r, item: reason ? null : item, reason };
	});
	let okItems = items.filter((i) => !i.reason);
	if (scenario === 'full_failure') okItems = [];
	if (scenario === 'partial_failure' && okItems.length) okItems = okItems.slice(1);
	const failed = items.filter((i) => !okItems.includes(i)).map((i) => ({ domain: i.domain, reason: i.reason ?? 'Pre-warmup assignment failed (simulated)' }));
	const cents = sandbox ? 0 : okItems.reduce((s, i) => s + toCents(i.item.purchasePrice), 0);
	if (!state.canAfford(env, cents)) {
		throw unprocessable(`Insufficient wallet balance: the order costs ${money(cents).toFixed(2)} USD, the wallet holds ${state.balance.toFixed(2)} USD`);
	}
	const order = newOrder(ctx, {
		type: sandbox ? 'SANDBOX_PRE_WARMUP' : 'PRE_WARMUP',
		confirm: true,
		serviceProvider: provider,
		autoRenew: toBool(body.autoRenew) ?? false,
		domains: requested.map((r) => ({ domain: r.domain, forwardTo: r.forwardTo, status: 'PENDING' })),
		mailboxes: {},
		unavailableDomains: [],
		totalPrice: money(cents),
	});
	state.charge(env, cents, `Pre-warmup order ${order.orderId}`, order.orderId);
	if (!sandbox) for (const i of okItems) i.item.reserved = true;
	setOrderStatus(state, order, 'PROCESSING');
	const base = { userId: order.userId, userEmail: state.userEmail(order.userId), orderId: order.orderId, actionId: order.actionId, serviceProvider: provider };
	const steps = [];
	if (failed.length) {
		steps.push(() => {
			for (const f of failed) order.domains.find((d) => d.domain === f.domain).status = 'FAILED';
			return [{ event: 'prewarmup.order.failed', data: { ...base, failedDomains: failed.map((f) => f.domain), reason: failed.map((f) => f.reason).join('; ') } }];
		});
	}
	if (okItems.length) {
		steps.push(() => {
			const mailboxDetails = okItems.map((i) => {
				const domain = state.addDomain({ userId: order.userId, domainName: i.domain, provider, forwardTo: i.forwardTo, sandbox, autoRenew: order.autoRenew, price: i.item.purchasePrice });
				const sub = state.addSubscription({ domain, autoRenew: order.autoRenew, sandbox, pricePerMailbox: i.item.renewalPrice / Math.max(1, i.item.preWarmedUpMailboxes.length) });
				const mailboxes = i.item.preWarmedUpMailboxes.map((p, k) => {
					const m = state.addMailbox({ domain, subscriptionId: sub.subscriptionId, username: p.email.split('@')[0], firstName: p.firstName, lastName: p.lastName, orderId: order.orderId, sandbox, isAdmin: k === 0, onWarmup: true });
					m.profilePicture = `https://cdn.zapmail.ai/mailboxes/${p.firstName}-${p.lastName}.jpg`;
					return {
						mailboxId: m.mailboxId,
						email: m.email,
						firstName: m.firstName,
						lastName: m.lastName,
						profilePicture: m.profilePicture,
						password: m.credentials.password,
						appPassword: m.credentials.appPassword,
						authenticatorSecret: m.credentials.authenticatorSecret,
						isAdmin: m.isAdmin,
						warmingUpFrom: p.createdAt,
						expiryDate: sub.periodEnd,
					};
				});
				if (!sandbox) {
					const idx = state.preWarmupInventory.indexOf(i.item);
					if (idx >= 0) state.preWarmupInventory.splice(idx, 1);
				}
				order.domains.find((d) => d.domain === i.domain).status = 'SUCCESS';
				return { domain: domain.domainName, subscriptionId: sub.subscriptionId, preWarmedUpMailboxes: mailboxes };
			});
			return [{ event: 'prewarmup.order.success', data: { ...base, mailboxDetails } }];
		});
	}
	steps.push(() => {
		if (failed.length && okItems.length === 0) {
			state.refund(env, cents, `Refund: pre-warmup order ${order.orderId} failed`, order.orderId);
			setOrderStatus(state, order, 'FAILED', failed.map((f) => f.reason).join('; '));
		} else setOrderStatus(state, order, failed.length ? 'PARTIALLY_COMPLETED' : 'COMPLETED');
		return [];
	});
	sim.runSequence(env, steps);
	return {
		status: 201,
		message: 'Pre-warmup order created and queued for processing',
		data: { orderId: order.orderId, totalPrice: order.totalPrice, currency: 'USD' },
		actionId: order.actionId,
	};
}

function orderPreWarmup(ctx) {
	const pickScenario = () => {
		const s = ctx.takeScenario();
		return s === 'domain_failure' ? 'full_failure' : s;
	};
	return orderPreWarmupCommon(ctx, { inventory: ctx.state.preWarmupInventory, sandbox: false, pickScenario });
}

/** Sandbox: body `scenario` (success | full_failure | partial_failure) decides; default success. */
function orderSandboxPreWarmup(ctx) {
	const scenario = ctx.body.scenario ?? 'success';
	if (!['success', 'full_failure', 'partial_failure'].includes(scenario)) throw bad('scenario must be one of success, full_failure, partial_failure');
	return orderPreWarmupCommon(ctx, { inventory: ctx.state.sandboxInventory, sandbox: true, pickScenario: () => scenario });
}

function resetSandboxPreWarmup(ctx) {
	const { state } = ctx;
	let domains = 0;
	let mailboxes = 0;
	let subscriptions = 0;
	for (const [id, m] of state.mailboxes) if (m.sandbox) { state.mailboxes.delete(id); mailboxes++; }
	for (const [id, s] of state.subscriptions) if (s.sandbox) { state.subscriptions.delete(id); subscriptions++; }
	for (const [id, d] of state.domains) if (d.sandbox) { state.domains.delete(id); state.usedDomainNames.delete(d.domainName); domains++; }
	let orders = 0;
	for (const [id, o] of state.orders) if (o.environment === 'sandbox') { state.orders.delete(id); orders++; }
	return { message: 'Sandbox records deleted', data: { deletedDomains: domains, deletedMailboxes: mailboxes, deletedSubscriptions: subscriptions, deletedOrders: orders } };
}

// ---------------------------------------------------------------- placement, wallet, misc

function createPlacementTest(ctx) {
	const { body, state, env, sim } = ctx;
	const ids = stringArray(body.mailboxIds, 'mailboxIds');
	const mailboxes = ids.map((id) => {
		const m = state.mailboxes.get(id);
		if (!m || m.userId !== ctx.user.id) throw bad(`Mailbox ${id} was not found for this user`);
		if (m.status !== 'ACTIVE') throw bad(`Mailbox ${m.email} (${id}) is ${m.status}; placement tests need ACTIVE mailboxes`);
		return m;
	});
	const opts = { spamassassin: toBool(body.spamassassin) === true, blacklist: toBool(body.blacklist) === true, aiInsight: toBool(body.aiInsight) === true };
	const cents = mailboxes.length * toCents(PRICES.placementPerMailbox) + (opts.aiInsight ? toCents(PRICES.placementAiInsight) : 0);
	if (!state.canAfford(env, cents)) throw new HttpError(402, 'Insufficient wallet balance to run placement test');
	const report = makePlacementReport(state, ctx.user.id, mailboxes, opts, 'PENDING');
	state.charge(env, cents, `Placement test ${report.orderId}`, report.orderId, 402);
	state.placementReports.push(report);
	sim.runSequence(env, [() => [], () => {
		report.status = 'COMPLETED';
		for (const m of report.mailboxes) {
			m.status = 'COMPLETED';
			m.report = completedReport(state, opts);
		}
		return [];
	}]);
	return { message: 'Success', data: { orderId: report.orderId } };
}

function listPlacementReports(ctx) {
	const q = ctx.query;
	let reports = ctx.state.placementReports.filter((r) => r.userId === ctx.user.id).slice().reverse();
	if (isNonEmptyString(q.orderId)) reports = reports.filter((r) => r.orderId === q.orderId);
	if (isNonEmptyString(q.mailboxId)) reports = reports.filter((r) => r.mailboxes.some((m) => m.mailboxId === q.mailboxId));
	const { items, pagination } = paginate(reports, q);
	return { message: 'Placement reports fetched successfully', data: { reports: items.map(({ userId, ...r }) => r), pagination } };
}

function getWallet(ctx) {
	return { message: 'Wallet details fetched successfully', data: { balance: ctx.state.balance, currency: ctx.state.wallet.currency } };
}

function sendError(ctx) {
	const { body, state } = ctx;
	if (!isNonEmptyString(body.message)) throw bad('Missing required field(s): message');
	const reportId = state.newId();
	state.errorReports.push({ reportId, message: body.message, details: body.details ?? null, receivedAt: state.now() });
	return { message: 'Error report received', data: { reportId } };
}

// ---------------------------------------------------------------- route table

/**
 * One handler per endpoint, keyed by endpoint key (the names the node's endpoint table uses).
 * `ref` is the entry of the CMR reference (simulator/reference.js) that gives the method, path
 * and userId placement. `assumed` fills in only what that entry leaves unknown or inferred
 * (a route-building check refuses anything else), so these are the simulator's guesses.
 */
const HANDLERS = {
	'user.getAll': { ref: 1, handler: listUsers },
	'user.get': { ref: 2, handler: getUser },
	'user.create': { ref: 3, handler: createUser },
	'user.update': { ref: 4, handler: updateUser },
	'user.delete': { ref: 5, handler: deleteUser },
	'geo.getCountries': { ref: 6, handler: getCountries },
	'geo.getStates': { ref: 7, handler: getStates },
	'domain.getRenewalPrice': { ref: 8, handler: renewalPrice },
	'domain.renew': { ref: 9, handler: renewDomains },
	'domain.setAutoRenew': { ref: 10, handler: toggleDomainAutoRenew },
	'domain.getAll': { ref: 11, handler: domainsByUser, unknownUserOk: true },
	'domain.suggest': { ref: 12, handler: suggestDomains, assumed: { path: '/domains/suggestions' } },
	'domain.checkAvailability': { ref: 13, handler: checkAvailability, assumed: { path: '/domains/available' } },
	'domain.checkWorkspace': { ref: 14, handler: checkWorkspace },
	'domain.addForwarding': { ref: 15, handler: addForwarding, assumed: { path: '/domains/forwarding', userId: 'query' } },
	'domain.addEmailForwarding': {
		ref: 16,
		handler: addEmailForwarding,
		assumed: { path: '/domains/email-forwarding', userId: 'query' },
	},
	'domain.addGoogleClientId': { ref: 17, handler: addClientId },
	'domain.remove': { ref: 18, handler: removeDomains, assumed: { path: '/domains', userId: 'query' } },
	'dnsRecord.getAll': { ref: 19, handler: getDns },
	'dnsRecord.create': { ref: 20, handler: addDns },
	'dnsRecord.update': { ref: 21, handler: updateDns },
	'dnsRecord.delete': { ref: 22, handler: deleteDns },
	'nameserver.update': { ref: 23, handler: updateNameservers },
	'order.get': { ref: 24, handler: getOrder, assumed: { path: '/orders' } },
	'order.getStatus': { ref: 25, handler: getOrderStatus },
	'order.create': { ref: 26, handler: createOrder },
	'order.createMailboxOrder': { ref: 27, handler: createMailboxOrder },
	'order.process': { ref: 28, handler: processOrder, assumed: { path: '/orders/process' } },
	'mailbox.getAll': { ref: 31, handler: getAllMailboxes },
	'mailbox.getAllForUser': { ref: 32, handler: getUserMailboxes },
	'mailbox.get': { ref: 33, handler: getMailbox },
	'mailbox.getAdminDetails': { ref: 34, handler: getMailboxAdminDetails },
	'mailbox.update': { ref: 35, handler: updateMailbox },
	'mailbox.delete': { ref: 36, handler: removeMailbox },
	'warmup.add': { ref: 37, handler: addWarmup },
	'warmup.toggle': { ref: 38, handler: toggleWarmup },
	'warmup.remove': { ref: 39, handler: removeWarmup },
	'warmup.updateSettings': { ref: 40, handler: updateWarmupSettings },
	'subscription.getAll': { ref: 41, handler: listSubscriptions },
	'subscription.renew': { ref: 42, handler: renewSubscriptions },
	'subscription.setAutoRenew': { ref: 43, handler: toggleSubscriptionAutoRenew },
	'subscription.cancel': { ref: 44, handler: cancelSubscription },
	'subscription.recreate': { ref: 45, handler: recreateSubscriptions },
	'export.reexportOauth': { ref: 46, handler: reexportOauth },
	'export.validateMailbox': { ref: 47, handler: validateMailbox },
	'platformCredential.getAll': { ref: 48, handler: listPlatformCredentials },
	'platformCredential.create': { ref: 49, handler: addPlatformCredential },
	'platformCredential.delete': { ref: 50, handler: deletePlatformCredential },
	'platformCredential.update': { ref: 51, handler: updatePlatformCredential },
	'platformCredential.getWorkspaces': { ref: 52, handler: getPlatformWorkspaces },
	'export.exportMailboxes': { ref: 53, handler: exportMailboxes },
	'preWarmup.getAll': { ref: 54, handler: listPreWarmup },
	'preWarmup.order': { ref: 55, handler: orderPreWarmup },
	'sandbox.getPreWarmupDomains': { ref: 56, handler: listSandboxPreWarmup, assumed: { method: 'GET' } },
	'sandbox.orderPreWarmup': {
		ref: 57,
		handler: orderSandboxPreWarmup,
		assumed: { method: 'POST', userId: 'query' },
	},
	'sandbox.resetPreWarmup': { ref: 58, handler: resetSandboxPreWarmup, assumed: { method: 'POST' } },
	'placementTest.create': { ref: 59, handler: createPlacementTest },
	'placementTest.getAll': { ref: 60, handler: listPlacementReports },
	'wallet.get': { ref: 61, handler: getWallet, assumed: { path: '/wallet' } },
	'errorReport.send': { ref: 62, handler: sendError, assumed: { path: '/send-error' } },
};

const ROUTES = routesFromReference(HANDLERS);

module.exports = { HANDLERS, ROUTES, publicMailbox, publicUser, renewSubscriptions };
