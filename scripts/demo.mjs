// `npm start`: the one-command demo. Builds the package, installs a real n8n 2.41.1 (Node 24) on first use,
// installs the package into it the way n8n installs community packages, starts the CMR simulator and n8n on
// 127.0.0.1, imports a ready credential and the example workflows, and prints the URL and login.
// Ctrl-C stops everything it started. Later starts reuse the runtime and take seconds.
//
// Environment overrides: N8N_DEMO_PORT (default 5678), CMR_SIM_PORT (default 4010).

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
	ROOT,
	RUNTIME_DIR,
	PACKAGE_NAME,
	ensureRuntime,
	freePort,
	installPackage,
	installSignalHandlers,
	login,
	n8nCliChecked,
	run,
	setupOwner,
	startN8n,
	startNodeScript,
	stopAll,
	waitForReady,
} from './n8n-runtime.mjs';

const HOME = path.join(RUNTIME_DIR, 'demo-home');
const LOGS = path.join(HOME, 'logs');
const EXAMPLES = path.join(ROOT, 'examples');
const LOGIN_FILE = path.join(HOME, 'login.json');
const IMPORTED_FILE = path.join(HOME, 'examples-imported.json');
const SIM_API_KEY = 'cmr_demo_key';
const CREDENTIAL = { id: 'cmrDemoCredential', name: 'Cold Mail Reseller (simulator)' };

let shuttingDown = false;

const say = (msg = '') => process.stdout.write(`${msg}\n`);
const step = (msg) => say(`▸ ${msg}`);

function portIsFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

async function pickPort(preferred, what) {
	if (await portIsFree(preferred)) return preferred;
	const port = await freePort();
	say(`  (port ${preferred} is busy, so ${what} uses ${port})`);
	return port;
}

function loginDetails() {
	try {
		return JSON.parse(fs.readFileSync(LOGIN_FILE, 'utf8'));
	} catch {
		// n8n wants 8+ characters with a number and a capital letter.
		const details = {
			email: 'demo@example.com',
			password: `Demo-${randomBytes(6).toString('hex')}-N8n`,
		};
		fs.writeFileSync(LOGIN_FILE, JSON.stringify(details, null, 2), { mode: 0o600 });
		return details;
	}
}

function readExamples() {
	const files = fs
		.readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json'))
		.sort();
	return files.map((f) => ({
		file: path.join(EXAMPLES, f),
		wf: JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')),
	}));
}

