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
 *     the activation if CMR rejects the key (401/403); then records the activated URL in the
 *     node's static data;
 *   - delete removes that record.
 * If CMR ever publishes a registration API, only this file needs to change.
 */

/** Key in `getWorkflowStaticData('node')`. Stored in saved workflows: do not rename. */
export const ACTIVATIONS_STATIC_KEY = 'activatedWebhooks';

/** Kept so a changed n8n base URL cannot grow the record without limit. */
const MAX_ACTIVATION_RECORDS = 10;

const CREDENTIAL_CHECK_PATH = ENDPOINTS['user.getAll'].path;

/** Longest CMR message quoted in an activation message. */
const MAX_QUOTED_MESSAGE = 200;

export interface ActivationRecord extends IDataObject {
	url: string;
	activatedAt: string;
	environment: string;
	/** 'accepted', or why the key could not be checked (activation went ahead anyway). */
	apiKeyCheck: string;
}

type KeyCheck = { accepted: true } | { accepted: false; reason: string };

function normalizeBaseUrl(value: unknown): string {
	const base = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_URL;
	return base.replace(/\/+$/, '');
}

/** Removes the key from any text that may be shown or logged. */
export function redactSecret(text: string, secret: string): string {
	if (secret.length < 4) return text;
	return text.split(secret).join('[redacted]');
}

function activationRecords(staticData: IDataObject): Record<string, ActivationRecord> {
	const stored = staticData[ACTIVATIONS_STATIC_KEY];
	return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
		? { ...(stored as Record<string, ActivationRecord>) }
		: {};
}

/**
 * Calls GET /users/list?page=1&limit=1 with the node's credential. Throws a NodeApiError if
 * CMR rejects the key. Any other outcome (network, 5xx, 429, ...) is logged and reported back
 * but does not stop the activation: receiving webhooks does not need the API.
 */
async function checkApiKey(
	this: IHookFunctions,
	apiKey: string,
	baseURL: string,
): Promise<KeyCheck> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		baseURL,
		url: CREDENTIAL_CHECK_PATH,
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
		return { accepted: false, reason };
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
		const reason = `${baseURL}${CREDENTIAL_CHECK_PATH} answered HTTP ${status}: ${quoted}`;
		this.logger.warn(`Cold Mail Reseller Trigger: API key not checked, ${reason}`);
		return { accepted: false, reason };
	}
	return { accepted: true };
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
	const environment = credentials.environment === 'sandbox' ? 'sandbox' : 'production';
	const check = await checkApiKey.call(this, apiKey, normalizeBaseUrl(credentials.baseUrl));

	const staticData = this.getWorkflowStaticData('node');
	const records = activationRecords(staticData);
	delete records[url];
	records[url] = {
		url,
		activatedAt: new Date().toISOString(),
		environment,
		apiKeyCheck: check.accepted ? 'accepted' : `not checked: ${check.reason}`,
	};
	const kept = Object.keys(records).slice(-MAX_ACTIVATION_RECORDS);
	staticData[ACTIVATIONS_STATIC_KEY] = Object.fromEntries(kept.map((key) => [key, records[key]]));
	return true;
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	// The destination itself lives in the CMR dashboard and is left there: the user removes it.
	const url = this.getNodeWebhookUrl('default');
	const staticData = this.getWorkflowStaticData('node');
	const records = activationRecords(staticData);
	if (url !== undefined && url in records) {
		delete records[url];
		if (Object.keys(records).length === 0) {
			delete staticData[ACTIVATIONS_STATIC_KEY];
		} else {
			staticData[ACTIVATIONS_STATIC_KEY] = records;
		}
	}
	return true;
}
