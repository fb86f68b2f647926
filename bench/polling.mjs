// Polling trigger benchmark (called from bench/run.mjs): one poll of an account at the 20,000-mailbox
// cap, through n8n-core's real PollContext, vs. only fetching the same 200 pages through the same
// shared request function. The ratio is what comparing and storing the state adds to a poll.
import http from 'node:http';

const MAILBOXES = 20_000;
const PAGE = 100;

function startAccountServer() {
	const pages = [];
	for (let p = 0; p < MAILBOXES / PAGE; p++) {
		const mailboxes = [];
		for (let i = p * PAGE; i < (p + 1) * PAGE; i++) {
			mailboxes.push({
				mailboxId: `MBX${String(i).padStart(25, '0')}`,
				email: `sender${i}@acme-${i % 40}.com`,
				userId: 'PWM7Y25RYZ450YNM8K8FX9GK5AHX',
				orderId: `ORD${String(i % 300).padStart(25, '0')}`,
				status: i % 7 ? 'ACTIVE' : 'EXPIRED',
				createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
			});
		}
		const pagination = { currentPage: p + 1, totalPages: MAILBOXES / PAGE };
		pages.push(JSON.stringify({ status: 200, message: 'OK', data: { mailboxes, pagination } }));
	}
	const server = http.createServer((req, res) => {
		const page = Number(new URL(req.url, 'http://x').searchParams.get('page')) || 1;
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(pages[page - 1] ?? pages[0]);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({ url: `http://127.0.0.1:${server.address().port}/api/v1/integration`, close: () => server.close() }),
		),
	);
}

export async function benchPolling({ report, median, timeMs, dist, require }) {
	const { PollContext } = require('n8n-core');
	const { Workflow } = require('n8n-workflow');
	const { additionalDataFor } = require('../test/helpers/n8n-harness.js');
	const { ColdMailResellerPollingTrigger } = dist('nodes/ColdMailReseller/ColdMailResellerPollingTrigger.node.js');
	const { ColdMailResellerApi } = dist('credentials/ColdMailResellerApi.credentials.js');
	const { fetchAllPages } = dist('nodes/ColdMailReseller/pollingTrigger/fetch.js');

	const account = await startAccountServer();
	try {
		const nodeType = new ColdMailResellerPollingTrigger();
		const node = {
			id: 'bench-poll',
			name: 'Poll',
			type: 'n8n-nodes-cold-mail-reseller.coldMailResellerPollingTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { events: ['newMailbox', 'mailboxStatus'], userId: '', outputFormat: 'flattened', options: {} },
			credentials: { coldMailResellerApi: { id: 'c', name: 'c' } },
		};
		const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
		const workflow = new Workflow({ id: 'bench', nodes: [node], connections: {}, active: true, nodeTypes, staticData: {} });
		const additionalData = additionalDataFor(new ColdMailResellerApi(), {
			apiKey: 'bench',
			environment: 'production',
			baseUrl: account.url,
			requestsPerSecond: 10_000, // no pacing: this measures the poll's own cost
		});
		const context = () => new PollContext(workflow, node, additionalData, 'trigger', 'activate');
		const poll = async () => {
			const result = await nodeType.poll.call(context());
			if (result !== null) throw new Error('an unchanged account emitted items');
		};
		const fetchOnly = async () => {
			const records = await fetchAllPages(context(), 'mailbox.getAll');
			if (records.length !== MAILBOXES) throw new Error(`fetched ${records.length}`);
		};
		await poll(); // the first poll records the state
		const polls = [];
		const fetches = [];
		for (let run = 0; run < 7; run++) {
			polls.push(await timeMs(poll));
			fetches.push(await timeMs(fetchOnly));
		}
		const ratio = median(polls) / median(fetches);
		const stateKiB = JSON.stringify(workflow.staticData).length / 1024;
		report(
			`Poll of ${MAILBOXES} mailboxes (200 pages, no change) / fetching the same pages`,
			`${ratio.toFixed(2)}x`,
			'< 1.5x',
			ratio < 1.5,
			`poll ${median(polls).toFixed(0)} ms, fetch ${median(fetches).toFixed(0)} ms; median of 7; local server, no pacing`,
		);
		report(`Polling state at ${MAILBOXES} mailboxes`, `${stateKiB.toFixed(0)} KiB`, '< 195 KiB', stateKiB < 195);
	} finally {
		account.close();
	}
}
