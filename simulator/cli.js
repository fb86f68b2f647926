#!/usr/bin/env node
'use strict';

/** `node simulator/cli.js [flags]` (npm run simulator -- [flags]). See --help. */

const { createSimulator, BASE_PATH, DEFAULTS } = require('./server');

const HELP = `CMR simulator: a local stand-in for the Cold Mail Reseller partner API.

Usage: node simulator/cli.js [flags]        (npm run simulator -- [flags])

  --port <n>                 port to listen on (default ${DEFAULTS.port}; 0 = random free port)
  --host <addr>              loopback address to bind (default ${DEFAULTS.host}; only 127.0.0.0/8, ::1, localhost)
  --api-key <key>            production key, header cmr-x-api-key (default ${DEFAULTS.apiKey})
  --sandbox-key <key>        sandbox key, header cmr-x-sandbox-api-key (default ${DEFAULTS.sandboxKey})
  --seed <value>             seed of the demo data (default ${DEFAULTS.seed})
  --wallet <amount>          starting wallet balance in USD (default ${DEFAULTS.wallet})
  --rate-limit <n>           requests per second per key (default ${DEFAULTS.rateLimit}; 0 = off)
  --webhook <url>            webhook destination; repeat the flag or separate URLs with commas
  --event-delay <ms>         delay between lifecycle webhook events (default ${DEFAULTS.eventDelay})
  --retry-delays <ms,ms>     delays before delivery attempts 2 and 3 (default ${DEFAULTS.retryDelays.join(',')}; "none" = no retries)
  --delivery-timeout <ms>    per-attempt webhook timeout (default ${DEFAULTS.deliveryTimeout})
  --clock-tick <ms>          let time act every <ms>: due subscriptions renew, expired domains enter grace (default off)
  --duplicate-first-delivery deliver the first webhook event twice (same eventId) to test dedupe
  --allow-remote-webhooks    allow webhook destinations that are not loopback addresses
  --fault '<METHOD /path=404|405>'  answer that API route with 404 or 405 (repeatable; or env CMR_SIM_FAULTS, comma-separated)
  --quiet                    no per-request / per-delivery log lines
  --help                     show this help
`;

const VALUE_FLAGS = new Set([
	'port', 'host', 'api-key', 'sandbox-key', 'seed', 'wallet', 'rate-limit', 'webhook', 'event-delay', 'retry-delays', 'delivery-timeout', 'clock-tick',
	'fault',
]);
const BOOL_FLAGS = new Set(['duplicate-first-delivery', 'allow-remote-webhooks', 'quiet', 'help']);

function parseArgs(argv) {
	const out = { webhook: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`);
		let [name, value] = arg.slice(2).split(/=(.*)/s, 2);
		if (BOOL_FLAGS.has(name)) {
			if (value !== undefined && !['true', 'false'].includes(value)) throw new Error(`--${name} takes no value`);
			out[name] = value !== 'false';
			continue;
		}
		if (!VALUE_FLAGS.has(name)) throw new Error(`Unknown flag: --${name} (see --help)`);
		if (value === undefined) {
			value = argv[++i];
			if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
		}
		if (name === 'webhook') out.webhook.push(...value.split(',').map((s) => s.trim()).filter(Boolean));
		else if (name === 'fault') (out.fault ??= []).push(value);
		else out[name] = value;
	}
	return out;
}

function int(name, value, min = 0) {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${value}`);
	return n;
}

function toOptions(args) {
	let retryDelays;
	if (args['retry-delays'] !== undefined) {
		const raw = args['retry-delays'].trim();
		retryDelays = raw === 'none' || raw === '' ? [] : raw.split(',').map((v) => int('retry-delays', v.trim()));
	}
	let wallet;
	if (args.wallet !== undefined) {
		wallet = Number(args.wallet);
		if (!Number.isFinite(wallet) || wallet < 0) throw new Error(`--wallet must be a non-negative amount, got ${args.wallet}`);
	}
	return {
		port: int('port', args.port),
		host: args.host,
		apiKey: args['api-key'],
		sandboxKey: args['sandbox-key'],
		seed: args.seed,
		wallet,
		rateLimit: int('rate-limit', args['rate-limit']),
		webhooks: args.webhook,
		eventDelay: int('event-delay', args['event-delay']),
		retryDelays,
		deliveryTimeout: int('delivery-timeout', args['delivery-timeout'], 1),
		duplicateFirstDelivery: !!args['duplicate-first-delivery'],
		allowRemoteWebhooks: !!args['allow-remote-webhooks'],
		clockTickMs: int('clock-tick', args['clock-tick']),
		...(args.fault ? { faults: args.fault } : {}),
	};
}

async function main(argv = process.argv.slice(2)) {
	let args;
	let sim;
	try {
		args = parseArgs(argv);
		if (args.help) {
			process.stdout.write(HELP);
			return;
		}
		const quiet = !!args.quiet;
		sim = createSimulator({
			...toOptions(args),
			logger: quiet ? null : (line) => console.log(`[cmr-sim] ${new Date().toISOString()} ${line}`),
		});
	} catch (err) {
		console.error(`cmr-simulator: ${err.message}`);
		process.exitCode = 2;
		return;
	}
	const o = sim.options;
	let info;
	try {
		info = await sim.start();
	} catch (err) {
		console.error(`cmr-simulator: cannot listen on ${o.host}:${o.port}: ${err.message}`);
		process.exitCode = 1;
		return;
	}
	const s = sim.state.summary();
	const lines = [
		`CMR simulator listening on ${info.origin}`,
		`  API base URL:     ${info.url}`,
		`  Production key:   ${o.apiKey}   (header cmr-x-api-key)`,
		`  Sandbox key:      ${o.sandboxKey}   (header cmr-x-sandbox-api-key)`,
		`  Seed ${o.seed} · wallet ${s.wallet.balance.toFixed(2)} USD · rate limit ${o.rateLimit ? `${o.rateLimit} req/s per key` : 'off'} · event delay ${o.eventDelay} ms · retries after ${o.retryDelays.length ? o.retryDelays.join(', ') + ' ms' : 'none'}`,
		`  Webhooks to:      ${sim.webhookDestinations.length ? sim.webhookDestinations.join(', ') : '(none; use --webhook or POST /__sim/webhooks)'}`,
		`  Demo users:       ${s.demoUsers.map((u) => `${u.id} (${u.company}: ${u.domains} domains, ${u.mailboxes} mailboxes)`).join('\n                    ')}`,
		`  Controls:         ${info.origin}/__sim/state  (no auth)`,
		'  Stop with Ctrl+C.',
	];
	console.log(args.quiet ? `CMR simulator listening on ${info.url}` : lines.join('\n'));

	let stopping = false;
	const shutdown = async (signal) => {
		if (stopping) return;
		stopping = true;
		if (!args.quiet) console.log(`[cmr-sim] ${signal} received, stopping`);
		const force = setTimeout(() => process.exit(0), 3000);
		force.unref();
		await sim.stop();
		process.exitCode = 0;
	};
	process.once('SIGINT', () => shutdown('SIGINT'));
	process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) main();

module.exports = { parseArgs, toOptions, main, BASE_PATH };
