// End-to-end: a Markdown file dropped, analysed as its text, and exported with every span also
// in bytes of the original file (`*_source`, docs/format.md), across a reload; an edited text
// exports as plain text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { dropFile, edit, openPage, setText, setup, waitAnalysed } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

// Front matter, a heading, emphasis, a link, Windows line ends and a byte-order mark: every
// one shifts the offsets of the text against the file.
const MD =
  '\uFEFF---\r\ntitle: "Talks *stall*"\r\nauthor: [a, b]\r\n---\r\n\r\n# Talks _stall_ in Geneva\r\n\r\n' +
  '“We will **not** negotiate under pressure,” [Foreign Minister Anna Berg](https://example.test/berg) said on Monday.\r\n';
const FILE = Buffer.from(MD, 'utf8');
const inFile = ([s, e]) => FILE.subarray(s, e).toString('utf8');

async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

/** Checks a record's `*_source` twins against the file: the same words, marks aside. */
function checkSources(record) {
  assert.equal(record.source_format, 'markdown');
  const text = Buffer.from(record.text, 'utf8');
  const claim = record.claims.find((c) => c.source_text === 'Foreign Minister Anna Berg');
  assert.ok(claim, `a claim by Anna Berg: ${JSON.stringify(record.claims.map((c) => c.source_text))}`);
  assert.equal(inFile(claim.source_source[0]), 'Foreign Minister Anna Berg', 'inside the link, without its brackets');
  assert.equal(inFile(claim.cue_source[0]), 'said');
  assert.equal(inFile(claim.content_source[0]), 'We will **not** negotiate under pressure');
  for (const c of record.claims) {
    for (const key of ['content', 'cue', 'source']) {
      c[key].forEach((span, i) => {
        const words = text.subarray(span[0], span[1]).toString('utf8');
        const original = inFile(c[`${key}_source`][i]).replace(/\*\*|\[|\]\([^)]*\)|_/g, '');
        assert.equal(original, words, `claim ${c.id} ${key}_source`);
      });
    }
  }
  for (const s of record.speakers) {
    s.mentions.forEach((span, i) => {
      assert.equal(inFile(s.mentions_source[i]), text.subarray(span[0], span[1]).toString('utf8'));
    });
  }
}

describe('Markdown files', () => {
  test('exports give every span in bytes of the original file, also after a reload', async () => {
    const t = await openPage(env);
    try {
      const { page } = t;
      await t.open();
      await dropFile(page, 'article.md', 'text/markdown', [...FILE]);
      await waitAnalysed(page, 'Talks stall in Geneva');
      assert.equal(
        await page.inputValue('#article-input'),
        'Talks stall in Geneva\n\n“We will not negotiate under pressure,” Foreign Minister Anna Berg said on Monday.',
      );
      const record = await exportJson(page);
      checkSources(record);

      // The CSV: the row's content in bytes of the file, in two more columns.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      const rows = readFileSync(await csv.path(), 'utf8').split('\r\n').filter((r) => r);
      assert.ok(rows[0].endsWith(',content_start,content_end,confidence,content_start_source,content_end_source'), rows[0]);
      const row = rows.find((r) => r.includes('Foreign Minister Anna Berg'));
      const [start, end] = row.split(',').slice(-2).map(Number);
      assert.equal(inFile([start, end]), 'We will **not** negotiate under pressure');

      // The draft keeps the file: after a reload, the same offsets.
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#article-input');
      await waitAnalysed(page, 'Talks stall in Geneva');
      const again = await exportJson(page);
      checkSources(again);
      assert.deepEqual(again.claims, record.claims);

      // An edited text is no longer the file's: a plain export.
      await edit(page);
      await setText(page, `${await page.inputValue('#article-input')} More.`);
      await waitAnalysed(page, 'More.');
      const edited = await exportJson(page);
      assert.equal(edited.source_format, undefined);
      assert.ok(!JSON.stringify(edited).includes('_source"'), 'no *_source twins');
      await t.check();
    } finally {
      await t.close();
    }
  });
});
