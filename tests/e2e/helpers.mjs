// tests/e2e/helpers.mjs — shared set-up for the end-to-end tests (node --test tests/e2e/).
//
// Each test file starts the static server (dist/ under /a/b/whosaid/) and one headless
// Debian Chromium through playwright-core (resolved from NODE_PATH, which .wasm-env.sh sets;
// playwright never downloads a browser). Every page is guarded: a test fails if any request
// goes to another origin, if the page throws, logs an error, or violates its CSP.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { startServer } from './server.mjs';

const require = createRequire(import.meta.url); // CommonJS require honours NODE_PATH
const { chromium } = require('playwright-core');

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const OUT = join(ROOT, 'tests/e2e/out');
export const DOCS = join(ROOT, 'docs');
export const SEED_000 = readFileSync(join(ROOT, 'tests/fixtures/seeds/000_aa45f71569c94b10.txt'), 'utf8');
export const SEED_004 = readFileSync(join(ROOT, 'tests/fixtures/seeds/004_c516d1f4fd7c086b.txt'), 'utf8');

/** How long an analysis may take in these tests (the 5 MB one has its own budget). */
export const ANALYSIS_TIMEOUT = 30_000;

/** Starts the server and the browser for one test file. */
export async function setup() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`trunk build --release\` first`);
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startServer(DIST);
  const browser = await chromium.launch(chromiumLaunchOptions());
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Console messages that are not problems with the page. */
const HARMLESS = [
  /integrity.*preload|preload.*integrity/i, // Chromium ignores `integrity` on <link rel=preload>
];

/**
 * A fresh, guarded context + page (own storage). `options` go to browser.newContext.
 * Call `await t.check()` at the end of every test: it fails on anything the guards saw.
 */
export async function openPage(env, options = {}) {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const problems = [];
  const origin = env.server.origin;
  const foreign = (url) => {
    const u = new URL(url);
    return !['data:', 'blob:', 'about:'].includes(u.protocol) && u.origin !== origin;
  };
  // Block (and report) anything aimed elsewhere, and report every request the browser makes.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (foreign(url)) {
      problems.push(`request to another origin: ${url}`);
      return route.abort();
    }
    return route.continue();
  });
  context.on('request', (r) => {
    if (foreign(r.url())) problems.push(`request to another origin: ${r.url()}`);
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/content.security.policy/i.test(text)) problems.push(`CSP: ${text}`);
    else if (m.type() === 'error' && !HARMLESS.some((re) => re.test(text))) {
      problems.push(`console error: ${text}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error') problems.push(`worker console error: ${m.text()}`);
    });
  });
  return {
    context,
    page,
    problems,
    /** Opens the app and waits for it to render. */
    async open() {
      await page.goto(env.server.url, { waitUntil: 'load' });
      await page.waitForSelector('#article-input', { timeout: 15_000 });
    },
    /** Fails if any guard tripped. */
    async check() {
      if (!page.isClosed()) {
        const csp = await page.evaluate(() => window.__cspViolations || []);
        for (const v of csp) problems.push(`CSP violation: ${v}`);
      }
      assert.deepEqual(problems, [], 'the page must stay on its origin, without errors or CSP violations');
    },
    async close() {
      await context.close();
    },
  };
}

/** Sets the editor's text the way a paste does (value + input event). */
export async function setText(page, text) {
  await page.evaluate((t) => {
    const area = document.querySelector('#article-input');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Waits until the status says "Done in N ms" and the annotated article shows `needle`. */
export async function waitAnalysed(page, needle, timeout = ANALYSIS_TIMEOUT) {
  await page.waitForFunction(
    (n) => {
      const status = document.querySelector('#status')?.textContent || '';
      const article = document.querySelector('#article')?.textContent || '';
      return /^Done in \d+ ms$/.test(status) && article.includes(n);
    },
    needle,
    { timeout },
  );
}

/** Unfolds the input panel (folded into "Article · Edit" once the text is analysed). */
export async function edit(page) {
  if (await page.isVisible('#edit-input')) await page.click('#edit-input');
  await page.waitForSelector('#article-input', { state: 'visible' });
}

/** Dispatches a synthetic file drop on #drop-zone. `content`: string or array of bytes. */
export async function dropFile(page, name, type, content) {
  await page.evaluate(
    ({ name, type, content }) => {
      const body = typeof content === 'string' ? content : new Uint8Array(content);
      const dt = new DataTransfer();
      dt.items.add(new File([body], name, { type }));
      const zone = document.querySelector('#drop-zone');
      const init = { dataTransfer: dt, bubbles: true, cancelable: true };
      zone.dispatchEvent(new DragEvent('dragenter', init));
      zone.dispatchEvent(new DragEvent('dragover', init));
      zone.dispatchEvent(new DragEvent('drop', init));
    },
    { name, type, content },
  );
}

/** The text of an element. */
export async function text(page, selector) {
  return (await page.textContent(selector)) ?? '';
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe-core violations on the page (axe is evaluated through the
 * DevTools protocol: the page's CSP stays on). */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
