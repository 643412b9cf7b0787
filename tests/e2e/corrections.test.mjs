// End-to-end: speakers a journalist can trust — anonymity with its evidence on the speaker
// cards, and the user's corrections (rename, merge, reassign, not a claim, undo, reset) kept
// with the text across a reload and carried into the summary and the exports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { openPage, setText, setup, text, waitAnalysed } from './helpers.mjs';

const ARTICLE =
  '“We will not negotiate,” Anna Berg said on Monday.\n\n' +
  '“Talks could resume next week,” Tom Lind said.\n\n' +
  'Two NBC News sources said the talks had stalled.\n';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

async function withApp(body) {
  const t = await openPage(env);
  try {
    await t.open();
    await body(t);
    await t.check();
  } finally {
    await t.close();
  }
}

/** The exported JSON record (what the app shows, corrections included). */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

const names = (page) => page.$$eval('#speakers li.speaker .speaker-name', (els) => els.map((e) => e.textContent));
const card = (page, name) =>
  page.locator('#speakers li.speaker', { has: page.locator('.speaker-name', { hasText: new RegExp(`^${name}$`) }) });
const status = (page) => text(page, '#corrections [role="status"]');

async function analysed(page) {
  await setText(page, ARTICLE);
  await waitAnalysed(page, 'Tom Lind said');
  await page.waitForSelector('#speakers li.speaker');
}

