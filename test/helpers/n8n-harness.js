// Runs nodes the way n8n does, with n8n-core's real RoutingNode and contexts. Plain JS so the
// jest tests (TypeScript sources) and the benchmarks (built dist/) share one implementation.
const { ExecuteContext, RoutingNode } = require('n8n-core');
const {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} = require('n8n-workflow');

/** Credentials as n8n would decrypt them; authenticate() is the credential's own function. */
class TestCredentialsHelper extends ICredentialsHelper {
	/** @param credentialType the credential class instance; @param data decrypted data or null */
	constructor(credentialType, data) {
		super();
		this.credentialType = credentialType;
		this.data = data;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(credentials, _typeName, requestOptions) {
		return await this.credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials() {
		throw new Error('not used in tests');
	}

	async getDecrypted() {
		if (this.data === null) throw new Error('Credential could not be decrypted');
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return this.credentialType.properties;
	}
}

function additionalDataFor(credentialType, credentials, extra = {}) {
	return {
		credentialsHelper: new TestCredentialsHelper(credentialType, credentials),
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formBaseUrl: 'http://localhost:5678/form',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		variables: {},
		...extra,
	};
}

/** Runs a declarative node's routing for the given parameters and input items. */
async function runRoutingNode({
	nodeType,
	credentialType,
	credentials,
	parameters,
	items = [{}],
	continueOnFail = false,
	retryOnFail = false,
	typeVersion = 1,
}) {
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node = {
		id: 'cmr-node-1',
		name: 'Cold Mail Reseller',
		type: 'n8n-nodes-cold-mail-reseller.coldMailReseller',
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'CMR' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		...(retryOnFail ? { retryOnFail: true } : {}),
	};
	// Fill in parameter defaults exactly as n8n does when it loads a workflow.
	node.parameters = NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		node.parameters,
		true,
		false,
		node,
		nodeType.description,
	);
	const workflow = new Workflow({
		id: 'wf-1',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const inputItems = items.map((json) => ({ json }));
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(credentialType, credentials),
		'manual',
		createRunExecutionData(),
		0,
		inputItems,
		{ main: [inputItems] },
		{ node, data: { main: [inputItems] }, source: null },
		[],
	);
	const result = await new RoutingNode(context, nodeType).runNode();
	return result?.[0] ?? [];
}

module.exports = { TestCredentialsHelper, additionalDataFor, runRoutingNode };
