// End-to-end: the analysis worker cannot hang the page (issue 12). A worker made to hang (a
// test hook in the worker) is terminated by the next request and that analysis succeeds; a
// worker that crashes is reported within seconds, and the next analysis succeeds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SEED_004, openPage, setText, setup, text, waitAnalysed } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test('a hung worker is terminated by the next edit; a crashed one is reported and replaced', async () => {
  const t = await openPage(env);
  try {
    await t.open();
    const { page } = t;
    const closed = [];
    page.on('worker', (w) => w.on('close', () => closed.push(w.url())));
    await setText(page, 'whosaid-test-hook:hang');
    await page.waitForFunction(() => /Analysing/.test(document.querySelector('#status').textContent));
    await page.waitForTimeout(1000);
    assert.match(await text(page, '#status'), /Analysing/, 'the worker is stuck');
    assert.ok(page.workers().length >= 1);
    // A new text for the same document: the stuck worker is stopped, a fresh one answers.
    await setText(page, 'After the hang. “It works,” Anna Berg said.\n');
    await waitAnalysed(page, 'After the hang.');
    for (let i = 0; i < 50 && (closed.length < 1 || page.workers().length > 1); i++) await page.waitForTimeout(100);
    assert.equal(page.workers().length, 1, `never more than one worker (closed: ${closed.length})`);

    await setText(page, 'whosaid-test-hook:crash');
    await page.waitForFunction(() => /^Error: the analysis failed in the worker/.test(document.querySelector('#status').textContent), null, { timeout: 10_000 });
    await setText(page, 'After the crash. “Fine,” Ben Cole said.\n');
    await waitAnalysed(page, 'After the crash.');
    assert.equal(page.workers().length, 1);
    await t.check();
  } finally {
    await t.close();
  }
});

test('a paste and a click on Analyze right after it make one analysis: the busy worker is kept', async () => {
  const t = await openPage(env);
  try {
    await t.open();
    const { page } = t;
    const [first] = page.workers().length ? page.workers() : [await page.waitForEvent('worker')];
    const closed = [];
    const spawned = [];
    first.on('close', () => closed.push(first.url()));
    page.on('worker', (w) => spawned.push(w.url()));
    await page.evaluate((text) => {
      const area = document.querySelector('#article-input');
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      document.querySelector('#analyze').click();
    }, SEED_004);
    await waitAnalysed(page, 'Vedant Patel');
    await page.waitForTimeout(300);
    assert.deepEqual(closed, [], 'the worker was not stopped');
    assert.deepEqual(spawned, [], 'no other worker was started');
    assert.deepEqual(page.workers(), [first]);
    await t.check();
  } finally {
    await t.close();
  }
});

test('the watchdog stops a worker that does not answer, says so, and the next analysis succeeds', async () => {
  const t = await openPage(env);
  try {
    await t.open();
    const { page } = t;
    // Test-only: the app's 30 s watchdog shortened to 1 s (read at each request).
    await page.evaluate(() => {
      window.whosaidTestWatchdogMs = 1000;
    });
    const [hung] = page.workers().length ? page.workers() : [await page.waitForEvent('worker')];
    let closed = false;
    hung.on('close', () => {
      closed = true;
    });
    await setText(page, 'whosaid-test-hook:hang');
    await page.waitForFunction(() => /Analysing/.test(document.querySelector('#status').textContent));
    // Nothing else happens: only the watchdog can end the analysis.
    await page.waitForFunction(
      () => /^Error: the analysis did not finish within 1 s; the worker was stopped$/.test(document.querySelector('#status').textContent),
      null,
      { timeout: 10_000 },
    );
    assert.equal(await page.getAttribute('#status', 'role'), 'status', 'the message is announced');
    for (let i = 0; i < 50 && !closed; i++) await page.waitForTimeout(100);
    assert.ok(closed, 'the hung worker was terminated');
    assert.ok(!page.workers().includes(hung));
    // The next analysis starts a fresh worker and succeeds.
    await setText(page, 'After the watchdog. “It works again,” Anna Berg said.\n');
    await waitAnalysed(page, 'After the watchdog.');
    assert.match(await text(page, '#claims'), /It works again/);
    assert.equal(page.workers().length, 1, 'one worker');
    await t.check();
  } finally {
    await t.close();
  }
});
