import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { type ValueKind, sendList } from '../../shared/validation';

/**
 * For operations with an "Identify By" choice: runs `sendList` (or a required check) for the
 * parameter the user picked. `fields` maps each Identify By value to its field label and
 * the kind of value each entry must be.
 */
export function sendListIdentifiedBy(
	fields: Record<string, [label: string, kind: ValueKind]>,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const by = this.getNodeParameter('identifyBy', '') as string;
		const [label, kind] = fields[by] ?? [];
		if (!label) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				`Identify By "${by}" is not supported`,
				`Choose one of: ${Object.values(fields)
					.map(([name]) => name)
					.join(', ')}.`,
			);
		}
		return await sendList(by, by, label, kind).call(this, requestOptions);
	};
}
