// Browser stage of the end-to-end tests: the real n8n editor in Debian's Chromium, driven by playwright-core
// (no downloaded browser). Called from e2e/run.mjs with the n8n it started; reports through its check().
//
// It opens the example workflows as a user would and checks what the editor shows: the Create User panel
// (Resource, Operation, Country and State load; State follows a change of Country), the User list, the
// Create Mailbox Order panel for a Microsoft provider, the trigger's setup steps and the node creator entry.
// Screenshots go to .e2e-work/screenshots/.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, PACKAGE_NAME } from '../scripts/n8n-runtime.mjs';

const require = createRequire(import.meta.url);

/** Debian's chromium, or the browser in CHROMIUM_PATH (e.g. the image's Chrome on a GitHub runner). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';
const TIMEOUT_MS = 60000;
const NODE = `${PACKAGE_NAME}.coldMailReseller`;

function assert(cond, message) {
	if (!cond) throw new Error(message);
}

/**
 * Debian's chromium: installed with apt-get when missing and running as root (as in CI).
 * Asynchronous: a blocked event loop would let n8n close the test's idle keep-alive sockets unseen,
 * and the next request on one of them fails with "fetch failed".
 */
export async function ensureChromium({ log = () => {}, logFile } = {}) {
	if (fs.existsSync(CHROMIUM)) return `${CHROMIUM} present`;
	if (process.env.CHROMIUM_PATH)
		throw new Error(`CHROMIUM_PATH is ${CHROMIUM}, which does not exist`);
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!root)
		throw new Error(`Chromium is missing and this is not root: run \`sudo ${INSTALL_COMMAND}\``);
	log(`installing Debian's chromium (${INSTALL_COMMAND})`);
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const status = await new Promise((resolve) => {
		const child = spawn('sh', ['-c', INSTALL_COMMAND], {
			stdio: ['ignore', out, out],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		child.once('error', () => resolve(-1));
		child.once('exit', (code) => resolve(code));
	});
	if (typeof out === 'number') fs.closeSync(out);
	if (status !== 0 || !fs.existsSync(CHROMIUM))
		throw new Error(
			`\`${INSTALL_COMMAND}\` failed (exit ${status})${logFile ? `; see ${logFile}` : ''}`,
		);
	return `installed ${CHROMIUM}`;
}

// ------------------------------------------------------------------------------------------------
// Workflows the stage opens (created through n8n's public API)
// ------------------------------------------------------------------------------------------------

function readExample(file, credentials) {
	const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
	for (const node of wf.nodes) if (node.credentials) node.credentials = credentials;
	return wf;
}

/** An Order → Create Mailbox Order node set to Microsoft, wherever the node keeps Service Provider. */
function mailboxOrderWorkflow(credentials) {
	return {
		name: 'E2E browser: mailbox order (Microsoft)',
		nodes: [
			{
				id: 'e0000000-0000-4000-8000-000000000001',
				name: 'Add Microsoft mailboxes',
				type: NODE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					resource: 'order',
					operation: 'createMailboxOrder',
					serviceProvider: 'MICROSOFT',
					additionalFields: { serviceProvider: 'MICROSOFT' },
				},
				credentials,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** The order example as saved before Country and State were resource locators: plain strings. */
function legacyCountryWorkflow(credentials) {
	const wf = readExample('create-user-and-order.json', credentials);
	const node = wf.nodes.find((n) => n.name === 'Create user');
	node.parameters.country = 'US';
	node.parameters.state = 'New York';
	return { ...wf, name: `${wf.name} (saved with plain Country/State)` };
}

async function createWorkflow(n8nUrl, apiKey, wf) {
	const res = await fetch(`${n8nUrl}/api/v1/workflows`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'X-N8N-API-KEY': apiKey },
		body: JSON.stringify({
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections,
			settings: wf.settings ?? { executionOrder: 'v1' },
		}),
	});
	const body = await res.json().catch(() => ({}));
	if (!res.ok || !body.id)
		throw new Error(`create workflow "${wf.name}": HTTP ${res.status} ${body.message ?? ''}`);
	return body.id;
}

// ------------------------------------------------------------------------------------------------
// Editor helpers
// ------------------------------------------------------------------------------------------------

/** Records the list-search requests the panel makes: {method, parameters}. */
function recordListSearches(page) {
	const calls = [];
	page.on('request', (req) => {
		if (!req.url().includes('/rest/dynamic-node-parameters/')) return;
		try {
			const body = JSON.parse(req.postData() ?? '{}');
			calls.push({ method: body.methodName, parameters: body.currentNodeParameters ?? {} });
		} catch {
			/* not JSON */
		}
	});
	return calls;
}

async function signIn(page, n8nUrl, owner) {
	await page.goto(`${n8nUrl}/signin`);
	await page.locator('input[name=emailOrLdapLoginId], input[name=email]').first().fill(owner.email);
	await page.locator('input[type=password]').fill(owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

/** Opens a node's panel: in the workflow given by id (loaded fresh), or on the canvas already shown. */
async function openNode(page, n8nUrl, workflowId, nodeName) {
	if (workflowId) await page.goto(`${n8nUrl}/workflow/${workflowId}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
	await node.waitFor();
	await node.dblclick();
	await page.locator('[data-test-id="node-parameters"]').waitFor();
}

async function closeNode(page) {
	await page.locator('[data-test-id="ndv-close-button"]').click();
	await page.locator('[data-test-id="node-parameters"]').waitFor({ state: 'detached' });
}

/** The options of an n8n dropdown parameter, read from the open select list. */
async function dropdownOptions(page, parameter) {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const names = (await items.allTextContents()).map((t) => t.trim().split('\n')[0].trim());
	await page.keyboard.press('Escape');
	await waitFor(async () => (await items.count()) === 0, 'the dropdown to close');
	return names;
}

/**
 * Opens a resource locator's list, optionally types a filter, and returns the entries shown once
 * `until(entries)` holds (the list shows the current value first, then the loaded entries), or
 * what it shows after 20 s.
 */
async function locatorEntries(page, parameter, { filter, until = (e) => e.length > 1 } = {}) {
	const locator = page.locator(`[data-test-id="resource-locator-${parameter}"]`);
	await locator.locator('[data-test-id="rlc-input"]').click();
	const items = page.locator('[data-test-id="rlc-item"]:visible');
	await items.first().waitFor();
	if (filter) await page.keyboard.type(filter); // the list opens with the focus in its search field
	const read = async () => (await items.allTextContents()).map((t) => t.trim());
	try {
		return await waitFor(async () => {
			const entries = await read();
			return until(entries) ? entries : null;
		}, `the ${parameter} list`);
	} catch {
		return await read();
	}
}

async function pickEntry(page, text) {
	await page.locator('[data-test-id="rlc-item"]:visible', { hasText: text }).first().click();
}

/** The value a resource locator shows (the picked entry's name, or the typed value). */
async function locatorValue(page, parameter) {
	return await page
		.locator(`[data-test-id="resource-locator-${parameter}"] [data-test-id="rlc-input"]`)
		.first()
		.inputValue();
}

async function panelText(page) {
	return (await page.locator('[data-test-id="node-parameters"]').innerText()).replace(/\s+/g, ' ');
}

async function waitFor(predicate, what, timeoutMs = 20000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await predicate();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

// ------------------------------------------------------------------------------------------------
// The stage
// ------------------------------------------------------------------------------------------------

/**
 * @param {object} o
 * @param {string} o.n8nUrl
 * @param {{email: string, password: string}} o.owner
 * @param {string} o.apiKey  n8n public API key
 * @param {{id: string, name: string}} o.credential  the CMR credential stored in n8n
 * @param {(name: string, fn: () => Promise<string|void>) => Promise<void>} o.check
 * @param {string} o.workDir  .e2e-work
 * @param {(msg: string) => void} [o.log]
 * @param {Promise<string>} [o.chromium]  ensureChromium() started earlier, so the install overlaps the other stages
 */
export async function browserStage({
	n8nUrl,
	owner,
	apiKey,
	credential,
	check,
	workDir,
	log,
	chromium: chromiumInstall,
}) {
	const shots = path.join(workDir, 'screenshots');
	fs.mkdirSync(shots, { recursive: true });
	const shot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`) });
	const credentials = { coldMailResellerApi: { id: credential.id, name: credential.name } };

	let ready = false;
	await check("browser: Debian's chromium is there (installed when missing and root)", async () => {
		const detail = await (chromiumInstall ??
			ensureChromium({ log, logFile: path.join(workDir, 'logs', 'apt-chromium.log') }));
		ready = true;
		return detail;
	});
	if (!ready) return;

	const ids = {
		order: await createWorkflow(
			n8nUrl,
			apiKey,
			readExample('create-user-and-order.json', credentials),
		),
		trigger: await createWorkflow(
			n8nUrl,
			apiKey,
			readExample('mailbox-created-to-sequencer.json', credentials),
		),
		mailboxOrder: await createWorkflow(n8nUrl, apiKey, mailboxOrderWorkflow(credentials)),
		legacy: await createWorkflow(n8nUrl, apiKey, legacyCountryWorkflow(credentials)),
	};

	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--headless=new', '--disable-dev-shm-usage'],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
		context.setDefaultTimeout(TIMEOUT_MS);
		const page = await context.newPage();
		const searches = recordListSearches(page);
		let failures = 0;
		/** check(), plus a screenshot of the page when the check fails. */
		const pageCheck = (name, fn) =>
			check(name, async () => {
				try {
					return await fn();
				} catch (error) {
					await shot(page, `failed-${++failures}`).catch(() => {});
					throw new Error(`${error.message} (screenshot failed-${failures}.png)`);
				}
			});
		let signedIn = false;

		await pageCheck('browser: sign in to the n8n editor', async () => {
			await signIn(page, n8nUrl, owner);
			signedIn = true;
			return new URL(page.url()).pathname;
		});
		if (!signedIn) return;

		await pageCheck(
			'browser: example order workflow → Create user: Resource and Operation dropdowns load',
			async () => {
				await openNode(page, n8nUrl, ids.order, 'Create user');
				const resources = await dropdownOptions(page, 'resource');
				for (const r of ['User', 'Order', 'Mailbox', 'Domain', 'Geo'])
					assert(resources.includes(r), `Resource lists ${resources.join(', ')}`);
				const operations = await dropdownOptions(page, 'operation');
				for (const o of ['Create', 'Delete', 'Get', 'Get Many', 'Update'])
					assert(
						operations.some((x) => x.startsWith(o)),
						`Operation lists ${operations.join(', ')}`,
					);
				return `${resources.length} resources, ${operations.length} user operations`;
			},
		);

		await pageCheck(
			'browser: Country and State lists load, and State follows a change of Country (Email holds an unresolved expression)',
			async () => {
				const text = await panelText(page);
				assert(text.includes('{{ $json.email }}'), 'Email does not show its expression');
				const shown = [await locatorValue(page, 'country'), await locatorValue(page, 'state')];
				assert(
					shown.join(' / ') === 'United States (US) / New York (NY)',
					`Country / State show ${shown.join(' / ')}`,
				);
				const countries = await locatorEntries(page, 'country', {
					filter: 'Canada',
					until: (e) => e.includes('Canada (CA)'),
				});
				assert(countries.includes('Canada (CA)'), `Country list: ${countries.join(', ')}`);
				await pickEntry(page, 'Canada (CA)');
				const before = searches.length;
				const states = await locatorEntries(page, 'state', {
					until: (e) => e.includes('Ontario (ON)'),
				});
				const request = await waitFor(
					() => searches.slice(before).find((s) => s.method === 'getStates'),
					'a getStates request after the Country change',
				);
				assert(
					request.parameters.country?.value === 'CA',
					`getStates was sent country ${JSON.stringify(request.parameters.country)}`,
				);
				assert(states.includes('Ontario (ON)'), `State list after Canada: ${states.join(', ')}`);
				// The list shows the current value (New York) on top, then the loaded states.
				assert(
					!states.includes('California (CA)') && !states.includes('Texas (TX)'),
					'State list still shows US states',
				);
				await pickEntry(page, 'Ontario (ON)');
				const picked = [await locatorValue(page, 'country'), await locatorValue(page, 'state')];
				assert(
					picked.join(' / ') === 'Canada (CA) / Ontario (ON)',
					`after picking, Country / State show ${picked.join(' / ')}`,
				);
				await shot(page, 'create-user-panel');
				await closeNode(page);
				return `${states.length} Canadian states after switching Country to Canada`;
			},
		);

		await pageCheck(
			'browser: a workflow saved with plain Country/State strings shows them; switched to From List, State lists by Country',
			async () => {
				await openNode(page, n8nUrl, ids.legacy, 'Create user');
				const shown = [await locatorValue(page, 'country'), await locatorValue(page, 'state')];
				assert(shown.join(' / ') === 'US / New York', `Country / State show ${shown.join(' / ')}`);
				// n8n shows such a value as typed text with no mode chosen; choosing From List keeps the value.
				const state = page.locator('[data-test-id="resource-locator-state"]');
				await state.locator('[data-test-id="rlc-mode-selector"]').click();
				await page.locator('[data-test-id="mode-list"]:visible').click();
				const states = await locatorEntries(page, 'state', {
					until: (e) => e.includes('California (CA)'),
				});
				assert(states.includes('California (CA)'), `State list: ${states.join(', ')}`);
				await page.keyboard.press('Escape');
				await closeNode(page);
				return `shows ${shown.join(' / ')}; ${states.length} US states listed`;
			},
		);

		await pageCheck('browser: the User list loads (Order → Create Mailbox Order)', async () => {
			await openNode(page, n8nUrl, ids.mailboxOrder, 'Add Microsoft mailboxes');
			const users = await locatorEntries(page, 'userId', { until: (e) => e.length >= 3 });
			assert(users.length >= 3, `User list: ${users.join(', ')}`);
			await shot(page, 'user-list');
			await page.keyboard.press('Escape');
			await closeNode(page);
			return `${users.length} users, e.g. ${users[0]}`;
		});

		await pageCheck(
			'browser: Create Mailbox Order with a Microsoft provider shows only the Microsoft settings',
			async () => {
				await openNode(page, n8nUrl, ids.mailboxOrder, 'Add Microsoft mailboxes');
				const text = await panelText(page);
				await shot(page, 'mailbox-order-microsoft');
				await closeNode(page);
				assert(text.includes('Microsoft OAuth'), 'the Microsoft OAuth settings are missing');
				assert(!text.includes('Google OAuth'), 'the Google OAuth settings show for Microsoft');
				return 'Microsoft OAuth shown, Google OAuth hidden';
			},
		);

		await pageCheck(
			'browser: the trigger setup steps render as separate numbered lines',
			async () => {
				await openNode(page, n8nUrl, ids.trigger, 'Mailbox created');
				const notice = page.locator('[data-test-id="node-parameters"] [role="alert"]', {
					hasText: 'partner dashboard',
				});
				await notice.first().waitFor();
				const steps = notice.first().locator('li');
				const texts = (await steps.allInnerTexts()).map((t) => t.trim());
				assert(texts.length >= 4, `${texts.length} list items in the notice`);
				const numbered = texts.filter((t) => /^\d\. /.test(t)).map((t) => t.slice(0, 2));
				assert(numbered.join('') === '1.2.3.4.', `numbered steps ${numbered.join(' ')}`);
				const boxes = [];
				for (let i = 0; i < texts.length; i++) boxes.push(await steps.nth(i).boundingBox());
				for (let i = 1; i < boxes.length; i++)
					assert(
						boxes[i].y >= boxes[i - 1].y + boxes[i - 1].height - 1,
						`step ${i + 1} does not start on a new line`,
					);
				const all = await notice.first().innerText();
				assert(!all.includes('Listen for test event'), 'the notice names the old button');
				assert(!/<\/?(b|br)\b/i.test(all), 'raw tags show in the notice');
				await shot(page, 'trigger-setup-steps');
				await closeNode(page);
				return `${texts.length} lines: ${numbered.join(' ')} …`;
			},
		);

		await pageCheck(
			'browser: the node creator entry for Cold Mail Reseller describes the actions and the trigger',
			async () => {
				await page.goto(`${n8nUrl}/workflow/${ids.trigger}`);
				await page.locator('[data-test-id="node-creator-plus-button"]').click();
				await page.keyboard.type('Cold Mail Reseller');
				const item = page.locator(
					'[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"]',
					{
						hasText: 'Cold Mail Reseller',
					},
				);
				await item.first().waitFor();
				const text = (await item.first().innerText()).replace(/\s+/g, ' ');
				await shot(page, 'node-creator-entry');
				await page.keyboard.press('Escape');
				assert(/Manage Cold Mail Reseller users/.test(text), `entry reads: ${text}`);
				assert(/webhook event/.test(text), `entry reads: ${text}`);
				return text.slice(0, 120);
			},
		);

		await pageCheck('browser: the example order workflow runs from the editor', async () => {
			await page.goto(`${n8nUrl}/workflow/${ids.order}`);
			await page.locator('[data-test-id="execute-workflow-button"]').click();
			const done = page.locator(
				'[data-test-id="canvas-node"][data-node-name="Now wait for the trigger workflow"] [data-test-id="canvas-node-status-success"]',
			);
			await done.waitFor({ timeout: TIMEOUT_MS });
			await page.waitForTimeout(1000);
			await shot(page, 'example-order-run');
			await openNode(page, n8nUrl, null, 'Order domain and mailboxes');
			await page.waitForTimeout(1000);
			await shot(page, 'example-order-output');
			const output = await page.locator('[data-test-id="output-panel"]').innerText();
			assert(/orderId/.test(output), `output panel: ${output.slice(0, 200)}`);
			return 'every node succeeded; the order node output has an orderId';
		});
	} finally {
		await browser.close();
	}
}
