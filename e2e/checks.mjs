// Check bookkeeping shared by the end-to-end stages (e2e/run.mjs, e2e/queue.mjs): one `ok` / `FAIL` line per
// check, then `N passed, M failed`.

export const say = (msg) => process.stdout.write(`${msg}\n`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const results = [];

export async function check(name, fn) {
	const started = Date.now();
	try {
		const detail = await fn();
		results.push({ name, ok: true });
		say(
			`ok   - ${name}${detail ? `: ${detail}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
		);
	} catch (error) {
		results.push({ name, ok: false });
		say(`FAIL - ${name}: ${error.message}`);
		if (process.env.E2E_VERBOSE && error.stack) say(error.stack);
	}
}

export function assert(cond, message) {
	if (!cond) throw new Error(message);
}

export function summary() {
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	say('');
	say(`${passed} passed, ${failed} failed`);
	return failed;
}
