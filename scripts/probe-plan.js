// What the contract probe (scripts/probe.js) may run, with which parameters, and how it judges an answer.
// Pure functions over the endpoint table (nodes/ColdMailReseller/shared/endpoints.ts); no I/O.
'use strict';

/**
 * POSTs that only look things up. Every other non-GET changes something and is never probed.
 * Each must be neither paid nor destructive in the endpoint table (checked by safetyOf).
 */
const READ_ONLY_POSTS = {
	'domain.getRenewalPrice': 'price lookup',
	'domain.checkAvailability': 'availability check',
	'domain.checkWorkspace': 'workspace check',
	'domain.suggest': 'name suggestions',
};

/**
 * The fields the node reads from each operation's output items (`a|b`: either name): the ids and labels
 * that the pickers (listSearch/) and follow-up operations use. Other endpoints: envelope only.
 */
const FIELDS_READ = {
	'user.getAll': ['id|userId', 'email'],
	'user.get': ['id|userId', 'email'],
	'domain.getAll': ['domainId|id', 'domainName|domain|name'],
	'mailbox.getAll': ['mailboxId|id', 'email|username'],
	'mailbox.getAllForUser': ['mailboxId|id', 'email|username'],
	'mailbox.get': ['mailboxId|id', 'email|username'],
	'subscription.getAll': ['subscriptionId|id'],
	'platformCredential.getAll': ['credentialId|id'],
	'sandbox.getPreWarmupDomains': ['domain|domainName'],
};

/**
 * Whether the probe may call an endpoint, and why not. Paid, destructive and state-changing calls are never
 * probed, whatever the flags. Sandbox-only calls run only with a sandbox key (they cost nothing there).
 * @returns {{probe: true, why: string} | {probe: false, why: string}}
 */
function safetyOf(key, endpoint, env) {
	if (endpoint.paid) return { probe: false, why: 'paid: charges the wallet' };
	if (endpoint.destructive) return { probe: false, why: 'destructive: deletes, cancels or resets' };
	if (endpoint.sandboxOnly) {
		return env === 'sandbox'
			? { probe: true, why: 'sandbox only, free' }
			: { probe: false, why: 'sandbox only: run with CMR_ENV=sandbox and a sandbox key' };
	}
	if (endpoint.method === 'GET') return { probe: true, why: 'read' };
	if (READ_ONLY_POSTS[key]) return { probe: true, why: READ_ONLY_POSTS[key] };
	return { probe: false, why: `state-changing: ${endpoint.method} changes data` };
}

/** "METHOD /path" of every endpoint the probe may send in `env`: the allow-list of its request guard. */
function allowedRoutes(endpoints, env) {
	return new Set(
		Object.entries(endpoints)
			.filter(([key, e]) => safetyOf(key, e, env).probe)
			.map(([, e]) => `${e.method} ${e.path}`),
	);
}

const rl = (value) => ({ __rl: true, mode: 'id', value });

/**
 * Node parameters for one probe call, from ids found by earlier calls (`found`). Lists ask for 2 records
 * with Simplify off, so the raw fields are visible. Returns {missing} when an id is not known.
 */
