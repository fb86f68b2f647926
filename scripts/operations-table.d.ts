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
/** What is unverified about one endpoint (shared/unverified.ts `unverifiedItems`). */
export type UnverifiedItems = (endpoint: never) => string[];
export declare function renderUnverifiedList(
	endpoints: Record<string, unknown>,
	unverifiedItems: UnverifiedItems,
): string;
export declare function renderReadme(
	readme: string,
	description: INodeTypeDescription,
	endpoints: Record<string, unknown>,
	unverifiedItems: UnverifiedItems,
): string;
/** Undefined when README.md matches the node, else the message `--check` prints. */
export declare function checkReadme(
	readme: string,
	description: INodeTypeDescription,
	endpoints: Record<string, unknown>,
	unverifiedItems: UnverifiedItems,
): string | undefined;
