import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { CREDENTIAL_NAME } from './shared/constants';
import { getUsers } from './listSearch/getUsers';
import { EVENT_KIND_OPTIONS } from './pollingTrigger/kinds';
import { POLLING_NOTICE } from './pollingTrigger/notice';
import { pollCmr } from './pollingTrigger/poll';
import { userLocator } from './shared/descriptions';
import { outputFormatField } from './trigger/output';

export class ColdMailResellerPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cold Mail Reseller Polling Trigger',
		name: 'coldMailResellerPollingTrigger',
		icon: { light: 'file:../../icons/cmr.svg', dark: 'file:../../icons/cmr.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when Cold Mail Reseller mailboxes, domains, subscriptions or orders change, by polling (no public URL needed)',
		defaults: {
			name: 'Cold Mail Reseller Polling Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_NAME,
				required: true,
			},
		],
		properties: [
			{
				displayName: POLLING_NOTICE,
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['newMailbox'],
				options: EVENT_KIND_OPTIONS,
				description:
					'The changes that start the workflow. Each change found is one item, named like the webhook event where one exists.',
			},
			{
				...userLocator(),
				required: false,
				description:
					'Only watch this CMR user (customer). Leave empty to watch the whole partner account.',
			},
			outputFormatField({
				description:
					"How each change becomes an item: the record's fields flattened next to the event name, or the record kept as is",
				flattened: "The record's fields next to event, eventId, receivedAt and source",
				raw: 'The record kept as is under data',
			}),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing Records on First Run',
						name: 'emitExistingOnFirstRun',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll emits one item per existing record (e.g. mailbox.created for every ACTIVE mailbox) instead of only recording them',
					},
				],
			},
		],
	};

	methods = {
		listSearch: { getUsers },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCmr.call(this);
	}
}
