import type { INodeTypeDescription } from 'n8n-workflow';

export interface OperationRow {
	resource: string;
	resourceName: string;
	operation: string;
	operationName: string;
	action: string;
	key?: string;
	endpoint?: unknown;
}
export declare function listOperations(
	description: INodeTypeDescription,
	endpoints: Record<string, unknown>,
): OperationRow[];
export declare function renderOperationsTable(
	description: INodeTypeDescription,
	endpoints: Record<string, unknown>,
): string;
export declare function renderUnverifiedList(endpoints: Record<string, unknown>): string;
export declare function renderReadme(
	readme: string,
	description: INodeTypeDescription,
	endpoints: Record<string, unknown>,
): string;
