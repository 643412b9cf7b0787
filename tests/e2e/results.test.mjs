// End-to-end: results first (issue 12), on a desktop (1440×900) and a phone (390×844). After a
// paste the input folds away and the summary strip and the first highlighted paragraph are on
// the first screen; every number of the strip filters the highlights, the speaker list and the
// claim list together; a claim picked in the list has its highlight on screen; words typed
// 100 ms before a reload are kept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { SEED_000, SEED_004, openPage, setText, setup, text, waitAnalysed } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const SCREENS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, phone: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, phone: true },
];

async function withApp(viewport, body) {
  const t = await openPage(env, { viewport });
  try {
    await t.open();
    await body(t);
    await t.check();
  } finally {
    await t.close();
  }
}

async function pasteSeed(page) {
  await setText(page, SEED_004);
  await waitAnalysed(page, 'Vedant Patel');
  await page.waitForSelector('#strip');
}

/** The rectangle of the first element matching `selector`, and the viewport height. */
const rectOf = (page, selector) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  }, selector);

/** What the lists and the highlights show. */
async function shown(page) {
  return page.evaluate(() => ({
    claims: [...document.querySelectorAll('#claims li.claim')].map((li) => li.dataset.claimId),
    speakers: [...document.querySelectorAll('#speakers li.speaker')].map((li) => li.dataset.speakerId),
    marked: [...new Set([...document.querySelectorAll('#article mark[data-claim-id]')].map((m) => m.dataset.claimId))],
  }));
}

/** The number on a strip button whose text starts with `label`. */
async function stripButton(page, label) {
  const button = page.locator('#strip button', { hasText: new RegExp(`^${label} \\d+$`) });
  const n = Number((await button.textContent()).match(/(\d+)$/)[1]);
  return { button, n };
}

