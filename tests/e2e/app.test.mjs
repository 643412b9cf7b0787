// End-to-end: the app built in dist/, served under /a/b/whosaid/, in headless Chromium.
// Run after `trunk build --release`: `node --test tests/e2e/`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { SEED_004, dropFile, edit, openPage, setText, setup, text, waitAnalysed } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Runs `body(t)` on a fresh guarded page with the app open, then checks the guards. */
async function withApp(body, options) {
  const t = await openPage(env, options);
  try {
    await t.open();
    await body(t);
    await t.check();
  } finally {
    await t.close();
  }
}

describe('whosaid app', () => {
  test('serves from a sub-path with relative URLs only', async () => {
    await withApp(async ({ page }) => {
      assert.match(page.url(), /\/a\/b\/whosaid\/$/);
      const hits = env.server.requests.filter((r) => !r.includes('/a/b/whosaid/'));
      assert.deepEqual(hits, [], 'every request stays under the sub-path');
      // Strict CSP, no inline scripts left.
      const inline = await page.evaluate(
        () => [...document.scripts].filter((s) => !s.src && s.textContent.trim()).length,
      );
      assert.equal(inline, 0);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    });
  });

  test('paste seed 004: speakers, claims and highlights appear', async () => {
    await withApp(async ({ page }) => {
      await setText(page, SEED_004);
      await waitAnalysed(page, 'Vedant Patel');
      await page.waitForSelector('#speakers li.speaker');
      const names = await page.$$eval('#speakers li.speaker .speaker-name', (els) => els.map((e) => e.textContent));
      assert.ok(names.includes('Vedant Patel'), `speakers: ${names.join(', ')}`);
      assert.ok(names.some((n) => /Zelensky/.test(n) && /Vladimir/.test(n)), `speakers: ${names.join(', ')}`);
      assert.ok((await page.locator('#claims li.claim[data-claim-id]').count()) > 0, 'claims listed');
      assert.ok((await page.locator('#article mark.hl-content[data-claim-id]').count()) > 0, 'contents highlighted');
      assert.ok((await page.locator('#article mark.hl-cue').count()) > 0, 'cues highlighted');
      assert.ok((await page.locator('#article mark.hl-source[data-speaker-id]').count()) > 0, 'sources highlighted');
      assert.match(await text(page, '#summary'), /voice/);
    });
  });

  test('the examples load and are analysed', async () => {
    await withApp(async ({ page }) => {
      await page.click('#example-000');
      await waitAnalysed(page, 'NBC News');
      assert.match(await page.inputValue('#article-input'), /^GENERICO/);
      await edit(page);
      await page.click('#example-004');
      await waitAnalysed(page, 'Vedant Patel');
      assert.match(await text(page, '#message'), /Opened/);
      await page.click('#undo');
      await page.waitForFunction(() => document.querySelector('#article-input').value.startsWith('GENERICO'));
    });
  });

  test('drop a .txt, a .md and an .html file; pick one with the file input', async () => {
    await withApp(async ({ page }) => {
      await dropFile(page, 'story.txt', 'text/plain', 'Plain text story. “It works,” Anna Berg said.\n');
      await waitAnalysed(page, 'Plain text story.');
      assert.equal(await page.inputValue('#article-input'), 'Plain text story. “It works,” Anna Berg said.\n');

      // Markdown is read as its text: no front matter, no marks, link texts without targets.
      const md = '---\ntitle: "Front matter title"\ntags: [a, b]\n---\n# Heading\n\nSome *markdown* text. “It is fine,” [the minister](https://example.test/m) said.\n';
      await dropFile(page, 'notes.md', 'text/markdown', md);
      await waitAnalysed(page, 'Some markdown text.');
      assert.equal(await page.inputValue('#article-input'), 'Heading\n\nSome markdown text. “It is fine,” the minister said.');
      assert.ok(!(await text(page, '#article')).includes('Front matter'), 'the front matter is not analysed');

      const html = `<!doctype html><html><head><title>T</title><style>.x{}</style>
        <script>window.__pwned = 1; document.title = 'SCRIPTTEXT';</script></head><body>
        <header><a href="/">SITEHEADER</a></header><nav><ul><li>NAVTEXT Home</li></ul></nav>
        <article><h1>Talks stall</h1><p>“We will not negotiate,” Foreign Minister Anna Berg said on Monday.</p>
        <script>document.write('INLINESCRIPT')</script><aside>ASIDETEXT</aside>
        <p>She added that <b>talks</b> could resume.</p></article>
        <footer>FOOTERTEXT</footer><img src="x" onerror="window.__pwned = 1"></body></html>`;
      await dropFile(page, 'page.html', 'text/html', html);
      await waitAnalysed(page, 'Talks stall');
      const value = await page.inputValue('#article-input');
      assert.equal(value, 'Talks stall\n\n“We will not negotiate,” Foreign Minister Anna Berg said on Monday.\n\nShe added that talks could resume.');
      for (const junk of ['SCRIPTTEXT', 'NAVTEXT', 'SITEHEADER', 'INLINESCRIPT', 'ASIDETEXT', 'FOOTERTEXT', '__pwned']) {
        assert.ok(!value.includes(junk), `${junk} must not be in the text`);
      }
      assert.equal(await page.evaluate(() => window.__pwned), undefined);

      await page.setInputFiles('#file-input', {
        name: 'picked.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Picked with the file input.\n'),
      });
      await waitAnalysed(page, 'Picked with the file input.');
    });
  });

  test('select a speaker: its mentions are highlighted', async () => {
    await withApp(async ({ page }) => {
      await setText(page, SEED_004);
      await waitAnalysed(page, 'Vedant Patel');
      const speaker = page.locator('#speakers li.speaker', { has: page.locator('.speaker-name', { hasText: 'Vedant Patel' }) });
      const id = await speaker.getAttribute('data-speaker-id');
      await speaker.locator('button').click();
      await page.waitForSelector(`#speakers li.speaker.is-selected[data-speaker-id="${id}"]`);
      const marks = page.locator(`#article mark[data-speaker-id="${id}"]`);
      const total = await marks.count();
      assert.ok(total > 0, 'the speaker has mentions in the article');
      assert.equal(await page.locator(`#article mark[data-speaker-id="${id}"].is-selected`).count(), total);
      assert.equal(await page.locator(`#article mark.is-selected[data-speaker-id]:not([data-speaker-id="${id}"])`).count(), 0);

      // Clicking a claim selects it, its cue and source, and its speaker.
      const claim = page.locator('#claims li.claim').first();
      const claimId = await claim.getAttribute('data-claim-id');
      await claim.locator('.claim-button').click();
      await page.waitForSelector(`#claims li.claim.is-selected[data-claim-id="${claimId}"]`);
      assert.ok((await page.locator(`#article mark.hl-content.is-selected[data-claim-id="${claimId}"]`).count()) > 0);
      assert.ok((await page.locator(`#article mark.hl-cue.is-selected[data-claim-id="${claimId}"]`).count()) > 0);
      assert.ok((await page.locator('#speakers li.speaker.is-selected').count()) <= 1);

      // Escape unselects.
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('#article .is-selected'));
    });
  });

  test('export JSON (CLI format) and CSV as downloads', async () => {
    await withApp(async ({ page }) => {
      await page.click('#example-004');
      await waitAnalysed(page, 'Vedant Patel');
      const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      assert.match(json.suggestedFilename(), /\.json$/);
      const record = JSON.parse(readFileSync(await json.path(), 'utf8'));
      for (const key of ['file', 'speakers', 'claims', 'boilerplate', 'diagnostics', 'stats']) {
        assert.ok(key in record, `record has ${key}`);
      }
      assert.equal(record.file, 'Example: State Department rebuts media reports');
      assert.equal(record.stats.bytes, Buffer.byteLength(SEED_004));
      assert.ok(record.speakers.length > 0 && record.claims.length > 0);
      for (const s of record.speakers) {
        for (const key of ['id', 'name', 'kind', 'anonymous', 'titles', 'mentions']) assert.ok(key in s, `speaker has ${key}`);
      }
      const bytes = Buffer.from(SEED_004);
      for (const c of record.claims) {
        for (const key of ['id', 'kind', 'content', 'cue', 'source', 'speaker', 'stance', 'confidence', 'content_text', 'cue_text', 'source_text']) {
          assert.ok(key in c, `claim has ${key}`);
        }
        // Spans are UTF-8 byte ranges into the text.
        const first = c.content[0];
        assert.ok(c.content_text.startsWith(bytes.subarray(first[0], first[1]).toString('utf8').trim()));
      }

      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      assert.match(csv.suggestedFilename(), /\.csv$/);
      const rows = readFileSync(await csv.path(), 'utf8').split('\r\n');
      // A UTF-8 byte-order mark, then the document and its title before the engine's columns.
      assert.equal(rows[0], '\uFEFFdocument,title,claim_id,kind,speaker_id,speaker,speaker_kind,anonymous,anonymity,anonymity_evidence,source,cue,stance,via,content,content_start,content_end,confidence');
      assert.ok(rows[1].startsWith('Example: State Department rebuts media reports,date 2023-11-08 A State Department representative'), rows[1]);
      assert.ok(rows.length >= record.claims.length + 1);
      // The JSON is complete on its own: the text, the schema version and the offset unit.
      assert.equal(record.schema_version, 1);
      assert.equal(record.offset_unit, 'utf8_byte');
      assert.equal(record.text, SEED_004);
      // Beside every byte span, its twins in UTF-16 units (text.slice works) and code points.
      const codePoints = [...record.text];
      for (const c of record.claims) {
        for (const key of ['content', 'cue', 'source']) {
          c[key].forEach(([s, e], i) => {
            const fromBytes = bytes.subarray(s, e).toString('utf8');
            const [us, ue] = c[`${key}_utf16`][i];
            const [cs, ce] = c[`${key}_chars`][i];
            assert.equal(record.text.slice(us, ue), fromBytes, `claim ${c.id} ${key}_utf16`);
            assert.equal(codePoints.slice(cs, ce).join(''), fromBytes, `claim ${c.id} ${key}_chars`);
          });
        }
      }
      assert.ok(record.claims.some((c) => c.content[0][0] !== c.content_utf16[0][0]), 'the seed has non-ASCII text before a claim');
    });
  });

  test('copy a claim as text (clipboard, or a clear message when refused)', async () => {
    await withApp(
      async ({ page }) => {
        await page.click('#example-004');
        await waitAnalysed(page, 'Vedant Patel');
        // Copy is among the selected card's actions.
        assert.equal(await page.locator('#claims .copy-button').count(), 0);
        await page.locator('#claims li.claim .claim-button').first().click();
        await page.locator('#claims li.claim.is-selected .copy-button').click();
        await page.waitForFunction(() => /Copied claim|could not be copied/.test(document.querySelector('#message').textContent));
        if (/Copied claim/.test(await text(page, '#message'))) {
          const copied = await page.evaluate(() => navigator.clipboard.readText());
          assert.match(copied, /^.+ \((neutral|distancing|endorsing|conceding|rejecting) .*\): “.+”$/s);
        }
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
  });

  test('reload: the draft is restored (and analysed again)', async () => {
    await withApp(async ({ page }) => {
      const draft = 'My draft. “Nothing is settled,” the spokesperson said.\n';
      await setText(page, draft);
      await waitAnalysed(page, 'My draft.');
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#article-input');
      await page.waitForFunction((d) => document.querySelector('#article-input').value === d, draft);
      await waitAnalysed(page, 'My draft.');
      // Clear empties the editor and forgets the draft.
      await edit(page);
      await page.click('#clear');
      await page.waitForFunction(() => document.querySelector('#article-input').value === '');
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#article-input');
      assert.equal(await page.inputValue('#article-input'), '');
    });
  });

  test('markup in the article is shown as text and never runs', async () => {
    await withApp(async ({ page }) => {
      const hostile =
        'Officials said <img src=x onerror=window.__pwned=1> was seen.\n\n' +
        '“Nothing <script>window.__pwned=1</script> happened,” the minister said. <b onmouseover=window.__pwned=1>bold</b>\n';
      await setText(page, hostile);
      await waitAnalysed(page, 'Officials said <img src=x onerror=window.__pwned=1> was seen.');
      assert.equal(await page.locator('#article img, #article script, #article b, #claims img, #claims script').count(), 0);
      assert.ok((await text(page, '#article')).includes('<script>window.__pwned=1</script>'));
      await page.hover('#article');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });

  test('refusals: not UTF-8, binary, empty, too large — with clear messages, draft kept', async () => {
    await withApp(async ({ page }) => {
      const draft = 'The draft that must survive.\n';
      await setText(page, draft);
      await waitAnalysed(page, 'The draft that must survive.');
      const message = () => text(page, '#message');
      const expectMessage = async (re) => {
        await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#message').textContent), re.source);
        assert.equal(await page.inputValue('#article-input'), draft, 'the draft is unchanged');
      };

      await dropFile(page, 'latin1.txt', 'text/plain', [0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);
      await expectMessage(/not valid UTF-8/);
      assert.match(await message(), /offset 3/);
      // The lossy load is offered, never done silently; taking it is explicit.
      await page.click('#load-lossy');
      await page.waitForFunction(() => document.querySelector('#article-input').value === 'caf\uFFFD ok');
      await page.click('#undo');
      await page.waitForFunction((d) => document.querySelector('#article-input').value === d, draft);

      await dropFile(page, 'image.png', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      await expectMessage(/binary/);

      await dropFile(page, 'utf16.txt', 'text/plain', [0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]);
      await expectMessage(/UTF-16/);

      await dropFile(page, 'empty.txt', 'text/plain', '');
      await expectMessage(/no text/);

      await dropFile(page, 'nav-only.html', 'text/html', '<nav>Home</nav><script>x()</script>');
      await expectMessage(/no article text/);

      // A 20 MB file is refused unread.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(20 * 1024 * 1024).fill(97)], 'huge.txt', { type: 'text/plain' }));
        document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await expectMessage(/20 MB, above the 10 MB limit/);

      // Empty text + Analyze.
      await setText(page, '   ');
      await page.click('#analyze');
      await page.waitForFunction(() => /Nothing to analyse: the text is empty/.test(document.querySelector('#message').textContent));
      assert.match(await text(page, '#status'), /^Not analysed/);

      // A 20 MB paste stays in the editor but is not analysed; the page keeps working.
      await page.evaluate(() => {
        const area = document.querySelector('#article-input');
        area.value = 'x'.repeat(20 * 1024 * 1024);
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      });
      await page.click('#analyze');
      await page.waitForFunction(() => /above the 10 MB limit/.test(document.querySelector('#message').textContent));
      assert.equal(await page.evaluate(() => document.querySelector('#article-input').value.length), 20 * 1024 * 1024);
      assert.match(await text(page, '#status'), /^Not analysed/);
    });
  });
});
