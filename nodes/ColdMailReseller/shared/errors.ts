import type { IDataObject, IN8nHttpFullResponse, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { answerFailureOf, redactDeep, redactSecret, type AnswerFailure } from './answers';

/** How to fix a CMR error, by HTTP status. */
const FIX_BY_STATUS: Record<number, string> = {
	400: 'CMR could not accept the request as sent. Check the required fields and their format.',
	401: 'Check the API key and the environment in the Cold Mail Reseller credential: production and sandbox keys are not interchangeable.',
	402: 'Top up the partner wallet in the CMR dashboard, then run the step again.',
	403: 'The resource does not belong to this customer, or the operation is not allowed in its current state. Check the Customer and the IDs.',
	404: 'Check the IDs: the customer, domain, mailbox, order or record was not found.',
	409: 'CMR reports a conflict: what you tried to create already exists, or its current state does not allow this. Read the message, then change the input.',
	422: 'CMR refused the request because of a business rule (availability, renewal window, wallet balance, state). Read the message, adjust the input, then retry.',
	500: 'CMR had a temporary problem. Reads are safe to retry; for orders and renewals check the order status first so nothing is charged twice.',
};

/** Hints for specific CMR messages, checked before the hint for the status. */
const FIX_BY_MESSAGE: Array<[RegExp, string]> = [
	[
		/user with this email already exists|email (is )?already (exists|in use|taken|registered)/i,
		'A customer with this email already exists in CMR. Use another email, or look the customer up with User → Get Many (search by email).',
	],
	[
		/mailbox .* already exists/i,
		'This mailbox address is already taken. Choose another username or domain.',
	],
	[
		/workspace already exists/i,
		'The domain already has a Google Workspace or Microsoft 365 tenant. Use another domain, or add mailboxes to its subscription.',
	],
];

function retryAfterSeconds(response: IN8nHttpFullResponse): string | undefined {
	const headers = (response.headers ?? {}) as IDataObject;
	const value = headers['retry-after'] ?? headers['Retry-After'];
	return value === undefined ? undefined : String(value);
}

function fixFor(status: number, response: IN8nHttpFullResponse, message: string): string {
	const specific = FIX_BY_MESSAGE.find(([pattern]) => pattern.test(message));
	if (specific) return specific[1];
	if (status === 429) {
		const wait = retryAfterSeconds(response);
		return (
			`CMR allows 5 requests per second per API key${wait ? `; retry after ${wait} s` : ''}. ` +
			"The node already paces its requests to the credential's Requests per Second and waits and resends after a 429 (CMR did not process the request), so this key is also busy elsewhere: another workflow, n8n instance or tool. " +
			'Wait a moment and run again; if CMR raised your limit, set Requests per Second in the credential to it.'
		);
	}
	return FIX_BY_STATUS[status] ?? (status >= 500 ? FIX_BY_STATUS[500] : FIX_BY_STATUS[400]);
}

/** The message CMR put in its `{status, message, data}` envelope, if any. */
export function cmrMessage(body: unknown): string | undefined {
	if (body && typeof body === 'object' && typeof (body as IDataObject).message === 'string') {
		return (body as IDataObject).message as string;
	}
	if (typeof body === 'string' && body.trim() !== '' && body.length < 300) return body.trim();
	return undefined;
}

const NOT_CMR_JSON =
	"The answer was not CMR's JSON: a proxy or gateway answered, the connection was cut, or the Base URL is wrong (it should end in /api/v1/integration).";
const MAYBE_PROCESSED =
	'CMR may still have done the work: for orders, renewals and other paid calls check Order → Get Status or the CMR dashboard before running the step again.';

function descriptionFor(failure: AnswerFailure, response: IN8nHttpFullResponse): string {
	const fix = fixFor(failure.status, response, failure.message);
	if (failure.kind === 'http' || failure.kind === 'envelope') {
		const listed = failure.details.length
			? `CMR listed these problems:\n${failure.details.map((detail) => `- ${detail}`).join('\n')}\n`
			: '';
		const envelope =
			failure.kind === 'envelope'
				? ` (CMR answered HTTP ${failure.httpStatus} but its body reports status ${failure.status}.)`
				: '';
		return `${listed}${fix}${envelope}`;
	}
	if (failure.httpStatus >= 400) return `${fix} ${NOT_CMR_JSON}`;
	return `${NOT_CMR_JSON} ${MAYBE_PROCESSED}`;
}

/**
 * Turns an unusable CMR answer (see answerFailureOf) into a NodeApiError with CMR's message,
 * the field problems it listed and the status. The API key is removed from everything shown.
 */
export function cmrApiError(
	node: INode,
	response: IN8nHttpFullResponse,
	itemIndex?: number,
	apiKey?: string,
): NodeApiError {
	const failure = answerFailureOf(response) ?? {
		kind: 'http',
		status: response.statusCode,
		httpStatus: response.statusCode,
		message: `CMR answered HTTP ${response.statusCode}`,
		details: [],
		body: { message: `CMR answered HTTP ${response.statusCode}` },
	};
	const shown = failure.details.length
		? `${failure.message} (${failure.details.slice(0, 3).join('; ')}${failure.details.length > 3 ? '; …' : ''})`
		: failure.message;
	const message = redactSecret(
		itemIndex === undefined ? shown : `${shown} [item ${itemIndex}]`,
		apiKey,
	);
	return new NodeApiError(node, redactDeep(failure.body, apiKey), {
		message,
		description: redactSecret(descriptionFor(failure, response), apiKey),
		httpCode: String(failure.status),
		itemIndex,
	});
}

/** A bad input, found before anything was sent. */
export function invalidInput(
	node: INode,
	itemIndex: number,
	what: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(node, `${what} [item ${itemIndex}]`, {
		itemIndex,
		description: fix,
	});
}
