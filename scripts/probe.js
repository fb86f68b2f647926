#!/usr/bin/env node
// `npm run probe`: checks the node's endpoints against the live CMR API, safely. See README "Help us verify
// the API". It drives the BUILT node (dist/) through n8n-core's RoutingNode, as the tests do, so it sends
// exactly what users send. It never runs a paid, destructive or state-changing operation (scripts/probe-plan.js);
// a guard on every outgoing request enforces the same allow-list. It never prints the API key.
//
//   CMR_API_KEY=... CMR_ENV=sandbox|production [CMR_BASE_URL=...] npm run probe -- --i-understand-this-calls-the-live-api
//
// Flags: --update-notes   also print the one-line endpoint-table changes the results support (writes nothing)
//        --out <dir>      report folder (default probe-report/, git-ignored)
// Optional ids for calls the probe cannot discover: CMR_PROBE_USER_ID, CMR_PROBE_DOMAIN, CMR_PROBE_ORDER_ID,
// CMR_PROBE_MAILBOX_ID, CMR_PROBE_CREDENTIAL_ID.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CONSENT_FLAG = '--i-understand-this-calls-the-live-api';
const DEFAULT_RATE = 5;
const DIST = path.join(ROOT, 'dist');

const USAGE = `Usage: CMR_API_KEY=<key> CMR_ENV=sandbox|production [CMR_BASE_URL=<url>] \\
       npm run probe -- ${CONSENT_FLAG} [--update-notes] [--out <dir>]

Calls the Cold Mail Reseller API with your key: every GET, the price/availability/workspace checks and,
with CMR_ENV=sandbox, the sandbox-only operations. It never runs paid, destructive or state-changing
operations. It writes a Markdown and a JSON report to probe-report/ to paste into an issue.`;

class UsageError extends Error {}

function parseArgs(argv) {
	const args = { consent: false, updateNotes: false, out: path.join(ROOT, 'probe-report') };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === CONSENT_FLAG) args.consent = true;
		else if (a === '--update-notes') args.updateNotes = true;
		else if (a === '--out' && argv[i + 1]) args.out = path.resolve(argv[++i]);
		else if (a === '--help') args.help = true;
		else throw new UsageError(`Unknown argument: ${a}`);
	}
	return args;
}

