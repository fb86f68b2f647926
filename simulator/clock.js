'use strict';

/**
 * Time passing in the simulator, so polling can see state change on its own:
 *  - a subscription with auto-renew whose period has ended renews (RENEWING, then ACTIVE with the
 *    next period; webhooks subscription.renewing and subscription.renewal.success);
 *  - a domain without auto-renew whose expiry date has passed enters GRACE_PERIOD, and EXPIRED
 *    7 days later (webhooks domain.grace_period, domain.expired).
 * (Orders complete and their mailboxes appear on their own already, one lifecycle step per eventDelay.)
 *
 * Control endpoints (no auth):
 *   POST /__sim/clock/tick                   apply what is due now
 *   POST /__sim/clock/advance {days, hours}  move every period end and expiry date back, as if that
 *                                            much time had passed, then tick
 * With the `clockTickMs` option (CLI --clock-tick <ms>) the clock also ticks on its own.
 */

const { bad, DAY_MS } = require('./util');
const { renewSubscriptions } = require('./api');

const GRACE_DAYS = 7;
const shift = (isoDate, ms) =>
	isoDate ? new Date(Date.parse(isoDate) - ms).toISOString() : isoDate;

/**
 * @param {object} o
 * @param {() => import('./seed').SimState} o.getState current state (it changes on reset)
 * @param {{ runSequence: Function }} o.sim lifecycle runner of the server
 * @param {number} [o.tickMs] tick on a timer every tickMs (0 = only on request)
 */
function createClock({ getState, sim, tickMs = 0 }) {
	/** Renewals started and not yet through (their period end is still past). */
	const queued = new Set();

	/** Applies what is due; returns what it started. */
	function tick() {
		const state = getState();
		const now = Date.now();
		const renewing = [];
		for (const s of state.subscriptions.values()) {
			const due = Date.parse(s.periodEnd) <= now;
			if (!due) queued.delete(s.subscriptionId);
			if (
				s.subscriptionStatus === 'ACTIVE' &&
				s.autoRenew &&
				due &&
				!queued.has(s.subscriptionId)
			) {
				queued.add(s.subscriptionId);
				const env = s.sandbox ? 'sandbox' : 'production';
				renewSubscriptions({
					state,
					env,
					sim,
					body: { subscriptionIds: [s.subscriptionId] },
					takeScenario: () => 'success',
				});
				renewing.push(s.subscriptionId);
			}
		}
		const domains = [];
		for (const d of state.domains.values()) {
			const expiry = Date.parse(d.expireOn);
			let next = null;
			if (d.status === 'ACTIVE' && !d.autoRenew && expiry <= now) next = 'GRACE_PERIOD';
			else if (d.status === 'GRACE_PERIOD' && expiry + GRACE_DAYS * DAY_MS <= now) next = 'EXPIRED';
			if (!next) continue;
			d.status = next;
			domains.push({ domainId: d.domainId, status: next });
			const event = next === 'GRACE_PERIOD' ? 'domain.grace_period' : 'domain.expired';
			const data = {
				userId: d.userId,
				domainId: d.domainId,
				domainName: d.domainName,
				expiryDate: d.expireOn,
			};
			sim.runSequence(d.sandbox ? 'sandbox' : 'production', [() => [{ event, data }]]);
		}
		return { renewingSubscriptions: renewing, domains };
	}

	function advance(body) {
		const days = body.days === undefined ? 0 : Number(body.days);
		const hours = body.hours === undefined ? 0 : Number(body.hours);
		if (
			!Number.isFinite(days) ||
			!Number.isFinite(hours) ||
			days < 0 ||
			hours < 0 ||
			days + hours === 0
		) {
			throw bad('days and/or hours must be positive numbers');
		}
		const ms = days * DAY_MS + hours * 60 * 60 * 1000;
		const state = getState();
		for (const s of state.subscriptions.values()) {
			s.periodStart = shift(s.periodStart, ms);
			s.periodEnd = shift(s.periodEnd, ms);
		}
		for (const d of state.domains.values()) d.expireOn = shift(d.expireOn, ms);
		return { advancedMs: ms, ...tick() };
	}

	const timer = tickMs > 0 ? setInterval(tick, tickMs) : null;
	timer?.unref();

	return {
		tick,
		advance,
		/** Answers a /__sim/clock/* request, or returns null for other routes. */
		handle(route, body) {
			if (route === 'POST /__sim/clock/tick') return { message: 'Clock ticked', data: tick() };
			if (route === 'POST /__sim/clock/advance')
				return { message: 'Clock advanced', data: advance(body) };
			return null;
		},
		stop() {
			if (timer) clearInterval(timer);
		},
	};
}

module.exports = { createClock, GRACE_DAYS };
