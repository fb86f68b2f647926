// `npm run test:scan`: the lint rules of n8n's verification scanner (@n8n/scan-community-package), offline.
//
// The scanner's CLI downloads the published version and its provenance-attested source from the network. Here
// its own ESLint config (buildScanConfig) and file patterns lint the same two legs locally:
//   - the source: package.json and {nodes,credentials}/**/*.{js,ts,json} (SOURCE_FILE_PATTERNS);
//   - the packed tarball (`npm pack` of the built dist/): **/*.js and package.json.
// Prints the problems and a count per leg; exits non-zero on any problem (error or warning).
// Needs `npm run build` first. `--root <dir>` scans another package folder. Plain Node ESM, not part of the published package.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNER_DIR = path.join(REPO, 'node_modules', '@n8n', 'scan-community-package');
// `--root <dir>` scans another package folder (the tests use it to prove a violation is caught).
const rootFlag = process.argv.indexOf('--root');
const ROOT = rootFlag > 0 ? path.resolve(process.argv[rootFlag + 1]) : REPO;
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const say = (msg) => process.stdout.write(`${msg}\n`);

async function loadScanner() {
	const scannerRequire = createRequire(path.join(SCANNER_DIR, 'package.json'));
	// The scanner makes a temp dir when it loads; let tmp remove it at exit.
	scannerRequire('tmp').setGracefulCleanup();
	const scanner = await import(
		pathToFileURL(path.join(SCANNER_DIR, 'scanner', 'scanner.mjs')).href
	);
	// The same ESLint the scanner runs (its own dependency, not the repo's).
	const { ESLint } = await import(pathToFileURL(scannerRequire.resolve('eslint')).href);
	const glob = scannerRequire('fast-glob');
	return { scanner, ESLint, glob };
}

/** Lints `dir` exactly as the scanner's analyzePackage() does, but returns every problem with counts. */
async function lintLeg({ scanner, ESLint, glob }, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = files.length ? await eslint.lintFiles(files) : [];
	const errors = results.reduce((n, r) => n + r.errorCount, 0);
	const warnings = results.reduce((n, r) => n + r.warningCount, 0);
	const formatted =
		errors + warnings ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { files: files.length, errors, warnings, formatted };
}

/** Packs the package as npm would publish it and unpacks it into a temp folder; returns that folder. */
function packTarball(tmp) {
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', tmp],
		{
			cwd: ROOT,
			encoding: 'utf8',
		},
	);
	const [{ filename }] = JSON.parse(out);
	const dir = path.join(tmp, 'package');
	execFileSync('tar', ['-xzf', path.join(tmp, filename), '-C', tmp]);
	return dir;
}

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) {
		throw new Error(
			'dist/ is missing: run `npm run build` first (the tarball leg lints the built package).',
		);
	}
	const tools = await loadScanner();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-scan-'));
	let problems = 0;
	try {
		const legs = [
			['source', ROOT, tools.scanner.SOURCE_FILE_PATTERNS],
			['tarball', packTarball(tmp), TARBALL_PATTERNS],
		];
		for (const [name, dir, patterns] of legs) {
			const r = await lintLeg(tools, dir, patterns);
			if (r.formatted) say(r.formatted.trim());
			say(
				`n8n scanner rules, ${name} (${patterns.join(', ')}): ${r.files} files, ` +
					`${r.errors + r.warnings} problems (${r.errors} errors, ${r.warnings} warnings)`,
			);
			if (r.files === 0) throw new Error(`the ${name} leg found no files to lint`);
			problems += r.errors + r.warnings;
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	if (problems) process.exitCode = 1;
}

main().catch((err) => {
	process.stderr.write(`scan: ${err.message}\n`);
	process.exitCode = 1;
});
