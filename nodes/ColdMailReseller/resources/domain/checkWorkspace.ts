import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { domainsField } from './fields';
import { SERVICE_PROVIDERS } from '../../shared/orderValidation';
import { checkOneOf, isBlank } from '../../shared/validation';
import { domainListOf } from './validation';

const displayOptions = showFor('domain', 'checkWorkspace');

/**
 * One domain: `{domainName, serviceProvider?}`; several: the bulk form
 * `{domains: [{domainName, serviceProvider?}, ...]}`, each checked independently by CMR.
 */
export async function buildWorkspaceCheckBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const domains = domainListOf(this, 'domains', 'Domain Names');
	const provider = this.getNodeParameter('additionalFields.serviceProvider', '');
	const serviceProvider = isBlank(provider)
		? ''
		: checkOneOf(this, provider, 'Service Provider', SERVICE_PROVIDERS);
	const entry = (domainName: string): IDataObject =>
		serviceProvider ? { domainName, serviceProvider } : { domainName };
	requestOptions.body = domains.length === 1 ? entry(domains[0]) : { domains: domains.map(entry) };
	return requestOptions;
}

export const domainCheckWorkspaceDescription: INodeProperties[] = [
	domainsField(
		'domain',
		'checkWorkspace',
		'Domain names to check for an existing Google or Microsoft workspace, separated by commas, or an array from an expression. Several names are checked in one bulk request.',
		null,
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Service Provider',
				name: 'serviceProvider',
				type: 'options',
				default: 'GOOGLE',
				description: 'Workspace provider to check for, when the check needs one',
				options: [
					{ name: 'Google', value: 'GOOGLE' },
					{ name: 'Microsoft', value: 'MICROSOFT' },
				],
			},
		],
	},
];
