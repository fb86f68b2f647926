/**
 * Test harness for the Cold Mail Reseller Polling Trigger: n8n-core's real PollContext on a
 * real n8n-workflow Workflow, with the credential class's own `authenticate` function.
 * The same Workflow object is polled again and again, as n8n does while the workflow is active.
 */
import { PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { ColdMailResellerApi } from '../../credentials/ColdMailResellerApi.credentials';
import { ColdMailResellerPollingTrigger } from '../../nodes/ColdMailReseller/ColdMailResellerPollingTrigger.node';
import { additionalDataFor } from '../helpers/n8n-harness';

export const pollingNode = new ColdMailResellerPollingTrigger();
const credentialType = new ColdMailResellerApi();

const nodeTypes: INodeTypes = {
	getByName: () => pollingNode as INodeType,
	getByNameAndVersion: () => pollingNode as INodeType,
	getKnownTypes: () => ({}),
};

export interface PollEnv {
	workflow: Workflow;
	node: INode;
	/** One poll, the way n8n runs it ('trigger' when active, 'manual' for Fetch Test Event). */
	poll(mode?: WorkflowExecuteMode): Promise<INodeExecutionData[][] | null>;
	/** The node's static data (what n8n saves between polls). */
	nodeStaticData(): IDataObject;
}

let workflowCount = 0;

export function makePollEnv(
	parameters: INodeParameters,
	credentials: IDataObject,
	staticData: IDataObject = {},
): PollEnv {
	const description = pollingNode.description;
	const node: INode = {
		id: 'poll-node-1',
		name: 'CMR Polling Trigger',
		type: 'n8n-nodes-cold-mail-reseller.coldMailResellerPollingTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters:
			NodeHelpers.getNodeParameters(
				description.properties,
				parameters,
				true,
				false,
				{ typeVersion: 1 },
				description,
			) ?? {},
		credentials: { coldMailResellerApi: { id: 'cred-1', name: 'CMR account' } },
	};
	const workflow = new Workflow({
		id: `wf-poll-${++workflowCount}`,
		name: 'CMR polling test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
	});
	const additionalData = additionalDataFor(
		credentialType,
		credentials,
	) as unknown as IWorkflowExecuteAdditionalData;
	return {
		workflow,
		node,
		poll: async (mode = 'trigger') => {
			const context = new PollContext(
				workflow,
				node,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : 'activate',
			);
			return await pollingNode.poll.call(context);
		},
		nodeStaticData: () => workflow.getStaticData('node', node),
	};
}

/** The JSON of the single output's items ([] for a silent poll). */
export function emitted(result: INodeExecutionData[][] | null): IDataObject[] {
	return result ? result[0].map((item) => item.json) : [];
}
