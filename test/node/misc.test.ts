import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode } from '../helpers/harness';

describe('Wallet', () => {
	useNock();

	it('gets the wallet with no userId', async () => {
		cmr()
			.get('/wallet')
			.query({})
			.reply(200, envelope({ balance: 125.5, currency: 'USD' }, { message: 'Wallet fetched' }));
		const out = await runNode({ resource: 'wallet', operation: 'get' });
		expect(jsonOf(out)).toEqual([{ balance: 125.5, currency: 'USD' }]);
	});
});

describe('Error Report', () => {
	useNock();

	it('sends the message and the parsed details', async () => {
		cmr()
			.post('/send-error', { message: 'Export failed', details: { step: 'export', code: 500 } })
			.query({})
			.reply(200, envelope(null, { message: 'Error reported' }));
		const out = await runNode({
			resource: 'errorReport',
			operation: 'send',
			message: 'Export failed',
			additionalFields: { details: '{"step": "export", "code": 500}' },
		});
		expect(jsonOf(out)).toEqual([{ message: 'Error reported' }]);
	});

	it('sends only the message when no details are given', async () => {
		cmr()
			.post('/send-error', { message: 'Export failed' })
			.reply(200, envelope(null, { message: 'Error reported' }));
		await runNode({ resource: 'errorReport', operation: 'send', message: 'Export failed' });
	});

	it('accepts details from an expression object', async () => {
		cmr()
			.post('/send-error', { message: 'Export failed', details: { items: [1, 2] } })
			.reply(200, envelope(null, { message: 'Error reported' }));
		await runNode({
			resource: 'errorReport',
			operation: 'send',
			message: 'Export failed',
			additionalFields: { details: '={{ { "items": [1, 2] } }}' },
		});
	});

	it('fails before sending when the message is empty', async () => {
		await expect(
			runNode({ resource: 'errorReport', operation: 'send', message: ' ' }),
		).rejects.toMatchObject({ message: 'Message is empty [item 0]' });
	});

	it('fails before sending when details are not valid JSON', async () => {
		await expect(
			runNode({
				resource: 'errorReport',
				operation: 'send',
				message: 'Export failed',
				additionalFields: { details: '{step: export}' },
			}),
		).rejects.toMatchObject({ message: 'Details is not valid JSON [item 0]' });
	});

	it('fails before sending when details are not an object', async () => {
		await expect(
			runNode({
				resource: 'errorReport',
				operation: 'send',
				message: 'Export failed',
				additionalFields: { details: '42' },
			}),
		).rejects.toMatchObject({ message: 'Details is not a JSON object or array [item 0]' });
	});
});