for (const screen of SCREENS) {
  describe(`results first (${screen.name} ${screen.viewport.width}×${screen.viewport.height})`, () => {
    test('after a paste: the input folds, the strip and the first highlighted paragraph are on the first screen', async () => {
      await withApp(screen.viewport, async ({ page }) => {
        await pasteSeed(page);
        assert.ok(await page.isVisible('#edit-input'), 'the input is folded into "Article · Edit"');
        assert.ok(!(await page.isVisible('#article-input')), 'the text area is out of the way');
        const strip = await rectOf(page, '#strip');
        assert.ok(strip.bottom <= strip.height, `the strip ends at ${strip.bottom}px, below the ${strip.height}px screen`);
        const first = await rectOf(page, '#article p.block:has(mark.hl-content)');
        assert.ok(first.top < first.height - 40, `the first highlighted paragraph starts at ${first.top}px (screen ${first.height}px)`);
        assert.match(await text(page, '#strip'), /\d+ voices.*named \d+.*anonymous \d+.*vague \d+.*\d+ claims.*direct \d+.*reported \d+/s);
        if (screen.phone) {
          assert.ok(await page.isVisible('#view-article'), 'the phone has view tabs');
          assert.ok(!(await page.isVisible('#claims')), 'one view at a time');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
        } else {
          assert.ok(!(await page.isVisible('#view-article')), 'no view tabs on a desktop');
          assert.ok(await page.isVisible('#claims'), 'the lists beside the article');
        }
        // Edit unfolds the text area with the text.
        await page.click('#edit-input');
        await page.waitForSelector('#article-input', { state: 'visible' });
        assert.equal(await page.inputValue('#article-input'), SEED_004);
      });
    });

    test('every number filters the highlights, the speakers and the claims together', async () => {
      await withApp(screen.viewport, async ({ page }) => {
        await pasteSeed(page);
        const all = await shown(page);
        const total = Number((await text(page, '#strip .strip-group:nth-child(2) .strip-total')).match(/\d+/)[0]);
        assert.equal(all.claims.length, total, 'every claim listed');

        // "How many are anonymous?": the anonymous voices and their claims.
        const anonymous = await stripButton(page, 'anonymous');
        assert.ok(anonymous.n > 0, 'seed 004 has anonymous sources');
        await anonymous.button.click();
        await page.waitForSelector('#filter-chip');
        assert.match(await text(page, '#filter-chip'), /^Filtered by anonymous speakers: \d+ claims?×$/);
        assert.equal(await anonymous.button.getAttribute('aria-pressed'), 'true');
        let now = await shown(page);
        assert.equal(now.speakers.length, anonymous.n, 'as many speakers as the number says');
        for (const id of now.speakers) {
          assert.equal(await text(page, `#speakers li.speaker[data-speaker-id="${id}"] .anonymity .badge`), 'anonymous');
        }
        const anonymousClaims = Number((await text(page, '#sourced-claims button.share:nth-of-type(2) .share-value')).match(/^\d+/)[0]);
        assert.equal(now.claims.length, anonymousClaims, 'the claims of anonymous speakers');
        assert.ok(now.claims.length < all.claims.length);
        assert.deepEqual([...now.marked].sort(), [...now.claims].sort(), 'only their claims are highlighted');
        await page.click('#clear-filter');
        await page.waitForSelector('#filter-chip', { state: 'detached' });
        assert.equal((await shown(page)).claims.length, all.claims.length, '× shows everything again');

        // "Which claims are framed as doubtful?" (a second filter replaces the first)
        const doubt = await stripButton(page, 'doubt-framed');
        await doubt.button.click();
        await page.waitForFunction(() => /doubt-framed/.test(document.querySelector('#filter-chip')?.textContent));
        now = await shown(page);
        assert.equal(now.claims.length, doubt.n);
        for (const id of now.claims) {
          const badges = await text(page, `#claims li.claim[data-claim-id="${id}"] .claim-meta`);
          assert.match(badges, /distancing|hedge/, `claim ${id}: ${badges}`);
        }
        // A second click on the same number clears it.
        await doubt.button.click();
        await page.waitForSelector('#filter-chip', { state: 'detached' });

        // The doubt-framing cues view (in the summary): "claimed ×3" keeps the claims with that cue.
        if (screen.phone) await page.click('#view-summary');
        const cue = page.locator('#doubt-cues button').first();
        const [, word, n] = (await cue.textContent()).match(/^(.+) ×(\d+)$/);
        await cue.click();
        await page.waitForSelector('#filter-chip');
        now = await shown(page);
        assert.equal(now.claims.length, Number(n));
        for (const id of now.claims) {
          const cueText = await text(page, `#claims li.claim[data-claim-id="${id}"] .claim-cue`);
          assert.equal(cueText.toLowerCase(), `“${word}”`);
        }

        // Every breakdown of the summary adds up to its total.
        for (const card of await page.locator('#summary .summary-card:has(button.share)').all()) {
          const heading = await card.locator('h3').textContent();
          const whole = Number(heading.match(/\((\d+)\)$/)[1]);
          const parts = await card.locator('button.share .share-value').allTextContents();
          const sum = parts.reduce((s, v) => s + Number(v.match(/^\d+/)[0]), 0);
          assert.equal(sum, whole, `${heading}: ${parts.join(' + ')}`);
        }
        const stances = await page.locator('#summary .stance-counts button').allTextContents();
        assert.equal(stances.reduce((s, v) => s + Number(v.match(/(\d+)$/)[1]), 0), total, 'the stances add up to the claims');

        // "Which claims rest on a single anonymous source?" Seed 000 (NBC's report: its
        // interlocutors, an administration official); seed 004 names every source it quotes.
        await setText(page, SEED_000);
        await waitAnalysed(page, 'John Kirby');
        const only = await stripButton(page, 'on anonymous sources only');
        assert.ok(only.n > 0, 'seed 000 has claims on anonymous sources only');
        await only.button.click();
        await page.waitForSelector('#filter-chip');
        now = await shown(page);
        assert.equal(now.claims.length, only.n);
        assert.deepEqual([...now.marked].sort(), [...now.claims].sort());
        await page.click('#clear-filter');
        await page.waitForSelector('#filter-chip', { state: 'detached' });
        // The summary lists the first claims on anonymous sources only, and filters to all of them.
        if (screen.phone) await page.click('#view-summary');
        await page.click('#anonymous-only summary');
        await page.click('#anonymous-only button.show-only');
        await page.waitForFunction(() => /anonymous sources only/.test(document.querySelector('#filter-chip')?.textContent));
        assert.equal((await shown(page)).claims.length, only.n);
      });
    });

    test('a claim picked in the list has its highlight on screen', async () => {
      await withApp(screen.viewport, async ({ page }) => {
        await pasteSeed(page);
        if (screen.phone) await page.click('#view-claims');
        // The claim furthest down the article.
        const ids = (await shown(page)).claims.map(Number);
        const last = Math.max(...ids);
        await page.click(`#claims li.claim[data-claim-id="${last}"] .claim-button`);
        await page.waitForSelector(`#article mark.is-selected[data-claim-id="${last}"]`);
        if (screen.phone) assert.ok(await page.isVisible('#article'), 'the phone shows the article at the claim');
        // After layout settles (the app re-checks the position), the passage is on screen.
        await page.waitForTimeout(400);
        const r = await rectOf(page, `#article mark.is-selected[data-claim-id="${last}"]`);
        assert.ok(r.top >= 0 && r.bottom <= r.height, `the highlight is at ${r.top}–${r.bottom}px of a ${r.height}px screen`);
        if (screen.phone) {
          // Back to the list, at the card.
          await page.click('#back-to-list');
          await page.waitForSelector(`#claims li.claim.is-selected[data-claim-id="${last}"]`, { state: 'visible' });
          const card = await rectOf(page, `#claims li.claim[data-claim-id="${last}"]`);
          assert.ok(card.top < card.height && card.bottom > 0, `the card is on screen (${card.top}–${card.bottom}px)`);
        } else {
          assert.ok(!(await page.isVisible('#back-to-list')), 'nothing to go back to on a desktop');
        }
      });
    });

    test('an article under 1 MB is shown whole', async () => {
      await withApp(screen.viewport, async ({ page }) => {
        let long = '';
        for (let i = 0; Buffer.byteLength(long) < 60_000; i++) long += `Part ${i}.\n\n${SEED_004}\n\n`;
        long += 'The very last line.\n';
        await setText(page, long);
        await waitAnalysed(page, 'The very last line.');
        assert.equal(await page.locator('.article-panel .show-more').count(), 0, 'no "Show more of the article"');
      });
    });

    test('words typed 100 ms before a reload are kept', async () => {
      await withApp(screen.viewport, async ({ page }) => {
        await page.click('#article-input');
        await page.keyboard.type('Typed just before leaving.');
        await page.waitForTimeout(100); // well within the 400 ms pause that starts an analysis
        await page.reload({ waitUntil: 'load' });
        await page.waitForSelector('#article-input', { state: 'attached' });
        await page.waitForFunction(() => document.querySelector('#article-input').value === 'Typed just before leaving.');
      });
    });
  });
}

