import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { userIdField, showFor } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { cmrApiRequest } from '../../shared/transport';
import { checkedParameter, requireSomethingToUpdate } from '../../shared/validation';
import {
	USER_OPTIONAL_TEXT_FIELDS,
	USER_TEXT_FIELDS,
	countryField,
	stateField,
	textField,
} from './fields';

const displayOptions = showFor('user', 'update');
const PROFILE_FIELDS = [...USER_TEXT_FIELDS, ...USER_OPTIONAL_TEXT_FIELDS]
	.map(([name]) => name)
	.concat('country', 'state');

/**
 * CMR's guides say partial updates may be rejected, so by default the current profile is
 * fetched and the changed fields are merged into it before sending.
 */
async function mergeWithCurrentProfile(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const updates = (requestOptions.body as IDataObject) ?? {};
	if (!(this.getNodeParameter('mergeWithCurrent', true) as boolean)) return requestOptions;
	const userId = checkedParameter(this, 'id', 'userId', 'User');
	const endpoint = ENDPOINTS['user.get'];
	const { data } = await cmrApiRequest.call(this, endpoint.method, endpoint.path, { userId });
	const current = (data ?? {}) as IDataObject;
	const merged = Object.fromEntries(
		PROFILE_FIELDS.filter((field) => current[field] !== undefined && current[field] !== null).map(
			(field) => [field, current[field]],
		),
	);
	requestOptions.body = { ...merged, ...updates };
	return requestOptions;
}

export const userUpdatePreSend = [requireSomethingToUpdate, mergeWithCurrentProfile];

export const userUpdateDescription: INodeProperties[] = [
	userIdField('user', 'update', 'user.update'),
	{
		displayName: 'Merge With Current Details',
		name: 'mergeWithCurrent',
		type: 'boolean',
		default: true,
		description:
			'Whether to fetch the customer first and send the full profile with your changes (CMR may reject partial updates)',
		displayOptions,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			...[...USER_TEXT_FIELDS, ...USER_OPTIONAL_TEXT_FIELDS].map((field) =>
				textField(field, false),
			),
			countryField(false),
			stateField(false),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
