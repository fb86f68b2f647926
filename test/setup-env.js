// n8n-core writes ~/.n8n/config on first use; keep every test run inside a temp folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'cmr-n8n-test-'));
