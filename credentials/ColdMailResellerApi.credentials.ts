import type {
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
	 * A cheap, confirmed GET. 401/403/429 answers are read so that n8n shows CMR's meaning
	 * (n8n itself would only show "Unauthorized"); any other non-2xx fails the test as is.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/users/list',
			qs: { page: 1, limit: 1 },
			ignoreHttpStatusErrors: { ignore: true, except: [400, 404, 405, 500, 502, 503, 504] },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 401,
					message:
						'Invalid API Key: CMR rejected this key. Check the key and the Environment (production and sandbox keys are different).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 403,
					message: 'CMR refused this key (403). Check that it is a partner API key with API access.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 429,
					message: 'CMR rate limit reached (5 requests per second). Wait a moment and test again.',
				},
			},
		],
	};
}
