import { mailboxLocator } from '../../shared/fields';
import { defineResource } from '../../shared/resource';
import { deletedResult } from '../../shared/output';
import { buildWarmupSettingsBody, warmupSettingsField } from './settings';

const MAILBOX = { mailboxId: 'Mailbox' };

export const warmupDescription = defineResource(
	'warmup',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add warmup',
				description: 'Enrol an active mailbox in warmup (prorated charge to the wallet)',
			},
			{
				name: 'Pause or Resume',
				value: 'toggle',
				action: 'Pause or resume warmup',
				description: 'Toggle warmup between active and paused (billing continues while paused)',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove warmup',
				description: 'Permanently stop warmup for a mailbox',
			},
			{
				name: 'Update Settings',
				value: 'updateSettings',
				action: 'Update warmup settings',
				description: 'Change the warmup volume, rates, schedule and delays of a mailbox',
			},
		],
		default: 'add',
	},
	{
		add: { required: MAILBOX, fields: [mailboxLocator({ type: 'query', property: 'mailboxId' })] },
		toggle: {
			required: MAILBOX,
			fields: [mailboxLocator({ type: 'query', property: 'mailboxId' })],
		},
		remove: {
			required: MAILBOX,
			postReceive: [deletedResult('mailboxId')],
			permanent:
				'Removing warmup is permanent: its status becomes STOPPED, billing stops at the next renewal and nothing is refunded. To stop it for a while, use Pause or Resume instead.',
			fields: [mailboxLocator({ type: 'query', property: 'mailboxId' })],
		},
		updateSettings: {
			required: MAILBOX,
			preSend: [buildWarmupSettingsBody],
			fields: [mailboxLocator({ type: 'query', property: 'mailboxId' }), warmupSettingsField],
		},
	},
);
