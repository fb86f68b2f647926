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

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/users/list',
			qs: { page: 1, limit: 1 },
		},
	};
}
