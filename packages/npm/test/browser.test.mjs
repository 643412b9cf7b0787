// The npm package in a browser: headless Debian Chromium (playwright-core, as the e2e tests)
// loads a page that does `import { analyze } from "whosaid"` through an import map pointing at
// the installed package's browser entry; its record equals Node's.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { analyze } from 'whosaid';
import { REPO, SEED } from './helpers.mjs';

const require = createRequire(import.meta.url); // honours NODE_PATH (.tools/node_modules)
const { chromium } = require('playwright-core');
const { startServer } = await import(pathToFileURL(join(REPO, 'tests/e2e/server.mjs')));
const { chromiumLaunchOptions } = await import(pathToFileURL(join(REPO, 'scripts/chromium.mjs')));

test('import { analyze } from "whosaid" in Chromium', async () => {
  const dir = process.cwd(); // the scratch project: node_modules/whosaid is the installed tarball
  writeFileSync(join(dir, 'seed.txt'), SEED);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>whosaid npm test</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "whosaid": "./node_modules/whosaid/browser.js" } }</script>
<script type="module">
  import { analyze, version } from "whosaid";
  const text = await (await fetch("./seed.txt")).text();
  window.result = { version, record: analyze(text) };
</script>`,
  );
  const server = await startServer(dir, '/pkg/');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 30_000 });
    const { version, record } = await page.evaluate(() => window.result);
    assert.deepEqual(errors, []);
    assert.match(version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(record, analyze(SEED));
    assert.ok(server.requests.some((r) => r.endsWith('whosaid_wasm_bg.wasm')));
  } finally {
    await browser.close();
    await server.close();
  }
});
