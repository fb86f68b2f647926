import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { setBody, isEmail } from '../../shared/validation';
import { domainLocator } from './fields';

async function checkForwardingEmail(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const forwardTo = String(this.getNodeParameter('forwardToEmail', '')).trim();
	if (!isEmail(forwardTo)) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			`"${forwardTo}" in "Forward To Email" is not a valid email address`,
			'Enter the mailbox that should receive the domain’s mail, e.g. inbox@example.com.',
		);
	}
	return setBody(requestOptions, { forwardTo });
}

export const domainAddEmailForwardingDescription: INodeProperties[] = [
	userIdField('domain', 'addEmailForwarding', 'domain.addEmailForwarding'),
	domainLocator('domain', 'addEmailForwarding', { type: 'body', property: 'domainName' }),
	{
		displayName: 'Forward To Email',
		name: 'forwardToEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com',
		description:
			'Email address that receives all mail sent to the domain (catch-all). The domain’s mailboxes must be ACTIVE first; applied asynchronously.',
		displayOptions: showFor('domain', 'addEmailForwarding'),
		routing: { send: { type: 'body', property: 'forwardTo', preSend: [checkForwardingEmail] } },
	},
];
