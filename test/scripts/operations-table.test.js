'use strict';
// `node scripts/operations-table.js --check` (on the built node) is how CI and contributors check
// that README.md's operations table and unverified list match the node: exit 0 when up to date,
// exit 1 with the command to run when not.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '../..');

function check(cwd) {
	return spawnSync(process.execPath, [path.join(cwd, 'scripts/operations-table.js'), '--check'], {
		cwd,
		encoding: 'utf8',
	});
}

it('passes on this repository (after the build)', () => {
	const run = check(root);
	expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
		status: 0,
		stdout: 'README operations table is up to date\n',
		stderr: '',
	});
});

it('fails, without rewriting README.md, when a table row is out of date', () => {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-optable-'));
	try {
		fs.mkdirSync(path.join(copy, 'scripts'));
		fs.copyFileSync(
			path.join(root, 'scripts/operations-table.js'),
			path.join(copy, 'scripts/operations-table.js'),
		);
		fs.symlinkSync(path.join(root, 'dist'), path.join(copy, 'dist'));
		fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
		const readme = fs
			.readFileSync(path.join(root, 'README.md'), 'utf8')
			.replace('`GET /users/list`', '`GET /users/all`');
		fs.writeFileSync(path.join(copy, 'README.md'), readme);
		const run = check(copy);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(
			'out of date: run `npm run build && node scripts/operations-table.js`',
		);
		expect(fs.readFileSync(path.join(copy, 'README.md'), 'utf8')).toBe(readme);
	} finally {
		fs.rmSync(copy, { recursive: true, force: true });
	}
});
