export const CREDENTIAL_NAME = 'coldMailResellerApi';

export const DEFAULT_BASE_URL = 'https://customers.coldmailreseller.com/api/v1/integration';

/** Header that carries the key: production and sandbox keys are not interchangeable. */
export const API_KEY_HEADER = {
	production: 'cmr-x-api-key',
	sandbox: 'cmr-x-sandbox-api-key',
} as const;

/** Credential base URL without trailing slashes, as an n8n expression. */
export const BASE_URL_EXPRESSION = `={{ ($credentials.baseUrl || "${DEFAULT_BASE_URL}").replace(new RegExp("/+$"), "") }}`;

/** CMR's documented page size cap for list endpoints. */
export const MAX_PAGE_SIZE = 100;
