import { useNock, cmr, envelope } from '../helpers/nock';
import { jsonOf, runNode, USER_ID } from '../helpers/harness';

const user = { __rl: true, mode: 'id', value: USER_ID };
const domain = (value: string) => ({ __rl: true, mode: 'id', value });

const setNameservers = (nameservers: string, domainName = domain('example.com')) =>
	runNode({ resource: 'nameserver', operation: 'update', userId: user, domainName, nameservers });

describe('Nameserver', () => {
	useNock();

	it('replaces the nameservers with userId and domain in the query and the list in the body', async () => {
		cmr()
			.put('/dns/nameservers', { nameservers: ['ns1.example.net', 'ns2.example.net'] })
			.query({ userId: USER_ID, domain: 'example.com' })
			.reply(200, envelope(null, { message: 'Nameservers updated', actionId: 'ACT_9' }));
		const out = await setNameservers(
			' NS1.Example.net., ns2.example.net\nns1.example.net',
			domain('Example.com'),
		);
		expect(jsonOf(out)).toEqual([{ message: 'Nameservers updated', actionId: 'ACT_9' }]);
	});

	it('accepts an array of nameservers from an expression', async () => {
		cmr()
			.put('/dns/nameservers', {
				nameservers: ['ns1.example.net', 'ns2.example.net', 'ns3.example.net'],
			})
			.query({ userId: USER_ID, domain: 'example.com' })
			.reply(200, envelope(null, { message: 'Nameservers updated' }));
		await runNode(
			{
				resource: 'nameserver',
				operation: 'update',
				userId: user,
				domainName: domain('example.com'),
				nameservers: '={{ $json.ns }}',
			},
			{ items: [{ ns: ['ns1.example.net', 'ns2.example.net', 'ns3.example.net'] }] },
		);
	});

	it('fails before sending with fewer than 2 nameservers', async () => {
		await expect(setNameservers('ns1.example.net')).rejects.toMatchObject({
			message: 'Nameservers needs at least 2 different host names, got 1 [item 0]',
		});
		await expect(setNameservers('ns1.example.net, NS1.example.net')).rejects.toMatchObject({
			message: 'Nameservers needs at least 2 different host names, got 1 [item 0]',
		});
	});

	it('fails before sending when a nameserver is not a host name', async () => {
		await expect(setNameservers('ns1.example.net, 192.0.2.53')).rejects.toMatchObject({
			message: '"192.0.2.53" in "Nameservers" is not a valid host name [item 0]',
		});
	});

	it('fails before sending when Nameservers is empty', async () => {
		await expect(setNameservers('')).rejects.toMatchObject({
			message: 'Nameservers is empty [item 0]',
		});
	});

	it('fails before sending when the domain is empty or invalid', async () => {
		await expect(setNameservers('ns1.a.net, ns2.a.net', domain(''))).rejects.toMatchObject({
			message: 'Domain is empty [item 0]',
		});
		await expect(setNameservers('ns1.a.net, ns2.a.net', domain('example'))).rejects.toMatchObject({
			message: '"example" in "Domain" is not a valid domain name [item 0]',
		});
	});
});
