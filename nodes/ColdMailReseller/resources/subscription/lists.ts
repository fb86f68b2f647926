import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { sendList } from '../../shared/validation';

/**
 * For operations with an "Identify By" choice: runs `sendList` (or a required check) for the
 * parameter the user picked. `labels` maps each Identify By value to its field label.
 */
export function sendListIdentifiedBy(labels: Record<string, string>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const by = this.getNodeParameter('identifyBy', '') as string;
		const label = labels[by];
		if (!label) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				`Identify By "${by}" is not supported`,
				`Choose one of: ${Object.values(labels).join(', ')}.`,
			);
		}
		return await sendList(by, by, label).call(this, requestOptions);
	};
}
