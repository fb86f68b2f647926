import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type ICredentialsDecrypted,
	type INode,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';
import { ColdMailResellerApi } from '../../credentials/ColdMailResellerApi.credentials';
import { BASE_URL, additionalDataFor } from './harness';

type Rule = {
	type: 'responseCode' | 'responseSuccessBody';
	properties: { key?: string; value: unknown; message: string };
};

function valueAt(json: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value !== null && typeof value === 'object'
					? (value as Record<string, unknown>)[key]
					: undefined,
			json,
		);
}

/**
 * What n8n 2.41's CredentialsTester.runRequestTest does with a declarative `test` (packages/cli
 * services/credentials-tester.service): the request runs through RoutingNode on a NoOp-like node
 * (no requestDefaults); a failed request is judged by `responseCode` rules, then by its status
 * text; a successful one by `responseSuccessBody` rules.
 */
export async function testCredential(
	apiKey: string,
	credentials: Partial<{ environment: string; baseUrl: string }> = {},
) {
	const credentialType = new ColdMailResellerApi();
	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credentialType.test.request },
					default: '',
				},
			],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { coldMailResellerApi: { id: '1', name: 'CMR' } },
	};
	const nodeTypes = { getByNameAndVersion: () => nodeType } as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const data = { apiKey, environment: 'production', baseUrl: BASE_URL, ...credentials };
	const decrypted: ICredentialsDecrypted = {
		id: '1',
		name: 'CMR',
		type: credentialType.name,
		data,
	};
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(data),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const rules = (credentialType.test.rules ?? []) as Rule[];
	let response;
	try {
		response = await new RoutingNode(context, nodeType, decrypted).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string } } })
			.cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			const rule = rules.find((r) => r.type === 'responseCode' && r.properties.value === status);
			if (rule) return { status: 'Error', message: rule.properties.message };
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		}
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of rules) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (valueAt(response![0][0].json, rule.properties.key!) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
