'use strict';

const crypto = require('node:crypto');

/**
 * Small helpers shared by the CMR simulator: a seeded random generator, CMR-style ids,
 * the response envelope, pagination and money in cents.
 */

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Turns a seed (number or string) into a 32-bit integer. */
function seedToInt(seed) {
	if (typeof seed === 'number' && Number.isFinite(seed)) return seed >>> 0;
	const text = String(seed ?? '');
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

/** mulberry32: tiny deterministic PRNG. Returns a function giving floats in [0, 1). */
function createRng(seed) {
	let a = seedToInt(seed);
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const rng = () => next();
	rng.int = (min, max) => min + Math.floor(next() * (max - min + 1));
	rng.pick = (list) => list[Math.floor(next() * list.length)];
	rng.chance = (p) => next() < p;
	rng.id = (length = 28) => {
		let out = '';
		for (let i = 0; i < length; i++) out += ID_ALPHABET[Math.floor(next() * ID_ALPHABET.length)];
		return out;
	};
	rng.hex = (length) => {
		let out = '';
		for (let i = 0; i < length; i++) out += Math.floor(next() * 16).toString(16);
		return out;
	};
	/** UUID v4 layout built from the seeded generator (deterministic per seed). */
	rng.uuid = () => {
		const h = rng.hex(32).split('');
		h[12] = '4';
		h[16] = '89ab'[Math.floor(next() * 4)];
		const s = h.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	};
	rng.actionId = () => `ACT_${rng.uuid()}`;
	rng.password = () => {
		const chars = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789$#!';
		let out = '';
		for (let i = 0; i < 14; i++) out += chars[Math.floor(next() * chars.length)];
		return out;
	};
	/** Four groups of four lowercase letters, like Google app passwords / TOTP secrets. */
	rng.letterGroups = () => {
		const groups = [];
		for (let g = 0; g < 4; g++) {
			let s = '';
			for (let i = 0; i < 4; i++) s += String.fromCharCode(97 + Math.floor(next() * 26));
			groups.push(s);
		}
		return groups.join(' ');
	};
	return rng;
}

/**
 * A 28-character CMR-style id from the system's random source, not the seed: ids that must never
 * repeat across simulator runs (webhook event ids, as CMR's are unique).
 */
function uniqueId(length = 28) {
	const bytes = crypto.randomBytes(length);
	let out = '';
	for (let i = 0; i < length; i++) out += ID_ALPHABET[bytes[i] % ID_ALPHABET.length];
	return out;
}

/** A CMR-style error: the server turns it into `{status, message, data: null}`. */
class HttpError extends Error {
	constructor(status, message, headers) {
		super(message);
		this.status = status;
		this.headers = headers || {};
	}
}

const bad = (message) => new HttpError(400, message);
const notFound = (message) => new HttpError(404, message);
const unprocessable = (message) => new HttpError(422, message);

/** Money is kept in integer cents internally. */
const toCents = (amount) => Math.round(Number(amount) * 100);
const fromCents = (cents) => Math.round(cents) / 100;

const DAY_MS = 24 * 60 * 60 * 1000;

function parsePositiveInt(value) {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	if (!Number.isFinite(n)) return NaN;
	return Math.floor(n);
}

/**
 * CMR pagination: `page` (default 1) and `limit` (default 20, some endpoints 50, capped at 100).
 * Returns the page slice and the pagination object in the documented shape.
 */
function paginate(items, query, defaultLimit = 20, maxLimit = 100) {
	let page = parsePositiveInt(query.page);
	let limit = parsePositiveInt(query.limit);
	if (Number.isNaN(page)) throw bad('page must be a positive integer');
	if (Number.isNaN(limit)) throw bad('limit must be a positive integer');
	if (page === undefined || page < 1) page = 1;
	if (limit === undefined || limit < 1) limit = defaultLimit;
	if (limit > maxLimit) limit = maxLimit;
	const total = items.length;
	const totalPages = Math.max(1, Math.ceil(total / limit));
	const start = (page - 1) * limit;
	return {
		items: items.slice(start, start + limit),
		pagination: {
			totalSearchedCount: total,
			currentPage: page,
			nextPage: page < totalPages ? page + 1 : null,
			totalPages,
			limit,
		},
	};
}

/** Loose boolean parsing for query strings and JSON bodies. */
function toBool(value) {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === '1' || value === 1) return true;
	if (value === 'false' || value === '0' || value === 0) return false;
	return undefined;
}

const isNonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';

const DOMAIN_RE = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;
const isDomainName = (v) => typeof v === 'string' && DOMAIN_RE.test(v);

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isEmail = (v) => typeof v === 'string' && EMAIL_RE.test(v);

module.exports = {
	createRng,
	seedToInt,
	uniqueId,
	HttpError,
	bad,
	notFound,
	unprocessable,
	toCents,
	fromCents,
	DAY_MS,
	paginate,
	toBool,
	isNonEmptyString,
	isDomainName,
	isEmail,
};
