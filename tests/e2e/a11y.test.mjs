// End-to-end: accessibility (axe-core, no serious or critical violation) in both themes and at
// 360 px, keyboard use, and the screenshots (tests/e2e/out/; docs/ for the README only through
// scripts/screenshots.sh).
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DOCS, axeViolations, OUT, edit, openPage, setup, waitAnalysed } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

async function analysedSeed(t, id, needle) {
  await t.open();
  await t.page.click(`#example-${id}`);
  await waitAnalysed(t.page, needle);
}

describe('accessibility and looks', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no serious or critical violations (${colorScheme})`, async () => {
      const t = await openPage(env, { colorScheme });
      try {
        await t.open();
        assert.deepEqual(await axeViolations(t.page), [], 'empty app');
        await analysedSeed(t, '004', 'Vedant Patel');
        await t.page.locator('#claims li.claim .claim-button').first().click();
        await t.page.waitForSelector('#article mark.is-selected');
        assert.deepEqual(await axeViolations(t.page), [], 'seed 004 analysed, a claim selected');
        // A filter in force (the chip, pressed numbers, narrowed lists).
        await t.page.locator('#strip button', { hasText: 'anonymous' }).first().click();
        await t.page.waitForSelector('#filter-chip');
        assert.deepEqual(await axeViolations(t.page), [], 'filtered by anonymous speakers');
        // Every view of a phone.
        await t.page.setViewportSize({ width: 390, height: 844 });
        for (const view of ['speakers', 'claims', 'summary', 'article']) {
          await t.page.click(`#view-${view}`);
          assert.deepEqual(await axeViolations(t.page), [], `phone, ${view} view`);
        }
        await t.page.setViewportSize({ width: 1280, height: 900 });
        // An error message on screen.
        await edit(t.page);
        await t.page.click('#clear');
        await t.page.click('#analyze');
        await t.page.waitForSelector('#message .notice-error');
        assert.deepEqual(await axeViolations(t.page), [], 'with an error message');
        await t.check();
      } finally {
        await t.close();
      }
    });
  }

  test('axe at 360 px wide, and nothing overflows sideways', async () => {
    const t = await openPage(env, { viewport: { width: 360, height: 740 } });
    try {
      await analysedSeed(t, '000', 'NBC News');
      assert.deepEqual(await axeViolations(t.page), []);
      const overflow = await t.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the 360px viewport`);
      await t.page.screenshot({ path: join(OUT, 'seed-000-360px.png'), fullPage: false });
      await t.check();
    } finally {
      await t.close();
    }
  });

  test('keyboard: every control is reachable with Tab and shows its focus', async () => {
    const t = await openPage(env);
    try {
      await analysedSeed(t, '004', 'Vedant Patel');
      const { page } = t;
      /** Presses Tab up to `n` times; the focused elements' labels, and how many had an outline. */
      const tabThrough = async (n) => {
        await page.evaluate(() => document.activeElement?.blur());
        const seen = new Set();
        let outlined = 0;
        for (let i = 0; i < n; i++) {
          await page.keyboard.press('Tab');
          const info = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const label = el.id || (el.tagName === 'MARK' ? 'MARK' : el.className) || el.tagName;
            return { label, outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
          });
          if (!info) continue;
          seen.add(info.label);
          if (info.outlined) outlined++;
        }
        return { seen, outlined };
      };
      // Analysed: the folded input, the exports, the strip's numbers, the highlights, the lists.
      let { seen, outlined } = await tabThrough(120);
      for (const id of ['edit-input', 'export-json', 'export-csv']) {
        assert.ok(seen.has(id), `#${id} is reachable by keyboard (saw ${[...seen].join(', ')})`);
      }
      assert.ok([...seen].some((l) => /num-chip/.test(l)), 'the summary numbers are reachable');
      assert.ok(seen.has('MARK'), 'the highlighted claims are reachable');
      assert.ok([...seen].some((l) => /speaker-button/.test(l)), 'speaker buttons reachable');
      assert.ok([...seen].some((l) => /claim-button/.test(l)), 'claim buttons reachable');
      assert.ok(outlined > 10, 'focus is visible (outline)');
      // Enter on a highlighted claim selects it and its card.
      const mark = page.locator('#article mark[tabindex="0"]').first();
      const claimId = await mark.getAttribute('data-claim-id');
      await mark.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector(`#claims li.claim.is-selected[data-claim-id="${claimId}"]`);
      assert.match(await mark.getAttribute('title'), new RegExp(`^Claim ${Number(claimId) + 1}$`));
      assert.match(await page.textContent(`#claims li.claim[data-claim-id="${claimId}"] .claim-no`), new RegExp(`^Claim ${Number(claimId) + 1}$`));
      // Select a speaker with the keyboard (one the selected claim has not selected already).
      await page.focus('#speakers li.speaker:not(.is-selected) .speaker-button');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#speakers li.speaker.is-selected');
      assert.ok((await page.locator('#article mark.is-selected').count()) > 0);
      // Edit unfolds the editor with the focus in the text area; its controls follow it.
      await edit(page);
      await page.waitForFunction(() => document.activeElement?.id === 'article-input');
      ({ seen } = await tabThrough(30));
      for (const id of ['analyze', 'file-input', 'clear', 'example-000', 'example-004']) {
        assert.ok(seen.has(id), `#${id} is reachable by keyboard (saw ${[...seen].join(', ')})`);
      }
      await t.check();
    } finally {
      await t.close();
    }
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots of the seeds analysed (${colorScheme})`, async () => {
      const t = await openPage(env, { colorScheme, viewport: { width: 1440, height: 900 } });
      try {
        await analysedSeed(t, '000', 'NBC News');
        await t.page.screenshot({ path: join(OUT, `seed-000-${colorScheme}.png`), fullPage: true });
        await edit(t.page);
        await t.page.click('#example-004');
        await waitAnalysed(t.page, 'Vedant Patel');
        await t.page.locator('#message .dismiss').click();
        // Show the linking: select the first claim of the top speaker (its highlight lands in
        // the middle of the screen), then frame the top of the results.
        await t.page.locator('#claims li.claim .claim-button').first().click();
        await t.page.waitForSelector('#article mark.is-selected');
        await t.page.evaluate(() => {
          window.scrollTo(0, 0);
          document.querySelector('.sidebar').scrollTop = 0;
        });
        const file = join(OUT, `seed-004-${colorScheme}.png`);
        await t.page.screenshot({ path: file, fullPage: false });
        // The README's screenshots are refreshed by scripts/screenshots.sh only: the test
        // command never rewrites a tracked file.
        const update = process.env.WHOSAID_UPDATE_SCREENSHOTS === '1';
        if (update) copyFileSync(file, join(DOCS, `screenshot-${colorScheme}.png`));
        await t.page.screenshot({ path: join(OUT, `seed-004-${colorScheme}-full.png`), fullPage: true });
        // A phone: the results first, then the claims view.
        await t.page.setViewportSize({ width: 390, height: 844 });
        await t.page.click('#view-article');
        await t.page.evaluate(() => window.scrollTo(0, 0));
        const phone = join(OUT, `seed-004-${colorScheme}-phone.png`);
        await t.page.screenshot({ path: phone, fullPage: false });
        if (update) copyFileSync(phone, join(DOCS, `screenshot-phone-${colorScheme}.png`));
        await t.check();
      } finally {
        await t.close();
      }
    });
  }
});
