'use strict';
// Checks a GitHub Actions workflow file: valid YAML, and no bare `$` where an expression belongs
// (the n8n template once rendered `${{ github.ref }}` as `$`). Used by workflows.test.js.
// `yaml` is not a direct dependency; it is in node_modules through n8n-core (openapi3-ts).
const YAML = require('yaml');

const SHELL_VAR_START = /[A-Za-z0-9_{(@*#?!$-]/;

/** Parses YAML; throws with the file name and line on any syntax error or duplicate key. */
function parseWorkflow(text, name = 'workflow') {
	const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
	if (doc.errors.length) throw new Error(`${name}: ${doc.errors.map((e) => e.message).join('\n')}`);
	return doc.toJS();
}

/** Every string value with its key path, e.g. ['jobs', 'test', 'steps', 2, 'run']. */
function* strings(value, keyPath = []) {
	if (typeof value === 'string') yield [keyPath, value];
	else if (Array.isArray(value))
		for (const [i, v] of value.entries()) yield* strings(v, [...keyPath, i]);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) yield* strings(v, [...keyPath, k]);
	}
}

/**
 * Problems with `$` in one value. Outside `run:` every `$` must open a `${{ ... }}` expression.
 * Inside `run:` (a shell script) `$VAR`, `${VAR}`, `$(cmd)` are fine, but a `$` followed by nothing,
 * a space or a quote is a lost expression.
 */
function dollarProblems(value, isShell) {
	const problems = [];
	for (let i = value.indexOf('$'); i !== -1; i = value.indexOf('$', i + 1)) {
		if (value.startsWith('${{', i)) {
			const end = value.indexOf('}}', i + 3);
			if (end === -1) problems.push(`unclosed expression at "${value.slice(i, i + 20)}"`);
			else if (!value.slice(i + 3, end).trim()) problems.push('empty expression ${{ }}');
			else i = end + 1;
			continue;
		}
		const next = value[i + 1];
		if (isShell && next === '$') {
			i += 1; // `$$`, the shell's process id
			continue;
		}
		if (isShell && next !== undefined && SHELL_VAR_START.test(next)) continue;
		problems.push(
			`bare "$" in "${value.length > 60 ? `${value.slice(Math.max(0, i - 30), i + 30)}` : value}"`,
		);
	}
	return problems;
}

/** All bare-`$` problems of a parsed workflow, each prefixed with its key path. */
function bareDollarProblems(workflow) {
	const out = [];
	for (const [keyPath, value] of strings(workflow)) {
		const isShell = keyPath[keyPath.length - 1] === 'run';
		for (const p of dollarProblems(value, isShell)) out.push(`${keyPath.join('.')}: ${p}`);
	}
	return out;
}

module.exports = { parseWorkflow, bareDollarProblems, dollarProblems };
