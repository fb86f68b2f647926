import type { INodePropertyOptions } from 'n8n-workflow';

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
