import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	IWorkflowExecuteAdditionalData,
	ICredentialDataDecryptedObject,
	NodeApiError,
} from 'n8n-workflow';
import { ColdMailResellerApi } from '../../credentials/ColdMailResellerApi.credentials';
import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { additionalDataFor as additionalDataForType, runRoutingNode } from './n8n-harness';

export const BASE_URL = 'https://cmr.test/api/v1/integration';
/** The CMR user (customer) the node tests act for. */
export const USER_ID = 'PWM7Y25RYZ450YNM8K8FX9GK5AHX';

/** A resource locator value given By ID, as n8n stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const PROD_HEADER_VALUE = 'cmr_test_prod_8f2a';
export const SANDBOX_HEADER_VALUE = 'cmr_test_sandbox_77c1';

export const credentialType = new ColdMailResellerApi();

export interface RunOptions {
	/** Input items (each one is a separate request). Defaults to one empty item. */
	items?: IDataObject[];
	credentials?: Partial<{
		apiKey: string;
		environment: string;
		baseUrl: string;
		requestsPerSecond: number;
	}>;
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	nodeType?: INodeType;
	/** The node's typeVersion; 1 (the first release) unless a test needs a newer one. */
	typeVersion?: number;
}

export function additionalDataFor(
	credentials: ICredentialDataDecryptedObject,
): IWorkflowExecuteAdditionalData {
	return additionalDataForType(credentialType, credentials);
}

/** Runs the node's declarative routing through n8n-core's real RoutingNode. */
export async function runNode(
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	return await runRoutingNode({
		nodeType: options.nodeType ?? new ColdMailReseller(),
		credentialType,
		credentials: {
			apiKey: PROD_HEADER_VALUE,
			environment: 'production',
			baseUrl: BASE_URL,
			...options.credentials,
		},
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		retryOnFail: options.retryOnFail,
		typeVersion: options.typeVersion,
	});
}

/** The JSON of each output item. */
export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/** The error a node run fails with (fails the test when the run succeeds). */
export async function rejectionOf(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the node to fail');
}
