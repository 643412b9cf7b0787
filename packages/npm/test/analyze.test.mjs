// The npm package in Node: `import { analyze } from "whosaid"` analyses a seed article; the
// record equals the CLI's; every *_utf16 span slices the same text as its byte span.
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import { analyze, compare, version, MAX_TEXT_LENGTH } from 'whosaid';
import { REPO, SEED, SEED_A_PATH, SEED_PATH, cliCompare, cliRecord, spanPairs, stripUtf16 } from './helpers.mjs';

const require = createRequire(import.meta.url);

function checkOffsets(text, rec) {
  const bytes = Buffer.from(text, 'utf8');
  let n = 0;
  for (const [spans, units] of spanPairs(rec)) {
    assert.equal(spans.length, units.length);
    spans.forEach(([bs, be], i) => {
      const [us, ue] = units[i];
      assert.equal(bytes.subarray(bs, be).toString('utf8'), text.slice(us, ue));
      n++;
    });
  }
  return n;
}

test('a seed article through the package equals `whosaid analyze`', () => {
  const rec = analyze(SEED);
  assert.ok(rec.claims.length >= 10, `${rec.claims.length} claims`);
  assert.deepEqual(stripUtf16(rec), cliRecord(SEED_PATH));
  assert.deepEqual(Object.keys(rec), ['speakers', 'claims', 'boilerplate', 'boilerplate_utf16', 'diagnostics', 'stats']);
  assert.ok(checkOffsets(SEED, rec) > 20);
  const patel = rec.speakers.find((s) => s.name === 'Vedant Patel');
  assert.ok(patel, 'Vedant Patel is a speaker');
});

test('UTF-16 offsets round-trip on non-ASCII text (accents, CJK, astral emoji)', () => {
  const text =
    'Zürich — « Nous ne céderons pas », a déclaré Zoë Müller 🙂 lundi.\n\n' +
    '“We will not negotiate,” Foreign Minister Anna Berg said, according to 新华社 😀👩‍👩‍👧. ' +
    'A senior official, who spoke on condition of anonymity, denied the report.';
  const rec = analyze(text);
  assert.ok(checkOffsets(text, rec) >= 6);
  const claim = rec.claims.find((c) => c.cue_text === 'said');
  const [s, e] = claim.content_utf16[0];
  assert.equal(text.slice(s, e), 'We will not negotiate');
  // a lone surrogate is read as U+FFFD (one UTF-16 unit too): offsets stay aligned
  const odd = 'Anna Berg said that \uD800 was fine. ' + text;
  const rec2 = analyze(odd);
  for (const [, units] of spanPairs(rec2)) for (const [s2, e2] of units) assert.ok(s2 <= e2 && e2 <= odd.length);
  assert.equal(rec2.claims.length, rec.claims.length + 1);
});

test('bad input raises TypeError / RangeError with a clear message', () => {
  assert.throws(() => analyze(Buffer.from('He said so.')), { name: 'TypeError', message: /text must be a string, not Buffer \(decode bytes first/ });
  assert.throws(() => analyze(new Uint8Array(3)), { name: 'TypeError', message: /not Uint8Array/ });
  assert.throws(() => analyze(null), { name: 'TypeError', message: /not null/ });
  assert.throws(() => analyze(), { name: 'TypeError', message: /not undefined/ });
  assert.throws(() => analyze(42), { name: 'TypeError', message: /not number/ });
  assert.throws(() => analyze({ text: 'x' }), { name: 'TypeError', message: /not Object/ });
  assert.throws(() => analyze('a'.repeat(MAX_TEXT_LENGTH + 1)), { name: 'RangeError', message: /at most 33554432/ });
  // and the module still works afterwards
  assert.equal(analyze('Anna Berg said it rained.').claims.length, 1);
});

test('empty and large inputs', () => {
  assert.deepEqual(analyze('').claims, []);
  const big = 'the official said that the minister told reporters '.repeat(20000); // 1 MB, no punctuation
  const rec = analyze(big);
  assert.equal(rec.stats.bytes, big.length);
});

test('version, package.json and types', () => {
  const pkg = require('whosaid/package.json');
  const cargo = readFileSync(join(REPO, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(version, cargo);
  assert.equal(pkg.version, cargo);
  const dir = join(process.cwd(), 'node_modules/whosaid');
  for (const f of ['whosaid.d.ts', 'whosaid_wasm_bg.wasm', 'node.js', 'browser.js', 'api.js', 'whosaid_wasm.js']) {
    assert.ok(existsSync(join(dir, f)), f);
  }
  assert.match(readFileSync(join(dir, 'whosaid.d.ts'), 'utf8'), /export function analyze\(text: string\): Analysis;/);
});

test('compare(a, b) of the two seeds equals `whosaid compare`, with UTF-16 spans', () => {
  const a = readFileSync(SEED_A_PATH, 'utf8');
  const c = compare(a, SEED);
  assert.deepEqual(stripUtf16(c), cliCompare(SEED_A_PATH, SEED_PATH));
  assert.ok(c.pairs.some((p) => p.relation === 'same'), 'the two reports share claims');
  assert.ok(checkOffsets(SEED, c.documents[1]) > 20);
  assert.throws(() => compare(a, 42), TypeError);
});
