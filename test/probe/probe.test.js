'use strict';
// The contract probe (scripts/probe.js) against the simulator: it reports exactly the injected 404/405 faults,
// never sends a paid, destructive or state-changing request (checked on the simulator's request log), stays
// under the rate limit, and never prints or writes the key. Needs a build (the probe drives dist/).

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSim } = require('../simulator/helpers');

const ROOT = path.join(__dirname, '../..');
const KEY = 'cmr_probe_secret_key_5f3e9a';
const SANDBOX_KEY = 'cmr_probe_sandbox_secret_b81c';
const FLAG = '--i-understand-this-calls-the-live-api';
const FAULTS = ['GET /wallet=404', 'GET /orders/status=404', 'POST /domains/available=405'];

let ENDPOINTS;
let plan;
let runProbe;
let guardedCredential;
let configFrom;

beforeAll(() => {
	if (!fs.existsSync(path.join(ROOT, 'dist/nodes')))
		throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
	({ ENDPOINTS } = require('../../dist/nodes/ColdMailReseller/shared/endpoints'));
	plan = require('../../scripts/probe-plan');
	({ runProbe, guardedCredential, configFrom } = require('../../scripts/probe'));
});

const routeKey = (method, p) =>
	Object.keys(ENDPOINTS).find((k) => ENDPOINTS[k].method === method && ENDPOINTS[k].path === p);
const unsafe = (env) =>
	Object.keys(ENDPOINTS).filter((k) => !plan.safetyOf(k, ENDPOINTS[k], env).probe);

async function probe(env, extraArgs = []) {
	const ctx = await startSim({
		apiKey: KEY,
		sandboxKey: SANDBOX_KEY,
		rateLimit: 5,
		faults: FAULTS,
	});
	const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-probe-test-'));
	let printed = '';
	try {
		const result = await runProbe({
			argv: [FLAG, '--out', outDir, ...extraArgs],
			env: {
				CMR_API_KEY: env === 'sandbox' ? SANDBOX_KEY : KEY,
				CMR_ENV: env,
				CMR_BASE_URL: `${ctx.url}/`,
			},
			out: (t) => (printed += t),
		});
		const files = result.files.map((f) => fs.readFileSync(f, 'utf8'));
		return { ...result, printed, fileTexts: files, log: ctx.sim.hooks.requests.slice() };
	} finally {
		await ctx.sim.stop();
		fs.rmSync(outDir, { recursive: true, force: true });
	}
}

