'use strict';

/**
 * In-memory state of the CMR simulator and its deterministic demo data.
 *
 * Ids, names and counts depend only on the seed. Dates are relative to the day the
 * simulator starts (so renewal windows and grace periods stay meaningful).
 */

const { createRng, toCents, fromCents, DAY_MS, unprocessable } = require('./util');

/** Demo users keep fixed ids (taken from CMR's docs examples) whatever the seed. */
const DEMO_USERS = [
	{
		id: 'PWM7Y25RYZ450YNM8K8FX9GK5AHX',
		email: 'nora.quinn@northwind-outreach.com',
		company: 'Northwind Outreach LLC',
		firstName: 'Nora',
		lastName: 'Quinn',
		country: 'US',
		city: 'New York',
		addressLineOne: '123 Main Street',
		addressLineTwo: 'Suite 400',
		addressLineThree: '',
		languagePreference: 'en',
		postalCode: '10001',
		state: 'New York',
		phoneCc: '1',
		phone: '2125551234',
		profile: { domains: 72, mailboxesPerDomain: 3, provider: 'GOOGLE' },
	},
	{
		id: '8J7HM04FRXUT4VK86128K6D25APS',
		email: 'alice.johnson@acmegrowth.io',
		company: 'Acme Growth Ltd',
		firstName: 'Alice',
		lastName: 'Johnson',
		country: 'GB',
		city: 'London',
		addressLineOne: '221 Baker Street',
		addressLineTwo: '',
		addressLineThree: '',
		languagePreference: 'en',
		postalCode: 'NW1 6XE',
		state: 'England',
		phoneCc: '44',
		phone: '2079460000',
		profile: { domains: 10, mailboxesPerDomain: 3, provider: 'GOOGLE', special: 'acme' },
	},
	{
		id: '4CZNXJNXEEMECTH5Q65AXCB8QE78',
		email: 'bruno.keller@bluebird-labs.de',
		company: 'Bluebird Labs GmbH',
		firstName: 'Bruno',
		lastName: 'Keller',
		country: 'DE',
		city: 'Berlin',
		addressLineOne: 'Torstraße 49',
		addressLineTwo: '',
		addressLineThree: '',
		languagePreference: 'de',
		postalCode: '10119',
		state: 'Berlin',
		phoneCc: '49',
		phone: '3012345678',
		profile: { domains: 6, mailboxesPerDomain: 2, provider: 'MICROSOFT', special: 'bluebird' },
	},
	{
		id: '2PZ8BNRSWV4DHYP0S32N58H4E8FA',
		email: 'chloe.martin@studio-vide.fr',
		company: 'Studio Vide SARL',
		firstName: 'Chloé',
		lastName: 'Martin',
		country: 'FR',
		city: 'Paris',
		addressLineOne: "12 Rue de l'Odéon",
		addressLineTwo: '',
		addressLineThree: '',
		languagePreference: 'fr',
		postalCode: '75006',
		state: 'Île-de-France',
		phoneCc: '33',
		phone: '142345678',
		profile: { domains: 0, mailboxesPerDomain: 0, provider: 'GOOGLE' },
	},
];

const USER_FIELDS = [
	'email', 'company', 'firstName', 'lastName', 'country', 'city', 'addressLineOne', 'addressLineTwo',
	'addressLineThree', 'languagePreference', 'postalCode', 'state', 'phoneCc', 'phone',
];

