// End-to-end checks of the credential's Test button: n8n's own CredentialsTester (POST
// /rest/credentials/test, as the editor calls it) against the simulator. Called from run.mjs.

/** n8n's verdict for the stored credential `cred` tested with `data` instead of its own. */
async function testCredential(n8nUrl, cookie, cred, data) {
	const res = await fetch(`${n8nUrl}/rest/credentials/test`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({
			credentials: { id: cred.id, name: cred.name, type: 'coldMailResellerApi', data },
		}),
	});
	if (!res.ok) throw new Error(`/rest/credentials/test: HTTP ${res.status} ${await res.text()}`);
	const body = await res.json();
	return body.data ?? body;
}

export async function credentialTestChecks({
	check,
	assert,
	n8nUrl,
	cookie,
	cred,
	apiKey,
	simOrigin,
}) {
	const baseUrl = `${simOrigin}/api/v1/integration`;
	const verdict = (data) =>
		testCredential(n8nUrl, cookie, cred, { environment: 'production', ...data });

	await check('credential test: the right key passes', async () => {
		const result = await verdict({ apiKey, baseUrl });
		assert(result.status === 'OK', JSON.stringify(result));
		return result.message;
	});

	await check('credential test: a wrong key fails with the 401 rule, without the key', async () => {
		const result = await verdict({ apiKey: 'e2e-wrong-key-1234', baseUrl });
		assert(result.status === 'Error', JSON.stringify(result));
		assert(result.message.startsWith('Invalid API key (HTTP 401)'), `message: ${result.message}`);
		assert(!result.message.includes('e2e-wrong-key-1234'), 'the key is in the message');
		return result.message;
	});

	await check(
		'credential test: a Base URL without /api/v1/integration names the status and the fix',
		async () => {
			const result = await verdict({ apiKey, baseUrl: simOrigin });
			assert(result.status === 'Error', JSON.stringify(result));
			assert(/HTTP 404/.test(result.message), `message: ${result.message}`);
			assert(
				result.message.includes('it should end in /api/v1/integration'),
				`message: ${result.message}`,
			);
			return result.message;
		},
	);
}
