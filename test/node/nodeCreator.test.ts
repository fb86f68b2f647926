import { ColdMailReseller } from '../../nodes/ColdMailReseller/ColdMailReseller.node';
import { ColdMailResellerTrigger } from '../../nodes/ColdMailReseller/ColdMailResellerTrigger.node';

const PACKAGE = 'n8n-nodes-cold-mail-reseller';
const action = new ColdMailReseller().description;
const trigger = new ColdMailResellerTrigger().description;

/**
 * n8n 2.41's node creator (generateMergedNodesAndActions in editor-ui): a trigger whose type name
 * minus "Trigger" is an action node with actions is merged into that node's entry, and the
 * entry takes the trigger's description.
 */
function mergedEntryDescription(): string | undefined {
	const actionType = `${PACKAGE}.${action.name}`;
	const triggerType = `${PACKAGE}.${trigger.name}`;
	if (triggerType.replace('Trigger', '') !== actionType) return undefined;
	return trigger.description;
}

describe('node creator entry', () => {
	it('merges the trigger into the action node entry', () => {
		expect(mergedEntryDescription()).toBeDefined();
	});

	it('describes the actions and the trigger in the merged entry', () => {
		const text = mergedEntryDescription() ?? '';
		for (const word of [
			'Manage',
			'users',
			'domains',
			'mailbox orders',
			'warmup',
			'webhook event',
		]) {
			expect(text).toContain(word);
		}
		expect(text).not.toMatch(/^Starts the workflow/);
	});
});