const ADJECTIVES = [
	'bright', 'swift', 'clear', 'prime', 'bold', 'smart', 'true', 'blue', 'green', 'rapid', 'solid', 'nova',
	'peak', 'north', 'summit', 'vivid', 'lucky', 'urban', 'alpha', 'crisp', 'fresh', 'silver', 'golden', 'spark',
];
const NOUNS = [
	'lead', 'reach', 'mail', 'sender', 'pipeline', 'outreach', 'growth', 'inbox', 'signal', 'funnel', 'deal',
	'prospect', 'connect', 'launch', 'harbor', 'bridge', 'orbit', 'forge', 'labs', 'works', 'hub', 'scale',
];
const TLDS = ['com', 'net', 'io', 'co', 'org', 'info'];
const FIRST_NAMES = [
	'James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sophia', 'Mason', 'Isabella',
	'Logan', 'Amelia', 'Elijah', 'Harper', 'Daniel', 'Evelyn', 'Henry', 'Grace', 'Samuel', 'Chloe', 'Leo', 'Zoe',
];
const LAST_NAMES = [
	'Carter', 'Wilson', 'Bennett', 'Hughes', 'Foster', 'Reed', 'Brooks', 'Price', 'Ward', 'Hayes', 'Ross',
	'Morgan', 'Parker', 'Ellis', 'Grant', 'Murphy', 'Bailey', 'Cooper', 'King', 'Turner', 'Hall', 'Young',
];

const PRICES = {
	domainPerYear: 15,
	mailbox: 3,
	mailboxAfterYear: 5,
	warmupPerMonth: 2,
	placementPerMailbox: 2,
	placementAiInsight: 5,
	preWarmupPurchase: 30,
	preWarmupRenewal: 15,
};

/** Domains that are never available (registered elsewhere), besides those already in the state. */
const TAKEN_DOMAINS = new Set(['google.com', 'example.com', 'microsoft.com', 'gmail.com', 'outlook.com']);

const SANDBOX_PREWARMUP_DOMAINS = [
	{ domain: 'sandbox.nexora-tech.com', serviceProvider: 'GOOGLE' },
	{ domain: 'mail-sandbox.brightplathlabs.com', serviceProvider: 'GOOGLE' },
	{ domain: 'sandbox-mail.corevista.io', serviceProvider: 'MICROSOFT' },
	{ domain: 'sandbox.stratospherehq.com', serviceProvider: 'MICROSOFT' },
];

const iso = (ms) => new Date(ms).toISOString();

class SimState {
	constructor({ seed = 42, wallet = 500, now = Date.now() } = {}) {
		this.seed = seed;
		this.rng = createRng(seed);
		// Dates are anchored to the start of the current UTC day (plus 9 h) for readable values.
		this.anchor = Math.floor(now / DAY_MS) * DAY_MS + 9 * 60 * 60 * 1000;
		this.users = new Map();
		this.domains = new Map();
		this.mailboxes = new Map();
		this.subscriptions = new Map();
		this.orders = new Map();
		this.platformCredentials = new Map();
		this.placementReports = [];
		this.preWarmupInventory = [];
		this.sandboxInventory = [];
		this.errorReports = [];
		this.wallet = { balanceCents: toCents(wallet), currency: 'USD', transactions: [] };
		this.usedDomainNames = new Set();
		this.seedDemoData();
	}

	// ---------- ids and time ----------
	newId(length = 28) {
		return this.rng.id(length);
	}
	newActionId() {
		return this.rng.actionId();
	}
	now() {
		return new Date().toISOString();
	}

	// ---------- lookups ----------
	getUser(id) {
		return this.users.get(id);
	}
	userEmail(userId) {
		return this.users.get(userId)?.email ?? null;
	}
	domainsOf(userId) {
		return [...this.domains.values()].filter((d) => d.userId === userId);
	}
	domainByName(name) {
		const n = String(name).toLowerCase();
		for (const d of this.domains.values()) if (d.domainName === n) return d;
		return undefined;
	}
	mailboxesOf(userId) {
		return [...this.mailboxes.values()].filter((m) => m.userId === userId);
	}
	mailboxesOfDomain(domainId) {
		return [...this.mailboxes.values()].filter((m) => m.domainId === domainId);
	}
	mailboxesOfSubscription(subscriptionId) {
		return [...this.mailboxes.values()].filter((m) => m.subscriptionId === subscriptionId);
	}
	isDomainAvailable(name) {
		const n = String(name).toLowerCase();
		if (TAKEN_DOMAINS.has(n) || n.startsWith('taken')) return false;
		if (this.domainByName(n)) return false;
		if (this.preWarmupInventory.some((i) => i.domain === n)) return false;
		return true;
	}

