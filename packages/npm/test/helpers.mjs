// Shared by the package's tests. They run in a scratch project that installed the packed
// tarball (scripts/packages.sh npm), so "whosaid" resolves as it would for a user;
// WHOSAID_REPO points back at the repository (seed articles, the CLI, the test server).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = process.env.WHOSAID_REPO;
if (!REPO) throw new Error('WHOSAID_REPO is not set (run through scripts/packages.sh npm)');
export const SEED_PATH = join(REPO, 'tests/fixtures/seeds/004_c516d1f4fd7c086b.txt');
export const SEED = readFileSync(SEED_PATH, 'utf8');

/** `whosaid analyze FILE` (the CLI: $WHOSAID_CLI or target/debug/whosaid), parsed, without "file". */
export function cliRecord(path) {
  const cli = process.env.WHOSAID_CLI || join(REPO, 'target/debug/whosaid');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: cargo build --bin whosaid`);
  const rec = JSON.parse(execFileSync(cli, ['analyze', path], { encoding: 'utf8' }));
  delete rec.file;
  return rec;
}

/** `whosaid compare A B` (the CLI), parsed, without the documents' "file". */
export function cliCompare(a, b) {
  const cli = process.env.WHOSAID_CLI || join(REPO, 'target/debug/whosaid');
  const out = JSON.parse(execFileSync(cli, ['compare', a, b], { encoding: 'utf8' }));
  for (const d of out.documents) delete d.file;
  return out;
}

export const SEED_A_PATH = join(REPO, 'tests/fixtures/seeds/000_aa45f71569c94b10.txt');

/** The record without its `*_utf16` fields (= the CLI's record). */
export function stripUtf16(v) {
  if (Array.isArray(v)) return v.map(stripUtf16);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => !k.endsWith('_utf16')).map(([k, x]) => [k, stripUtf16(x)]));
  }
  return v;
}

/** [byte spans, UTF-16 spans] of every span field of a record. */
export function* spanPairs(rec) {
  yield [rec.boilerplate, rec.boilerplate_utf16];
  for (const c of rec.claims) {
    for (const f of ['content', 'cue', 'source']) yield [c[f], c[f + '_utf16']];
    if (c.via) for (const f of ['source', 'cue']) yield [c.via[f], c.via[f + '_utf16']];
  }
  for (const s of rec.speakers) yield [s.mentions, s.mentions_utf16];
  for (const d of rec.diagnostics) if (d.span) yield [[d.span], [d.span_utf16]];
}
