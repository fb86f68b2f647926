import type { IDataObject, IExecuteSingleFunctions, INodePropertyOptions } from 'n8n-workflow';
import { invalidInput } from '../../shared/errors';
import { checkValue, isBlank, toList } from '../../shared/validation';

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const;

export const RECORD_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'A', value: 'A', description: 'IPv4 address' },
	{ name: 'AAAA', value: 'AAAA', description: 'IPv6 address' },
	{ name: 'CNAME', value: 'CNAME', description: 'Alias of another host name' },
	{ name: 'MX', value: 'MX', description: 'Mail server, with a priority' },
	{ name: 'NS', value: 'NS', description: 'Name server' },
	{ name: 'TXT', value: 'TXT', description: 'Text, e.g. SPF, DKIM or DMARC' },
];

export const RECORD_TYPE_DESCRIPTION = `DNS record type: ${RECORD_TYPES.join(', ')}`;

/** DMARC tags CMR adds to `_dmarc` TXT records unless excluded. */
export const DMARC_TAG_OPTIONS: INodePropertyOptions[] = [
	['adkim', 'DKIM alignment mode (adkim=r)'],
	['aspf', 'SPF alignment mode (aspf=r)'],
	['fo', 'Failure reporting options (fo=0)'],
	['pct', 'Percentage of mail the policy applies to (pct=100)'],
	['rf', 'Report format (rf=afrf)'],
	['ri', 'Aggregate report interval (ri=604800)'],
	['rua', 'Aggregate report address (rua=mailto:…)'],
	['ruf', 'Forensic report address (ruf=mailto:…)'],
	['sp', 'Subdomain policy (sp=reject)'],
].map(([value, description]) => ({ name: value, value, description }));

export const RECORD_HOST_PLACEHOLDER = 'e.g. @, mail, _dmarc or selector._domainkey';

/** A DNS record as CMR's POST /dns expects it. */
export interface DnsRecordInput {
	host: string;
	value: string;
	recordType: string;
	priority?: number;
	excludedDMARCtags?: string[];
}

/**
 * Checks one record before anything is sent: host, value and type present; a priority
 * only (and always) on MX; excludedDMARCtags only on TXT records of a `_dmarc` host, which
 * is what CMR enforces with a 400.
 */
export function checkRecord(
	context: IExecuteSingleFunctions,
	raw: IDataObject,
	label: string,
): DnsRecordInput {
	const fail = (what: string, fix: string) =>
		invalidInput(context.getNode(), context.getItemIndex(), `${label}: ${what}`, fix);
	const host = isBlank(raw.host)
		? ''
		: checkValue(context, 'recordHost', raw.host, 'Host', `${label}: `);
	const value = isBlank(raw.value) ? '' : String(raw.value).trim();
	const recordType = isBlank(raw.recordType) ? '' : String(raw.recordType).trim().toUpperCase();
	if (!host)
		throw fail('Host is empty', 'Enter the host, e.g. @ for the domain itself, mail or _dmarc.');
	if (!value) throw fail('Value is empty', 'Enter the record value supplied by your provider.');
	if (!recordType) throw fail('Record Type is empty', `Use one of ${RECORD_TYPES.join(', ')}.`);
	if (!(RECORD_TYPES as readonly string[]).includes(recordType)) {
		throw fail(
			`Record Type "${recordType}" is not supported`,
			`Use one of ${RECORD_TYPES.join(', ')}.`,
		);
	}
	const record: DnsRecordInput = { host, value, recordType };

	const hasPriority = !isBlank(raw.priority);
	if (recordType === 'MX') {
		const priority = Number(raw.priority);
		if (!hasPriority || !Number.isInteger(priority) || priority < 0 || priority > 65535) {
			throw fail(
				'MX records need a Priority',
				'Enter a whole number from 0 to 65535 (lower is preferred), e.g. 10.',
			);
		}
		record.priority = priority;
	} else if (hasPriority) {
		throw fail(
			`Priority is only allowed on MX records, not ${recordType}`,
			'Remove the priority from this record.',
		);
	}

	const tags = toList(raw.excludedDMARCtags ?? []);
	if (tags.length) {
		if (recordType !== 'TXT' || !host.toLowerCase().startsWith('_dmarc')) {
			throw fail(
				'Excluded DMARC Tags are only allowed on TXT records whose host is _dmarc',
				'Remove the excluded tags, or set the record type to TXT and the host to _dmarc (or a host starting with _dmarc).',
			);
		}
		record.excludedDMARCtags = tags;
	}
	return record;
}
