// End-to-end: two reports compared side by side (tabs and drafts: tabs.test.mjs): the NBC pair
// of the seeds with its stance and source differences, both passages highlighted, by keyboard,
// at 360 px, axe-clean in both themes; the compare-view screenshot.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DOCS, axeViolations, OUT, edit, openPage, setText, setup, waitAnalysed } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Opens both examples (one tab each) and compares them; returns the NBC pair's locator. */
async function compareSeeds(page) {
  await page.click('#example-000');
  await waitAnalysed(page, 'NBC News');
  await edit(page); // the input folds once a text is analysed
  await page.click('#example-004');
  await waitAnalysed(page, 'Vedant Patel');
  assert.equal(await page.locator('.doc-tab').count(), 2, 'two tabs');
  await page.selectOption('#compare-a', { index: 0 });
  await page.selectOption('#compare-b', { index: 1 });
  await page.click('#compare-go');
  await page.waitForSelector('#cmp-pairs li.cmp-pair', { timeout: 30_000 });
  return page.locator('#cmp-pairs li.cmp-pair', { hasText: 'Representatives of the United States' });
}

describe('compare two reports', () => {
  test('the NBC pair: same, with its stance and source differences; both passages highlighted', async () => {
    const t = await openPage(env);
    try {
      const { page } = t;
      await t.open();
      const nbc = await compareSeeds(page);
      assert.equal(await nbc.count(), 1, 'the NBC pair is shown');
      const pairText = await nbc.textContent();
      assert.match(pairText, /delicate/, 'paired with seed 004’s “delicate” discussions');
      assert.equal((await nbc.locator('.relation').textContent()).trim(), 'same');
      const diffs = await nbc.locator('.diff dt').allTextContents();
      assert.ok(diffs.includes('Stance'), `a stance difference (${diffs})`);
      assert.ok(diffs.includes('Source chain'), `a source difference (${diffs})`);
      const stance = await nbc.locator('.diff.stance dd').textContent();
      assert.match(stance, /neutral.*vs.*distancing/, stance);
      const source = await nbc.locator('.diff.source dd').textContent();
      assert.match(source, /NBC.*vs.*NBC.*anonymous|NBC.*vs.*NBC.*officials/i, source);
      // Speakers and the claims only one report carries are listed; profiles side by side.
      assert.ok((await page.locator('#cmp-speakers li').count()) >= 1, 'a speaker in both');
      assert.ok((await page.locator('.cmp-only li').count()) >= 1, 'claims only one report carries');
      assert.match(await page.locator('#cmp-profiles').textContent(), /Anonymous/);
      // Select the pair by keyboard: both passages are highlighted in their articles.
      await nbc.locator('.pair-button').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#cmp-article-a mark.is-selected');
      await page.waitForSelector('#cmp-article-b mark.is-selected');
      const a = (await page.locator('#cmp-article-a mark.hl-content.is-selected').allTextContents()).join(' ');
      const b = (await page.locator('#cmp-article-b mark.hl-content.is-selected').allTextContents()).join(' ');
      assert.match(a, /Representatives of the United States/);
      assert.match(b, /delicate/);
      assert.equal(await nbc.locator('.pair-button').getAttribute('aria-pressed'), 'true');
      await page.screenshot({ path: join(OUT, 'compare-full.png'), fullPage: true });
      // Back to the documents.
      await page.click('#compare-close');
      await page.waitForSelector('#compare', { state: 'detached' });
      await page.waitForSelector('#edit-input'); // the analysed document, its input folded
      await t.check();
    } finally {
      await t.close();
    }
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: nothing serious on the compare view (${colorScheme}); screenshot`, async () => {
      const t = await openPage(env, { colorScheme, viewport: { width: 1280, height: 1000 } });
      try {
        const { page } = t;
        await t.open();
        const nbc = await compareSeeds(page);
        await nbc.locator('.pair-button').click();
        await page.waitForSelector('#cmp-article-b mark.is-selected');
        assert.deepEqual(await axeViolations(page), [], 'compare view, a pair selected');
        const file = join(OUT, `compare-${colorScheme}.png`);
        // Frame the pairs: the NBC pair selected, its differences, the articles below.
        await page.evaluate(() => window.scrollTo(0, document.querySelector('#cmp-pairs-h').getBoundingClientRect().top + window.scrollY - 8));
        await page.screenshot({ path: file, fullPage: false });
        // The README's screenshot is refreshed by scripts/screenshots.sh only.
        if (colorScheme === 'light' && process.env.WHOSAID_UPDATE_SCREENSHOTS === '1') {
          copyFileSync(file, join(DOCS, 'screenshot-compare.png'));
        }
        await t.check();
      } finally {
        await t.close();
      }
    });
  }

  test('at 360 px: stacked, nothing overflows sideways, axe-clean', async () => {
    const t = await openPage(env, { viewport: { width: 360, height: 740 } });
    try {
      const { page } = t;
      await t.open();
      const nbc = await compareSeeds(page);
      await nbc.locator('.pair-button').click();
      await page.waitForSelector('#cmp-article-a mark.is-selected');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the 360px viewport`);
      const [a, b] = await page.locator('section.cmp-article').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      assert.ok(b > a, 'the two articles are stacked');
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: join(OUT, 'compare-360px.png'), fullPage: false });
      await t.check();
    } finally {
      await t.close();
    }
  });

  test('long lists come a page at a time: 50 claims, then "Show more"', async () => {
    const t = await openPage(env);
    try {
      const { page } = t;
      await t.open();
      const names = ['Anna Berg', 'Omar Haddad', 'Lena Fischer', 'Tom Okafor'];
      const towns = ['Riverton', 'Lakeside', 'Hillcrest', 'Stonebridge', 'Marsh End'];
      const lines = [];
      for (let i = 0; i < 60; i++) {
        lines.push(`${names[i % 4]} said the ${towns[i % 5]} project number ${i} would open in spring ${2030 + i}.`);
      }
      await setText(page, lines.join('\n\n'));
      await waitAnalysed(page, 'Riverton');
      await page.click('#new-doc');
      await edit(page);
      await setText(page, 'The mayor said the harbour would be dredged next year.');
      await waitAnalysed(page, 'harbour');
      await page.selectOption('#compare-a', { index: 0 });
      await page.selectOption('#compare-b', { index: 1 });
      await page.click('#compare-go');
      const only = page.locator('.cmp-only[data-doc="0"] li');
      await page.waitForSelector('.cmp-only[data-doc="0"] li');
      const heading = await page.locator('.cmp-only[data-doc="0"]').locator('xpath=..').locator('h4').textContent();
      const total = Number(heading.match(/\((\d+)\)/)[1]);
      assert.ok(total > 50, `more than a page of claims only in the first (${heading})`);
      assert.equal(await only.count(), 50, 'the first page');
      const more = page.locator('.cmp-only[data-doc="0"] ~ button.show-more');
      assert.match(await more.textContent(), new RegExp(`\\(${total - 50} hidden\\)`));
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('.cmp-only[data-doc="0"] li').length === n, total);
      assert.equal(await page.locator('.cmp-only[data-doc="0"] ~ button.show-more').count(), 0, 'nothing hidden');
      await t.check();
    } finally {
      await t.close();
    }
  });
});
