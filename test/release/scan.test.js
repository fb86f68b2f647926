'use strict';
// scripts/scan.mjs (npm run test:scan) runs n8n's scanner rules offline; this proves it reports a violation in
// both legs (source and packed tarball), so its "0 problems" on this package means something.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '../..');

test('a console call in a node fails the source and the tarball leg', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-scan-fixture-'));
	try {
		const { private: _private, ...pkg } = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
		);
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
		for (const sub of ['nodes/Bad', 'dist/nodes/Bad']) {
			fs.mkdirSync(path.join(dir, sub), { recursive: true });
			fs.writeFileSync(
				path.join(dir, sub, 'Bad.node.js'),
				"console.log('debug');\nmodule.exports = {};\n",
			);
		}
		const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/scan.mjs'), '--root', dir], {
			encoding: 'utf8',
		});
		expect(r.status).toBe(1);
		expect(r.stdout).toMatch(/Unexpected console statement\s+no-console/);
		expect(r.stdout).toMatch(/source \(.*\): 2 files, 1 problems \(1 errors, 0 warnings\)/);
		expect(r.stdout).toMatch(/tarball \(.*\): 2 files, 1 problems \(1 errors, 0 warnings\)/);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}, 60000);
