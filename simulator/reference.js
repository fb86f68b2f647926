'use strict';

/**
 * The CMR API reference (a committed copy of ../shared/cmr-api/endpoints.json), read as
 * routes: method, path, where the userId travels, and which body fields are documented.
 * The simulator's routes come from here, not from the node, so a wrong path in the node
 * meets a 404 here.
 */

const REFERENCE = require('../test/fixtures/cmr-endpoints.json');

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Whether the reference marks something about this entry as unknown or inferred. */
function isUncertain(entry) {
	return /inferred|unknown|probably|unclear|assumed|\?/i.test(
		`${entry.method} ${entry.path} ${entry.auth}`,
	);
}

/** The documented top-level body fields (`domains[].years` -> `domains`), or null if unknown. */
function documentedBodyFields(entry) {
	if (entry.completeness !== 'full') return null;
	return new Set(
		entry.body.map((field) => field.name.split(/[.[]/)[0]).filter((name) => /^\w+$/.test(name)),
	);
}

/**
 * What the reference says about entry `ref` (1-based): `method` and `path` are null when the
 * reference does not know them; `userId` is 'query', 'body' or 'none'.
 */
function referenceRoute(ref) {
	const entry = REFERENCE[ref - 1];
	if (!entry) throw new Error(`No entry ${ref} in the CMR reference`);
	const method = METHODS.includes(entry.method) ? entry.method : null;
	const path = entry.path.startsWith('/') ? entry.path : null;
	const query = entry.query.map((q) => q.name);
	const body = entry.body.map((b) => b.name);
	let userId = 'none';
	if (query.includes('userId') || /userId query/.test(entry.auth)) userId = 'query';
	else if (body.includes('userId') || /userId (probably )?in BODY|body assumed/i.test(entry.auth))
		userId = 'body';
	return {
		ref,
		name: entry.name,
		method,
		path,
		userId,
		sandboxOnly: entry.group === 'Sandbox',
		uncertain: isUncertain(entry),
		bodyFields: documentedBodyFields(entry),
		confidence: entry.confidence,
	};
}

module.exports = { REFERENCE, referenceRoute };