	// ---------- wallet ----------
	get balance() {
		return fromCents(this.wallet.balanceCents);
	}
	canAfford(env, cents) {
		return env === 'sandbox' || this.wallet.balanceCents >= cents;
	}
	/** Debits the wallet (sandbox: records a $0 transaction). Throws 422 (or `status`) when short. */
	charge(env, cents, description, reference, status = 422) {
		const amount = env === 'sandbox' ? 0 : cents;
		if (amount > this.wallet.balanceCents) {
			const err = unprocessable(
				`Insufficient wallet balance: this operation costs ${fromCents(amount).toFixed(2)} USD, the wallet holds ${fromCents(this.wallet.balanceCents).toFixed(2)} USD`,
			);
			err.status = status;
			throw err;
		}
		this.wallet.balanceCents -= amount;
		this.wallet.transactions.push({
			transactionId: this.newId(),
			type: 'DEBIT',
			amount: fromCents(amount),
			description,
			reference: reference ?? null,
			environment: env,
			balanceAfter: fromCents(this.wallet.balanceCents),
			createdAt: this.now(),
		});
		return amount;
	}
	refund(env, cents, description, reference) {
		const amount = env === 'sandbox' ? 0 : cents;
		if (amount <= 0) return;
		this.wallet.balanceCents += amount;
		this.wallet.transactions.push({
			transactionId: this.newId(),
			type: 'REFUND',
			amount: fromCents(amount),
			description,
			reference: reference ?? null,
			environment: env,
			balanceAfter: fromCents(this.wallet.balanceCents),
			createdAt: this.now(),
		});
	}

	// ---------- factories ----------
	uniqueDomainName(prefix = '') {
		for (let i = 0; i < 1000; i++) {
			const name = `${prefix}${this.rng.pick(ADJECTIVES)}${this.rng.pick(NOUNS)}.${this.rng.pick(TLDS)}`;
			if (!this.usedDomainNames.has(name)) {
				this.usedDomainNames.add(name);
				return name;
			}
		}
		const name = `${prefix}${this.newId(8).toLowerCase()}.com`;
		this.usedDomainNames.add(name);
		return name;
	}

	defaultDns(domainName, provider) {
		const rec = (host, value, recordType, priority = '') => ({
			recordId: this.newId(),
			host,
			value,
			recordType,
			priority,
		});
		const mx =
			provider === 'MICROSOFT'
				? rec('@', `${domainName.replace(/\./g, '-')}.mail.protection.outlook.com`, 'MX', 0)
				: rec('@', 'smtp.google.com', 'MX', 1);
		const spf =
			provider === 'MICROSOFT' ? 'v=spf1 include:spf.protection.outlook.com -all' : 'v=spf1 include:_spf.google.com ~all';
		return {
			records: [
				mx,
				rec('@', spf, 'TXT'),
				rec('_dmarc', `v=DMARC1; p=none; rua=mailto:dmarc@${domainName}`, 'TXT'),
				rec(
					provider === 'MICROSOFT' ? 'selector1._domainkey' : 'google._domainkey',
					`v=DKIM1; k=rsa; p=MIIBIjANBgkqh${this.newId(24)}`,
					'TXT',
				),
			],
			disabledRecords: [],
		};
	}

	addDomain({ userId, domainName, status = 'ACTIVE', provider = 'GOOGLE', years = 1, expireOn, createdAt, autoRenew, forwardTo, sandbox = false, price }) {
		const created = createdAt ?? this.now();
		const domain = {
			domainId: this.newId(),
			domainName: domainName.toLowerCase(),
			userId,
			status,
			autoRenew: autoRenew ?? false,
			years,
			serviceProvider: provider,
			createdAt: created,
			expireOn: expireOn ?? iso(Date.parse(created) + years * 365 * DAY_MS),
			subscriptionId: null,
			nameservers: ['ns1.coldmailreseller-dns.com', 'ns2.coldmailreseller-dns.com'],
			forwardTo: forwardTo ?? null,
			maskForwarding: false,
			emailForwarding: null,
			clientIds: [],
			renewalPrice: PRICES.domainPerYear,
			price: price ?? PRICES.domainPerYear * years,
			sandbox,
			dns: this.defaultDns(domainName.toLowerCase(), provider),
		};
		this.usedDomainNames.add(domain.domainName);
		this.domains.set(domain.domainId, domain);
		return domain;
	}

