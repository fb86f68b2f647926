import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import {
	API_KEY_HEADER,
	BASE_URL_EXPRESSION,
	DEFAULT_BASE_URL,
} from '../nodes/ColdMailReseller/shared/constants';
import { ENDPOINTS } from '../nodes/ColdMailReseller/shared/endpoints';

const BASE_URL_HINT = `Check the Base URL: it should end in /api/v1/integration, e.g. ${DEFAULT_BASE_URL}.`;

/** Why a credential test fails, by the HTTP status (or the envelope status) CMR answers with. */
export const CREDENTIAL_TEST_FAILURES = [
	{
		status: 401,
		message:
			'Invalid API key (HTTP 401): CMR rejected this key. Check the key and the Environment (production and sandbox keys are different).',
	},
	{
		status: 403,
		message:
			'CMR refused this key (HTTP 403). Check that it is a partner API key with API access and that the Environment matches it.',
	},
	{ status: 404, message: `Not found (HTTP 404): this is not the CMR API. ${BASE_URL_HINT}` },
	{
		status: 405,
		message: `Method not allowed (HTTP 405): this is not the CMR API. ${BASE_URL_HINT}`,
	},
	{
		status: 429,
		message:
			'CMR rate limit reached (HTTP 429, 5 requests per second). Wait a moment and test again.',
	},
];

export class ColdMailResellerApi implements ICredentialType {
	name = 'coldMailResellerApi';

	displayName = 'Cold Mail Reseller API';

	icon: Icon = { light: 'file:../icons/cmr.svg', dark: 'file:../icons/cmr.dark.svg' };

	documentationUrl =
		'https://github.com/cold-mail-reseller/n8n-nodes-cold-mail-reseller#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Partner API key from the CMR partner dashboard: Settings → Integrations. Sandbox and production keys are different.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'Sends the key as cmr-x-api-key',
				},
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'Sends the key as cmr-x-sandbox-api-key; orders cost nothing',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: `e.g. ${DEFAULT_BASE_URL}`,
			description:
				'Change it for the CMR sandbox host, a proxy or the local CMR simulator. A trailing slash is ignored.',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
			description:
				'How fast the nodes send requests with this key. CMR allows 5 per second per API key; raise it only if CMR raised your limit. All workflows using this key in this n8n instance share it.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const header =
			credentials.environment === 'sandbox' ? API_KEY_HEADER.sandbox : API_KEY_HEADER.production;
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, [header]: credentials.apiKey as string },
		};
	}

	/**
	 * A cheap, confirmed GET. Any non-2xx fails the test (n8n's responseCode rules name the
	 * usual causes, whatever the body says); a 2xx fails when its body is not CMR's envelope or
	 * carries an error status.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			method: ENDPOINTS['user.getAll'].method,
			url: ENDPOINTS['user.getAll'].path,
			qs: { page: 1, limit: 1 },
		},
		// n8n's credential tester reads both kinds of rule from one list (responseCode when the
		// request fails, responseSuccessBody when it succeeds); the type only admits one kind.
		rules: [
			...CREDENTIAL_TEST_FAILURES.map(({ status, message }) => ({
				type: 'responseCode',
				properties: { value: status, message },
			})),
			...CREDENTIAL_TEST_FAILURES.filter(({ status }) => status !== 404 && status !== 405).map(
				({ status, message }) => ({
					type: 'responseSuccessBody',
					properties: { key: 'status', value: status, message },
				}),
			),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: undefined,
					message: `The Base URL answered, but not with the CMR API's JSON. ${BASE_URL_HINT}`,
				},
			},
		] as unknown as IAuthenticateRuleResponseCode[],
	};
}
