import type { INodeTypeDescription } from 'n8n-workflow';

/**
 * A node description as plain JSON: functions (preSend, postReceive) become "[Function]", so the
 * snapshot holds every name, value, type, default, displayOptions and routing key.
 */
export function serializeDescription(description: INodeTypeDescription): unknown {
	return JSON.parse(
		JSON.stringify(description, (_key, value: unknown) =>
			typeof value === 'function' ? '[Function]' : value,
		),
	);
}
