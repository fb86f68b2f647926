/**
 * Test harness for the Cold Mail Reseller Trigger: real n8n-core HookContext and
 * WebhookContext on a real n8n-workflow Workflow, with a fake express request/response and a
 * credentials helper that applies the credential class's own `authenticate` function.
 */
import { createHmac } from 'crypto';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { TestCredentialsHelper } from '../helpers/n8n-harness';
import { ColdMailResellerApi } from '../../credentials/ColdMailResellerApi.credentials';
import { ColdMailResellerTrigger } from '../../nodes/ColdMailReseller/ColdMailResellerTrigger.node';

import { BASE_URL } from '../helpers/harness';

export { BASE_URL };
// Contains "example" so the no-hardcoded-secrets lint rule knows it is a placeholder.
export const API_KEY = 'example-cmr-partner-key-7f3a9c51d2';
export const WEBHOOK_BASE_URL = 'https://n8n.example.test/webhook';
export const WEBHOOK_TEST_BASE_URL = 'https://n8n.example.test/webhook-test';
export const WEBHOOK_ID = 'abc-123';
export const PRODUCTION_URL = `${WEBHOOK_BASE_URL}/${WEBHOOK_ID}/webhook`;
export const TEST_URL = `${WEBHOOK_TEST_BASE_URL}/${WEBHOOK_ID}/webhook`;
export const NODE_NAME = 'CMR Trigger';
export const NODE_TYPE = 'n8n-nodes-cold-mail-reseller.coldMailResellerTrigger';

export const triggerNode = new ColdMailResellerTrigger();
const credentialType = new ColdMailResellerApi();

export type CredentialData = { apiKey: string; environment: string; baseUrl: string };

export const defaultCredentials = (): CredentialData => ({
	apiKey: API_KEY,
	environment: 'production',
	baseUrl: BASE_URL,
});

const nodeTypesFor = (trigger: ColdMailResellerTrigger): INodeTypes => ({
	getByName: () => trigger as INodeType,
	getByNameAndVersion: () => trigger as INodeType,
	getKnownTypes: () => ({}),
});

/** A fake express response that records what the node answered. */
export class FakeResponse {
	statusCode = 200;

	body: unknown = undefined;

	ended = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	send(body?: unknown): this {
		this.body = body;
		this.ended = true;
		return this;
	}

	json(body: unknown): this {
		return this.send(body);
	}

	end(): this {
		this.ended = true;
		return this;
	}
}

export interface FakeRequest {
	body: unknown;
	rawBody: Buffer;
	headers: Record<string, string>;
	params: IDataObject;
	query: IDataObject;
	method: string;
	header(name: string): string | undefined;
}

export function fakeRequest(rawBody: Buffer, headers: Record<string, string>): FakeRequest {
	const lower: Record<string, string> = { 'content-type': 'application/json' };
	for (const [key, value] of Object.entries(headers)) lower[key.toLowerCase()] = value;
	let body: unknown = {};
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		body = {};
	}
	return {
		body,
		rawBody,
		headers: lower,
		params: {},
		query: {},
		method: 'POST',
		header: (name: string) => lower[name.toLowerCase()],
	};
}

export interface TriggerEnv {
	workflow: Workflow;
	node: INode;
	staticData: IDataObject;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: TestCredentialsHelper;
	/** The node's own static data (`getWorkflowStaticData('node')`). */
	nodeStaticData(): IDataObject;
	hook(
		activation?: WorkflowActivateMode,
		options?: { mode?: WorkflowExecuteMode; isTest?: boolean },
	): HookContext;
	deliver(
		req: FakeRequest,
		onContext?: (ctx: WebhookContext) => void,
	): Promise<{
		result: Awaited<ReturnType<ColdMailResellerTrigger['webhook']>>;
		res: FakeResponse;
		ctx: WebhookContext;
	}>;
}

/**
 * Builds a workflow with one trigger node. `parameters` are what the user set; defaults are
 * filled in the way n8n does when it loads a workflow.
 */
let environmentCount = 0;

