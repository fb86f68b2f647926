import type { INodeProperties } from 'n8n-workflow';

/** The customer's profile and billing fields, as CMR names them. */
export const USER_TEXT_FIELDS: Array<[name: string, displayName: string, placeholder: string]> = [
	['email', 'Email', 'e.g. johndoe@company.com'],
	['company', 'Company', 'e.g. TechCorp Inc.'],
	['firstName', 'First Name', 'e.g. John'],
	['lastName', 'Last Name', 'e.g. Doe'],
	['city', 'City', 'e.g. New York'],
	['addressLineOne', 'Address Line 1', 'e.g. 123 Main Street'],
	['postalCode', 'Postal Code', 'e.g. 10001'],
	['languagePreference', 'Language Preference', 'e.g. en'],
	['phoneCc', 'Phone Country Code', 'e.g. 1'],
	['phone', 'Phone', 'e.g. 2125551234'],
];

export const USER_OPTIONAL_TEXT_FIELDS: Array<[string, string, string]> = [
	['addressLineTwo', 'Address Line 2', 'e.g. Suite 400'],
	['addressLineThree', 'Address Line 3', 'e.g. Apt 5B'],
];

/** Fields kept by Simplify on user outputs. */
export const USER_SIMPLE_FIELDS = [
	'id',
	'userId',
	'email',
	'firstName',
	'lastName',
	'company',
	'country',
	'state',
	'city',
	'createdAt',
];

export function textField(
	[name, displayName, placeholder]: [string, string, string],
	required: boolean,
): INodeProperties {
	const field: INodeProperties = {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: name === 'email' ? 'name@email.com' : placeholder,
		required,
		routing: { send: { type: 'body', property: name } },
	};
	if (name === 'languagePreference') field.default = 'en';
	return field;
}

/** Country dropdown from Geo → Get Countries (ISO code); an expression also works. */
export function countryField(required: boolean): INodeProperties {
	return {
		displayName: 'Country Name or ID',
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: '',
		required,
		description:
			'ISO 3166-1 alpha-2 code. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'country' } },
	};
}

/** State dropdown from Geo → Get States for the chosen country. */
export function stateField(required: boolean, countryPath: string): INodeProperties {
	return {
		displayName: 'State Name or ID',
		name: 'state',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStates', loadOptionsDependsOn: [countryPath] },
		default: '',
		required,
		description:
			'State or province, loaded for the chosen country. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'state' } },
	};
}
