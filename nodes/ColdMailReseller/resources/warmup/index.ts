import type { INodeProperties } from 'n8n-workflow';
import { paidNotice, permanentNotice } from '../../shared/descriptions';
import { deletedResult, route } from '../../shared/routing';
import { requireValues } from '../../shared/validation';
import { mailboxLocator } from '../mailbox/fields';
import { buildWarmupSettingsBody, warmupSettingsField } from './settings';

const requireMailbox = requireValues({ mailboxId: 'Mailbox' });

export const warmupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['warmup'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add warmup',
				description: 'Enrol an active mailbox in warmup (prorated charge to the wallet)',
				routing: route('warmup.add', { preSend: [requireMailbox] }),
			},
			{
				name: 'Pause or Resume',
				value: 'toggle',
				action: 'Pause or resume warmup',
				description: 'Toggle warmup between active and paused (billing continues while paused)',
				routing: route('warmup.toggle', { preSend: [requireMailbox] }),
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove warmup',
				description: 'Permanently stop warmup for a mailbox',
				routing: route('warmup.remove', {
					preSend: [requireMailbox],
					postReceive: [deletedResult('mailboxId')],
				}),
			},
			{
				name: 'Update Settings',
				value: 'updateSettings',
				action: 'Update warmup settings',
				description: 'Change the warmup volume, rates, schedule and delays of a mailbox',
				routing: route('warmup.updateSettings', {
					preSend: [requireMailbox, buildWarmupSettingsBody],
				}),
			},
		],
		default: 'add',
	},
	paidNotice('warmup', 'add'),
	permanentNotice(
		'warmup',
		'remove',
		'Removing warmup is permanent: its status becomes STOPPED, billing stops at the next renewal and nothing is refunded. To stop it for a while, use Pause or Resume instead.',
	),
	mailboxLocator('warmup', ['add', 'toggle', 'remove', 'updateSettings'], {
		type: 'query',
		property: 'mailboxId',
	}),
	warmupSettingsField,
];
