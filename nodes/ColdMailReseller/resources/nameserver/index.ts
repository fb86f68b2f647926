import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { defineResource } from '../../shared/resource';
import { invalidInput } from '../../shared/errors';
import { checkedList } from '../../shared/validation';
import { domainLocator } from '../../shared/fields';
import { setBody } from '../../shared/bodies';

/** Two or more nameserver host names, trimmed, lower-cased and de-duplicated. */
async function checkNameservers(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const nameservers = checkedList(this, 'host', 'nameservers', 'Nameservers');
	if (nameservers.length < 2) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			`Nameservers needs at least 2 different host names, got ${nameservers.length}`,
			'Registrars require two or more nameservers. Enter the complete list, e.g. ns1.example.com, ns2.example.com.',
		);
	}
	return setBody(requestOptions, { nameservers });
}

export const nameserverDescription = defineResource(
	'nameserver',
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Set Nameservers',
				value: 'update',
				action: 'Set nameservers of domain',
				description:
					'Replace the whole nameserver list of a domain (propagation can take up to 48 hours)',
			},
		],
		default: 'update',
	},
	{
		update: {
			required: { domainName: 'Domain', nameservers: 'Nameservers' },
			fields: [
				{
					displayName:
						'This replaces the domain’s whole nameserver list with the one below. Moving away from CMR’s nameservers stops CMR-managed DNS records from answering; changes can take up to 48 hours to propagate.',
					name: 'nameserverNotice',
					type: 'notice',
					default: '',
				},
				domainLocator({ type: 'query', property: 'domain' }),
				{
					displayName: 'Nameservers',
					name: 'nameservers',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. ns1.example.com, ns2.example.com',
					description:
						'The complete new list (two or more host names), separated by commas, or an array from an expression. It replaces the current list; propagation can take up to 48 hours.',
					routing: { send: { type: 'body', property: 'nameservers', preSend: [checkNameservers] } },
				},
			],
		},
	},
);
