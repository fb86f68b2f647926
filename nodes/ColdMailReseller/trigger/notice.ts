/**
 * Setup steps shown at the top of the trigger. n8n 2.41 keeps only <a>, <ul> and <li> in notices
 * (no <br>, <b> or <ol>), so each step is a list item and the numbers are part of the text.
 */
export const SETUP_STEPS = [
	"1. Open 'Webhook URLs' above, choose 'Production URL' and copy it.",
	'2. In partners.coldmailreseller.com, go to Settings → Webhook → + Add Destination.',
	"3. Paste the URL as 'Endpoint URL', enter a 'Description', choose the events to send and click 'Add Destination'.",
	'4. Choose the same events below, then publish this workflow.',
	"To test: click 'Execute step' in this node; while it shows 'Listening for test event', the Test URL answers. Add the Test URL as a second, temporary destination in CMR and remove it afterwards.",
	'Sandbox and production destinations are separate: deliveries for a sandbox key go only to destinations added in sandbox mode and are signed with the sandbox key, so select a sandbox credential here for them.',
];

export const SETUP_NOTICE = `Cold Mail Reseller has no API for registering webhooks, so add this node's URL in the CMR partner dashboard:<ul>${SETUP_STEPS.map((step) => `<li>${step}</li>`).join('')}</ul>`;
