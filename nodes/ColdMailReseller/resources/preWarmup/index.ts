import type { INodeProperties } from 'n8n-workflow';

// PLACEHOLDER: filled in by the resource's owner.
export const preWarmupDescription: INodeProperties[] = [];
