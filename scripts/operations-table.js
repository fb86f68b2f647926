// Renders the README operations table from the node description and the endpoint table,
// so the README always matches the node. `node scripts/operations-table.js` (after a build)
// rewrites the table in README.md between the operations markers; with `--check` it only
// reports whether README.md is up to date (exit code 1 if not), which the coverage test runs.
const fs = require('node:fs');
const path = require('node:path');

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

const CONFIDENCE = { confirmed: 'confirmed', guides: 'from guides', inferred: '**inferred**' };
const USER_ID = { query: 'query', body: 'body', none: '—' };

/** [{resource, resourceName, operation, operationName, action, key, endpoint}] in UI order. */
function listOperations(description, endpoints) {
	const resources = description.properties.find((p) => p.name === 'resource').options;
	const rows = [];
	for (const resource of resources) {
		const operationProperty = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const option of operationProperty?.options ?? []) {
			// defineResource (shared/resource.ts) routes every operation to `<resource>.<operation>`.
			const key = `${resource.value}.${option.value}`;
			rows.push({
				resource: resource.value,
				resourceName: resource.name,
				operation: option.value,
				operationName: option.name,
				action: option.action,
				key: key in endpoints ? key : undefined,
				endpoint: endpoints[key],
			});
		}
	}
	return rows;
}

function renderOperationsTable(description, endpoints) {
	const lines = [
		'| Resource | Operation | Method and path | `userId` | Path | Notes |',
		'| --- | --- | --- | --- | --- | --- |',
	];
	for (const row of listOperations(description, endpoints)) {
		const e = row.endpoint;
		const notes = [
			e.paid ? 'charges the wallet' : '',
			e.destructive ? 'permanent' : '',
			e.sandboxOnly ? 'sandbox only' : '',
		]
			.filter(Boolean)
			.join(', ');
		lines.push(
			`| ${row.resourceName} | ${row.operationName} | \`${e.method} ${e.path}\` | ${USER_ID[e.userId]} | ${CONFIDENCE[e.confidence]} | ${notes} |`,
		);
	}
	return lines.join('\n');
}

/**
 * The unverified endpoints, with what is unverified: the same items the node panel shows
 * (`unverifiedItems` from shared/unverified.ts).
 */
function renderUnverifiedList(endpoints, unverifiedItems) {
	return Object.values(endpoints)
		.map((e) => ({ e, items: unverifiedItems(e) }))
		.filter(({ items }) => items.length)
		.map(
			({ e, items }) =>
				`- \`${e.method} ${e.path}\` (${CONFIDENCE[e.confidence]}): ${items.join(' ')}`,
		)
		.join('\n');
}

function replaceBetween(text, start, end, content) {
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to === -1) throw new Error(`README markers ${start} / ${end} not found`);
	return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

function renderReadme(readme, description, endpoints, unverifiedItems) {
	const withTable = replaceBetween(
		readme,
		START,
		END,
		renderOperationsTable(description, endpoints),
	);
	return replaceBetween(
		withTable,
		'<!-- unverified:start -->',
		'<!-- unverified:end -->',
		renderUnverifiedList(endpoints, unverifiedItems),
	);
}

/** What `--check` reports: undefined when the README is up to date, else what to run. */
function checkReadme(readme, description, endpoints, unverifiedItems) {
	if (renderReadme(readme, description, endpoints, unverifiedItems) === readme) return undefined;
	return 'README.md operations table or unverified list is out of date: run `npm run build && node scripts/operations-table.js`';
}

module.exports = {
	listOperations,
	renderOperationsTable,
	renderUnverifiedList,
	renderReadme,
	checkReadme,
};

if (require.main === module) {
	const root = path.join(__dirname, '..');
	const { ColdMailReseller } = require(
		path.join(root, 'dist/nodes/ColdMailReseller/ColdMailReseller.node.js'),
	);
	const { ENDPOINTS } = require(path.join(root, 'dist/nodes/ColdMailReseller/shared/endpoints.js'));
	const readmePath = path.join(root, 'README.md');
	const { unverifiedItems } = require(
		path.join(root, 'dist/nodes/ColdMailReseller/shared/unverified.js'),
	);
	const readme = fs.readFileSync(readmePath, 'utf8');
	if (process.argv.includes('--check')) {
		const problem = checkReadme(
			readme,
			new ColdMailReseller().description,
			ENDPOINTS,
			unverifiedItems,
		);
		if (problem) {
			console.error(problem);
			process.exit(1);
		}
		console.log('README operations table is up to date');
		process.exit(0);
	}
	fs.writeFileSync(
		readmePath,
		renderReadme(readme, new ColdMailReseller().description, ENDPOINTS, unverifiedItems),
	);
	console.log('README operations table updated');
}
