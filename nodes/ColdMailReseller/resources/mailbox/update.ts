import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { showFor, userIdField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/errors';
import { setBody } from '../../shared/validation';
import { isHttpUrl, localPartProblem } from '../order/mailboxes';
import { mailboxLocator } from './fields';

const TEXT_FIELDS: Array<[name: string, label: string]> = [
	['userName', 'Username'],
	['firstName', 'First Name'],
	['lastName', 'Last Name'],
	['profilePicture', 'Profile Picture URL'],
];

/** Builds `{mailboxData: {mailboxId, userName?, firstName?, lastName?, profilePicture?, removeProfilePicture?}}`. */
export async function buildMailboxUpdateBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const mailboxId = String(this.getNodeParameter('mailboxId', '', { extractValue: true })).trim();
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const changes: IDataObject = {};
	for (const [name, label] of TEXT_FIELDS) {
		if (fields[name] === undefined) continue;
		const value = String(fields[name] ?? '').trim();
		if (!value) {
			throw invalidInput(
				node,
				itemIndex,
				`${label} is empty`,
				`Enter a value for "${label}", or remove it from "Update Fields".`,
			);
		}
		changes[name] = value;
	}
	if (fields.removeProfilePicture === true) changes.removeProfilePicture = true;
	if (!Object.keys(changes).length) {
		throw invalidInput(
			node,
			itemIndex,
			'No fields to update',
			'Add at least one field under "Update Fields" (Remove Profile Picture counts only when on).',
		);
	}
	const problem = changes.userName ? localPartProblem(changes.userName as string) : undefined;
	if (problem) {
		throw invalidInput(
			node,
			itemIndex,
			`Username "${String(changes.userName)}" is invalid: it ${problem}`,
			'Enter a valid email local part, e.g. alice or alice.doe.',
		);
	}
	if (changes.profilePicture && !isHttpUrl(changes.profilePicture as string)) {
		throw invalidInput(
			node,
			itemIndex,
			'Profile Picture URL is not an http(s) URL',
			'Enter a full URL such as https://cdn.example.com/alice.jpg.',
		);
	}
	if (changes.profilePicture && changes.removeProfilePicture) {
		throw invalidInput(
			node,
			itemIndex,
			'Profile Picture URL and Remove Profile Picture are both set',
			'Either set a new picture or remove the current one, not both.',
		);
	}
	return setBody(requestOptions, { mailboxData: { mailboxId, ...changes } });
}

export const mailboxUpdateDescription: INodeProperties[] = [
	userIdField('mailbox', 'update', 'mailbox.update'),
	mailboxLocator('mailbox', 'update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('mailbox', 'update'),
		options: [
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Alice',
				description: "The mailbox owner's first name, shown as the sender name",
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Doe',
				description: "The mailbox owner's last name, shown as the sender name",
			},
			{
				displayName: 'Profile Picture URL',
				name: 'profilePicture',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://cdn.example.com/alice.jpg',
				description: 'New profile picture, as an http(s) URL',
			},
			{
				displayName: 'Remove Profile Picture',
				name: 'removeProfilePicture',
				type: 'boolean',
				default: true,
				description: 'Whether to clear the current profile picture',
			},
			{
				displayName: 'Username',
				name: 'userName',
				type: 'string',
				default: '',
				placeholder: 'e.g. alice.doe',
				description: 'New part of the address before the @',
			},
		],
	},
];
