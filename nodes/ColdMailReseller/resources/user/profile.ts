import type { INodeProperties } from 'n8n-workflow';

/** The customer's profile and billing fields, as CMR names them: [name, label, placeholder, description]. */
type UserTextField = [name: string, displayName: string, placeholder: string, description: string];

export const USER_TEXT_FIELDS: UserTextField[] = [
	[
		'email',
		'Email',
		'e.g. johndoe@company.com',
		"The customer's email address; CMR uses it as their login and for notices",
	],
	['company', 'Company', 'e.g. TechCorp Inc.', "The customer's company name, used on invoices"],
	['firstName', 'First Name', 'e.g. John', "The customer's first (given) name"],
	['lastName', 'Last Name', 'e.g. Doe', "The customer's last (family) name"],
	['city', 'City', 'e.g. New York', 'City of the billing address'],
	[
		'addressLineOne',
		'Address Line 1',
		'e.g. 123 Main Street',
		'Street and number of the billing address',
	],
	['postalCode', 'Postal Code', 'e.g. 10001', 'Postal or ZIP code of the billing address'],
	[
		'languagePreference',
		'Language Preference',
		'e.g. en',
		"The customer's language as a lower-case two-letter ISO 639-1 code: en (English), de (German), fr (French), es (Spanish), it (Italian), nl (Dutch) or pt (Portuguese). CMR documents en; other codes are sent as typed.",
	],
	[
		'phoneCc',
		'Phone Country Code',
		'e.g. 1',
		'International calling code of the phone number, digits only (1 for the US and Canada, 44 for the UK)',
	],
	['phone', 'Phone', 'e.g. 2125551234', 'Phone number without the country code, digits only'],
];

export const USER_OPTIONAL_TEXT_FIELDS: UserTextField[] = [
	[
		'addressLineTwo',
		'Address Line 2',
		'e.g. Suite 400',
		'Second line of the billing address (suite, floor)',
	],
	['addressLineThree', 'Address Line 3', 'e.g. Apt 5B', 'Third line of the billing address'],
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
	[name, displayName, placeholder, description]: UserTextField,
	required: boolean,
): INodeProperties {
	const field: INodeProperties = {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: name === 'email' ? 'name@email.com' : placeholder,
		description,
		required,
		routing: { send: { type: 'body', property: name } },
	};
	if (name === 'languagePreference') field.default = 'en';
	return field;
}

/**
 * Country: picked from Geo → Get Countries or typed as an ISO code (so an AI Agent can fill it).
 * Workflows saved before this was a resource locator hold a plain string; n8n reads both.
 */
export function countryField(required: boolean): INodeProperties {
	return {
		displayName: 'Country',
		name: 'country',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description: 'Country of the billing address, sent as its ISO 3166-1 alpha-2 code (US, GB, DE)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a country...',
				typeOptions: { searchListMethod: 'getCountries', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'code',
				type: 'string',
				placeholder: 'e.g. US',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[A-Za-z]{2}\\s*$',
							errorMessage: 'Enter a two-letter ISO country code, e.g. US',
						},
					},
				],
			},
		],
		routing: { send: { type: 'body', property: 'country' } },
	};
}

/** State: picked from Geo → Get States of the chosen country, or typed by name. */
export function stateField(required: boolean): INodeProperties {
	return {
		displayName: 'State',
		name: 'state',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description:
			'State or province of the billing address, sent by its name as Geo → Get States lists it for the country (e.g. New York)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a state...',
				typeOptions: { searchListMethod: 'getStates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. New York',
			},
		],
		routing: { send: { type: 'body', property: 'state' } },
	};
}