async function main() {
	const t0 = Date.now();
	let n8n;
	let simChild;
	installSignalHandlers({
		log: say,
		onSignal: () => {
			shuttingDown = true;
		},
	});

	// 1. Build the package.
	step('Building the package (npm run build)…');
	const build = await run('npm', ['run', 'build'], { cwd: ROOT });
	if (build.code !== 0) {
		say((build.stdout + build.stderr).trim().split('\n').slice(-30).join('\n'));
		throw new Error('npm run build failed');
	}

	// 2. Node 24 + n8n 2.41.1 (first run: a few minutes; later: instant).
	step('Checking the n8n runtime (.n8n-runtime/)…');
	const rt = await ensureRuntime({ log: (m) => say(`  ${m}`) });
	if (rt.reused) say('  reusing the installed Node 24 + n8n 2.41.1');

	// 3. The package, installed as a community package in the demo's n8n home.
	fs.mkdirSync(LOGS, { recursive: true });
	step('Installing the package into the demo n8n (community-package folder)…');
	await installPackage({ userFolder: HOME, log: (m) => say(`  ${m}`) });

	// 4. Ports, examples, webhook URL of the trigger example.
	const n8nPort = await pickPort(Number(process.env.N8N_DEMO_PORT || 5678), 'n8n');
	const simPort = await pickPort(Number(process.env.CMR_SIM_PORT || 4010), 'the simulator');
	const n8nUrl = `http://127.0.0.1:${n8nPort}`;
	const simOrigin = `http://127.0.0.1:${simPort}`;
	const examples = readExamples();
	const triggers = examples.flatMap(({ wf }) =>
		wf.nodes
			.filter((n) => n.type === `${PACKAGE_NAME}.coldMailResellerTrigger`)
			.map((n) => ({ wf, node: n })),
	);
	const webhookUrls = triggers.map(({ node }) => `${n8nUrl}/webhook/${node.webhookId}/webhook`);

	// 5. The CMR simulator on 127.0.0.1, sending its webhooks to the trigger workflow.
	step(`Starting the CMR simulator on ${simOrigin}…`);
	simChild = startNodeScript(
		path.join(ROOT, 'simulator', 'cli.js'),
		[
			'--port',
			String(simPort),
			'--api-key',
			SIM_API_KEY,
			...webhookUrls.flatMap((u) => ['--webhook', u]),
		],
		{ logFile: path.join(LOGS, 'simulator.log') },
	);
	await waitForReady(simOrigin, { path: '/__sim/state', child: simChild, timeoutMs: 20000 });

	// 6. The credential and the example workflows. Imported on the first start; later only what changed is
	//    imported again (the credential when the simulator's port changed, the examples when examples/ changed),
	//    so edits made in the editor survive restarts, and a warm start runs no extra n8n CLI command.
	const cli = { userFolder: HOME, port: n8nPort, logFile: path.join(LOGS, 'n8n-cli.log') };
	step('Importing the credential and the example workflows…');
	let imported = {};
	try {
		imported = JSON.parse(fs.readFileSync(IMPORTED_FILE, 'utf8'));
	} catch {
		/* first start */
	}
	const baseUrl = `${simOrigin}/api/v1/integration`;
	if (imported.credentialBaseUrl !== baseUrl) {
		const credFile = path.join(HOME, 'demo-credential.json');
		fs.writeFileSync(
			credFile,
			JSON.stringify([
				{
					...CREDENTIAL,
					type: 'coldMailResellerApi',
					data: { apiKey: SIM_API_KEY, environment: 'production', baseUrl },
				},
			]),
			{ mode: 0o600 },
		);
		try {
			await n8nCliChecked(['import:credentials', `--input=${credFile}`], cli);
		} finally {
			fs.rmSync(credFile, { force: true });
		}
		imported.credentialBaseUrl = baseUrl;
		fs.writeFileSync(IMPORTED_FILE, JSON.stringify(imported, null, 2));
		say(`  credential "${CREDENTIAL.name}" → ${baseUrl}`);
	}
	const examplesHash = createHash('sha256')
		.update(examples.map(({ wf }) => JSON.stringify(wf)).join('\n'))
		.digest('hex');
	if (imported.examplesHash !== examplesHash) {
		const dir = fs.mkdtempSync(path.join(HOME, 'examples-'));
		try {
			for (const { file, wf } of examples)
				fs.writeFileSync(path.join(dir, path.basename(file)), JSON.stringify(wf));
			await n8nCliChecked(['import:workflow', '--separate', `--input=${dir}`], cli);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
		for (const { wf } of triggers) await n8nCliChecked(['publish:workflow', `--id=${wf.id}`], cli);
		imported.examplesHash = examplesHash;
		fs.writeFileSync(IMPORTED_FILE, JSON.stringify(imported, null, 2));
		say(
			`  imported ${examples.length} workflows: ${examples.map(({ wf }) => wf.name).join(' | ')}`,
		);
	} else {
		say('  credential and example workflows already there (kept as you left them)');
	}

	// 7. n8n on 127.0.0.1.
	step(`Starting n8n on ${n8nUrl} (log: ${path.relative(ROOT, path.join(LOGS, 'n8n.log'))})…`);
	n8n = await startN8n({ userFolder: HOME, port: n8nPort, logFile: path.join(LOGS, 'n8n.log') });
	await waitForReady(n8nUrl, { child: n8n.child, timeoutMs: 180000 });

	// 8. Owner login (set up once; afterwards just checked).
	const owner = loginDetails();
	try {
		await setupOwner(n8nUrl, { ...owner, firstName: 'Demo', lastName: 'User' });
	} catch (error) {
		try {
			await login(n8nUrl, owner);
		} catch {
			say(
				`  note: owner setup skipped (${error.message.split('\n')[0]}); log in with the account you created earlier`,
			);
		}
	}

	const secs = ((Date.now() - t0) / 1000).toFixed(0);
	say('');
	say(`n8n with the Cold Mail Reseller nodes is running (ready in ${secs} s):`);
	say('');
	say(`  Open      ${n8nUrl}`);
	say(`  Log in    ${owner.email} / ${owner.password}`);
	say('');
	say(
		`  CMR simulator  ${simOrigin}/api/v1/integration  (API key ${SIM_API_KEY}; state: ${simOrigin}/__sim/state)`,
	);
	say(`  Credential     "${CREDENTIAL.name}" points at the simulator`);
	say('  Workflows:');
	for (const { wf } of examples)
		say(
			`    - ${wf.name}${triggers.some((t) => t.wf.id === wf.id) ? "  (published: receives the simulator's webhooks)" : ''}`,
		);
	say('');
	say(
		'  Try it: open "CMR: create a user and order a domain with mailboxes" and click "Execute workflow",',
	);
	say(
		'  then watch the Executions of "CMR: mailbox created → sequencer account" (one run per mailbox).',
	);
	say('');
	say('Press Ctrl-C to stop n8n and the simulator.');

	// 9. Run until Ctrl-C, or until n8n or the simulator exits on its own.
	const exited = await Promise.race([
		new Promise((r) =>
			n8n.child.once('exit', (code) =>
				r(`n8n exited (code ${code}); see ${path.join(LOGS, 'n8n.log')}`),
			),
		),
		new Promise((r) =>
			simChild.once('exit', (code) =>
				r(`the simulator exited (code ${code}); see ${path.join(LOGS, 'simulator.log')}`),
			),
		),
	]);
	if (shuttingDown) return; // Ctrl-C: the signal handler stops everything and exits
	say(exited);
	await stopAll();
	process.exit(1);
}

main().catch(async (error) => {
	if (shuttingDown) return; // interrupted during setup: the signal handler is already stopping everything
	say(`\nnpm start failed: ${error.message}`);
	await stopAll();
	process.exit(1);
});
