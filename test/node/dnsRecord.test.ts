import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID } from '../helpers/harness';

const user = { __rl: true, mode: 'id', value: USER_ID };
const domain = (value: string) => ({ __rl: true, mode: 'id', value });

const spf = {
	recordId: 'record_1',
	host: '@',
	value: 'v=spf1 include:_spf.google.com ~all',
	recordType: 'TXT',
	priority: '',
};
const mx = {
	recordId: 'record_2',
	host: '@',
	value: 'smtp.google.com',
	recordType: 'MX',
	priority: 1,
};
const old = {
	recordId: 'record_9',
	host: 'www',
	value: '192.0.2.1',
	recordType: 'A',
	priority: '',
};

describe('DNS Record', () => {
	useNock();

	describe('Get Many', () => {
		it('gets the active records with userId and domain in the query, one item each', async () => {
			cmr()
				.get('/dns')
				.query({ userId: USER_ID, domain: 'example.com' })
				.reply(200, envelope({ records: [spf, mx], disabledRecords: [old] }));
			const out = await runNode({
				resource: 'dnsRecord',
				operation: 'getAll',
				userId: user,
				domainName: domain('Example.com '),
			});
			expect(jsonOf(out)).toEqual([spf, mx]);
		});

		it('also returns disabled records, flagged, when Include Disabled Records is on', async () => {
			cmr()
				.get('/dns')
				.query({ userId: USER_ID, domain: 'example.com' })
				.reply(200, envelope({ records: [spf], disabledRecords: [old] }));
			const out = await runNode({
				resource: 'dnsRecord',
				operation: 'getAll',
				userId: user,
				domainName: domain('example.com'),
				options: { includeDisabled: true },
			});
			expect(jsonOf(out)).toEqual([
				{ ...spf, disabled: false },
				{ ...old, disabled: true },
			]);
		});

		it('returns no items when the domain has no records', async () => {
			cmr()
				.get('/dns')
				.query({ userId: USER_ID, domain: 'example.com' })
				.reply(200, envelope({ records: [], disabledRecords: [] }));
			const out = await runNode({
				resource: 'dnsRecord',
				operation: 'getAll',
				userId: user,
				domainName: domain('example.com'),
			});
			expect(out).toEqual([]);
		});

		it('outputs the records when CMR answers with a plain array', async () => {
			cmr()
				.get('/dns')
				.query({ userId: USER_ID, domain: 'example.com' })
				.reply(200, envelope([spf]));
			const out = await runNode({
				resource: 'dnsRecord',
				operation: 'getAll',
				userId: user,
				domainName: domain('example.com'),
			});
			expect(jsonOf(out)).toEqual([spf]);
		});

		it('fails before sending when the domain is empty', async () => {
			await expect(
				runNode({
					resource: 'dnsRecord',
					operation: 'getAll',
					userId: user,
					domainName: domain(''),
				}),
			).rejects.toMatchObject({ message: 'Domain is empty [item 0]' });
		});

		it('fails before sending when the user is empty', async () => {
			await expect(
				runNode({
					resource: 'dnsRecord',
					operation: 'getAll',
					userId: domain(''),
					domainName: domain('example.com'),
				}),
			).rejects.toMatchObject({ message: 'User is empty [item 0]' });
		});
	});

	describe('Create', () => {
		it('adds records typed as fields, with priority only on MX and DMARC exclusions on _dmarc', async () => {
			cmr()
				.post('/dns', {
					domain: 'example.com',
					records: [
						{ host: '@', value: 'v=spf1 ~all', recordType: 'TXT' },
						{
							host: '_dmarc',
							value: 'v=DMARC1; p=none',
							recordType: 'TXT',
							excludedDMARCtags: ['rua', 'ruf'],
						},
						{ host: '@', value: 'smtp.google.com', recordType: 'MX', priority: 1 },
						{ host: 'mail', value: '192.0.2.20', recordType: 'A' },
					],
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'DNS records added', actionId: 'ACT_1' }));
			const out = await runNode({
				resource: 'dnsRecord',
				operation: 'create',
				userId: user,
				domainName: domain('example.com'),
				records: {
					record: [
						{ recordType: 'TXT', host: '@', value: 'v=spf1 ~all' },
						{
							recordType: 'TXT',
							host: '_dmarc',
							value: 'v=DMARC1; p=none',
							excludedDMARCtags: ['rua', 'ruf'],
						},
						{ recordType: 'MX', host: '@', value: 'smtp.google.com', priority: 1 },
						{ recordType: 'A', host: ' mail ', value: '192.0.2.20' },
					],
				},
			});
			expect(jsonOf(out)).toEqual([{ message: 'DNS records added', actionId: 'ACT_1' }]);
		});

		it('adds records given as JSON, normalizing type and priority and ignoring empty priorities', async () => {
			cmr()
				.post('/dns', {
					domain: 'example.com',
					records: [
						{ host: '@', value: 'smtp.google.com', recordType: 'MX', priority: 10 },
						{ host: '@', value: 'v=spf1 ~all', recordType: 'TXT' },
						{
							host: '_dmarc.mail',
							value: 'v=DMARC1; p=none',
							recordType: 'TXT',
							excludedDMARCtags: ['rua', 'fo'],
						},
					],
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'DNS records added' }));
			await runNode({
				resource: 'dnsRecord',
				operation: 'create',
				userId: user,
				domainName: domain('example.com'),
				recordsInput: 'json',
				recordsJson: JSON.stringify([
					{ host: '@', value: 'smtp.google.com', recordType: 'mx', priority: '10' },
					{ recordId: 'x', host: '@', value: 'v=spf1 ~all', recordType: 'TXT', priority: '' },
					{
						host: '_dmarc.mail',
						value: 'v=DMARC1; p=none',
						recordType: 'TXT',
						excludedDMARCtags: 'rua, fo',
					},
				]),
			});
		});

		it('drops values hidden for the chosen type in Fields mode (a stale priority on TXT)', async () => {
			cmr()
				.post('/dns', {
					domain: 'example.com',
					records: [{ host: '@', value: 'v=spf1 ~all', recordType: 'TXT' }],
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'DNS records added' }));
			await runNode({
				resource: 'dnsRecord',
				operation: 'create',
				userId: user,
				domainName: domain('example.com'),
				records: { record: [{ recordType: 'TXT', host: '@', value: 'v=spf1 ~all', priority: 5 }] },
			});
		});

		it('accepts a single JSON record object', async () => {
			cmr()
				.post('/dns', {
					domain: 'example.com',
					records: [{ host: 'www', value: 'example.net', recordType: 'CNAME' }],
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'DNS records added' }));
			await runNode({
				resource: 'dnsRecord',
				operation: 'create',
				userId: user,
				domainName: domain('example.com'),
				recordsInput: 'json',
				recordsJson: '{"host": "www", "value": "example.net", "recordType": "CNAME"}',
			});
		});

		it('passes CMR’s 400 on as an error', async () => {
			cmr()
				.post('/dns', {
					domain: 'example.com',
					records: [{ host: '@', value: 'v=spf1 ~all', recordType: 'TXT' }],
				})
				.query({ userId: USER_ID })
				.reply(400, { status: 400, message: 'Invalid record value', data: null });
			await expect(
				runNode({
					resource: 'dnsRecord',
					operation: 'create',
					userId: user,
					domainName: domain('example.com'),
					records: { record: [{ recordType: 'TXT', host: '@', value: 'v=spf1 ~all' }] },
				}),
			).rejects.toMatchObject({ message: 'Invalid record value [item 0]', httpCode: '400' });
		});

		const create = (extra: Record<string, unknown>) =>
			runNode({
				resource: 'dnsRecord',
				operation: 'create',
				userId: user,
				domainName: domain('example.com'),
				...extra,
			});
		const json = (records: unknown) => ({
			recordsInput: 'json',
			recordsJson: JSON.stringify(records),
		});

		it('fails before sending when there are no records', async () => {
			await expect(create({ records: {} })).rejects.toMatchObject({
				message: 'No DNS records to create [item 0]',
			});
			await expect(create(json([]))).rejects.toMatchObject({
				message: 'No DNS records to create [item 0]',
			});
		});

		it('fails before sending when a host, value or type is missing', async () => {
			await expect(
				create({ records: { record: [{ recordType: 'A', host: ' ', value: '192.0.2.1' }] } }),
			).rejects.toMatchObject({ message: 'Record 1: Host is empty [item 0]' });
			await expect(
				create(
					json([
						{ host: '@', value: 'x', recordType: 'TXT' },
						{ host: '@', recordType: 'A' },
					]),
				),
			).rejects.toMatchObject({ message: 'Record 2: Value is empty [item 0]' });
			await expect(create(json([{ host: '@', value: 'x' }]))).rejects.toMatchObject({
				message: 'Record 1: Record Type is empty [item 0]',
			});
		});

		it('fails before sending on an unsupported record type', async () => {
			await expect(
				create(
					json([{ host: '_sip._tcp', value: '10 5 5060 sip.example.com', recordType: 'SRV' }]),
				),
			).rejects.toMatchObject({ message: 'Record 1: Record Type "SRV" is not supported [item 0]' });
		});

		it('fails before sending when an MX record has no valid priority', async () => {
			await expect(
				create(json([{ host: '@', value: 'smtp.google.com', recordType: 'MX' }])),
			).rejects.toMatchObject({ message: 'Record 1: MX records need a Priority [item 0]' });
			await expect(
				create(json([{ host: '@', value: 'smtp.google.com', recordType: 'MX', priority: 'high' }])),
			).rejects.toMatchObject({ message: 'Record 1: MX records need a Priority [item 0]' });
		});

		it('fails before sending when a non-MX record has a priority', async () => {
			await expect(
				create(json([{ host: '@', value: 'v=spf1 ~all', recordType: 'TXT', priority: 5 }])),
			).rejects.toMatchObject({
				message: 'Record 1: Priority is only allowed on MX records, not TXT [item 0]',
			});
		});

		it('fails before sending when DMARC exclusions are on a TXT record that is not _dmarc', async () => {
			await expect(
				create({
					records: {
						record: [
							{ recordType: 'TXT', host: '@', value: 'v=spf1 ~all', excludedDMARCtags: ['rua'] },
						],
					},
				}),
			).rejects.toMatchObject({
				message:
					'Record 1: Excluded DMARC Tags are only allowed on TXT records whose host is _dmarc [item 0]',
			});
		});

		it('fails before sending when DMARC exclusions are on a record that is not TXT', async () => {
			await expect(
				create(
					json([
						{ host: '_dmarc', value: '192.0.2.1', recordType: 'A', excludedDMARCtags: ['rua'] },
					]),
				),
			).rejects.toMatchObject({
				message:
					'Record 1: Excluded DMARC Tags are only allowed on TXT records whose host is _dmarc [item 0]',
			});
		});

		it('fails before sending when Records (JSON) is not valid JSON or not objects', async () => {
			await expect(
				create({ recordsInput: 'json', recordsJson: '[{"host": "@"' }),
			).rejects.toMatchObject({ message: 'Records (JSON) is not valid JSON [item 0]' });
			await expect(create(json(['@ TXT v=spf1']))).rejects.toMatchObject({
				message: 'Records (JSON): record 1 is not an object [item 0]',
			});
		});

		it('fails before sending when the domain is empty', async () => {
			await expect(
				create({
					domainName: domain(''),
					records: { record: [{ recordType: 'TXT', host: '@', value: 'x' }] },
				}),
			).rejects.toMatchObject({ message: 'Domain is empty [item 0]' });
		});
	});

	describe('Update', () => {
		it('replaces a record with userId in the query and the record in the body', async () => {
			cmr()
				.put('/dns', {
					recordId: 'record_123',
					domain: 'example.com',
					host: 'mail',
					value: '192.0.2.20',
					recordType: 'A',
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'DNS record updated' }));
			const out = await runNode({
				resource: 'dnsRecord',
				operation: 'update',
				userId: user,
				domainName: domain('example.com'),
				recordId: ' record_123 ',
				recordType: 'A',
				host: 'mail',
				value: '192.0.2.20',
			});
			expect(jsonOf(out)).toEqual([{ message: 'DNS record updated' }]);
		});

		it('sends the priority of an MX record', async () => {
			cmr()
				.put('/dns', {
					recordId: 'record_2',
					domain: 'example.com',
					host: '@',
					value: 'smtp.google.com',
					recordType: 'MX',
					priority: 5,
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'DNS record updated' }));
			await runNode({
				resource: 'dnsRecord',
				operation: 'update',
				userId: user,
				domainName: domain('example.com'),
				recordId: 'record_2',
				recordType: 'MX',
				host: '@',
				value: 'smtp.google.com',
				priority: 5,
			});
		});

		it('sends no priority when an expression makes the record type A (Priority stays displayed)', async () => {
			cmr()
				.put('/dns', {
					recordId: 'record_3',
					domain: 'example.com',
					host: '@',
					value: '192.0.2.1',
					recordType: 'A',
				})
				.query({ userId: USER_ID })
				.reply(200, envelope(null, { message: 'DNS record updated' }));
			const out = await runNode(
				{
					resource: 'dnsRecord',
					operation: 'update',
					userId: user,
					domainName: domain('example.com'),
					recordId: 'record_3',
					recordType: '={{ $json.type }}',
					host: '@',
					value: '192.0.2.1',
				},
				{ items: [{ type: 'A' }] },
			);
			expect(jsonOf(out)).toEqual([{ message: 'DNS record updated' }]);
		});

		it('fails before sending when the record ID or value is empty', async () => {
			const base = {
				resource: 'dnsRecord',
				operation: 'update',
				userId: user,
				domainName: domain('example.com'),
				recordType: 'A',
				host: 'mail',
			};
			await expect(runNode({ ...base, recordId: '', value: '192.0.2.20' })).rejects.toMatchObject({
				message: 'Record ID is empty [item 0]',
			});
			await expect(runNode({ ...base, recordId: 'r1', value: '' })).rejects.toMatchObject({
				message: 'Value is empty [item 0]',
			});
		});
	});

	describe('Delete', () => {
		it('deletes a record with userId and recordId in the query', async () => {
			cmr()
				.delete('/dns')
				.query({ userId: USER_ID, recordId: 'record_123' })
				.reply(200, { status: 200, message: 'DNS record deleted', data: null });
			const out = await runNode({
				resource: 'dnsRecord',
				operation: 'delete',
				userId: user,
				recordId: 'record_123',
			});
			expect(jsonOf(out)).toEqual([{ deleted: true, recordId: 'record_123' }]);
		});

		it('fails before sending when the record ID is empty', async () => {
			await expect(
				runNode({ resource: 'dnsRecord', operation: 'delete', userId: user, recordId: ' ' }),
			).rejects.toMatchObject({ message: 'Record ID is empty [item 0]' });
		});
	});
});
