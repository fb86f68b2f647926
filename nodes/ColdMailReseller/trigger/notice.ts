/** Setup steps shown at the top of the trigger (n8n renders simple HTML in notices). */
export const SETUP_NOTICE = [
	"Cold Mail Reseller has no API for registering webhooks, so add this node's URL in the CMR partner dashboard:",
	'1. Open <b>Webhook URLs</b> above, choose <b>Production URL</b> and copy it.',
	'2. Go to <b>partners.coldmailreseller.com → Settings → Webhook → + Add Destination</b>.',
	'3. Paste the URL as <b>Endpoint URL</b>, enter a <b>Description</b>, choose the events to send and click <b>Add Destination</b>.',
	'4. Choose the same events below and publish (activate) this workflow.',
	'',
	'The <b>Test URL</b> only answers while the editor is waiting after <b>Listen for test event</b>; add it as a second, temporary destination to test. The <b>Production URL</b> works once the workflow is published.',
	'Sandbox and production destinations are separate: deliveries for a sandbox key go only to destinations added in sandbox mode, and they are signed with the sandbox key, so select a sandbox credential here for them.',
].join('<br />');
