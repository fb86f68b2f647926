import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { CREDENTIAL_NAME, DEFAULT_BASE_URL } from '../shared/constants';
import { ENDPOINTS } from '../shared/endpoints';
import { cmrMessage } from '../shared/errors';
import { cmrRequestWithRecovery } from '../shared/retry';

/**
 * The webhook lifecycle (checkExists / create / delete) and the only CMR API calls the
 * trigger makes.
 *
 * CMR has no API to register webhook destinations: the user adds this node's URL in the
 * partner dashboard (Settings → Webhook → + Add Destination). So nothing is registered here.
 * Instead:
 *   - checkExists returns false, so n8n runs create on every activation;
 *   - create checks the credential against the API (GET /users/list?page=1&limit=1) and fails
 *     the activation if CMR rejects the key (401/403);
 *   - delete has nothing to remove on CMR.
 * If CMR ever publishes a registration API, only this file needs to change.
 */

/**
 * Static-data key where earlier versions recorded activated URLs that nothing read; create and
 * delete remove what is left of it.
 */
export const LEGACY_ACTIVATIONS_STATIC_KEY = 'activatedWebhooks';

const CREDENTIAL_CHECK = ENDPOINTS['user.getAll'];

/** Longest CMR message quoted in an activation message. */
const MAX_QUOTED_MESSAGE = 200;

function normalizeBaseUrl(value: unknown): string {
	const base = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_URL;
	return base.replace(/\/+$/, '');
}

/** Removes the key from any text that may be shown or logged. */
export function redactSecret(text: string, secret: string): string {
	if (secret.length < 4) return text;
	return text.split(secret).join('[redacted]');
}

function forgetLegacyActivationRecords(staticData: IDataObject): void {
	if (LEGACY_ACTIVATIONS_STATIC_KEY in staticData) delete staticData[LEGACY_ACTIVATIONS_STATIC_KEY];
}

/**
 * Calls GET /users/list?page=1&limit=1 with the node's credential. Throws a NodeApiError if
 * CMR rejects the key. Any other outcome (network, 5xx, 429, ...) is logged but does not stop
 * the activation: receiving webhooks does not need the API.
 */
async function checkApiKey(this: IHookFunctions, apiKey: string, baseURL: string): Promise<void> {
	const options: IHttpRequestOptions = {
		method: CREDENTIAL_CHECK.method,
		baseURL,
		url: CREDENTIAL_CHECK.path,
		qs: { page: 1, limit: 1 },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	let response: IN8nHttpFullResponse;
	try {
		response = await cmrRequestWithRecovery(this, options);
	} catch (error) {
		const reason = redactSecret(
			`could not reach ${baseURL}: ${(error as Error).message ?? 'unknown reason'}`,
			apiKey,
		);
		this.logger.warn(`Cold Mail Reseller Trigger: API key not checked, ${reason}`);
		return;
	}

	const status = response.statusCode;
	const quoted = redactSecret(cmrMessage(response.body) ?? 'no message', apiKey).slice(
		0,
		MAX_QUOTED_MESSAGE,
	);

	if (status === 401 || status === 403) {
		const howToFix =
			'Open the Cold Mail Reseller API credential selected in this trigger, paste a valid partner API key ' +
			'(partners.coldmailreseller.com → Settings → Integrations) and check that Environment matches the key ' +
			'(a sandbox key needs Environment "Sandbox"), then activate the workflow again.';
		throw new NodeApiError(this.getNode(), { status, message: quoted } as JsonObject, {
			message: `Cold Mail Reseller rejected the API key (HTTP ${status}: ${quoted}). ${howToFix}`,
			description: howToFix,
			httpCode: String(status),
		});
	}
	if (status >= 400) {
		const reason = `${baseURL}${CREDENTIAL_CHECK.path} answered HTTP ${status}: ${quoted}`;
		this.logger.warn(`Cold Mail Reseller Trigger: API key not checked, ${reason}`);
	}
}

export async function checkWebhookExists(this: IHookFunctions): Promise<boolean> {
	// Nothing to look up on CMR (no registration API). Returning false makes n8n call
	// createWebhook on every activation, which re-checks the API key.
	return false;
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(
			this.getNode(),
			'n8n did not provide a webhook URL for this trigger',
		);
	}

	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	await checkApiKey.call(this, apiKey, normalizeBaseUrl(credentials.baseUrl));
	forgetLegacyActivationRecords(this.getWorkflowStaticData('node'));
	return true;
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	// The destination itself lives in the CMR dashboard and is left there: the user removes it.
	forgetLegacyActivationRecords(this.getWorkflowStaticData('node'));
	return true;
}