describe('production run', () => {
	let run;

	beforeAll(async () => {
		run = await probe('production', ['--update-notes']);
	}, 90000);

	test('reports exactly the injected faults; every other probed endpoint is confirmed', () => {
		const probed = run.rows.filter((r) => r.verdict !== 'not probed');
		const notConfirmed = Object.fromEntries(
			probed.filter((r) => r.verdict !== 'confirmed').map((r) => [r.key, r.verdict]),
		);
		expect(notConfirmed).toEqual({
			'wallet.get': 'wrong path (404)',
			'order.getStatus': 'wrong path (404)',
			'domain.checkAvailability': 'wrong method (405)',
		});
		const expected = Object.keys(ENDPOINTS).filter(
			(k) => ENDPOINTS[k].method === 'GET' && !ENDPOINTS[k].sandboxOnly,
		);
		expect(probed.map((r) => r.key).sort()).toEqual(
			[
				...expected,
				'domain.checkAvailability',
				'domain.checkWorkspace',
				'domain.getRenewalPrice',
				'domain.suggest',
			].sort(),
		);
	});

	test('sends nothing paid, destructive or state-changing, one request per probed endpoint, under the rate limit', () => {
		const sent = run.log.map((r) => routeKey(r.method, r.path));
		expect(sent).not.toContain(undefined);
		for (const key of unsafe('production')) expect(sent).not.toContain(key);
		for (const r of run.log)
			expect(r.method === 'GET' || plan.READ_ONLY_POSTS[routeKey(r.method, r.path)]).toBeTruthy();
		expect(run.log).toHaveLength(run.rows.filter((r) => r.status !== null).length);
		expect(run.log.filter((r) => r.status === 429)).toEqual([]);
	});

	test('every paid, destructive and state-changing endpoint is listed as not probed, with the reason', () => {
		const row = (k) => run.rows.find((r) => r.key === k);
		const reasons = Object.fromEntries(
			['order.create', 'user.delete', 'user.create', 'sandbox.getPreWarmupDomains'].map((k) => [
				k,
				`${row(k).verdict}: ${row(k).detail}`,
			]),
		);
		expect(reasons).toEqual({
			'order.create': 'not probed: paid: charges the wallet',
			'user.delete': 'not probed: destructive: deletes, cancels or resets',
			'user.create': 'not probed: state-changing: POST changes data',
			'sandbox.getPreWarmupDomains':
				'not probed: sandbox only: run with CMR_ENV=sandbox and a sandbox key',
		});
		for (const key of unsafe('production')) expect(row(key).verdict).toBe('not probed');
	});

	test('the table has one row per endpoint, grouped by resource in README order', () => {
		const md = run.fileTexts[0];
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const table = readme.slice(
			readme.indexOf('<!-- operations:start -->'),
			readme.indexOf('<!-- operations:end -->'),
		);
		const readmeGroups = [
			...new Set([...table.matchAll(/^\| ([^|]+?) \| [^|]+ \| `/gm)].map((m) => m[1])),
		];
		expect([...md.matchAll(/^#### (.+)$/gm)].map((m) => m[1])).toEqual(readmeGroups);
		expect(md.match(/^\| [^|-].* \| `(GET|POST|PUT|PATCH|DELETE) \//gm)).toHaveLength(
			Object.keys(ENDPOINTS).length,
		);
		expect(md).toContain(
			'| Get | `GET /wallet` | inferred | 404 | ok | — | wrong path (404) | Endpoint not found: GET /wallet |',
		);
		const json = JSON.parse(run.fileTexts[1]);
		expect(json.rows).toHaveLength(Object.keys(ENDPOINTS).length);
		expect(json.rows.find((r) => r.key === 'domain.checkAvailability')).toMatchObject({
			status: 405,
			verdict: 'wrong method (405)',
		});
	});

	test('--update-notes prints the exact one-line table changes for the refuted endpoints', () => {
		const date = new Date().toISOString().slice(0, 10);
		expect(run.printed).toContain(
			`'wallet.get': note: 'path inferred; only the title and method are documented' → note: 'path refuted: GET /wallet answered 404 (production, ${date})'  # keep confidence 'inferred' until fixed`,
		);
		expect(run.printed).toContain(
			`'domain.checkAvailability': note: 'path and body \`{domainName}\` inferred; only the title and method are documented' → note: 'method refuted: POST /domains/available answered 405 (production, ${date})'  # keep confidence 'inferred' until fixed`,
		);
		expect(run.printed).toContain(
			`'domain.suggest': confidence: 'inferred' → confidence: 'confirmed'  # POST /domains/suggestions answered 200 (production, ${date}), envelope and fields ok`,
		);
		expect(
			run.notes.some((n) =>
				n.startsWith(
					"'order.getStatus': note: (none) → note: 'path refuted: GET /orders/status answered 404",
				),
			),
		).toBe(true);
	});

	test('the key appears nowhere in the output or the reports', () => {
		expect(run.printed).not.toContain(KEY);
		for (const text of run.fileTexts) expect(text).not.toContain(KEY);
	});
});

describe('sandbox run', () => {
	let run;

	beforeAll(async () => {
		run = await probe('sandbox');
	}, 90000);

	test('adds the sandbox-only calls, never the reset, and keeps the sandbox key secret', () => {
		const verdict = (k) => run.rows.find((r) => r.key === k).verdict;
		expect(verdict('sandbox.getPreWarmupDomains')).toBe('confirmed');
		expect(verdict('sandbox.orderPreWarmup')).toBe('confirmed');
		expect(run.rows.find((r) => r.key === 'sandbox.resetPreWarmup')).toMatchObject({
			verdict: 'not probed',
			detail: 'destructive: deletes, cancels or resets',
		});
		const sent = run.log.map((r) => `${r.method} ${r.path}`);
		expect(sent).toContain('POST /sandbox/pre-warmup/order');
		expect(sent).not.toContain('POST /sandbox/pre-warmup/reset');
		for (const key of unsafe('sandbox'))
			expect(run.log.map((r) => routeKey(r.method, r.path))).not.toContain(key);
		expect(run.printed).not.toContain(SANDBOX_KEY);
		for (const text of run.fileTexts) expect(text).not.toContain(SANDBOX_KEY);
	});
});

describe('wrong key', () => {
	test('every call that was sent reports an auth problem, and the wrong key is not shown either', async () => {
		const ctx = await startSim({ apiKey: KEY, sandboxKey: SANDBOX_KEY, rateLimit: 5 });
		const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-probe-test-'));
		const wrong = 'cmr_wrong_key_0d4c21';
		let printed = '';
		try {
			const { rows } = await runProbe({
				argv: [FLAG, '--out', outDir],
				env: { CMR_API_KEY: wrong, CMR_ENV: 'production', CMR_BASE_URL: ctx.url },
				out: (t) => (printed += t),
			});
			const sent = rows.filter((r) => r.status !== null);
			expect(sent.length).toBe(ctx.sim.hooks.requests.length);
			expect(sent.length).toBeGreaterThan(5);
			expect(new Set(sent.map((r) => `${r.status} ${r.verdict}`))).toEqual(
				new Set(['401 auth problem']),
			);
			expect(rows.find((r) => r.key === 'user.get')).toMatchObject({
				verdict: 'not probed',
				detail: 'needs a userId and none was found (set CMR_PROBE_USER_ID)',
			});
			expect(printed).not.toContain(wrong);
		} finally {
			await ctx.sim.stop();
			fs.rmSync(outDir, { recursive: true, force: true });
		}
	}, 60000);
});

describe('safety', () => {
	test('paid and destructive endpoints are never allowed, in either environment', () => {
		for (const env of ['production', 'sandbox']) {
			const allowed = plan.allowedRoutes(ENDPOINTS, env);
			for (const e of Object.values(ENDPOINTS)) {
				if (e.paid || e.destructive) expect(allowed.has(`${e.method} ${e.path}`)).toBe(false);
			}
		}
	});

	test('the request guard refuses a route that is not on the allow-list, before authenticating', async () => {
		const authenticate = jest.fn(async (_c, o) => o);
		const guarded = guardedCredential(
			{ properties: [], authenticate },
			{
				allowed: new Set(['GET /wallet']),
				intervalMs: 0,
				onRequest: () => {},
			},
		);
		await expect(guarded.authenticate({}, { method: 'POST', url: '/orders/json' })).rejects.toThrow(
			'probe safety guard: refused to send POST /orders/json (not on the read-only allow-list)',
		);
		expect(authenticate).not.toHaveBeenCalled();
		await guarded.authenticate({}, { method: 'GET', url: '/wallet?x=1' });
		expect(authenticate).toHaveBeenCalledTimes(1);
	});

	test('refuses to run without the consent flag, and sends nothing', async () => {
		const ctx = await startSim({ apiKey: KEY });
		try {
			const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/probe.js')], {
				env: {
					PATH: process.env.PATH,
					CMR_API_KEY: KEY,
					CMR_ENV: 'production',
					CMR_BASE_URL: ctx.url,
				},
				encoding: 'utf8',
			});
			expect(r.status).toBe(2);
			expect(r.stderr).toContain(
				`Refusing to run: this calls the live Cold Mail Reseller API with your key. Add ${FLAG} to confirm.`,
			);
			expect(r.stdout + r.stderr).not.toContain(KEY);
			expect(ctx.sim.hooks.requests).toEqual([]);
		} finally {
			await ctx.sim.stop();
		}
	});

	test('needs a key and an explicit environment', () => {
		expect(() => configFrom({}, 'https://x')).toThrow('CMR_API_KEY is not set');
		expect(() => configFrom({ CMR_API_KEY: 'k' }, 'https://x')).toThrow(
			'CMR_ENV must be "sandbox" or "production" (got nothing)',
		);
		expect(
			configFrom(
				{ CMR_API_KEY: ' k ', CMR_ENV: 'sandbox', CMR_PROBE_ORDER_ID: 'O1' },
				'https://h/api/',
			),
		).toEqual({
			apiKey: 'k',
			environment: 'sandbox',
			baseUrl: 'https://h/api',
			found: { orderId: 'O1' },
		});
	});
});