describe('speaker chips (desktop)', () => {
  test('each claim highlight starts with a chip naming its speaker, in their colour', async () => {
    await withApp({ width: 1440, height: 900 }, async ({ page }) => {
      await pasteSeed(page);
      // Every chip names the speaker its claim card is listed under: a person by surname,
      // anyone else by the whole name.
      const chips = await page.$$eval('#article mark.hl-content[data-who]', (marks) =>
        marks.map((m) => {
          const card = document.querySelector(`#claims li.claim[data-claim-id="${m.dataset.claimId}"]`);
          const heading = card?.closest('.claim-group')?.querySelector('h3')?.firstChild?.textContent ?? '';
          return { id: m.dataset.claimId, who: m.dataset.who, heading };
        }),
      );
      assert.ok(chips.length >= 10, `chips on the claims of seed 004 (${chips.length})`);
      for (const c of chips) {
        assert.ok(c.who && (c.heading === c.who || c.heading.endsWith(` ${c.who}`)), `claim ${c.id}: chip “${c.who}” under “${c.heading}”`);
      }
      // A seed claim by Vedant Patel (a highlight that is a Tab stop): the chip says "Patel",
      // before the text, in the colour of his card.
      const mark = page.locator('#article mark[tabindex="0"][data-who="Patel"]').first();
      const id = await mark.getAttribute('data-claim-id');
      assert.equal(chips.find((c) => c.id === id)?.heading, 'Vedant Patel');
      const drawn = await mark.evaluate((m) => {
        const chip = getComputedStyle(m, '::before');
        const card = [...document.querySelectorAll('#speakers li.speaker')].find((li) => li.querySelector('.speaker-name').textContent === 'Vedant Patel');
        return {
          content: chip.content,
          border: chip.borderTopColor,
          width: parseFloat(chip.width),
          card: getComputedStyle(card.querySelector('.speaker-button')).borderLeftColor,
          text: m.textContent,
        };
      });
      assert.equal(drawn.content, '"Patel"');
      assert.ok(drawn.width > 10, `the chip is drawn (${drawn.width}px)`);
      assert.equal(drawn.border, drawn.card, "the chip is boxed in the speaker's colour");
      assert.ok(!drawn.text.startsWith('Patel'), 'the chip is not part of the text (copying a quote does not copy it)');
      // Screen readers hear what is on screen: the highlight's name starts with the speaker.
      assert.match(await mark.ariaSnapshot(), /^- button "Patel /);
      // The chip follows a rename.
      await page.locator('#speakers li.speaker', { has: page.locator('.speaker-name', { hasText: /^Vedant Patel$/ }) }).locator('.speaker-button').click();
      await page.getByLabel('New name').fill('Ned Price');
      await page.getByLabel('New name').press('Enter');
      await page.waitForFunction((i) => document.querySelector(`#article mark.hl-content[data-claim-id="${i}"][data-who]`)?.dataset.who === 'Price', id);
    });
  });
});