function parametersFor(key, found) {
	const [resource, operation] = key.split('.');
	const base = { resource, operation };
	const list = { returnAll: false, limit: 2, simple: false };
	const need = (...names) => names.find((n) => !found[n]);
	const requires = {
		'user.getAll': [],
		'user.get': ['userId'],
		'geo.getCountries': [],
		'geo.getStates': [],
		'domain.getAll': ['userId'],
		'domain.getRenewalPrice': ['userId', 'domainName'],
		'domain.checkAvailability': [],
		'domain.checkWorkspace': [],
		'domain.suggest': [],
		'dnsRecord.getAll': ['userId', 'domainName'],
		'order.get': ['userId', 'orderId'],
		'order.getStatus': ['userId', 'orderId'],
		'mailbox.getAll': [],
		'mailbox.getAllForUser': ['userId'],
		'mailbox.get': ['mailboxId'],
		'mailbox.getAdminDetails': ['userId', 'mailboxId'],
		'subscription.getAll': [],
		'platformCredential.getAll': ['userId'],
		'platformCredential.getWorkspaces': ['userId', 'credentialId'],
		'preWarmup.getAll': [],
		'sandbox.getPreWarmupDomains': [],
		'sandbox.orderPreWarmup': ['userId', 'sandboxDomain'],
		'placementTest.getAll': ['userId'],
		'wallet.get': [],
	}[key];
	if (!requires) return { missing: 'the probe has no parameters for this operation' };
	const gap = need(...requires);
	if (gap)
		return {
			missing: `needs a ${gap} and none was found${ENV_HINT[gap] ? ` (set ${ENV_HINT[gap]})` : ''}`,
		};
	const p = { ...base };
	if (found.userId) p.userId = rl(found.userId);
	switch (key) {
		case 'user.getAll':
		case 'mailbox.getAll':
		case 'subscription.getAll':
		case 'preWarmup.getAll':
		case 'placementTest.getAll':
		case 'domain.getAll':
		case 'mailbox.getAllForUser':
			return { parameters: { ...p, ...list } };
		case 'user.get':
		case 'mailbox.get':
			return {
				parameters: {
					...p,
					simple: false,
					...(key === 'mailbox.get' ? { mailboxId: rl(found.mailboxId) } : {}),
				},
			};
		case 'geo.getStates':
			return { parameters: { ...p, countryCode: 'US' } };
		case 'domain.getRenewalPrice':
			return { parameters: { ...p, domains: found.domainName } };
		case 'domain.checkWorkspace':
			// a domain nobody's workspace uses: CMR answers 409 for one that has a workspace
			return { parameters: { ...p, domains: 'example.com' } };
		case 'domain.checkAvailability':
			return { parameters: { ...p, domainToCheck: 'example.com' } };
		case 'domain.suggest':
			return { parameters: { ...p, keyword: 'outreach' } };
		case 'dnsRecord.getAll':
			return { parameters: { ...p, domainName: rl(found.domainName) } };
		case 'order.get':
		case 'order.getStatus':
			return { parameters: { ...p, orderId: found.orderId } };
		case 'mailbox.getAdminDetails':
			return { parameters: { ...p, mailboxId: rl(found.mailboxId) } };
		case 'platformCredential.getWorkspaces':
			return { parameters: { ...p, credentialId: found.credentialId } };
		case 'sandbox.orderPreWarmup':
			return {
				parameters: {
					...p,
					orderDomains: { domain: [{ domain: found.sandboxDomain }] },
					serviceProvider: 'MICROSOFT',
					microsoftOauth: {
						settings: { microsoftOauthRoute: 'https://example.com/oauth/microsoft' },
					},
					scenario: 'success',
				},
			};
		default:
			return { parameters: p };
	}
}

/** Environment variables that supply an id the probe cannot discover. */
const ENV_HINT = {
	userId: 'CMR_PROBE_USER_ID',
	domainName: 'CMR_PROBE_DOMAIN',
	orderId: 'CMR_PROBE_ORDER_ID',
	mailboxId: 'CMR_PROBE_MAILBOX_ID',
	credentialId: 'CMR_PROBE_CREDENTIAL_ID',
};

/** Order of the calls: the ones that reveal ids come first. The rest keep the README order. */
const DISCOVERY_FIRST = [
	'user.getAll',
	'domain.getAll',
	'mailbox.getAllForUser',
	'mailbox.getAll',
	'platformCredential.getAll',
	'sandbox.getPreWarmupDomains',
];

function first(record, spec) {
	for (const name of spec.split('|'))
		if (record?.[name] !== undefined && record[name] !== null) return record[name];
	return undefined;
}

