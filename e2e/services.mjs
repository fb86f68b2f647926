// Redis and PostgreSQL for the queue-mode stage (e2e/queue.mjs), from Debian's packages, on 127.0.0.1.
//
// Uses the machine's binaries (PostgreSQL under /usr/lib/postgresql/<version>/bin, redis-server on PATH). When one
// is missing it is installed with apt-get if this runs as root (as in CI); otherwise it stops with the exact command.
// Data lives in a temp folder; both servers are started in their own process group and tracked by
// scripts/n8n-runtime.mjs, so stopAll() and the signal handlers stop them by process id even on failure.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { run, stopProcess, track } from '../scripts/n8n-runtime.mjs';

const PG_ROOT = '/usr/lib/postgresql';
export const APT_PACKAGES = ['redis-server', 'postgresql'];
export const APT_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;

function onPath(name) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const file = path.join(dir, name);
		if (dir && fs.existsSync(file)) return file;
	}
	return null;
}

/** The newest PostgreSQL bin dir that has initdb, postgres and psql, or null. */
function postgresBinDir() {
	let versions = [];
	try {
		versions = fs
			.readdirSync(PG_ROOT)
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
	} catch {
		/* not installed */
	}
	for (const v of versions) {
		const dir = path.join(PG_ROOT, v, 'bin');
		if (['initdb', 'postgres', 'psql'].every((b) => fs.existsSync(path.join(dir, b)))) return dir;
	}
	return null;
}

function findBinaries() {
	const pgDir = postgresBinDir();
	return {
		redisServer: onPath('redis-server'),
		initdb: pgDir && path.join(pgDir, 'initdb'),
		postgres: pgDir && path.join(pgDir, 'postgres'),
		psql: pgDir && path.join(pgDir, 'psql'),
	};
}

/**
 * Returns {redisServer, initdb, postgres, psql}. Installs what is missing with apt-get when running as root;
 * otherwise throws an error that names the command to run.
 */