	addSubscription({ domain, status = 'ACTIVE', periodStart, autoRenew = true, cycleCount = 1, sandbox = false, pricePerMailbox }) {
		const start = periodStart ?? this.now();
		const sub = {
			subscriptionId: this.newId(),
			subscriptionStatus: status,
			billingCycle: 'MONTHLY',
			pricePerMailbox: pricePerMailbox ?? (cycleCount > 12 ? PRICES.mailboxAfterYear : PRICES.mailbox),
			periodStart: start,
			periodEnd: iso(Date.parse(start) + 30 * DAY_MS),
			serviceProvider: domain.serviceProvider,
			autoRenew,
			userId: domain.userId,
			domain: domain.domainName,
			domainId: domain.domainId,
			cycleCount,
			createdAt: start,
			sandbox,
		};
		this.subscriptions.set(sub.subscriptionId, sub);
		domain.subscriptionId = sub.subscriptionId;
		return sub;
	}

	addMailbox({ domain, subscriptionId, username, firstName, lastName, status = 'ACTIVE', orderId = null, profilePicture = null, onWarmup = false, createdAt, sandbox = false, isAdmin = false }) {
		const mailbox = {
			mailboxId: this.newId(),
			email: `${username}@${domain.domainName}`.toLowerCase(),
			username: username.toLowerCase(),
			firstName,
			lastName,
			domain: domain.domainName,
			domainId: domain.domainId,
			userId: domain.userId,
			subscriptionId: subscriptionId ?? domain.subscriptionId,
			status,
			serviceProvider: domain.serviceProvider,
			profilePicture,
			isAdmin,
			orderId,
			createdAt: createdAt ?? this.now(),
			warmup: onWarmup ? { status: status === 'ACTIVE' ? 'ACTIVE' : 'PENDING', settings: defaultWarmupSettings(), startedAt: createdAt ?? this.now() } : null,
			credentials: {
				password: this.rng.password(),
				appPassword: this.rng.letterGroups(),
				authenticatorSecret: this.rng.letterGroups(),
			},
			sandbox,
		};
		this.mailboxes.set(mailbox.mailboxId, mailbox);
		return mailbox;
	}

	randomPerson() {
		return { firstName: this.rng.pick(FIRST_NAMES), lastName: this.rng.pick(LAST_NAMES) };
	}

	/** Usernames like james, james.carter, jcarter (unique per domain). */
	usernamesFor(person, count) {
		const f = person.firstName.toLowerCase();
		const l = person.lastName.toLowerCase();
		const base = [f, `${f}.${l}`, `${f[0]}${l}`, `${f}${l[0]}`, `${f}_${l}`, `${l}.${f}`];
		const out = [];
		for (let i = 0; i < count; i++) out.push(base[i] ?? `${f}${i}`);
		return out;
	}

	inventoryItem(domainName, serviceProvider, price, renewal) {
		const person = this.randomPerson();
		const created = iso(this.anchor - this.rng.int(20, 60) * DAY_MS);
		return {
			domain: domainName,
			serviceProvider,
			preWarmedUpMailboxes: this.usernamesFor(person, 3).map((u, i) => {
				const p = i === 0 ? person : this.randomPerson();
				return { email: `${u}@${domainName}`, firstName: p.firstName, lastName: p.lastName, createdAt: created };
			}),
			purchasePrice: price,
			renewalPrice: renewal,
			reserved: false,
		};
	}

