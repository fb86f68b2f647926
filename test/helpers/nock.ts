import nock from 'nock';
import { BASE_URL, PROD_HEADER_VALUE } from './harness';

/** nock set-up shared by every node test file (restore is required between files). */
export function useNock(): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
}

/** A scope on the CMR base URL that only matches the production key header. */
export function cmr(headers: Record<string, string> = { 'cmr-x-api-key': PROD_HEADER_VALUE }) {
	return nock(BASE_URL, { reqheaders: headers, badheaders: badHeadersFor(headers) });
}

function badHeadersFor(headers: Record<string, string>): string[] {
	return ['cmr-x-api-key', 'cmr-x-sandbox-api-key'].filter((name) => !(name in headers));
}

export function envelope(data: unknown, extra: Record<string, unknown> = {}) {
	return { status: 200, message: 'OK', data, ...extra };
}
