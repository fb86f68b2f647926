import { cmr, envelope, useNock } from '../helpers/nock';
import { jsonOf, rejectionOf, runNode } from '../helpers/harness';

describe('Geo', () => {
	useNock();

	it('Get Countries: GET /geo/countries, one item {name, code} per country', async () => {
		cmr()
			.get('/geo/countries')
			.reply(200, envelope({ 'United States': 'US', Germany: 'DE', 'Côte d’Ivoire': 'CI' }));
		const out = await runNode({ resource: 'geo', operation: 'getCountries' });
		expect(jsonOf(out)).toEqual([
			{ name: 'United States', code: 'US' },
			{ name: 'Germany', code: 'DE' },
			{ name: 'Côte d’Ivoire', code: 'CI' },
		]);
	});

	it('Get States: sends the country code trimmed and upper-cased, one item per state', async () => {
		cmr()
			.get('/geo/states')
			.query({ countryCode: 'US' })
			.reply(200, envelope({ 'New York': 'NY', California: 'CA' }));
		const out = await runNode({ resource: 'geo', operation: 'getStates', countryCode: ' us ' });
		expect(jsonOf(out)).toEqual([
			{ name: 'New York', code: 'NY' },
			{ name: 'California', code: 'CA' },
		]);
	});

	it('Get States: an empty answer gives no state items, not an error', async () => {
		cmr().get('/geo/states').query({ countryCode: 'VA' }).reply(200, envelope({}));
		const out = await runNode({ resource: 'geo', operation: 'getStates', countryCode: 'VA' });
		expect(jsonOf(out)).toEqual([]);
	});

	it('Get States: an empty Country Code fails the item before anything is sent', async () => {
		const error = await rejectionOf(
			runNode({ resource: 'geo', operation: 'getStates', countryCode: '  ' }),
		);
		expect(error.message).toContain('Country Code is empty');
	});
});