	// ---------- demo data ----------
	seedDemoData() {
		const day = (n) => iso(this.anchor + n * DAY_MS);
		for (const demo of DEMO_USERS) {
			const user = { id: demo.id };
			for (const f of USER_FIELDS) user[f] = demo[f];
			user.createdAt = day(-400 + this.rng.int(0, 30));
			this.users.set(user.id, user);

			const { domains: nDomains, mailboxesPerDomain, provider, special } = demo.profile;
			for (let i = 0; i < nDomains; i++) {
				let status = 'ACTIVE';
				let expireIn = this.rng.int(60, 330);
				let subStatus = 'ACTIVE';
				let mailboxCount = mailboxesPerDomain;
				let mailboxStatus = 'ACTIVE';
				let cycleCount = this.rng.int(1, 10);
				if (special === 'acme') {
					if (i === 0) expireIn = 20; // renewal window open
					if (i === 1) { status = 'GRACE_PERIOD'; expireIn = -3; subStatus = 'PAST_DUE'; }
					if (i === 2) { status = 'EXPIRED'; expireIn = -20; subStatus = 'EXPIRED'; mailboxStatus = 'EXPIRED'; }
					if (i === 3) cycleCount = 12; // next renewal crosses 12 months
					if (i === 9) mailboxCount = 0; // a registered domain without workspace
				}
				if (special === 'bluebird' && i === 5) { subStatus = 'CANCELLED'; mailboxCount = 0; }
				if (!special && i === nDomains - 1) mailboxStatus = 'IN_PROGRESS';

				const domain = this.addDomain({
					userId: user.id,
					domainName: this.uniqueDomainName(),
					status,
					provider,
					expireOn: day(expireIn),
					createdAt: day(expireIn - 365),
					autoRenew: this.rng.chance(0.5),
				});
				if (mailboxCount === 0 && subStatus !== 'CANCELLED') continue;
				const sub = this.addSubscription({
					domain,
					status: subStatus,
					periodStart: day(-this.rng.int(1, 25)),
					autoRenew: this.rng.chance(0.7),
					cycleCount,
				});
				const person = this.randomPerson();
				this.usernamesFor(person, mailboxCount).forEach((username, k) => {
					let st = mailboxStatus;
					if (!special && i === nDomains - 2 && k === 0) st = 'CREATING_PASSWORD';
					this.addMailbox({
						domain,
						subscriptionId: sub.subscriptionId,
						username,
						firstName: person.firstName,
						lastName: person.lastName,
						status: st,
						onWarmup: st === 'ACTIVE' && this.rng.chance(0.3),
						createdAt: sub.periodStart,
						isAdmin: k === 0,
					});
				});
			}
		}

		// Historic completed orders.
		for (const userId of [DEMO_USERS[0].id, DEMO_USERS[1].id]) {
			const doms = this.domainsOf(userId).slice(0, 2);
			const orderId = this.newId();
			this.orders.set(orderId, {
				orderId,
				userId,
				type: 'DOMAIN_MAILBOX',
				status: 'COMPLETED',
				statusReason: null,
				environment: 'production',
				confirm: true,
				serviceProvider: 'GOOGLE',
				billingCycle: 'MONTHLY',
				autoRenew: true,
				domains: doms.map((d) => ({ domain: d.domainName, years: 1, domainId: d.domainId, status: 'SUCCESS' })),
				mailboxes: Object.fromEntries(doms.map((d) => [d.domainName, this.mailboxesOfDomain(d.domainId).map((m) => ({ username: m.username, firstName: m.firstName, lastName: m.lastName }))])),
				unavailableDomains: [],
				totalPrice: 0,
				currency: 'USD',
				actionId: this.newActionId(),
				createdAt: day(-30),
				updatedAt: day(-30),
			});
			for (const d of doms) this.mailboxesOfDomain(d.domainId).forEach((m) => (m.orderId = orderId));
		}

		// One stored platform credential and one finished placement test for the main demo user.
		const credentialId = this.newId(16);
		this.platformCredentials.set(credentialId, {
			credentialId,
			userId: DEMO_USERS[0].id,
			app: 'EMAILBISON',
			email: 'nora@northwind-outreach.com',
			connectedAt: day(-90),
			metadata: { appBaseUrl: 'https://app.emailbison.com', appName: 'EmailBison', workspace: 'northwind' },
			orgId: null,
		});
		const sample = this.mailboxesOf(DEMO_USERS[0].id).filter((m) => m.status === 'ACTIVE').slice(0, 2);
		this.placementReports.push(makePlacementReport(this, DEMO_USERS[0].id, sample, { spamassassin: true, blacklist: true, aiInsight: false }, 'COMPLETED', day(-7)));

		// Pre-warmup inventory (production) and the fixed sandbox domains.
		for (let i = 0; i < 36; i++) {
			const provider = i % 3 === 2 ? 'MICROSOFT' : 'GOOGLE';
			this.preWarmupInventory.push(this.inventoryItem(this.uniqueDomainName('prewarm-'), provider, PRICES.preWarmupPurchase, PRICES.preWarmupRenewal));
		}
		for (const s of SANDBOX_PREWARMUP_DOMAINS) {
			this.sandboxInventory.push(this.inventoryItem(s.domain, s.serviceProvider, 0, 0));
		}
	}