function configFrom(env, defaultBaseUrl) {
	const apiKey = env.CMR_API_KEY;
	if (!apiKey || !apiKey.trim())
		throw new UsageError(
			'CMR_API_KEY is not set: export your CMR partner API key (sandbox or production).',
		);
	const environment = env.CMR_ENV;
	if (environment !== 'sandbox' && environment !== 'production') {
		throw new UsageError(
			`CMR_ENV must be "sandbox" or "production" (got ${environment === undefined ? 'nothing' : JSON.stringify(environment)}). The two keys are different.`,
		);
	}
	const baseUrl = (env.CMR_BASE_URL || defaultBaseUrl).replace(/\/+$/, '');
	if (!/^https?:\/\//.test(baseUrl))
		throw new UsageError(`CMR_BASE_URL must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
	const found = {};
	const ids = {
		userId: 'CMR_PROBE_USER_ID',
		domainName: 'CMR_PROBE_DOMAIN',
		orderId: 'CMR_PROBE_ORDER_ID',
		mailboxId: 'CMR_PROBE_MAILBOX_ID',
		credentialId: 'CMR_PROBE_CREDENTIAL_ID',
	};
	for (const [name, variable] of Object.entries(ids))
		if (env[variable]) found[name] = env[variable].trim();
	return { apiKey: apiKey.trim(), environment, baseUrl, found };
}

/** Replaces the key everywhere in a text (error messages can echo request data). */
function redactor(secret) {
	return (text) => String(text).split(secret).join('[redacted]');
}

function loadBuiltPackage() {
	if (!fs.existsSync(path.join(DIST, 'nodes')))
		throw new UsageError('dist/ is missing: run `npm run build` first (npm run probe does).');
	// n8n-core writes a config file into the n8n user folder on first use: keep it out of the user's ~/.n8n.
	if (!process.env.N8N_USER_FOLDER) {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-probe-n8n-'));
		process.env.N8N_USER_FOLDER = folder;
		process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
	}
	process.env.N8N_ENCRYPTION_KEY ??= require('node:crypto').randomBytes(24).toString('hex');
	const { ColdMailReseller } = require(
		path.join(DIST, 'nodes/ColdMailReseller/ColdMailReseller.node.js'),
	);
	const { ColdMailResellerApi } = require(
		path.join(DIST, 'credentials/ColdMailResellerApi.credentials.js'),
	);
	const { ENDPOINTS } = require(path.join(DIST, 'nodes/ColdMailReseller/shared/endpoints.js'));
	const { DEFAULT_BASE_URL } = require(
		path.join(DIST, 'nodes/ColdMailReseller/shared/constants.js'),
	);
	const { runRoutingNode } = require('../test/helpers/n8n-harness');
	const { listOperations } = require('./operations-table');
	const plan = require('./probe-plan');
	return {
		ColdMailReseller,
		ColdMailResellerApi,
		ENDPOINTS,
		DEFAULT_BASE_URL,
		runRoutingNode,
		listOperations,
		plan,
	};
}

/** Requests per second: the credential's own setting when it has one, else the package default (5). */
function rateOf(credentialType, credentials) {
	const prop = credentialType.properties.find(
		(p) => p.type === 'number' && /rate|perSecond/i.test(p.name),
	);
	const value = Number(prop ? (credentials[prop.name] ?? prop.default) : DEFAULT_RATE);
	return Number.isFinite(value) && value > 0 ? value : DEFAULT_RATE;
}

/**
 * The credential with a guard: before each request it checks the route against the allow-list and waits so
 * that calls stay under the rate. Every request of the node passes through authenticate().
 */
function guardedCredential(credentialType, { allowed, intervalMs, onRequest }) {
	const guarded = Object.create(credentialType);
	let last = 0;
	guarded.authenticate = async (credentials, requestOptions) => {
		const method = String(requestOptions.method || 'GET').toUpperCase();
		const route = `${method} ${new URL(requestOptions.url, 'http://x').pathname}`;
		if (!allowed.has(route))
			throw new Error(
				`probe safety guard: refused to send ${route} (not on the read-only allow-list)`,
			);
		const wait = last + intervalMs - Date.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		last = Date.now();
		onRequest(route);
		return await credentialType.authenticate(credentials, requestOptions);
	};
	return guarded;
}

/** Puts a recorder first in an operation's postReceive, so it sees each raw answer (status and body). */
function recordAnswers(description, resource, operation, record) {
	const prop = description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	const option = prop?.options?.find((o) => o.value === operation);
	if (!option?.routing)
		throw new Error(`the built node has no routing for ${resource}.${operation}`);
	option.routing.output = option.routing.output ?? {};
	option.routing.output.postReceive = [
		async function (items, response) {
			record(response.statusCode, response.body);
			return items;
		},
		...(option.routing.output.postReceive ?? []),
	];
}

function probeRows(pkg, environment) {
	const description = new pkg.ColdMailReseller().description;
	const listed = pkg.listOperations(description, pkg.ENDPOINTS).filter((r) => r.key);
	return listed.map((r) => {
		const e = pkg.ENDPOINTS[r.key];
		return {
			key: r.key,
			resource: r.resource,
			resourceName: r.resourceName,
			operation: r.operation,
			operationName: r.operationName,
			method: e.method,
			path: e.path,
			confidence: e.confidence,
			note: e.note ?? null,
			env: environment,
			safety: pkg.plan.safetyOf(r.key, e, environment),
		};
	});
}

const notProbed = (row, why) =>
	Object.assign(row, {
		status: null,
		envelope: '—',
		fields: '—',
		verdict: 'not probed',
		detail: why,
	});

/** Runs one endpoint's operation (if safe and its ids are known) and fills in the row's result. */
async function probeOne(pkg, row, { guarded, credentials, found, redact }) {
	if (!row.safety.probe) return notProbed(row, row.safety.why);
	const { parameters, missing } = pkg.plan.parametersFor(row.key, found);
	if (missing) return notProbed(row, missing);
	const nodeType = new pkg.ColdMailReseller();
	const answers = [];
	recordAnswers(nodeType.description, row.resource, row.operation, (status, body) =>
		answers.push({ status, body }),
	);
	let error = null;
	let items = [];
	try {
		const output = await pkg.runRoutingNode({
			nodeType,
			credentialType: guarded,
			credentials,
			parameters,
		});
		items = output.map((i) => i.json);
	} catch (err) {
		error = err;
	}
	const answer = answers[0];
	if (!answer) {
		const message = redact(error?.message ?? 'no answer');
		const verdict = /probe safety guard/.test(message)
			? 'blocked by the safety guard'
			: 'no answer';
		return Object.assign(row, {
			status: null,
			envelope: '—',
			fields: '—',
			verdict,
			detail: message,
		});
	}
	Object.assign(
		row,
		{ status: answer.status },
		pkg.plan.judge(row.key, answer.status, answer.body, items),
	);
	const message = answer.body && typeof answer.body === 'object' ? answer.body.message : undefined;
	row.detail = answer.status >= 300 && message ? redact(String(message)).slice(0, 160) : '';
	if (answer.status < 300) pkg.plan.learnIds(row.key, items, found);
	return row;
}

/** Runs the probe. `out` receives printed text. Returns {rows, files, notes}. */
async function runProbe({
	argv = [],
	env = process.env,
	out = (t) => process.stdout.write(t),
} = {}) {
	const args = parseArgs(argv);
	if (args.help) {
		out(`${USAGE}\n`);
		return { rows: [], files: [], notes: [] };
	}
	if (!args.consent) {
		throw new UsageError(
			`Refusing to run: this calls the live Cold Mail Reseller API with your key. Add ${CONSENT_FLAG} to confirm.\n\n${USAGE}`,
		);
	}
	const pkg = loadBuiltPackage();
	const config = configFrom(env, pkg.DEFAULT_BASE_URL);
	const redact = redactor(config.apiKey);
	const credentialType = new pkg.ColdMailResellerApi();
	const credentials = {
		apiKey: config.apiKey,
		environment: config.environment,
		baseUrl: config.baseUrl,
	};
	const rate = rateOf(credentialType, credentials);
	const sent = [];
	const guarded = guardedCredential(credentialType, {
		allowed: pkg.plan.allowedRoutes(pkg.ENDPOINTS, config.environment),
		intervalMs: Math.ceil(1000 / rate) + 20,
		onRequest: (route) => sent.push(route),
	});

	const rows = probeRows(pkg, config.environment);
	const order = [...pkg.plan.DISCOVERY_FIRST, ...rows.map((r) => r.key)].filter(
		(k, i, all) => all.indexOf(k) === i,
	);
	const byKey = new Map(rows.map((r) => [r.key, r]));
	const found = { ...config.found };
	out(
		`CMR contract probe: ${config.environment} at ${new URL(config.baseUrl).host}, ${rate} requests/s, ${rows.filter((r) => r.safety.probe).length} of ${rows.length} endpoints are safe to call.\n`,
	);

	for (const key of order) {
		const row = byKey.get(key);
		if (!row) continue;
		await probeOne(pkg, row, { guarded, credentials, found, redact });
		if (row.status !== null) out(`  ${row.method} ${row.path} → ${row.status} ${row.verdict}\n`);
		else if (row.verdict !== 'not probed') out(`  ${row.method} ${row.path} → ${row.verdict}\n`);
	}

	const date = new Date().toISOString().slice(0, 10);
	const notes = rows.map((r) => (r.status ? pkg.plan.noteChange(r, date) : null)).filter(Boolean);
	const report = redact(renderMarkdown(rows, { ...config, rate, date, sent: sent.length }));
	const files = writeReport(args.out, config.environment, report, rows, {
		redact,
		baseUrlHost: new URL(config.baseUrl).host,
		rate,
		requests: sent,
	});
	out(`\n${report}\n`);
	if (args.updateNotes) {
		out(
			`Endpoint-table changes these results support (nodes/ColdMailReseller/shared/endpoints.ts; nothing was written):\n`,
		);
		out(notes.length ? `${notes.map((n) => `  ${redact(n)}`).join('\n')}\n` : '  (none)\n');
	}
	out(`Report: ${files.join(', ')}\n`);
	return { rows, files, notes, sent };
}

const cell = (v) =>
	String(v ?? '—')
		.replace(/\|/g, '\\|')
		.replace(/\n/g, ' ');

function renderMarkdown(rows, meta) {
	const counts = {};
	for (const r of rows) counts[r.verdict] = (counts[r.verdict] ?? 0) + 1;
	const lines = [
		`### CMR contract probe, ${meta.date}`,
		'',
		`Environment **${meta.environment}**, host \`${new URL(meta.baseUrl).host}\`, ${meta.sent} requests at ≤ ${meta.rate}/s. ` +
			`Only GETs, lookups and${meta.environment === 'sandbox' ? ' sandbox-only calls' : ' no sandbox calls'}; nothing paid, destructive or state-changing.`,
		'',
		Object.entries(counts)
			.map(([v, n]) => `${n} ${v}`)
			.join(' · '),
		'',
	];
	let group = null;
	for (const r of rows) {
		if (r.resourceName !== group) {
			group = r.resourceName;
			lines.push(
				`#### ${group}`,
				'',
				'| Operation | Method and path | Reference | HTTP | Envelope | Fields the node reads | Verdict | Notes |',
				'| --- | --- | --- | --- | --- | --- | --- | --- |',
			);
		}
		lines.push(
			`| ${cell(r.operationName)} | \`${r.method} ${r.path}\` | ${r.confidence} | ${cell(r.status)} | ${cell(r.envelope)} | ${cell(r.fields)} | ${cell(r.verdict)} | ${cell(r.detail)} |`,
		);
		const next = rows[rows.indexOf(r) + 1];
		if (!next || next.resourceName !== group) lines.push('');
	}
	return lines.join('\n');
}

function writeReport(dir, environment, markdown, rows, meta) {
	fs.mkdirSync(dir, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:]/g, '').replace(/\..*/, 'Z');
	const base = path.join(dir, `cmr-probe-${environment}-${stamp}`);
	const json = {
		generatedAt: new Date().toISOString(),
		environment,
		host: meta.baseUrlHost,
		rate: meta.rate,
		requests: meta.requests,
		rows: rows.map(({ safety, ...r }) => ({ ...r, probeable: safety.probe, why: safety.why })),
	};
	fs.writeFileSync(`${base}.md`, `${markdown}\n`);
	fs.writeFileSync(`${base}.json`, `${meta.redact(JSON.stringify(json, null, 2))}\n`);
	return [`${base}.md`, `${base}.json`];
}

if (require.main === module) {
	runProbe({ argv: process.argv.slice(2) }).catch((err) => {
		const secret = process.env.CMR_API_KEY;
		const message = secret ? redactor(secret)(err.message) : err.message;
		process.stderr.write(`probe: ${message}\n`);
		process.exitCode = err instanceof UsageError ? 2 : 1;
	});
}

module.exports = {
	runProbe,
	parseArgs,
	configFrom,
	guardedCredential,
	rateOf,
	CONSENT_FLAG,
	UsageError,
};
