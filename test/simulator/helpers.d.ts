/** Types of helpers.js for the TypeScript tests that run against the simulator. */
export interface SimHandle {
	sim: {
		idle(timeoutMs?: number): Promise<boolean>;
		stop(): Promise<void>;
		clock: { tick(): unknown; advance(body: { days?: number; hours?: number }): unknown };
	};
	origin: string;
	url: string;
	port: number;
}

export interface SimAnswer {
	status: number;
	body: { status: number; message: string; data: Record<string, unknown> | null } | null;
	text: string;
}

export declare const API_KEY: string;
export declare const ACME_USER: string;
export declare function startSim(options?: Record<string, unknown>): Promise<SimHandle>;
export declare function call(
	base: string,
	method: string,
	path: string,
	options?: { query?: Record<string, unknown>; body?: unknown; key?: string | false },
): Promise<SimAnswer>;
