import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { invalidInput } from './errors';
import { checkValue } from './validation';
import { setBody } from './bodies';

const GOOGLE_FIELDS: Array<
	[name: string, label: string, placeholder: string, description: string]
> = [
	[
		'googleOauthRoute',
		'OAuth Route',
		'e.g. https://yourapp.com/oauth/google',
		'HTTPS URL of your Google OAuth route, used to export the Google mailboxes to your sending platform',
	],
	[
		'clientId',
		'Client ID',
		'e.g. 1234567890-abc.apps.googleusercontent.com',
		'Client ID of your Google OAuth app (CMR validates it)',
	],
	['appName', 'App Name', 'e.g. YourApp', 'Name of your Google OAuth app'],
];

/** Shown only for `provider` when the operation has a Service Provider (else always). */
function showForProvider(provider?: 'GOOGLE' | 'MICROSOFT'): IDisplayOptions {
	return provider ? { show: { serviceProvider: [provider] } } : {};
}

/**
 * "Google OAuth" group, sent as `google: {googleOauthRoute, clientId, appName}`. With
 * `byProvider` it shows only when Service Provider is Google.
 */
export function googleOauthField(byProvider = false): INodeProperties {
	return {
		displayName: 'Google OAuth',
		name: 'googleOauth',
		type: 'fixedCollection',
		placeholder: 'Add Google OAuth Settings',
		default: {},
		description: 'OAuth app used to export Google mailboxes to your sending platform',
		displayOptions: showForProvider(byProvider ? 'GOOGLE' : undefined),
		options: [
			{
				displayName: 'Settings',
				name: 'settings',
				values: GOOGLE_FIELDS.map(([name, displayName, placeholder, description]) => ({
					displayName,
					name,
					type: 'string',
					default: '',
					placeholder,
					description,
				})),
			},
		],
	};
}

/**
 * Microsoft OAuth route, sent as `microsoftOauthRoute` (or nested, see below). With
 * `byProvider` it shows only when Service Provider is Microsoft.
 */
export function microsoftOauthField(byProvider = false): INodeProperties {
	return {
		displayName: 'Microsoft OAuth',
		name: 'microsoftOauth',
		type: 'fixedCollection',
		placeholder: 'Add Microsoft OAuth Settings',
		default: {},
		description: 'OAuth route used to export Microsoft mailboxes to your sending platform',
		displayOptions: showForProvider(byProvider ? 'MICROSOFT' : undefined),
		options: [
			{
				displayName: 'Settings',
				name: 'settings',
				values: [
					{
						displayName: 'OAuth Route',
						name: 'microsoftOauthRoute',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://yourapp.com/oauth/microsoft',
						description:
							'HTTPS URL of your Microsoft OAuth route, used to export the Microsoft mailboxes to your sending platform',
					},
				],
			},
		],
	};
}

/**
 * Checks the OAuth groups and puts them in the body. Orders take `microsoftOauthRoute` at the
 * top level; the OAuth re-export nests it as `microsoft: {microsoftOauthRoute}`.
 */
export function sendOauthSettings(
	microsoftShape: 'topLevel' | 'nested' = 'topLevel',
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const google = this.getNodeParameter('googleOauth.settings', {}) as IDataObject;
		const microsoft = this.getNodeParameter('microsoftOauth.settings', {}) as IDataObject;
		if (Object.keys(google).length) {
			const missing = GOOGLE_FIELDS.filter(([name]) => !String(google[name] ?? '').trim());
			if (missing.length) {
				throw invalidInput(
					this.getNode(),
					this.getItemIndex(),
					`Google OAuth is missing ${missing.map(([, label]) => label).join(', ')}`,
					'Fill in OAuth Route, Client ID and App Name together, or remove the Google OAuth group.',
				);
			}
			checkValue(this, 'httpUrl', google.googleOauthRoute, 'Google OAuth → OAuth Route');
			setBody(requestOptions, {
				google: Object.fromEntries(
					GOOGLE_FIELDS.map(([name]) => [name, String(google[name]).trim()]),
				),
			});
		}
		const route = String(microsoft.microsoftOauthRoute ?? '').trim();
		if (Object.keys(microsoft).length && !route) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				'Microsoft OAuth has no OAuth Route',
				'Enter the OAuth Route, or remove the Microsoft OAuth group.',
			);
		}
		if (route) {
			checkValue(this, 'httpUrl', route, 'Microsoft OAuth → OAuth Route');
			setBody(
				requestOptions,
				microsoftShape === 'nested'
					? { microsoft: { microsoftOauthRoute: route } }
					: { microsoftOauthRoute: route },
			);
		}
		return requestOptions;
	};
}
