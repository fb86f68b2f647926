import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from './errors';
import { checkOneOf } from './validation';

/**
 * Rules every paid order shares (Create Domain and Mailbox Order, Create Mailbox Order,
 * Pre-Warmup → Order, Sandbox → Order Pre-Warmup), checked on the built body before sending.
 */

export const SERVICE_PROVIDERS = ['GOOGLE', 'MICROSOFT'] as const;

const OAUTH_BY_PROVIDER: Record<string, { label: string; bodyKey: string; name: string }> = {
	GOOGLE: { label: 'Google OAuth', bodyKey: 'google', name: 'Google' },
	MICROSOFT: { label: 'Microsoft OAuth', bodyKey: 'microsoftOauthRoute', name: 'Microsoft' },
};

/**
 * preSend: GOOGLE needs the `google` group and MICROSOFT the Microsoft route, never the other
 * one. Runs after sendOauthSettings. `sendProvider` puts the checked provider in the body;
 * Create Mailbox Order leaves it out (CMR takes it from the subscription).
 */
export function checkProviderOauth(sendProvider: boolean): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const provider = checkOneOf(
			this,
			String(this.getNodeParameter('serviceProvider', '') ?? '').toUpperCase(),
			'Service Provider',
			SERVICE_PROVIDERS,
		);
		const body = (requestOptions.body ?? {}) as IDataObject;
		const own = OAUTH_BY_PROVIDER[provider];
		const other = OAUTH_BY_PROVIDER[provider === 'GOOGLE' ? 'MICROSOFT' : 'GOOGLE'];
		const fail = (what: string, fix: string) =>
			invalidInput(this.getNode(), this.getItemIndex(), what, fix);
		if (body[other.bodyKey] !== undefined) {
			throw fail(
				`${other.label} cannot be used when Service Provider is ${own.name}`,
				`Remove the ${other.label} settings, or set Service Provider to ${other.name} if these are ${other.name} mailboxes.`,
			);
		}
		if (body[own.bodyKey] === undefined) {
			throw fail(
				`${own.label} is required when Service Provider is ${own.name}`,
				`Add the ${own.label} settings (the OAuth app CMR exports ${own.name} mailboxes with), or set Service Provider to ${other.name} if these are ${other.name} mailboxes.`,
			);
		}
		if (sendProvider) body.serviceProvider = provider;
		requestOptions.body = body;
		return requestOptions;
	};
}

const CONFIRM_BY_TEXT: Record<string, boolean> = { true: true, false: false };

/**
 * preSend: `confirm` decides whether the wallet is charged now, so it must be an explicit
 * true (process now) or false (create only). Expressions may give "true"/"false".
 */
export async function checkConfirm(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const raw = body.confirm;
	const confirm = typeof raw === 'string' ? CONFIRM_BY_TEXT[raw.trim().toLowerCase()] : raw;
	const fix =
		'Choose "Process Now (Charges the Wallet)" to place the order at once, or "Create Only (Process Later)" to run Order → Process later.';
	if (raw === undefined || raw === null || raw === '') {
		throw invalidInput(this.getNode(), this.getItemIndex(), 'Confirm is not chosen', fix);
	}
	if (typeof confirm !== 'boolean') {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			`Confirm "${String(raw)}" is not a choice`,
			`${fix} An expression must return true or false.`,
		);
	}
	body.confirm = confirm;
	requestOptions.body = body;
	return requestOptions;
}
