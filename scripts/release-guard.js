#!/usr/bin/env node
// Release checks used by .github/workflows/publish.yml (and by prepublishOnly when scripts run).
// See docs/RELEASING.md. Not part of the published package.
//
//   node scripts/release-guard.js npm-version <x.y.z>   npm is new enough for trusted publishing
//   node scripts/release-guard.js tag <vX.Y.Z>          the tag matches package.json and CHANGELOG.md
//   node scripts/release-guard.js ci                    we are in GitHub Actions with an OIDC token, provenance on
//   node scripts/release-guard.js verify <name@x.y.z>   the registry holds a provenance attestation for it
//
// The real stop for a laptop `npm publish` does not live here (lifecycle scripts are skipped by
// ignore-scripts=true): package.json has "private": true (npm refuses, EPRIVATE) and
// publishConfig.provenance: true (npm refuses outside a CI with OIDC). Only publish.yml lifts "private".
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** First npm release with trusted publishing (OIDC). */
const MIN_NPM = '11.5.1';
/** The predicate type n8n's scanner requires (@n8n/scan-community-package, provenance.mjs). */
const PROVENANCE_PREDICATE = 'https://slsa.dev/provenance/v1';

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function parseVersion(v) {
	const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(v).trim());
	return m ? m.slice(1, 4).map(Number) : null;
}

/** null when `version` >= `min`, else the problem. */
function npmVersionProblem(version, min = MIN_NPM) {
	const have = parseVersion(version);
	if (!have) return `cannot read the npm version from "${version}"`;
	const need = parseVersion(min);
	for (let i = 0; i < 3; i++) {
		if (have[i] > need[i]) return null;
		if (have[i] < need[i]) break;
		if (i === 2) return null;
	}
	return `npm ${version} cannot publish through trusted publishing (OIDC); it needs npm >= ${min}. Pin a newer Node in the workflows.`;
}

/** null when tag `vX.Y.Z` matches the package version and CHANGELOG.md has a dated section for it. */
function tagProblem(tag, pkg, changelog) {
	const expected = `v${pkg.version}`;
	if (tag !== expected) {
		return `tag "${tag}" does not match package.json version ${pkg.version}: tag ${expected}, or bump the version first (docs/RELEASING.md).`;
	}
	const escaped = pkg.version.replace(/[.+-]/g, (c) => `\\${c}`);
	if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
		return `CHANGELOG.md has no "## [${pkg.version}] - YYYY-MM-DD" section: move the Unreleased entries under it before tagging.`;
	}
	return null;
}

/** null when this process may publish: GitHub Actions, an OIDC token, provenance forced by publishConfig. */
function ciProblem(env, pkg) {
	if (pkg.publishConfig?.provenance !== true) {
		return 'package.json must keep publishConfig.provenance: true (n8n rejects versions without provenance).';
	}
	if (env.GITHUB_ACTIONS !== 'true') {
		return 'Publishing happens only in GitHub Actions (.github/workflows/publish.yml), with provenance. Push a version tag instead: see docs/RELEASING.md.';
	}
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
		return 'This job has no OIDC token: it needs "permissions: id-token: write" (npm trusted publishing and provenance).';
	}
	return null;
}

/** null when the registry's `dist` for a version carries an SLSA v1 provenance attestation. */
function provenanceProblem(dist) {
	const provenance = dist?.attestations?.provenance;
	if (!provenance) return 'the registry lists no provenance attestation for this version';
	if (provenance.predicateType !== PROVENANCE_PREDICATE) {
		return `unsupported provenance predicate type ${provenance.predicateType ?? 'unknown'}`;
	}
	return null;
}

async function verifyPublished(spec) {
	let problem = 'not checked';
	for (let attempt = 1; attempt <= 10; attempt++) {
		try {
			const out = execFileSync('npm', ['view', spec, 'dist', '--json'], { encoding: 'utf8' });
			problem = provenanceProblem(JSON.parse(out || 'null'));
		} catch (err) {
			problem = `npm view failed: ${
				String(err.stderr || err.message)
					.trim()
					.split('\n')[0]
			}`;
		}
		if (!problem) return null;
		await new Promise((resolve) => setTimeout(resolve, 6000));
	}
	return `${spec}: ${problem}`;
}

async function main(argv) {
	const [command, arg] = argv;
	const pkg = readJson(path.join(ROOT, 'package.json'));
	let problem;
	switch (command) {
		case 'npm-version':
			problem = npmVersionProblem(arg);
			break;
		case 'tag':
			problem = tagProblem(arg, pkg, fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'));
			break;
		case 'ci':
			problem = ciProblem(process.env, pkg);
			break;
		case 'verify':
			problem = await verifyPublished(arg);
			break;
		default:
			problem = `unknown command "${command}" (npm-version, tag, ci, verify)`;
	}
	if (problem) {
		process.stderr.write(`release-guard ${command}: ${problem}\n`);
		process.exitCode = 1;
	} else {
		process.stdout.write(`release-guard ${command}: ok\n`);
	}
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { MIN_NPM, npmVersionProblem, tagProblem, ciProblem, provenanceProblem };