/** Ids for later calls, taken from an operation's output items (only fills what is still unknown). */
function learnIds(key, records, found) {
	const r = records.find((x) => x && typeof x === 'object');
	if (!r) return;
	const set = (name, value) => {
		if (!found[name] && value !== undefined && value !== '') found[name] = String(value);
	};
	if (key === 'user.getAll') set('userId', first(r, 'id|userId'));
	if (key === 'domain.getAll') set('domainName', first(r, 'domainName|domain|name'));
	if (key.startsWith('mailbox.')) {
		set('mailboxId', first(r, 'mailboxId|id'));
		set('domainName', first(r, 'domain'));
	}
	if (key === 'platformCredential.getAll') set('credentialId', first(r, 'credentialId|id'));
	if (key === 'sandbox.getPreWarmupDomains') set('sandboxDomain', first(r, 'domain|domainName'));
	set('orderId', records.map((x) => first(x, 'orderId')).find(Boolean));
}

/**
 * Judges one answer: `body` is the raw body, `items` the node's output (JSON of each item) for a 2xx.
 * @returns {{envelope: string, fields: string, verdict: string}}
 */
function judge(key, status, body, items = []) {
	const isObject = body && typeof body === 'object' && !Array.isArray(body);
	const missingEnvelope = isObject
		? ['status', 'message', 'data'].filter((k) => !(k in body))
		: ['status', 'message', 'data'];
	const envelope = missingEnvelope.length ? `missing ${missingEnvelope.join(', ')}` : 'ok';
	let fields = '—';
	const reads = FIELDS_READ[key];
	if (status >= 200 && status < 300 && reads) {
		const records = items.filter((x) => x && typeof x === 'object');
		if (!records.length) fields = `no records to check (${reads.join(', ')})`;
		else {
			const missing = reads.filter((spec) => first(records[0], spec) === undefined);
			fields = missing.length ? `missing ${missing.join(', ')}` : `ok (${reads.join(', ')})`;
		}
	}
	let verdict;
	if (status >= 200 && status < 300) {
		verdict =
			envelope === 'ok' && !fields.startsWith('missing')
				? 'confirmed'
				: 'path confirmed, response differs';
	} else if (status === 404) verdict = 'wrong path (404)';
	else if (status === 405) verdict = 'wrong method (405)';
	else if (status === 401 || status === 403) verdict = 'auth problem';
	else if (status === 429) verdict = 'rate limited (429): run again';
	else if (status >= 400 && status < 500) verdict = `path exists, request rejected (${status})`;
	else verdict = `server error (${status})`;
	return { envelope, fields, verdict };
}

/**
 * The one-line change to the endpoint table a result supports, or null. Confirmations upgrade the
 * confidence; 404/405 refute the path or method and say so in the note.
 */
function noteChange(row, date) {
	const where = `'${row.key}'`;
	const seen = `${row.method} ${row.path} answered ${row.status} (${row.env}, ${date})`;
	if (row.verdict === 'confirmed' && row.confidence !== 'confirmed') {
		return `${where}: confidence: '${row.confidence}' → confidence: 'confirmed'  # ${seen}, envelope and fields ok`;
	}
	if (row.verdict === 'wrong path (404)' || row.verdict === 'wrong method (405)') {
		const what = row.status === 404 ? 'path' : 'method';
		return `${where}: note: ${row.note ? `'${row.note}'` : '(none)'} → note: '${what} refuted: ${seen}'  # keep confidence '${row.confidence === 'confirmed' ? 'guides' : row.confidence}' until fixed`;
	}
	if (row.verdict === 'path confirmed, response differs') {
		return `${where}: note: ${row.note ? `'${row.note}'` : '(none)'} → note: 'path confirmed ${date}; response differs: envelope ${row.envelope}, fields ${row.fields}'`;
	}
	return null;
}

module.exports = {
	READ_ONLY_POSTS,
	FIELDS_READ,
	ENV_HINT,
	DISCOVERY_FIRST,
	safetyOf,
	allowedRoutes,
	parametersFor,
	learnIds,
	judge,
	noteChange,
};
