import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ColdMailResellerApi } from '../../credentials/ColdMailResellerApi.credentials';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';

export const BASE_URL = 'https://cmr.test/api/v1/integration';
export const PROD_HEADER_VALUE = 'cmr_test_prod_8f2a';
export const SANDBOX_HEADER_VALUE = 'cmr_test_sandbox_77c1';

const credentialType = new ColdMailResellerApi();

/** Credentials as n8n would decrypt them; authenticate() is the credential's own function. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return this.data;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

export interface RunOptions {
	/** Input items (each one is a separate request). Defaults to one empty item. */
	items?: IDataObject[];
	credentials?: Partial<{ apiKey: string; environment: string; baseUrl: string }>;
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	nodeType?: INodeType;
}

export function additionalDataFor(
	credentials: ICredentialDataDecryptedObject,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formBaseUrl: 'http://localhost:5678/form',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs the node's declarative routing through n8n-core's real RoutingNode. */
export async function runNode(
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const nodeType = options.nodeType ?? new ColdMailReseller();
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'cmr-node-1',
		name: 'Cold Mail Reseller',
		type: 'n8n-nodes-cold-mail-reseller.coldMailReseller',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { coldMailResellerApi: { id: 'cred-1', name: 'CMR' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.retryOnFail ? { retryOnFail: true } : {}),
	};
	// Fill in parameter defaults exactly as n8n does when it loads a workflow.
	node.parameters = NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		node.parameters,
		true,
		false,
		node,
		nodeType.description,
	)!;
	const workflow = new Workflow({
		id: 'wf-1',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const credentials = {
		apiKey: PROD_HEADER_VALUE,
		environment: 'production',
		baseUrl: BASE_URL,
		...options.credentials,
	};
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(credentials),
		'manual',
		createRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	const result = await new RoutingNode(context, nodeType).runNode();
	return result?.[0] ?? [];
}

/** The JSON of each output item. */
export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}