export function makeTriggerEnv(
	parameters: INodeParameters = {},
	credentials: CredentialData | null = defaultCredentials(),
	staticData: IDataObject = {},
	workflowId = `wf-${++environmentCount}`,
	options: { credentialId?: string; trigger?: ColdMailResellerTrigger } = {},
): TriggerEnv {
	const trigger = options.trigger ?? triggerNode;
	const description = triggerNode.description;
	const resolved =
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			{ typeVersion: 1 },
			description,
		) ?? {};
	const node: INode = {
		id: 'node-1',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: resolved,
		// A credential id per environment by default: the trigger reuses a loaded key per credential id.
		credentials: {
			coldMailResellerApi: {
				id: options.credentialId ?? `cred-${workflowId}`,
				name: 'CMR account',
			},
		},
	};
	const workflow = new Workflow({
		// A new id per environment by default: the trigger keeps accepted eventIds per workflow node.
		id: workflowId,
		name: 'CMR trigger test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(trigger),
		staticData,
	});

	const credentialsHelper = new TestCredentialsHelper(credentialType, credentials);
	const baseAdditionalData = {
		credentialsHelper,
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookTestBaseUrl: WEBHOOK_TEST_BASE_URL,
		webhookWaitingBaseUrl: 'https://n8n.example.test/webhook-waiting',
		formWaitingBaseUrl: 'https://n8n.example.test/form-waiting',
		restApiUrl: 'https://n8n.example.test/rest',
		instanceBaseUrl: 'https://n8n.example.test',
		variables: {},
		executionId: undefined,
	};
	const additionalData = baseAdditionalData as unknown as IWorkflowExecuteAdditionalData;

	const webhookDescription = description.webhooks?.[0];
	if (!webhookDescription) throw new Error('the trigger declares no webhook');

	return {
		workflow,
		node,
		staticData: workflow.staticData,
		additionalData,
		credentialsHelper,
		nodeStaticData: () => workflow.getStaticData('node', node),
		hook: (activation = 'activate', options = {}) =>
			new HookContext(
				workflow,
				node,
				additionalData,
				options.mode ?? (options.isTest ? 'manual' : 'trigger'),
				activation,
				options.isTest
					? {
							httpMethod: 'POST',
							node: NODE_NAME,
							path: `${WEBHOOK_ID}/webhook`,
							webhookDescription,
							workflowId: 'wf-1',
							workflowExecuteAdditionalData: additionalData,
							webhookId: WEBHOOK_ID,
							isTest: true,
						}
					: undefined,
			),
		deliver: async (req: FakeRequest, onContext?: (ctx: WebhookContext) => void) => {
			const res = new FakeResponse();
			const requestData = {
				...baseAdditionalData,
				httpRequest: req,
				httpResponse: res,
			} as unknown as IWorkflowExecuteAdditionalData;
			const webhookData: IWebhookData = {
				httpMethod: 'POST',
				node: NODE_NAME,
				path: `${WEBHOOK_ID}/webhook`,
				webhookDescription,
				workflowId: 'wf-1',
				workflowExecuteAdditionalData: requestData,
				webhookId: WEBHOOK_ID,
			};
			const ctx = new WebhookContext(workflow, node, requestData, 'webhook', webhookData, [], null);
			onContext?.(ctx);
			const result = await trigger.webhook.call(ctx);
			return { result, res, ctx };
		},
	};
}

// ---------------------------------------------------------------- signing helpers

export type Encoding = 'hex' | 'HEX' | 'base64' | 'base64url';
export type Variant = 'body' | 'timestamp.body';

export interface SignOptions {
	key?: string;
	/** Unix seconds (or any string, sent as is). */
	timestamp?: number | string;
	encoding?: Encoding;
	prefix?: boolean;
	variant?: Variant;
}

export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

/** Signs `rawBody` in one of the forms CMR might use. */
export function sign(rawBody: Buffer, options: SignOptions = {}): Record<string, string> {
	const key = options.key ?? API_KEY;
	const timestamp = String(options.timestamp ?? nowSeconds());
	const payload =
		options.variant === 'timestamp.body'
			? Buffer.concat([Buffer.from(`${timestamp}.`), rawBody])
			: rawBody;
	const digest = createHmac('sha256', key).update(payload).digest();
	const encoded = {
		hex: digest.toString('hex'),
		HEX: digest.toString('hex').toUpperCase(),
		base64: digest.toString('base64'),
		base64url: digest.toString('base64url'),
	}[options.encoding ?? 'hex'];
	return {
		'cmr-x-signature': options.prefix ? `sha256=${encoded}` : encoded,
		'cmr-x-timestamp': timestamp,
	};
}

export function toRawBody(payload: unknown): Buffer {
	if (Buffer.isBuffer(payload)) return payload;
	if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
	return Buffer.from(JSON.stringify(payload), 'utf8');
}

/** A signed request for a payload (objects are serialised; strings and buffers sent as is). */
export function signedRequest(
	payload: unknown,
	options: SignOptions & { extraHeaders?: Record<string, string> } = {},
): FakeRequest {
	const rawBody = toRawBody(payload);
	return fakeRequest(rawBody, { ...sign(rawBody, options), ...(options.extraHeaders ?? {}) });
}