describe('speakers a journalist can trust', () => {
  test('speaker cards show the anonymity, its evidence and low confidence as the engine returns them', async () => {
    await withApp(async ({ page }) => {
      await analysed(page);
      const record = await exported(page);
      const unnamed = record.speakers.filter((s) => s.anonymity !== 'named');
      assert.ok(
        unnamed.some((s) => s.anonymity === 'anonymous' && s.anonymous),
        `the engine marks "Two NBC News sources" anonymous: ${JSON.stringify(record.speakers)}`,
      );
      for (const s of record.speakers) {
        const li = page.locator(`#speakers li.speaker[data-speaker-id="${s.id}"]`);
        const badge = li.locator('.anonymity .badge');
        if (s.anonymity === 'named') {
          assert.equal(await badge.count(), 0, `${s.name}: no badge when named`);
        } else {
          assert.equal(await badge.textContent(), s.anonymity, `${s.name}: badge`);
          const evidence = li.locator('.anonymity .evidence');
          if (s.evidence) assert.equal(await evidence.textContent(), ` — ${s.evidence}`, `${s.name}: evidence`);
          else assert.equal(await evidence.count(), 0, `${s.name}: no evidence shown when the engine gives none`);
        }
        const uncertain = li.locator('.uncertain');
        assert.equal(await uncertain.count(), s.confidence < 0.7 ? 1 : 0, `${s.name}: low-confidence marker`);
        if (s.confidence < 0.7) assert.match(await uncertain.getAttribute('title'), /pronoun/);
      }
      // The summary: named / anonymous / vague shares, and the claims resting on anonymous
      // sources only (the NBC sources' claim has no named relay).
      assert.match(await text(page, '#sourced-claims'), /Named.*Anonymous.*Vague/s);
      await page.click('#anonymous-only summary');
      assert.match(await text(page, '#anonymous-only'), /^1 claim rests on anonymous sources only/);
      assert.match(await text(page, '#anonymous-only li'), /Two NBC News sources: .*talks had stalled/);
    });
  });

  test('rename, merge, undo, reassign, not a claim; kept across a reload; reset', async () => {
    await withApp(async ({ page }) => {
      await analysed(page);
      const engine = await exported(page);
      assert.ok(!('corrections' in engine), 'no corrections yet');
      assert.match(await status(page), /No corrections/);
      const before = await names(page);
      assert.ok(before.includes('Anna Berg') && before.includes('Tom Lind'), `speakers: ${before}`);

      // Rename (keyboard: Enter in the field submits).
      await card(page, 'Tom Lind').locator('.speaker-button').click();
      await page.getByLabel('New name').fill('Thomas Lind');
      await page.getByLabel('New name').press('Enter');
      await card(page, 'Thomas Lind').waitFor();
      assert.match(await status(page), /^1 correction/);

      // Merge Thomas Lind into Anna Berg: one card fewer, Anna Berg has both claims.
      await card(page, 'Thomas Lind').locator('.speaker-button').click();
      await page.getByLabel('Same speaker as').selectOption({ label: 'Anna Berg' });
      await page.getByRole('button', { name: 'Merge' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('#speakers li.speaker').length === n, before.length - 1);
      assert.ok(!(await names(page)).includes('Thomas Lind'));
      assert.match(await card(page, 'Anna Berg').locator('.counts').textContent(), /^2 claims/);
      assert.match(await status(page), /^2 corrections/);

      // Undo the merge.
      await page.click('#undo-correction');
      await card(page, 'Thomas Lind').waitFor();
      assert.equal((await names(page)).length, before.length);
      assert.match(await status(page), /^1 correction/);

      // Reassign the NBC sources' claim to Anna Berg: nothing rests on anonymous sources now.
      const stalled = page.locator('#claims li.claim', { hasText: 'talks had stalled' });
      await stalled.locator('.claim-button').click();
      await page.getByLabel('Said by').selectOption({ label: 'Anna Berg' });
      await page.getByRole('button', { name: 'Reassign' }).click();
      await page.waitForFunction(() => /No claim rests on anonymous/.test(document.querySelector('#anonymous-only').textContent));
      const group = page.locator('#claims .claim-group', { has: page.locator('li.claim', { hasText: 'talks had stalled' }) });
      assert.match(await group.locator('h3').textContent(), /^Anna Berg/);

      // Not a claim.
      const lind = page.locator('#claims li.claim', { hasText: 'Talks could resume' });
      await lind.locator('.claim-button').click();
      await page.getByRole('button', { name: 'Not a claim' }).click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('#claims li.claim').length === n,
        engine.claims.length - 1,
      );
      assert.match(await status(page), /^3 corrections/);

      // The export is the corrected analysis, with the corrections listed (engine ids).
      const corrected = await exported(page);
      assert.equal(corrected.claims.length, engine.claims.length - 1);
      assert.ok(corrected.speakers.some((s) => s.name === 'Thomas Lind'));
      assert.deepEqual(
        corrected.corrections.map((c) => c.op),
        ['rename', 'reassign', 'not_a_claim'],
      );
      const berg = corrected.speakers.find((s) => s.name === 'Anna Berg');
      const stalledClaim = corrected.claims.find((c) => /talks had stalled/.test(c.content_text));
      assert.equal(stalledClaim.speaker, berg.id);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      const rows = readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
      assert.equal(rows.length, corrected.claims.length + 1);
      assert.match(rows.find((r) => /talks had stalled/.test(r)), /,Anna Berg,person,false,/);

      // Reload: the draft comes back, analysed again, with its corrections.
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#article-input');
      await waitAnalysed(page, 'Tom Lind said');
      await card(page, 'Thomas Lind').waitFor();
      assert.match(await status(page), /^3 corrections/);
      assert.equal(await page.locator('#claims li.claim').count(), engine.claims.length - 1);

      // Another text has none of them; the same text again has them all.
      await setText(page, `${ARTICLE}\nA new paragraph.\n`);
      await waitAnalysed(page, 'A new paragraph.');
      assert.match(await status(page), /No corrections/);
      assert.ok((await names(page)).includes('Tom Lind'));
      await setText(page, ARTICLE);
      await page.waitForFunction(() => /^3 corrections/.test(document.querySelector('#corrections [role="status"]')?.textContent));

      // Reset: the engine's analysis again, also after a reload.
      await page.click('#reset-corrections');
      await card(page, 'Tom Lind').waitFor();
      assert.match(await status(page), /No corrections/);
      assert.deepEqual(await exported(page), engine);
      await page.reload({ waitUntil: 'load' });
      await waitAnalysed(page, 'Tom Lind said');
      assert.match(await status(page), /No corrections/);
      assert.deepEqual(await names(page), before);
    });
  });
});
