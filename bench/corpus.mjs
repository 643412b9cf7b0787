#!/usr/bin/env node
// bench/corpus.mjs — builds the benchmark corpus: real news articles, one file per article,
// repeated (whole set, in order) until it holds at least MIN_BYTES of UTF-8 text.
//
// Usage: node bench/corpus.mjs OUT_DIR SOURCE_DIR [MIN_BYTES]
//   SOURCE_DIR: a directory of article .txt files (PolNeAR's dev/text, or tests/fixtures/seeds).
// Writes OUT_DIR/NNNN_<name>.txt and OUT_DIR/manifest.json. OUT_DIR is wiped first; it must be
// outside the tracked tree (bench/out/ is gitignored): PolNeAR text is never copied into the repo.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const [outDir, srcDir, minArg] = process.argv.slice(2);
if (!outDir || !srcDir) {
  console.error('usage: node bench/corpus.mjs OUT_DIR SOURCE_DIR [MIN_BYTES]');
  process.exit(2);
}
const MIN_BYTES = Number(minArg || 1_048_576); // 1 MiB

const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: basename(f, '.txt'), text: readFileSync(join(srcDir, f), 'utf8') }))
  .filter((a) => a.text.trim().length > 0);
if (sources.length === 0) {
  console.error(`corpus: no non-empty .txt files in ${srcDir}`);
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const files = [];
let bytes = 0;
let words = 0;
let repeats = 0;
while (bytes < MIN_BYTES) {
  repeats += 1;
  for (const a of sources) {
    const file = `${String(files.length).padStart(4, '0')}_${a.name}.txt`;
    writeFileSync(join(outDir, file), a.text);
    files.push(file);
    bytes += Buffer.byteLength(a.text, 'utf8');
    words += a.text.split(/\s+/).filter(Boolean).length;
  }
}
const manifest = {
  source: resolve(srcDir),
  distinct_articles: sources.length,
  repeats,
  articles: files.length,
  bytes,
  words,
  files,
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
console.error(
  `[corpus] ${files.length} articles (${sources.length} distinct × ${repeats}), ` +
    `${(bytes / 1e6).toFixed(2)} MB, ${words} words → ${outDir}`,
);
