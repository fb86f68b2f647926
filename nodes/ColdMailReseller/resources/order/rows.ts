import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { checkWholeNumber, parseJson } from '../../shared/validation';

/**
 * "Mailboxes Input" → Rows: one order from many rows, e.g. a sheet gathered by n8n's
 * Aggregate node. Each row is {domain, username, firstName, lastName, profilePicture?,
 * onWarmup?}; the rows are checked and grouped into CMR's `mailboxes` map by mailboxes.ts.
 */
export const ROWS_INPUT = 'rows';

const ROW_EXAMPLE =
	'[{"domain":"alicesender.com","username":"alice","firstName":"Alice","lastName":"Johnson"}]';

export const rowsInputOption = {
	name: 'Rows',
	value: ROWS_INPUT,
	description:
		'A list of {domain, username, firstName, lastName} rows, e.g. from an Aggregate node: one order for all of them',
};

/** The Rows field (and, for Create Domain and Mailbox Order, the years of the derived domains). */
export function mailboxRowsFields(operation: string): INodeProperties[] {
	const show = { mailboxesInput: [ROWS_INPUT] };
	const fields: INodeProperties[] = [
		{
			displayName: 'Rows',
			name: 'mailboxRows',
			type: 'json',
			default: '={{ $json.rows }}',
			required: true,
			description: `The rows to order, one mailbox each, e.g. ${ROW_EXAMPLE}. The default expression reads the field "rows" of an Aggregate node (All Item Data, Put Output in Field "rows") placed before this one.`,
			displayOptions: { show },
		},
	];
	if (operation === 'create') {
		fields.push({
			displayName: 'Years',
			name: 'rowsYears',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
			description:
				'Registration period of every domain in the rows, a whole number of years from 1 to 10 (each domain is ordered once)',
			displayOptions: { show },
		});
	}
	return fields;
}

export function isRowsInput(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('mailboxesInput', 'list') === ROWS_INPUT;
}

/** The rows as objects; fails the item (naming the row) when the value is not a list of objects. */
export function readMailboxRows(context: IExecuteSingleFunctions): IDataObject[] {
	const fail = (what: string) =>
		invalidInput(
			context.getNode(),
			context.getItemIndex(),
			what,
			`Map a list of {domain, username, firstName, lastName} objects into "Rows", e.g. ${ROW_EXAMPLE}, for example the field "rows" of an Aggregate node before this one.`,
		);
	const rows = parseJson(context, context.getNodeParameter('mailboxRows', ''), 'Rows');
	if (!Array.isArray(rows)) throw fail('Rows is not a list');
	rows.forEach((row, index) => {
		if (!row || typeof row !== 'object' || Array.isArray(row)) {
			throw fail(`Row ${index + 1} is not an object`);
		}
	});
	return rows as IDataObject[];
}

/** Years of the domains derived from the rows: a whole number from 1 to 10, as for listed domains. */
export function rowsYearsOf(context: IExecuteSingleFunctions): number {
	return checkWholeNumber(context, context.getNodeParameter('rowsYears', 1), 'Years', 1, 10);
}
