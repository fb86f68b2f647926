'use strict';
// What `npm pack` / `npm publish` would ship: exactly what n8n loads, nothing else.
// Needs a build (`npm run build`, which `npm test` runs before jest).

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function walk(dir) {
	if (!fs.existsSync(path.join(ROOT, dir))) return [];
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = `${dir}/${e.name}`;
		return e.isDirectory() ? walk(rel) : [rel];
	});
}

/** The files the tarball must hold, derived from the sources. */
function expectedFiles() {
	const sources = [...walk('nodes'), ...walk('credentials')];
	return new Set([
		'package.json',
		'README.md',
		'LICENSE.md',
		...sources.filter((f) => f.endsWith('.ts')).map((f) => `dist/${f.replace(/\.ts$/, '.js')}`),
		...sources.filter((f) => /\.node\.json$|\.(svg|png)$/.test(f)).map((f) => `dist/${f}`),
		...walk('icons')
			.filter((f) => /\.(svg|png)$/.test(f))
			.map((f) => `dist/${f}`),
	]);
}

describe('npm pack', () => {
	let files;

	beforeAll(() => {
		if (!fs.existsSync(path.join(ROOT, 'dist/nodes'))) {
			throw new Error('dist/ is missing: run `npm run build` before this test (npm test does).');
		}
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		files = JSON.parse(out)[0].files.map((f) => f.path);
	});

	test('ships exactly the compiled nodes, credential, codex files, icons and the docs', () => {
		const expected = expectedFiles();
		const unexpected = files.filter((f) => !expected.has(f));
		const missing = [...expected].filter((f) => !files.includes(f));
		expect({ unexpected, missing }).toEqual({ unexpected: [], missing: [] });
	});

	test('has no build info, source maps, declarations, TypeScript sources or tests', () => {
		expect(
			files.filter((f) =>
				/tsbuildinfo|\.map$|\.d\.ts$|\.ts$|test|spec|simulator|scripts\//.test(f),
			),
		).toEqual([]);
	});

	test('holds every node and credential package.json registers with n8n', () => {
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	});
});

describe('package.json metadata', () => {
	const slug = 'cold-mail-reseller/n8n-nodes-cold-mail-reseller';

	test('repository.url is in npm normalised form and homepage/bugs point at the same repository', () => {
		expect(pkg.repository).toEqual({ type: 'git', url: `git+https://github.com/${slug}.git` });
		expect(pkg.homepage).toBe(`https://github.com/${slug}#readme`);
		expect(pkg.bugs).toEqual({ url: `https://github.com/${slug}/issues` });
	});

	test('the author is the copyright holder in LICENSE.md', () => {
		const license = fs.readFileSync(path.join(ROOT, 'LICENSE.md'), 'utf8');
		expect(pkg.license).toBe('MIT');
		expect(license).toContain(`Copyright (c) 2026 ${pkg.author.name}`);
		expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
	});

	test('has no runtime dependencies', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});
