import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { CREDENTIAL_NAME } from './shared/constants';
import { EVENT_OPTIONS } from './trigger/events';
import { SETUP_NOTICE } from './trigger/notice';
import { outputFormatField } from './trigger/output';
import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS } from './trigger/signature';
import { handleDelivery } from './trigger/webhookHandler';
import { checkWebhookExists, createWebhook, deleteWebhook } from './trigger/webhookLifecycle';

export class ColdMailResellerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cold Mail Reseller Trigger',
		name: 'coldMailResellerTrigger',
		icon: { light: 'file:../../icons/cmr.svg', dark: 'file:../../icons/cmr.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		// n8n's node creator shows the action node and this trigger as one entry with this description.
		description:
			'Manage Cold Mail Reseller users, domains, DNS, mailbox orders, subscriptions and warmup, or start a workflow when CMR sends a webhook event',
		defaults: {
			name: 'Cold Mail Reseller Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_NAME,
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty: n8n then answers with the trigger's own webhookResponse (when this is left
				// out, n8n 2.41 answers with the text "firstEntryJson").
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: SETUP_NOTICE,
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: EVENT_OPTIONS,
				description:
					'The events that start the workflow. Select the same events on the CMR destination. Other events are answered and ignored.',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					"Whether to reject deliveries whose cmr-x-signature header is not an HMAC-SHA256 of the body made with the credential's API key",
			},
			{
				displayName: 'Signature Scheme',
				name: 'signatureScheme',
				type: 'options',
				default: 'auto',
				displayOptions: { show: { verifySignature: [true] } },
				options: [
					{
						name: 'Auto',
						value: 'auto',
						description:
							'Accept a signature of the body or of timestamp.body. The timestamp is only protected in the second form.',
					},
					{
						name: 'Timestamp and Body',
						value: 'timestampAndBody',
						description:
							'Accept only a signature of cmr-x-timestamp, a dot and the body, so a replayed delivery cannot carry a fresh timestamp',
					},
					{
						name: 'Body Only',
						value: 'bodyOnly',
						description:
							'Accept only a signature of the body. The timestamp is not signed; replays are stopped by the eventId memory only.',
					},
				],
				description: 'Which signing string the cmr-x-signature header must cover',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'timestampTolerance',
				type: 'number',
				default: DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
				typeOptions: { minValue: 0 },
				displayOptions: { show: { verifySignature: [true] } },
				description:
					'Reject deliveries whose cmr-x-timestamp is further than this from the current time. 0 turns the check off.',
			},
			outputFormatField({
				description:
					'How each event becomes an item: the data fields flattened next to the event name, or the data object kept as is',
				flattened: "The event's data fields next to event, eventId and receivedAt",
				raw: "The event's data object kept as is under data",
			}),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the request headers to each item under headers',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkWebhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this);
	}
}
