/** Shown at the top of the polling trigger (n8n renders simple HTML in notices). */
export const POLLING_NOTICE = [
	'Checks Cold Mail Reseller at each <b>Poll Time</b> and starts the workflow once per change found. No public URL is needed.',
	'The first poll only records the current state. Each poll reads every page of the lists it needs: for large accounts poll every 5 minutes or less often (the README has the cost per poll).',
	'Inferred, not verified against the live API: the fields of mailbox and domain list records (<code>status</code>, <code>orderId</code>, <code>expireOn</code>), the answer of <code>GET /orders/status</code> and which order statuses are final.',
].join('<br />');
