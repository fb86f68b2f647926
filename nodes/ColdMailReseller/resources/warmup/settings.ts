import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { setBody } from '../../shared/bodies';

type Kind = 'count' | 'rate' | 'seconds' | 'boolean';

/** The documented settings, sorted by label: [name, label, kind, description]. */
const SETTINGS: Array<[name: string, label: string, kind: Kind, description: string]> = [
	['increasePerDay', 'Increase Per Day', 'count', 'How many more warmup emails to send each day'],
	[
		'maximumDelayBetweenWarmupEmails',
		'Maximum Delay Between Warmup Emails',
		'seconds',
		'Longest pause between two warmup emails, in seconds',
	],
	[
		'minimumDelayBetweenWarmupEmails',
		'Minimum Delay Between Warmup Emails',
		'seconds',
		'Shortest pause between two warmup emails, in seconds',
	],
	['minimumWarmupLimit', 'Minimum Warmup Limit', 'count', 'Lowest number of warmup emails per day'],
	[
		'warmupDisableSlow',
		'Warmup Disable Slow',
		'boolean',
		'Whether to disable the slow warmup ramp-up',
	],
	['warmupLimit', 'Warmup Limit', 'count', 'Highest number of warmup emails per day'],
	[
		'warmupOnWeekdays',
		'Warmup On Weekdays',
		'boolean',
		'Whether to send warmup emails on weekdays only',
	],
	[
		'warmupOpenRate',
		'Warmup Open Rate',
		'rate',
		'Share of warmup emails to open, from 0 to 1 (e.g. 0.8)',
	],
	[
		'warmupReplyRate',
		'Warmup Reply Rate',
		'rate',
		'Share of warmup emails to reply to, from 0 to 1 (e.g. 0.3)',
	],
	[
		'warmupSpamProtectionRate',
		'Warmup Spam Protection Rate',
		'rate',
		'Share of warmup emails to rescue from spam, from 0 to 1 (e.g. 0.2)',
	],
];

/** Checks the Settings collection and sends it as the body. */
export async function buildWarmupSettingsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const given = this.getNodeParameter('settings', {}) as IDataObject;
	const body: IDataObject = {};
	for (const [name, label, kind] of SETTINGS) {
		const value = given[name];
		if (value === undefined || value === null || value === '') continue;
		if (kind === 'boolean') {
			if (typeof value !== 'boolean') {
				throw invalidInput(
					node,
					itemIndex,
					`${label} is not true or false`,
					`Set "${label}" to true or false.`,
				);
			}
			body[name] = value;
			continue;
		}
		const number = Number(value);
		if (kind === 'rate' && (!Number.isFinite(number) || number < 0 || number > 1)) {
			throw invalidInput(
				node,
				itemIndex,
				`${label} must be between 0 and 1`,
				`Enter "${label}" as a fraction, e.g. 0.3 for 30%.`,
			);
		}
		if (kind !== 'rate' && (!Number.isFinite(number) || number < 0)) {
			throw invalidInput(
				node,
				itemIndex,
				`${label} must be 0 or more`,
				`Enter a number of 0 or more for "${label}".`,
			);
		}
		body[name] = number;
	}
	if (!Object.keys(body).length) {
		throw invalidInput(
			node,
			itemIndex,
			'No warmup settings to update',
			'Add at least one setting under "Settings".',
		);
	}
	const { minimumDelayBetweenWarmupEmails: min, maximumDelayBetweenWarmupEmails: max } = body;
	if (typeof min === 'number' && typeof max === 'number' && min > max) {
		throw invalidInput(
			node,
			itemIndex,
			'Minimum Delay Between Warmup Emails is greater than Maximum Delay Between Warmup Emails',
			'Make the minimum delay smaller than or equal to the maximum delay.',
		);
	}
	return setBody(requestOptions, body);
}

export const warmupSettingsField: INodeProperties = {
	displayName: 'Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: SETTINGS.map(([name, displayName, kind, description]): INodeProperties => {
		if (kind === 'boolean') {
			return { displayName, name, type: 'boolean', default: false, description };
		}
		return {
			displayName,
			name,
			type: 'number',
			default: 0,
			description,
			typeOptions:
				kind === 'rate'
					? { minValue: 0, maxValue: 1, numberPrecision: 2 }
					: { minValue: 0, numberPrecision: 0 },
		};
	}),
};
