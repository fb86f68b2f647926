import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, simplifyField, userIdField } from '../../shared/descriptions';
import { DOMAIN_SIMPLE_FIELDS } from './fields';

export const domainGetAllDescription: INodeProperties[] = [
	userIdField('domain', 'getAll', 'domain.getAll'),
	...returnAllAndLimit('domain', 'getAll'),
	simplifyField('domain', 'getAll', DOMAIN_SIMPLE_FIELDS),
];
