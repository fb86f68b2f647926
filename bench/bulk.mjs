// Bulk benchmarks (called from bench/run.mjs): Return All over 10,000 mailboxes against n8n's
// own floor, and 200 items at CMR's 5 requests per second against the 40 s that rate allows.
import http from 'node:http';
import { request } from 'undici';

const PAGES = 100;
const PAGE_SIZE = 100;
/** Far above any real limit, so that the limiter is measured but never waits. */
const UNPACED = 10_000;

function mailbox(page, i) {
	const n = (page - 1) * PAGE_SIZE + i;
	return {
		mailboxId: `MBX${String(n).padStart(8, '0')}`,
		email: `sender${n}@outreach-${page}.com`,
		password: `Pw-${n}-x8Kq2LmZ`,
		appPassword: `abcd efgh ijkl ${String(n).padStart(4, '0')}`,
		firstName: 'Alex',
		lastName: 'Sender',
		domain: `outreach-${page}.com`,
		domainId: `DOM${String(page).padStart(8, '0')}`,
		subscriptionId: `SUB${String(page).padStart(8, '0')}`,
		userId: 'PWM7Y25RYZ450YNM8K8FX9GK5AHX',
		status: 'ACTIVE',
		workspaceType: 'GOOGLE',
		onWarmup: n % 3 === 0,
		profilePicture: null,
		createdAt: '2026-11-01T10:00:00.000Z',
		updatedAt: '2026-11-02T10:00:00.000Z',
	};
}

/** A canned CMR: GET /mailboxes?page=n answers page n of 100 (bodies built once). */
async function startCannedCmr() {
	const bodies = Array.from({ length: PAGES }, (_, index) =>
		Buffer.from(
			JSON.stringify({
				status: 200,
				message: 'OK',
				data: {
					mailboxes: Array.from({ length: PAGE_SIZE }, (_, i) => mailbox(index + 1, i)),
					pagination: { currentPage: index + 1, totalPages: PAGES },
				},
			}),
		),
	);
	const server = http.createServer((req, res) => {
		const page = Number(new URL(req.url, 'http://x').searchParams.get('page') || 1);
		const body = bodies[page - 1] ?? Buffer.from('{"status":200,"data":{"mailboxes":[]}}');
		res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
		res.end(body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/api/v1/integration`,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

/**
 * The floor: a declarative node whose request operation fetches the same 100 pages in a bare
 * loop of n8n's own httpRequestWithAuthentication (what any n8n node pays per page).
 */
function floorNode(url) {
	async function bareLoop() {
		const items = [];
		for (let page = 1; page <= PAGES; page++) {
			const body = await this.helpers.httpRequestWithAuthentication.call(
				this,
				'coldMailResellerApi',
				{
					method: 'GET',
					baseURL: url,
					url: '/mailboxes',
					qs: { page, limit: PAGE_SIZE },
					json: true,
				},
			);
			for (const json of body.data.mailboxes) items.push({ json });
		}
		return items;
	}
	return {
		description: {
			name: 'floor',
			displayName: 'Floor',
			group: ['transform'],
			version: 1,
			description: 'baseline',
			defaults: { name: 'Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'coldMailResellerApi', required: true }],
			requestDefaults: { baseURL: url, json: true },
			properties: [
				{
					displayName: 'All',
					name: 'all',
					type: 'boolean',
					default: true,
					routing: { send: { paginate: true }, operations: { pagination: bareLoop } },
				},
			],
		},
	};
}

/** Return All (10,000 mailboxes) through the node vs the floor, and the floor vs raw undici. */
export async function benchReturnAllFloor({ report, median, timeMs, nodeType, credentialType, runRoutingNode }) {
	const cmr = await startCannedCmr();
	const credentials = {
		apiKey: 'cmr_bench_key',
		environment: 'production',
		baseUrl: cmr.url,
		requestsPerSecond: UNPACED,
	};
	const viaNode = (simple) => async () => {
		const out = await runRoutingNode({
			nodeType,
			credentialType,
			credentials,
			parameters: { resource: 'mailbox', operation: 'getAll', returnAll: true, simple },
		});
		if (out.length !== PAGES * PAGE_SIZE) throw new Error(`node returned ${out.length} items`);
	};
	const floor = floorNode(cmr.url);
	const viaFloor = async () => {
		const out = await runRoutingNode({
			nodeType: floor,
			credentialType,
			credentials,
			parameters: {},
		});
		if (out.length !== PAGES * PAGE_SIZE) throw new Error(`floor returned ${out.length} items`);
	};
	const viaUndici = async () => {
		for (let page = 1; page <= PAGES; page++) {
			const res = await request(`${cmr.url}/mailboxes?page=${page}&limit=${PAGE_SIZE}`, {
				headers: { 'cmr-x-api-key': credentials.apiKey, accept: 'application/json' },
			});
			await res.body.json();
		}
	};
	try {
		const runs = { simple: [], raw: [], floor: [], undici: [] };
		for (let i = 0; i < 3; i++) {
			await viaNode(true)();
			await viaFloor();
		}
		for (let run = 0; run < 15; run++) {
			runs.simple.push(await timeMs(viaNode(true)));
			runs.floor.push(await timeMs(viaFloor));
			runs.raw.push(await timeMs(viaNode(false)));
			runs.undici.push(await timeMs(viaUndici));
		}
		const [simple, raw, bare, undici] = [runs.simple, runs.raw, runs.floor, runs.undici].map(
			median,
		);
		const detail = `node ${simple.toFixed(0)} ms (Simplify off ${raw.toFixed(0)} ms, ${(raw / bare).toFixed(2)}x), floor ${bare.toFixed(0)} ms, raw undici ${undici.toFixed(0)} ms; median of 15`;
		report(
			'Return All, 10,000 mailboxes in 100 pages, Simplify on: node / bare httpRequestWithAuthentication loop',
			`${(simple / bare).toFixed(2)}x`,
			'<= 1.15x',
			simple / bare <= 1.15,
			detail,
		);
		report(
			'For reference: bare httpRequestWithAuthentication loop / raw undici loop',
			`${(bare / undici).toFixed(2)}x`,
			'printed only',
			true,
		);
		return { simple, raw, bare, undici };
	} finally {
		await cmr.close();
	}
}

/** 200 items, one execution, against the simulator at its default 5 requests per second. */
export async function benchPacing({
	report,
	nodeType,
	credentialType,
	runRoutingNode,
	createSimulator,
}) {
	const sim = createSimulator({ port: 0, quiet: true });
	const { url } = await sim.start();
	const items = 200;
	try {
		const start = process.hrtime.bigint();
		const out = await runRoutingNode({
			nodeType,
			credentialType,
			credentials: { apiKey: 'cmr_demo_key', environment: 'production', baseUrl: url },
			parameters: {
				resource: 'user',
				operation: 'get',
				userId: { __rl: true, mode: 'id', value: 'PWM7Y25RYZ450YNM8K8FX9GK5AHX' },
			},
			items: Array.from({ length: items }, (_, n) => ({ n })),
			continueOnFail: true,
		});
		const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
		const failed = out.filter((item) => item.error).length;
		const floorMs = (items / 5) * 1000;
		report(
			'200 items at 5 requests per second: wall time / 40 s floor',
			`${(wallMs / floorMs).toFixed(3)}x`,
			'<= 1.1x, 0 failed',
			wallMs / floorMs <= 1.1 && failed === 0 && out.length === items,
			`${(wallMs / 1000).toFixed(1)} s, ${out.length} items, ${failed} failed`,
		);
		return { wallMs, failed };
	} finally {
		await sim.stop();
	}
}