	summary() {
		const count = (map, pred) => [...map.values()].filter(pred).length;
		return {
			seed: this.seed,
			wallet: { balance: this.balance, currency: this.wallet.currency },
			users: this.users.size,
			domains: this.domains.size,
			mailboxes: this.mailboxes.size,
			activeMailboxes: count(this.mailboxes, (m) => m.status === 'ACTIVE'),
			subscriptions: this.subscriptions.size,
			orders: this.orders.size,
			platformCredentials: this.platformCredentials.size,
			placementReports: this.placementReports.length,
			preWarmupInventory: this.preWarmupInventory.filter((i) => !i.reserved).length,
			demoUsers: [...this.users.values()].map((u) => ({
				id: u.id,
				email: u.email,
				company: u.company,
				domains: this.domainsOf(u.id).length,
				mailboxes: this.mailboxesOf(u.id).length,
			})),
		};
	}
}

function defaultWarmupSettings() {
	return {
		warmupLimit: 40,
		minimumWarmupLimit: 5,
		warmupReplyRate: 0.3,
		warmupOpenRate: 0.8,
		warmupSpamProtectionRate: 0.2,
		warmupOnWeekdays: true,
		increasePerDay: 2,
		warmupDisableSlow: false,
		minimumDelayBetweenWarmupEmails: 60,
		maximumDelayBetweenWarmupEmails: 300,
	};
}

function makePlacementReport(state, userId, mailboxes, opts, status, createdAt) {
	const done = status === 'COMPLETED';
	return {
		orderId: state.newId(),
		userId,
		status,
		spamassassin: !!opts.spamassassin,
		blacklist: !!opts.blacklist,
		aiInsightRequested: !!opts.aiInsight,
		mailboxCount: mailboxes.length,
		createdAt: createdAt ?? state.now(),
		mailboxes: mailboxes.map((m) => ({
			placementOrderId: state.newId(16),
			mailboxId: m.mailboxId,
			fromEmail: m.email,
			status,
			report: done ? completedReport(state, opts) : { inboxTest: { google: [], microsoft365: [] }, spamassassin: {}, blacklist: {} },
		})),
	};
}

function completedReport(state, opts) {
	const folder = () => (state.rng.chance(0.85) ? 'INBOX' : 'SPAM');
	const report = {
		inboxTest: {
			google: [1, 2, 3].map((i) => ({ seed: `seed${i}@gmail.com`, folder: folder() })),
			microsoft365: [1, 2].map((i) => ({ seed: `seed${i}@outlook.com`, folder: folder() })),
		},
		spamassassin: opts.spamassassin ? { score: Number((state.rng() * 3).toFixed(1)), threshold: 5, passed: true } : {},
		blacklist: opts.blacklist ? { listed: false, checked: 68 } : {},
	};
	if (opts.aiInsight) report.aiInsight = { summary: 'Authentication records are valid; keep daily volume below 40 per mailbox.' };
	return report;
}

module.exports = {
	SimState,
	DEMO_USERS,
	USER_FIELDS,
	PRICES,
	SANDBOX_PREWARMUP_DOMAINS,
	defaultWarmupSettings,
	makePlacementReport,
	completedReport,
};
