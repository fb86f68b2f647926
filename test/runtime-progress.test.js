'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SCRIPT = path.join(__dirname, '..', 'scripts', 'n8n-runtime.mjs');

/** Runs a snippet against scripts/n8n-runtime.mjs (ESM) in a plain Node process. */
function withRuntime(snippet, env = {}) {
	const code = `import * as rt from ${JSON.stringify(SCRIPT)}; ${snippet}`;
	return execFileSync(process.execPath, ['--input-type=module', '-e', code], {
		encoding: 'utf8',
		env: { ...process.env, ...env },
	}).trim();
}

describe('runtime installer progress', () => {
	let dir;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-progress-'));
		fs.mkdirSync(path.join(dir, 'node_modules', 'a', 'lib'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'node_modules', 'a', 'index.js'), Buffer.alloc(300_000, 1));
		fs.writeFileSync(
			path.join(dir, 'node_modules', 'a', 'lib', 'x.js'),
			Buffer.alloc(1_700_000, 1),
		);
		fs.symlinkSync(path.join(dir, 'node_modules', 'a'), path.join(dir, 'node_modules', 'link'));
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('measures the bytes the install folder takes, not the free disk space', () => {
		const bytes = Number(withRuntime(`console.log(await rt.folderBytes(${JSON.stringify(dir)}))`));
		// 2,000,000 bytes of data plus at most one block of slack per file and directory.
		expect(bytes).toBeGreaterThanOrEqual(2_000_000);
		expect(bytes).toBeLessThan(2_000_000 + 8 * 4096);
		expect(Number(withRuntime(`console.log(await rt.folderBytes('/nonexistent-cmr-dir'))`))).toBe(
			0,
		);
	});

	it('reports progress as part of the expected install size', () => {
		const line = withRuntime(`console.log(rt.installProgressLine(45_000, 1_234_000_000))`, {
			CMR_N8N_RUNTIME_DIR: path.join(dir, 'rt'),
		});
		expect(line).toMatch(
			/^n8n runtime: \[2\/3\] installing n8n… 45(\.0)? ?s, 1234 MB of ~2800 MB in .*rt\/n8n\/$/,
		);
	});
});
