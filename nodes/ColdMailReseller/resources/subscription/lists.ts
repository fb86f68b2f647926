import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { setBody, toList } from '../../shared/validation';

/**
 * Sends a comma/newline-separated string (or an expression array) as a JSON array, failing
 * the item before anything is sent when the list is empty. Used by several resources.
 */
export function sendList(parameter: string, property: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const list = toList(this.getNodeParameter(parameter, ''));
		if (!list.length) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				`${label} is empty`,
				`Enter one or more values for "${label}" separated by commas, or map an array with an expression.`,
			);
		}
		return setBody(requestOptions, { [property]: list });
	};
}

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
