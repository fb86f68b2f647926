/**
 * One way to declare a resource: `defineResource(resource, selector, operations)`.
 *
 * Layout: every resource lives in `resources/<resource>/index.ts`, which declares its Operation
 * selector (literal, so n8n's lint checks it) and, per operation, its checks and literal fields.
 * A sibling file exists only for a large body builder and the fields it reads, named after what
 * it builds: dnsRecord/records.ts, mailbox/update.ts, order/create.ts, order/createMailboxOrder.ts,
 * order/mailboxes.ts (with order/fields.ts, fields of both order operations),
 * order/rows.ts, preWarmup/orderFields.ts (also used by Sandbox), user/profile.ts,
 * warmup/settings.ts.
 * Shared by several resources, in `shared/`: value checks (validation.ts), where values go in
 * the request (bodies.ts), field factories (fields.ts, descriptions.ts, oauth.ts), an
 * operation's routing (routing.ts), pacing and retries (rateLimit.ts, retry.ts), pagination
 * (pagination.ts), answer shaping (output.ts) and one-off calls (transport.ts).
 *
 * Everything the endpoint table (shared/endpoints.ts) already says is derived here, from the
 * endpoint key `<resource>.<operation value>`:
 *   userId placement      -> the User locator (query or body) and its required check
 *   paid                  -> the paid notice and the Retry On Fail guard
 *   destructive           -> the permanent-action notice
 *   sandboxOnly           -> the sandbox notice and the sandbox credential guard
 *   inferred / unverified -> the unverified notice
 *
 * Adding an endpoint:
 *   1. add its row to ENDPOINTS in shared/endpoints.ts (key `<resource>.<operation>`);
 *   2. add its option (name, value, action, description) to the resource's literal selector;
 *   3. add its entry to the resource's `operations`: `required` labels, extra `preSend`
 *      checks or body builders, `postReceive`, `list`, and its literal `fields`
 *      (without displayOptions for resource/operation: the builder adds them);
 *   4. run `npm run build && node scripts/operations-table.js` to regenerate the README table
 *      (`--check` only verifies it; the coverage test does too).
 */
import {
	updateDisplayOptions,
	type IDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';
import { showFor, userIdField } from './descriptions';
import { ENDPOINTS, type CmrEndpoint, type EndpointKey } from './endpoints';
import { invalidInput } from './errors';
import { route, type RouteOptions } from './routing';
import { unverifiedNoticeText } from './unverified';
import { requireValues } from './validation';

/** One operation: its routing (preSend runs after the guards and the required check) and fields. */
export interface OperationSpec extends RouteOptions {
	/** Parameters that must not be empty (name -> label); the User is added from the table. */
	required?: Record<string, string>;
	/** What the permanent-action notice of a destructive endpoint says. */
	permanent?: string;
	/** Fields shown above the User locator (e.g. the Confirm choice of a paid order). */
	lead?: INodeProperties[];
	/** The operation's fields, literal, shown only for this operation. */
	fields?: INodeProperties[];
}

const SANDBOX_NOTICE = 'Sandbox only: use a credential with Environment = Sandbox';
const PAID_NOTICE =
	'This operation charges the CMR partner wallet and completes asynchronously. Use the returned orderId/actionId with the Cold Mail Reseller Trigger or Order → Get Status; never re-run it because a webhook is late.';
const PERMANENT_DEFAULT = 'This operation is permanent and cannot be undone.';

/** Sandbox endpoints only exist for sandbox keys: fail the item before sending otherwise. */
export async function requireSandboxCredential(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	if (credentials.environment !== 'sandbox') {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'Sandbox operations need a credential with Environment = Sandbox',
			'Select a Cold Mail Reseller credential whose Environment is Sandbox (with a sandbox API key), or use the Pre-Warmup resource for production.',
		);
	}
	return requestOptions;
}

function endpointOf(key: string): CmrEndpoint {
	const endpoint = (ENDPOINTS as Record<string, CmrEndpoint>)[key];
	if (!endpoint) throw new Error(`No endpoint ${key} in shared/endpoints.ts`);
	return endpoint;
}

function notice(name: string, text: string, displayOptions: IDisplayOptions): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '', displayOptions };
}

/** The properties of one resource: its Operation selector, then each operation's block. */
export function defineResource(
	resource: string,
	selector: INodeProperties,
	operations: Record<string, OperationSpec>,
): INodeProperties[] {
	const options = (selector.options ?? []) as INodePropertyOptions[];
	const values = options.map((option) => String(option.value));
	const declared = Object.keys(operations);
	const missing = values.filter((value) => !declared.includes(value));
	const extra = declared.filter((value) => !values.includes(value));
	if (missing.length || extra.length)
		throw new Error(`${resource}: selector and operations differ (${[...missing, ...extra]})`);

	const allSandbox = values.every((value) => endpointOf(`${resource}.${value}`).sandboxOnly);
	const routed: INodeProperties = {
		...selector,
		displayOptions: { show: { resource: [resource] } },
		options: options.map((option) => {
			const key = `${resource}.${option.value}` as EndpointKey;
			const endpoint = endpointOf(key);
			const spec = operations[String(option.value)];
			const required = {
				...(endpoint.userId === 'none' ? {} : { userId: 'User' }),
				...spec.required,
			};
			return {
				...option,
				routing: route(key, {
					preSend: [
						...(endpoint.sandboxOnly ? [requireSandboxCredential] : []),
						...(Object.keys(required).length ? [requireValues(required)] : []),
						...(spec.preSend ?? []),
					],
					postReceive: spec.postReceive,
					list: spec.list,
				}),
			};
		}),
	};

	const blocks = declared.flatMap((operation) => {
		const key = `${resource}.${operation}` as EndpointKey;
		const endpoint = endpointOf(key);
		const spec = operations[operation];
		if (spec.permanent && !endpoint.destructive)
			throw new Error(`${key}: a permanent notice on an endpoint not marked destructive`);
		const unverified = unverifiedNoticeText(endpoint);
		const show = showFor(resource, operation);
		return [
			...(unverified ? [notice('unverifiedNotice', unverified, show)] : []),
			...(endpoint.sandboxOnly && !allSandbox
				? [notice('sandboxNotice', SANDBOX_NOTICE, show)]
				: []),
			...(endpoint.paid ? [notice('paidNotice', PAID_NOTICE, show)] : []),
			...(endpoint.destructive
				? [notice('permanentNotice', spec.permanent ?? PERMANENT_DEFAULT, show)]
				: []),
			...updateDisplayOptions(show, [
				...(spec.lead ?? []),
				...(endpoint.userId === 'none' ? [] : [userIdField(key)]),
				...(spec.fields ?? []),
			]),
		];
	});

	const sandboxNotice = allSandbox
		? [notice('sandboxNotice', SANDBOX_NOTICE, { show: { resource: [resource] } })]
		: [];
	return [routed, ...sandboxNotice, ...blocks];
}
