'use strict';
// `npm publish` from a maintainer's machine must fail, with or without lifecycle scripts. The guard is npm's own
// checks on package.json ("private": true, publishConfig.provenance: true), not a script. Each case runs the
// real npm CLI against a local stand-in registry, in a copy of the package, with a laptop-like environment
// (no CI variables); the registry records every publish (PUT) it receives.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const {
	npmVersionProblem,
	tagProblem,
	ciProblem,
	provenanceProblem,
} = require('../../scripts/release-guard');

const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

let registry;
let url;
let puts;
let work;

beforeAll(async () => {
	puts = [];
	registry = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			if (req.method === 'PUT') {
				puts.push(req.url);
				res.writeHead(200, { 'content-type': 'application/json' });
				return res.end('{"ok":true}');
			}
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end('{"error":"Not found"}');
		});
	});
	await new Promise((resolve) => registry.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${registry.address().port}/`;
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-publish-guard-'));
});

afterAll(async () => {
	await new Promise((resolve) => registry.close(resolve));
	fs.rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
	puts.length = 0;
});

/** A copy of the package (package.json as given, .npmrc, a tiny dist/), published with `args`. */
function publish(manifest, args) {
	const dir = fs.mkdtempSync(path.join(work, 'pkg-'));
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	fs.copyFileSync(path.join(ROOT, '.npmrc'), path.join(dir, '.npmrc'));
	fs.mkdirSync(path.join(dir, 'dist'));
	fs.writeFileSync(path.join(dir, 'dist', 'index.js'), 'module.exports = {};\n');
	const env = {
		PATH: process.env.PATH,
		HOME: dir,
		npm_config_cache: path.join(work, 'npm-cache'),
		npm_config_update_notifier: 'false',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
	};
	const host = url.replace(/^http:/, '');
	const argv = ['publish', `--registry=${url}`, `--${host}:_authToken=not-a-real-token`, ...args];
	return new Promise((resolve, reject) => {
		const child = spawn('npm', argv, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output }));
	});
}

const withoutPrivate = () => {
	const { private: _private, ...rest } = pkg;
	return rest;
};

describe('npm publish outside the publish workflow', () => {
	test('package.json is private and forces provenance', () => {
		expect(pkg.private).toBe(true);
		expect(pkg.publishConfig).toEqual({ provenance: true, access: 'public' });
	});

	test.each([
		['plain npm publish', []],
		['--ignore-scripts', ['--ignore-scripts']],
		['--ignore-scripts --provenance=false', ['--ignore-scripts', '--provenance=false']],
	])(
		'fails on "private" with %s, and nothing reaches the registry',
		async (_name, args) => {
			const { code, output } = await publish(pkg, args);
			expect(code).not.toBe(0);
			expect(output).toMatch(/EPRIVATE|marked as private/);
			expect(puts).toEqual([]);
		},
		60000,
	);

	test('with "private" removed (as publish.yml does), still fails: npm cannot make provenance outside CI', async () => {
		const { code, output } = await publish(withoutPrivate(), ['--ignore-scripts']);
		expect(code).not.toBe(0);
		expect(output).toMatch(/[Pp]rovenance generation/);
		expect(puts).toEqual([]);
	}, 60000);

	test('control: only removing "private" AND turning provenance off publishes (so the stand-in registry sees publishes)', async () => {
		const { code, output } = await publish(withoutPrivate(), [
			'--ignore-scripts',
			'--provenance=false',
		]);
		expect({ code, output }).toEqual({
			code: 0,
			output: expect.stringContaining(`+ ${pkg.name}@${pkg.version}`),
		});
		expect(puts).toEqual([`/${pkg.name}`]);
	}, 60000);
});

describe('release-guard', () => {
	test('npm must support trusted publishing (>= 11.5.1)', () => {
		expect(npmVersionProblem('11.5.1')).toBeNull();
		expect(npmVersionProblem('11.6.2')).toBeNull();
		expect(npmVersionProblem('12.0.0')).toBeNull();
		expect(npmVersionProblem('11.5.0')).toMatch(/needs npm >= 11\.5\.1/);
		expect(npmVersionProblem('10.9.4')).toMatch(/needs npm >= 11\.5\.1/);
		expect(npmVersionProblem('')).toMatch(/cannot read/);
	});

	test('the tag must match package.json and CHANGELOG.md must have a dated section for it', () => {
		const log = '## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n';
		expect(tagProblem('v0.2.0', { version: '0.2.0' }, log)).toBeNull();
		expect(tagProblem('0.2.0', { version: '0.2.0' }, log)).toMatch(/does not match/);
		expect(tagProblem('v0.2.1', { version: '0.2.0' }, log)).toMatch(
			/does not match package.json version 0\.2\.0/,
		);
		expect(tagProblem('v0.3.0', { version: '0.3.0' }, log)).toMatch(
			/CHANGELOG\.md has no "## \[0\.3\.0\]/,
		);
		const current = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
		expect(tagProblem(`v${pkg.version}`, pkg, current)).toBeNull();
	});

	test('publishing needs GitHub Actions, an OIDC token and publishConfig.provenance', () => {
		const oidc = {
			GITHUB_ACTIONS: 'true',
			ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x',
			ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
		};
		expect(ciProblem(oidc, pkg)).toBeNull();
		expect(ciProblem({}, pkg)).toMatch(/only in GitHub Actions/);
		expect(ciProblem({ GITHUB_ACTIONS: 'true' }, pkg)).toMatch(/id-token: write/);
		expect(ciProblem(oidc, { ...pkg, publishConfig: {} })).toMatch(
			/publishConfig\.provenance: true/,
		);
	});

	test('the published version must carry an SLSA v1 provenance attestation', () => {
		expect(
			provenanceProblem({
				attestations: { provenance: { predicateType: 'https://slsa.dev/provenance/v1' } },
			}),
		).toBeNull();
		expect(provenanceProblem({ tarball: 'x' })).toMatch(/no provenance/);
		expect(provenanceProblem(null)).toMatch(/no provenance/);
		expect(
			provenanceProblem({
				attestations: { provenance: { predicateType: 'https://slsa.dev/provenance/v0.2' } },
			}),
		).toMatch(/unsupported/);
	});
});
