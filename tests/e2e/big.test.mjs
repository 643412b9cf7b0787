// End-to-end: a 5 MB paste is analysed in the worker while the page keeps responding.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SEED_004, openPage, setup, waitAnalysed } from './helpers.mjs';

/**
 * The longest the page's event loop may stall while the app analyses (a timer ping must fire
 * at least this often). The app's own steps are short (the answer is parsed in 2000-claim
 * chunks, the marks are built step by step, only 16 KB of the article is rendered at first):
 * on the 2-core test VM the longest stalls measured 110–300 ms, the rest being the browser's
 * garbage collection of the multi-megabyte strings; on 2026-12-03 three runs of the whole suite
 * measured 308, 310 and 369 ms (the last while the whole run was a third slower), so 350 ms
 * made the suite flaky. 500 ms still fails a frozen page: the analysis itself takes 3–4 s, so
 * running it on the main thread would stall the page for that long. The browser's one-off
 * layout of the 5 MB text area right after the paste (1.5–2 s in headless Chromium, on any
 * page) is excluded.
 */
const MAX_STALL_MS = 500;
const FIVE_MB = 5 * 1024 * 1024;

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test('a 5 MB paste is analysed off the main thread and the time is shown', async () => {
  const t = await openPage(env);
  try {
    await t.open();
    const { page } = t;
    let big = '';
    let n = 0;
    while (Buffer.byteLength(big) < FIVE_MB) {
      big += `Copy ${n++}.\n\n${SEED_004}\n\n`;
    }
    const last = `Copy ${n - 1}.`;

    const started = Date.now();
    // The paste itself is not the app's doing: the browser lays out a 5 MB text area once
    // (1–2 s in headless Chromium here, on any page). So the text goes into the text area
    // first; after that first frame, a ping in the page starts recording how long each 20 ms
    // timer really waited, and only then comes the paste's input event, which the app
    // analyses at once (no debounce for a paste).
    await page.evaluate((t) => {
      document.querySelector('#article-input').value = t;
    }, big);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    await page.evaluate(() => {
      window.__stalls = [];
      let before = performance.now();
      const tick = () => {
        const now = performance.now();
        window.__stalls.push([Math.round(now), now - before]);
        before = now;
        if (!window.__stopPing) setTimeout(tick, 20);
      };
      setTimeout(tick, 20);
    });
    await page.evaluate(() => {
      const area = document.querySelector('#article-input');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    });
    await waitAnalysed(page, 'Copy 0.', 120_000);
    const elapsed = Date.now() - started;
    // Interact while it is there: select a speaker, then show more of the article.
    await page.locator('#speakers li.speaker .speaker-button').first().click();
    await page.waitForSelector('#speakers li.speaker.is-selected');
    const status = await page.textContent('#status');
    const stalls = await page.evaluate(() => {
      window.__stopPing = true;
      return window.__stalls;
    });
    const worst = Math.max(...stalls.map(([, gap]) => gap));
    const top = [...stalls].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([at, gap]) => `${gap.toFixed(0)} ms at ${at}`);
    console.log(`5 MB (${Buffer.byteLength(big)} bytes): "${status}", ${elapsed} ms end to end, ` +
      `${stalls.length} pings, longest main-thread stalls: ${top.join(', ')}`);
    assert.match(status, /^Done in \d+ ms$/);
    assert.ok(stalls.length > 10, 'the ping kept running during the analysis');
    assert.ok(worst < MAX_STALL_MS, `the page stalled for ${worst.toFixed(0)} ms (limit ${MAX_STALL_MS} ms)`);
    // Only the first part of the article is in the DOM; the rest is one click away.
    const more = page.locator('.article-panel .show-more');
    assert.equal(await more.count(), 1);
    assert.ok(!(await page.textContent('#article')).includes(last));
    assert.ok((await page.locator('#article p.block').count()) < 2000);
    await t.check();
  } finally {
    await t.close();
  }
});
