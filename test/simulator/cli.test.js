'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { parseArgs, toOptions } = require('../../simulator/cli');

const CLI = path.join(__dirname, '../../simulator/cli.js');

describe('argument parsing', () => {
	test('all flags', () => {
		const args = parseArgs([
			'--port', '0', '--host=127.0.0.1', '--api-key', 'k1', '--sandbox-key', 'k2', '--seed', 'abc', '--rate-limit', '0',
			'--webhook', 'http://127.0.0.1:5678/webhook/a,http://localhost:9/b', '--webhook=http://[::1]:7/c', '--event-delay', '25',
			'--retry-delays', '10,20', '--wallet', '12.5', '--quiet', '--duplicate-first-delivery', '--allow-remote-webhooks', '--delivery-timeout', '500',
		]);
		expect(toOptions(args)).toEqual({
			port: 0,
			host: '127.0.0.1',
			apiKey: 'k1',
			sandboxKey: 'k2',
			seed: 'abc',
			wallet: 12.5,
			rateLimit: 0,
			webhooks: ['http://127.0.0.1:5678/webhook/a', 'http://localhost:9/b', 'http://[::1]:7/c'],
			eventDelay: 25,
			retryDelays: [10, 20],
			deliveryTimeout: 500,
			duplicateFirstDelivery: true,
			allowRemoteWebhooks: true,
		});
		expect(args.quiet).toBe(true);
	});

	test('errors', () => {
		expect(() => parseArgs(['--nope'])).toThrow(/Unknown flag/);
		expect(() => parseArgs(['--port'])).toThrow(/needs a value/);
		expect(() => toOptions(parseArgs(['--rate-limit', '-1']))).toThrow(/rate-limit/);
		expect(toOptions(parseArgs(['--retry-delays', 'none'])).retryDelays).toEqual([]);
	});
});

function run(args) {
	const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	child.stdout.on('data', (c) => (out += c));
	child.stderr.on('data', (c) => (err += c));
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	return { child, exited, output: () => out, errors: () => err };
}

describe('node simulator/cli.js', () => {
	test('starts, prints the base URL and keys, logs requests, stops on SIGTERM', async () => {
		const p = run(['--port', '0', '--api-key', 'cli_key', '--event-delay', '5']);
		try {
			const deadline = Date.now() + 10000;
			while (!/API base URL:\s+(\S+)/.test(p.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
			const base = p.output().match(/API base URL:\s+(\S+)/)[1];
			expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/integration$/);
			expect(p.output()).toMatch(/cli_key/);
			expect(p.output()).toMatch(/cmr_demo_sandbox_key/);
			const res = await fetch(`${base}/wallet`, { headers: { 'cmr-x-api-key': 'cli_key' } });
			expect(res.status).toBe(200);
			await new Promise((r) => setTimeout(r, 100));
			expect(p.output()).toMatch(/GET \/api\/v1\/integration\/wallet 200 \d+ms/);
		} finally {
			p.child.kill('SIGTERM');
		}
		const { code } = await p.exited;
		expect(code).toBe(0);
	});

	test('rejects bad flags with exit code 2', async () => {
		const p = run(['--host', '0.0.0.0', '--port', '0']);
		const { code } = await p.exited;
		expect(code).toBe(2);
		expect(p.errors()).toMatch(/loopback/);
	});
});
