// Workflow builders and run-data readers shared by the end-to-end stages (e2e/run.mjs, e2e/queue.mjs).

import { randomUUID } from 'node:crypto';
import { PACKAGE_NAME } from '../scripts/n8n-runtime.mjs';

export function manualTrigger() {
	return {
		id: 'a0000000-0000-4000-8000-000000000001',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

export function chain(...names) {
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

export function workflow(id, name, nodes, connections = chain(...nodes.map((n) => n.name))) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', saveManualExecutions: true },
		pinData: {},
	};
}

/** Set (raw JSON) + Split Out: `count` items without the Code node (no task runner needed). */
export function itemsNodes(count) {
	return [
		{
			id: 'c0000000-0000-4000-8000-000000000001',
			name: 'Make items',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [240, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: JSON.stringify({ n: Array.from({ length: count }, (_, i) => i + 1) }),
				options: {},
			},
		},
		{
			id: 'c0000000-0000-4000-8000-000000000002',
			name: 'One item each',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [480, 0],
			parameters: { fieldToSplitOut: 'n', options: {} },
		},
	];
}

export function nodeItems(run, nodeName) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	return runs?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
}

/** The import:credentials entry for a Cold Mail Reseller credential that points at the simulator. */
export function simulatorCredential({ id, name }, apiKey, simOrigin) {
	return {
		id,
		name,
		type: 'coldMailResellerApi',
		data: { apiKey, environment: 'production', baseUrl: `${simOrigin}/api/v1/integration` },
	};
}

/** A builder of Cold Mail Reseller nodes that use the credential `{ id, name }`. */
export function cmrNodeBuilder({ id, name: credentialName }) {
	const credentials = { coldMailResellerApi: { id, name: credentialName } };
	return (name, parameters, position = [240, 0], extra = {}) => ({
		id: randomUUID(),
		name,
		type: `${PACKAGE_NAME}.coldMailReseller`,
		typeVersion: 1,
		position,
		parameters,
		credentials,
		...extra,
	});
}