export async function ensureServiceBinaries({ log }) {
	let bins = findBinaries();
	const missing = () =>
		[!bins.redisServer && 'redis-server', !bins.postgres && 'postgresql'].filter(Boolean);
	if (!missing().length) return bins;
	const wanted = missing();
	if (process.getuid?.() !== 0) {
		throw new Error(`${wanted.join(' and ')} not found; install with: sudo sh -c '${APT_COMMAND}'`);
	}
	log(`installing ${wanted.join(', ')} with apt-get…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Another apt-get may hold the dpkg lock for a while (e.g. a browser install): wait for it.
	const lock = ['-o', 'DPkg::Lock::Timeout=300'];
	for (const args of [
		['update', ...lock],
		['install', '-y', '--no-install-recommends', ...lock, ...wanted],
	]) {
		const r = await run('apt-get', args, { env, timeoutMs: 600000 });
		if (r.code !== 0)
			throw new Error(
				`apt-get ${args.join(' ')} failed (exit ${r.code}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n')}`,
			);
	}
	bins = findBinaries();
	if (missing().length) throw new Error(`${missing().join(', ')} still missing after apt-get`);
	return bins;
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port (and `probe` succeeds, if given). */
async function waitForPort(port, { child, name, timeoutMs = 30000, probe }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(
				`${name} exited (code ${child.exitCode ?? child.signalCode}) before it was ready`,
			);
		const open = await new Promise((resolve) => {
			const s = net.connect({ host: '127.0.0.1', port }, () => {
				s.destroy();
				resolve(true);
			});
			s.on('error', () => resolve(false));
		});
		if (open && (!probe || (await probe()))) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${name} not ready on port ${port} after ${timeoutMs} ms`);
}

function spawnTracked(cmd, args, { logFile, uid, gid, cwd }) {
	const out = fs.openSync(logFile, 'a');
	const child = track(
		spawn(cmd, args, { cwd, detached: true, stdio: ['ignore', out, out], uid, gid }),
	);
	fs.closeSync(out);
	return child;
}

/** Sends one RESP command over a fresh connection and resolves to the raw reply. */
export function redisCommand(port, ...words) {
	return new Promise((resolve, reject) => {
		const s = net.connect({ host: '127.0.0.1', port });
		const chunks = [];
		s.setTimeout(2000, () => s.destroy(new Error('redis: timeout')));
		s.on('connect', () =>
			s.write(
				`*${words.length}\r\n${words.map((w) => `$${Buffer.byteLength(w)}\r\n${w}\r\n`).join('')}`,
			),
		);
		s.on('data', (c) => {
			chunks.push(c);
			if (Buffer.concat(chunks).includes('\r\n')) s.end();
		});
		s.on('close', () => resolve(Buffer.concat(chunks).toString()));
		s.on('error', reject);
	});
}

/** Starts redis-server (no persistence) on 127.0.0.1:port. Returns {child, port, stop()}. */
export async function startRedis({ bin, port, dir, logFile }) {
	fs.mkdirSync(dir, { recursive: true });
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
	args.push('--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes');
	const child = spawnTracked(bin, args, { logFile, cwd: dir });
	await waitForPort(port, {
		child,
		name: 'redis-server',
		probe: async () => (await redisCommand(port, 'PING').catch(() => '')).startsWith('+PONG'),
	});
	return { child, port, stop: () => stopProcess(child, { graceMs: 5000 }) };
}

/**
 * The account PostgreSQL runs as: it refuses to run as root. Debian's `postgres` system user if it exists,
 * else `nobody`. Returns {name, uid, gid}.
 */
function postgresAccount() {
	for (const name of ['postgres', 'nobody']) {
		const line = fs
			.readFileSync('/etc/passwd', 'utf8')
			.split('\n')
			.find((l) => l.startsWith(`${name}:`));
		if (line) {
			const [, , uid, gid] = line.split(':');
			return { name, uid: Number(uid), gid: Number(gid) };
		}
	}
	throw new Error('no postgres or nobody account to run PostgreSQL as');
}

/**
 * initdb + postgres on 127.0.0.1:port in a fresh temp folder (owned by the PostgreSQL account, which must be able
 * to reach it: so directly under the system temp dir, not inside a root-only folder), with
 * password authentication for `user` and a database `database` owned by it. Durability is off (test data).
 * Returns {child, port, dir, user, password, database, account, sql(query), stop()}; stop() also removes `dir`.
 */
export async function startPostgres({
	bins,
	port,
	logFile,
	user = 'n8n',
	password,
	database = 'n8n',
}) {
	const runsAsRoot = process.getuid?.() === 0;
	const account = runsAsRoot ? postgresAccount() : null;
	const ids = account ? { uid: account.uid, gid: account.gid } : {};
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-queue-pg-'));
	const pwFile = path.join(dir, 'pw');
	fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
	if (account) {
		for (const p of [dir, pwFile]) fs.chownSync(p, account.uid, account.gid);
	}
	const data = path.join(dir, 'data');
	const init = await new Promise((resolve, reject) => {
		const c = track(
			spawn(
				bins.initdb,
				[
					'-D',
					data,
					'-U',
					user,
					`--pwfile=${pwFile}`,
					'--auth-host=scram-sha-256',
					'--auth-local=trust',
					'-E',
					'UTF8',
					'--locale=C.UTF-8',
					'--no-sync',
				],
				{ cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...ids },
			),
		);
		let out = '';
		c.stdout.on('data', (d) => (out += d));
		c.stderr.on('data', (d) => (out += d));
		c.on('error', reject);
		c.on('close', (code) => resolve({ code, out }));
	});
	fs.rmSync(pwFile, { force: true });
	if (init.code !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed (exit ${init.code}):\n${init.out.trim()}`);
	}
	const child = spawnTracked(
		bins.postgres,
		[
			'-D',
			data,
			'-p',
			String(port),
			'-h',
			'127.0.0.1',
			'-k',
			dir,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		{ logFile, cwd: dir, ...ids },
	);
	const env = { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' };
	const psql = (db, query) =>
		run(
			bins.psql,
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				user,
				'-d',
				db,
				'-XAtq',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				query,
			],
			{ env, timeoutMs: 30000 },
		);
	await waitForPort(port, {
		child,
		name: 'postgres',
		probe: async () => (await psql('postgres', 'select 1')).code === 0,
	});
	const created = await psql('postgres', `CREATE DATABASE "${database}" OWNER "${user}"`);
	if (created.code !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr.trim()}`);
	/** Runs one SQL statement; resolves to its rows as arrays of strings (psql's unaligned output). */
	const sql = async (query) => {
		const r = await psql(database, query);
		if (r.code !== 0) throw new Error(`SQL failed: ${r.stderr.trim()}\n${query}`);
		return r.stdout
			.split('\n')
			.filter((l) => l !== '')
			.map((l) => l.split('|'));
	};
	return {
		child,
		port,
		user,
		password,
		database,
		dir,
		account: account?.name ?? null,
		sql,
		stop: async () => {
			await stopProcess(child, { graceMs: 10000 });
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
