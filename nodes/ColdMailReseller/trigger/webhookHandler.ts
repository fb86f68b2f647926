import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { claimEvent, rewriteRememberedEvents } from './dedupe';
import type { Rejection } from './delivery';
import { checkBodySize, getRawBody, headerValue, parseDelivery } from './delivery';
import { isEventSelected } from './events';
import type { OutputFormat } from './output';
import { shapeEventItem } from './output';
import type { SignatureScheme } from './signature';
import {
	DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	verifyCmrSignature,
} from './signature';
import { verifyWithSigningKey } from './signingKey';

/**
 * Handles one CMR delivery. Order: size → signature → JSON → event name → filter → dedupe.
 * Rejections answer 4xx and start no execution; skipped deliveries (event not selected,
 * duplicate eventId) answer 200 so CMR does not retry them. Nothing is ever thrown out of
 * here, and no answer or log line contains the API key or payload content.
 */

type Headers = Record<string, string | string[] | undefined>;

function reject(
	this: IWebhookFunctions,
	rejection: { status: number; message: string },
): IWebhookResponseData {
	const res = this.getResponseObject();
	res.status(rejection.status).json({ status: rejection.status, message: rejection.message });
	return { noWebhookResponse: true };
}

function acknowledge(message: string, extra: IDataObject = {}): IWebhookResponseData {
	return { webhookResponse: { status: 200, message, ...extra } };
}

async function verifySignature(
	this: IWebhookFunctions,
	rawBody: Buffer,
	headers: Headers,
): Promise<Rejection | null> {
	const tolerance = this.getNodeParameter(
		'timestampTolerance',
		DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
	) as number;
	const scheme = this.getNodeParameter('signatureScheme', 'auto') as SignatureScheme;
	const nowMs = Date.now();

	const result = await verifyWithSigningKey(
		this,
		(secret) =>
			verifyCmrSignature({
				rawBody,
				signature: headerValue(headers, SIGNATURE_HEADER),
				timestamp: headerValue(headers, TIMESTAMP_HEADER),
				secret,
				toleranceSeconds: Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 0,
				nowMs,
				scheme,
			}),
		nowMs,
	);
	if (result.valid) return null;
	return { status: 401, message: `Signature verification failed: ${result.reason}` };
}

async function processDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const headers = this.getHeaderData() as Headers;

	const rawBody = getRawBody(req as { rawBody?: unknown; body?: unknown });
	const sizeProblem = checkBodySize(rawBody);
	if (sizeProblem) return reject.call(this, sizeProblem);

	if (this.getNodeParameter('verifySignature', true) as boolean) {
		const signatureProblem = await verifySignature.call(this, rawBody, headers);
		if (signatureProblem) return reject.call(this, signatureProblem);
	}

	const delivery = parseDelivery(rawBody);
	if (!delivery.ok) return reject.call(this, delivery.rejection);
	const { envelope, event, eventId } = delivery;

	const selected = this.getNodeParameter('events', []) as string[];
	if (!isEventSelected(selected, event)) {
		return acknowledge('Event not selected in this trigger; no workflow run started', { event });
	}

	const format = this.getNodeParameter('outputFormat', 'flattened') as OutputFormat;
	const includeHeaders = this.getNodeParameter('options.includeHeaders', false) as boolean;
	const item = shapeEventItem({
		envelope,
		event,
		eventId,
		receivedAt: new Date().toISOString(),
		format,
		headers: includeHeaders ? ({ ...headers } as IDataObject) : undefined,
	});
	// Claimed last, once nothing else can fail: a claimed eventId is never run again.
	if (eventId !== null) {
		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		const staticData = this.getWorkflowStaticData('node');
		if (!claimEvent(scope, staticData, eventId)) {
			return acknowledge('Event already received; no workflow run started', { event, eventId });
		}
		// n8n answers once it has created the execution, then saves static data if marked changed.
		// Creating the execution wraps the same static data in a new Workflow, which clears that
		// mark; setting the ids again right after (a timer fires while n8n writes the execution)
		// makes n8n save them with this delivery.
		void sleep(0).then(() => rewriteRememberedEvents(scope, staticData));
	}

	// n8n sends this answer after it has created the execution, like its Webhook node: a busy
	// n8n answers more slowly instead of accepting deliveries it cannot run yet.
	return {
		webhookResponse: { status: 200, message: 'Event received', event },
		workflowData: [this.helpers.returnJsonArray([item])],
	};
}

export async function handleDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		return await processDelivery.call(this);
	} catch (error) {
		// Messages here come from n8n (credentials, parameters), never from the payload.
		this.logger.error(
			`Cold Mail Reseller Trigger could not process a delivery: ${(error as Error).message ?? 'unknown reason'}`,
		);
		return reject.call(this, {
			status: 500,
			message: 'The delivery could not be processed; see the n8n log',
		});
	}
}
