import type { KeyObject } from 'crypto';
import { createSecretKey } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../shared/constants';
import type { SignatureCheck } from './signature';

/**
 * The credential's API key as a secret KeyObject, kept in this process's memory only (never in
 * static data, never logged; a KeyObject does not print its bytes). Loading the credential
 * (database read, decryption, defaults and overwrites) costs far more than the HMAC, so a
 * loaded key is reused for SIGNING_KEY_REUSE_MS per credential id. It follows credential
 * changes: a delivery the cached key does not verify makes it load the credential again at
 * once, so a new key works immediately and a replaced key stops working within that time.
 */
export const SIGNING_KEY_REUSE_MS = 15_000;
const MAX_CACHED_KEYS = 100;

type SigningKey = KeyObject | '';

const loadedKeys = new Map<string, { key: SigningKey; loadedAt: number }>();

async function loadSigningKey(context: IWebhookFunctions): Promise<SigningKey> {
	const credentials = await context.getCredentials(CREDENTIAL_NAME);
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	return apiKey === '' ? '' : createSecretKey(Buffer.from(apiKey, 'utf8'));
}

function remember(credentialId: string, key: SigningKey, loadedAt: number): void {
	loadedKeys.delete(credentialId);
	loadedKeys.set(credentialId, { key, loadedAt });
	if (loadedKeys.size > MAX_CACHED_KEYS) {
		loadedKeys.delete(loadedKeys.keys().next().value as string);
	}
}

/** Runs `verify` with the credential's key, loading the credential only when needed. */
export async function verifyWithSigningKey(
	context: IWebhookFunctions,
	verify: (key: SigningKey) => SignatureCheck,
	nowMs: number = Date.now(),
): Promise<SignatureCheck> {
	const credentialId = context.getNode().credentials?.[CREDENTIAL_NAME]?.id;
	if (!credentialId) return verify(await loadSigningKey(context));

	const cached = loadedKeys.get(credentialId);
	if (cached !== undefined && nowMs - cached.loadedAt < SIGNING_KEY_REUSE_MS) {
		const result = verify(cached.key);
		if (result.valid) return result;
	}
	const key = await loadSigningKey(context);
	remember(credentialId, key, nowMs);
	return verify(key);
}
