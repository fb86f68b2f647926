import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../../shared/constants';
import { permanentNotice, showFor } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { route } from '../../shared/routing';
import { sendOneOf } from '../../shared/validation';
import { preWarmupOrderFields, preWarmupOrderPreSend } from '../preWarmup/orderFields';

const RESOURCE = 'sandbox';

/** Sandbox endpoints only exist for sandbox keys: fail the item before sending otherwise. */
async function requireSandboxCredential(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	if (credentials.environment !== 'sandbox') {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'Sandbox operations need a credential with Environment = Sandbox',
			'Select a Cold Mail Reseller credential whose Environment is Sandbox (with a sandbox API key), or use the Pre-Warmup resource for production.',
		);
	}
	return requestOptions;
}

export const sandboxDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [RESOURCE] } },
		options: [
			{
				name: 'Get Pre-Warmup Domains',
				value: 'getPreWarmupDomains',
				action: 'Get sandbox prewarmed domains',
				description: 'List the sandbox pre-warmed domains you can order for free',
				routing: route('sandbox.getPreWarmupDomains', {
					preSend: [requireSandboxCredential],
					list: 'all',
				}),
			},
			{
				name: 'Order Pre-Warmup',
				value: 'orderPreWarmup',
				action: 'Order sandbox prewarmed domains',
				description: 'Place a $0 sandbox pre-warmup order with a chosen outcome, to test webhooks',
				routing: route('sandbox.orderPreWarmup', {
					preSend: [requireSandboxCredential, ...preWarmupOrderPreSend],
				}),
			},
			{
				name: 'Reset Pre-Warmup',
				value: 'resetPreWarmup',
				action: 'Reset sandbox prewarmup records',
				description:
					'Delete all your sandbox records, to start pre-warmup tests again from scratch',
				routing: route('sandbox.resetPreWarmup', { preSend: [requireSandboxCredential] }),
			},
		],
		default: 'getPreWarmupDomains',
	},
	{
		displayName: 'Sandbox only: use a credential with Environment = Sandbox',
		name: 'sandboxNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: [RESOURCE] } },
	},

	// Order Pre-Warmup
	...preWarmupOrderFields(RESOURCE, 'orderPreWarmup', 'sandbox.orderPreWarmup'),
	{
		displayName: 'Scenario',
		name: 'scenario',
		type: 'options',
		options: [
			{
				name: 'Full Failure',
				value: 'full_failure',
				description: 'Every domain fails (prewarmup.order.failed)',
			},
			{
				name: 'Partial Failure',
				value: 'partial_failure',
				description: 'One domain fails, the others succeed (both webhooks fire)',
			},
			{
				name: 'Success',
				value: 'success',
				description: 'Every domain succeeds (prewarmup.order.success)',
			},
		],
		default: 'success',
		description: 'Outcome the sandbox simulates for this order',
		displayOptions: showFor(RESOURCE, 'orderPreWarmup'),
		routing: {
			send: {
				preSend: [
					sendOneOf('scenario', 'Scenario', ['success', 'partial_failure', 'full_failure'], {
						type: 'body',
						property: 'scenario',
					}),
				],
			},
		},
	},

	// Reset Pre-Warmup
	permanentNotice(
		RESOURCE,
		'resetPreWarmup',
		'Resetting deletes all your sandbox records immediately and cannot be undone. Production data is not affected.',
	),
];
