'use strict';

/**
 * Builds the simulator's route table from the CMR reference: one route per handler, with the
 * method, path and userId placement of its reference entry, and the documented request rules
 * of that endpoint (simulator/rules.js).
 */

const { referenceRoute } = require('./reference');
const { RULES } = require('./rules');

const ASSUMABLE = ['method', 'path', 'userId'];

/**
 * [{key, ref, method, path, userId, sandboxOnly, handler, rules, bodyFields, assumed}]
 * `assumed` lists what the simulator had to guess; guessing what the reference states throws.
 */
function routesFromReference(handlers) {
	return Object.entries(handlers).map(([key, { ref, handler, assumed = {}, ...options }]) => {
		const reference = referenceRoute(ref);
		for (const field of Object.keys(assumed)) {
			if (!ASSUMABLE.includes(field)) throw new Error(`${key}: cannot assume ${field}`);
			const known = field === 'userId' ? !reference.uncertain : reference[field] !== null;
			if (known) {
				throw new Error(
					`${key}: the reference states the ${field} (${reference[field]}); the simulator must follow it`,
				);
			}
		}
		const route = { ...reference, ...assumed };
		if (!route.method || !route.path)
			throw new Error(`${key}: reference entry ${ref} has no method or path; assume one`);
		return {
			key,
			ref,
			method: route.method,
			path: route.path,
			userId: route.userId,
			sandboxOnly: reference.sandboxOnly,
			bodyFields: reference.bodyFields,
			assumed: Object.keys(assumed),
			rules: RULES[key] ?? [],
			handler,
			...options,
		};
	});
}

module.exports = { routesFromReference };
