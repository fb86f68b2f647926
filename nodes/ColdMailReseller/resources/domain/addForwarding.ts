import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { booleanRouting, setBody } from '../../shared/validation';
import { domainLocator } from './fields';
import { isUrlOrHost } from './validation';

const displayOptions = showFor('domain', 'addForwarding');

async function checkForwardingUrl(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const forwardTo = String(this.getNodeParameter('forwardTo', '')).trim();
	if (!isUrlOrHost(forwardTo)) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			`"${forwardTo}" in "Forward To" is not a valid URL`,
			'Enter the destination website, e.g. https://www.example.com or www.example.com/page.',
		);
	}
	return setBody(requestOptions, { forwardTo });
}

export const domainAddForwardingDescription: INodeProperties[] = [
	userIdField('domain', 'addForwarding', 'domain.addForwarding'),
	domainLocator('domain', 'addForwarding', { type: 'body', property: 'domainName' }),
	{
		displayName: 'Forward To',
		name: 'forwardTo',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://www.example.com',
		description:
			'Website that visitors of the domain are redirected to. Applied asynchronously; a dns-record.updated webhook confirms it.',
		displayOptions,
		routing: { send: { type: 'body', property: 'forwardTo', preSend: [checkForwardingUrl] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Mask Forwarding',
				name: 'maskForwarding',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep the domain in the browser address bar (masked forwarding) instead of showing the destination URL',
				routing: booleanRouting(
					'additionalFields.maskForwarding',
					'Mask Forwarding',
					'maskForwarding',
				),
			},
		],
	},
];
