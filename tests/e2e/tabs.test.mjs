// End-to-end: several documents as tabs (the two examples, several files dropped at once), each
// one's draft kept across reloads and never overwritten by another browser tab.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { edit, openPage, setText, setup, waitAnalysed } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const tabNames = (page) => page.locator('.doc-tab .tab-button').allTextContents();

describe('documents as tabs, with their drafts', () => {
  test('several files dropped at once open one tab each', async () => {
    const t = await openPage(env);
    try {
      const { page } = t;
      await t.open();
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['First file. “One,” Anna Berg said.\n'], 'one.txt', { type: 'text/plain' }));
        dt.items.add(new File(['Second file. “Two,” Ben Cole said.\n'], 'two.txt', { type: 'text/plain' }));
        const init = { dataTransfer: dt, bubbles: true, cancelable: true };
        document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', init));
      });
      await page.waitForFunction(() => document.querySelectorAll('.doc-tab').length === 2);
      assert.deepEqual(await tabNames(page), ['one.txt', 'two.txt']);
      await waitAnalysed(page, 'Second file.');
      await page.click('#tab-0');
      await page.waitForFunction(() => document.querySelector('#article-input').value.startsWith('First file.'));
      await waitAnalysed(page, 'First file.');
      await t.check();
    } finally {
      await t.close();
    }
  });

  test('per-tab drafts survive a reload; two browser tabs never overwrite each other’s', async () => {
    const t = await openPage(env);
    try {
      const { page, context } = t;
      await t.open();
      await page.click('#example-000');
      await waitAnalysed(page, 'NBC News');
      // The other example opens in a tab of its own.
      await edit(page);
      await page.click('#example-004');
      await waitAnalysed(page, 'Vedant Patel');
      assert.equal(await page.locator('.doc-tab').count(), 2);
      // One CSV of both documents: one header, each one's rows under its name.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv-all')]);
      const rows = readFileSync(await csv.path(), 'utf8').split('\r\n').filter((r) => r);
      assert.equal(rows.filter((r) => r.startsWith('\uFEFFdocument,title,')).length, 1);
      const documents = new Set(rows.slice(1).map((r) => r.split(',')[0]));
      assert.deepEqual([...documents].sort(), ['Example: State Department rebuts media reports', 'Example: US and Europe discuss peace talks with Ukraine']);
      await page.click('.doc-tab:nth-child(2) .tab-close');
      await page.waitForFunction(() => document.querySelectorAll('.doc-tab').length === 1);
      await page.click('#new-doc');
      await setText(page, 'Tab two draft. “Fine,” Anna Berg said.\n');
      await waitAnalysed(page, 'Tab two draft.');
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#article-input');
      await page.waitForFunction(() => document.querySelectorAll('.doc-tab').length === 2);
      const names = await tabNames(page);
      assert.match(names[0], /US and Europe/);
      await page.click('#tab-1');
      await page.waitForFunction(() => document.querySelector('#article-input').value.startsWith('Tab two draft.'));
      await waitAnalysed(page, 'Tab two draft.');

      // A second browser tab (same storage) restores the same drafts; both edit the same one.
      const other = await context.newPage();
      await other.goto(env.server.url, { waitUntil: 'load' });
      await other.waitForSelector('#article-input');
      await other.waitForFunction(() => document.querySelectorAll('.doc-tab').length === 2);
      await other.click('#tab-1');
      await other.waitForFunction(() => document.querySelector('#article-input').value.startsWith('Tab two draft.'));
      await setText(other, 'Written in the second browser tab.\n');
      await waitAnalysed(other, 'Written in the second browser tab.');
      await other.waitForTimeout(200);
      await setText(page, 'Written in the first browser tab.\n');
      await waitAnalysed(page, 'Written in the first browser tab.');
      await page.waitForTimeout(200);
      await other.close();

      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#article-input');
      await page.waitForFunction(() => document.querySelectorAll('.doc-tab').length === 3);
      const texts = [];
      for (let i = 0; i < 3; i++) {
        await page.click(`#tab-${i}`);
        await page.waitForTimeout(100);
        texts.push(await page.inputValue('#article-input'));
      }
      assert.ok(texts.includes('Written in the first browser tab.\n'), 'the first tab’s draft is kept');
      assert.ok(texts.includes('Written in the second browser tab.\n'), 'the second tab’s draft is kept');
      await t.check();
    } finally {
      await t.close();
    }
  });
});
