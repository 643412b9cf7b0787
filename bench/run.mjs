#!/usr/bin/env node
// bench/run.mjs — the benchmark harness behind `bash scripts/bench.sh` (which builds everything
// this needs first; run that, not this).
//
// In ONE headless Chromium (Debian's /usr/bin/chromium through playwright-core), on the SAME
// corpus (bench/out/corpus: real news articles, ≥ 1 MB, fed one article at a time to every
// library), it times:
//   * whosaid's engine in wasm: `window.wasmBindings.benchAnalyze(text)` inside the real app
//     (dist/, the build the app ships; the app module exports it, see src/wasm_api.rs), and the
//     same with `analyzeJson(text)` (the full result crossing into JS as JSON);
//   * compromise: nlp(text), .quotations(), .people(), .organizations() (each .out('array'));
//   * wink-nlp + wink-eng-lite-web-model: nlp.readDoc(text), doc.entities(), doc.sentences()
//     (each .out()); the nlp instance is created once, outside the timing;
// then, with the app's strict CSP in force, the full app path (paste → "Done" + claims rendered)
// for one typical article and the time from navigation to the first analysis shown, and the
// gzipped transfer size of what the page fetched; and natively, `whosaid analyze` (one thread)
// on the same article files, with peak RSS from /usr/bin/time -v.
//
// The bench libraries are bundled with esbuild into bench/out/www and served from the same
// origin as the app (the page may not fetch from anywhere else: every request is checked). They
// are injected into the app page through a context with bypassCSP (the app's CSP forbids any
// script that is not its own); the app-path measurements use a normal context (CSP enforced).
//
// Usage: node bench/run.mjs --dist DIST --corpus DIR --native BIN --article FILE --out DIR [--runs N]
// Output: Markdown table on stdout; OUT/results.json and OUT/results.md. Exit status ≠ 0 on failure.
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url); // honours NODE_PATH (playwright-core in .tools/)
const { chromium } = require('playwright-core');

// ------------------------------------------------------------------ arguments
const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i];
  if (!k.startsWith('--') || process.argv[i + 1] === undefined) {
    console.error(`usage: node bench/run.mjs [--dist D] [--corpus D] [--native BIN] [--article F] [--out D] [--runs N]`);
    process.exit(2);
  }
  args[k.slice(2)] = process.argv[i + 1];
}
const DIST_SRC = resolve(args.dist || join(HERE, '../dist'));
const CORPUS = resolve(args.corpus || join(HERE, 'out/corpus'));
const NATIVE = resolve(args.native || join(HERE, '../target/native/whosaid'));
const ARTICLE = resolve(args.article || join(HERE, '../tests/fixtures/seeds/004_c516d1f4fd7c086b.txt'));
const OUT = resolve(args.out || join(HERE, 'out'));
const RUNS = Number(args.runs || 7);
const PASTE_ONLY = args['paste-only'] === '1'; // --paste-only 1: only the paste → rendered breakdown (with and without the Analyze click), nothing written
const QUICK = args.quick === '1'; // --quick 1: whosaid + wink-nlp only, no app/native, nothing written (for A/B builds) // timed runs per library (after one warm-up run)
const MIN_RUNS = 3; // a library whose warm-up takes > SLOW_MS gets this many runs instead
const SLOW_MS = 20_000;
const RUN_TIMEOUT_MS = 300_000; // any single run (whole corpus, one library)
const APP_TIMEOUT_MS = 30_000; // one app-path measurement
const APP_RUNS = 5;
const WATCHDOG_MS = 40 * 60_000; // the whole harness

const log = (...a) => console.error('[bench]', ...a);
function fail(msg) {
  throw new Error(msg);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const withTimeout = (promise, ms, what) =>
  Promise.race([
    promise,
    new Promise((_, rej) => setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms).unref()),
  ]);

// ------------------------------------------------------------------ corpus
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'));
const articles = manifest.files.map((f) => readFileSync(join(CORPUS, f), 'utf8'));
const BYTES = articles.reduce((n, a) => n + Buffer.byteLength(a, 'utf8'), 0);
const WORDS = articles.reduce((n, a) => n + a.split(/\s+/).filter(Boolean).length, 0);
if (BYTES < 1_000_000) fail(`corpus is only ${BYTES} bytes (< 1 MB)`);
const typical = readFileSync(ARTICLE, 'utf8');

// ------------------------------------------------------------------ a snapshot of dist/
// Served from a copy: a build running meanwhile (dist/ is rebuilt in place) cannot mix two builds
// into one measurement.
const DIST = join(OUT, 'dist-snapshot');
rmSync(DIST, { recursive: true, force: true });
cpSync(DIST_SRC, DIST, { recursive: true, filter: (src) => !src.split(sep).includes('.stage') });
if (!existsSync(join(DIST, 'index.html'))) fail(`${DIST_SRC}/index.html missing: build the app first`);
{
  // Every local asset index.html names must be there (a build that raced an edit can leave a
  // stale hash behind).
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const missing = [...html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]).filter((f) => !existsSync(join(DIST, f)));
  if (missing.length) fail(`dist/ is inconsistent (index.html names missing ${missing.join(', ')}): rebuild (bash scripts/bench.sh --rebuild)`);
}

// ------------------------------------------------------------------ browser bundles (esbuild)
const WWW = join(OUT, 'www');
mkdirSync(WWW, { recursive: true });
const esbuild = require(join(HERE, 'node_modules/esbuild'));
const pkgVersion = (name) => JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
async function bundle(name, contents) {
  const r = await esbuild.build({
    stdin: { contents, resolveDir: HERE, sourcefile: `${name}-entry.js` },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const code = r.outputFiles[0].contents;
  writeFileSync(join(WWW, `${name}.js`), code);
  return code.length;
}
const bundleBytes = {
  compromise: await bundle('compromise', "import nlp from 'compromise'; globalThis.nlp = nlp;"),
  wink: await bundle(
    'wink',
    "import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model';" +
      'globalThis.winkNLP = winkNLP; globalThis.winkModel = model;',
  ),
};
writeFileSync(join(WWW, 'corpus.json'), JSON.stringify(articles));

// ------------------------------------------------------------------ static server (127.0.0.1 only)
const APP_PREFIX = '/a/b/whosaid/';
const BENCH_PREFIX = '/a/b/whosaid-bench/';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const served = []; // [path, file] of every request
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let root = null;
  let rel = null;
  if (path.startsWith(APP_PREFIX)) [root, rel] = [DIST, path.slice(APP_PREFIX.length)];
  else if (path.startsWith(BENCH_PREFIX)) [root, rel] = [WWW, path.slice(BENCH_PREFIX.length)];
  const file = root && normalize(join(root, rel || 'index.html'));
  served.push([path, file]);
  if (!file || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((ok, ko) => server.once('error', ko).listen(0, '127.0.0.1', ok));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
const APP_URL = ORIGIN + APP_PREFIX;
const BENCH_URL = ORIGIN + BENCH_PREFIX;

let browser = null;
async function shutdown() {
  try {
    await browser?.close();
  } catch {}
  await new Promise((ok) => server.close(ok));
  server.closeAllConnections?.();
}
const watchdog = setTimeout(async () => {
  console.error(`[bench] FAILED: watchdog: the harness ran longer than ${WATCHDOG_MS / 60000} min`);
  await shutdown();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

// ------------------------------------------------------------------ guarded contexts
const foreignRequests = [];
const pageProblems = [];
function foreign(url) {
  const u = new URL(url);
  return !['data:', 'blob:', 'about:'].includes(u.protocol) && u.origin !== ORIGIN;
}
async function guardedContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (foreign(url)) {
      foreignRequests.push(url);
      return route.abort();
    }
    return route.continue();
  });
  context.on('request', (r) => foreign(r.url()) && foreignRequests.push(r.url()));
  context.on('page', (p) => {
    p.on('pageerror', (e) => pageProblems.push(`pageerror: ${e.message}`));
    p.on('response', (r) => r.status() >= 400 && pageProblems.push(`HTTP ${r.status()} ${r.url()}`));
  });
  return context;
}

// ------------------------------------------------------------------ 1. the three libraries, one page
async function benchLibraries() {
  const context = await guardedContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(APP_URL, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.wasmBindings?.benchAnalyze === 'function', null, {
    timeout: 30_000,
  });
  await page.addScriptTag({ url: BENCH_URL + 'compromise.js' });
  await page.addScriptTag({ url: BENCH_URL + 'wink.js' });
  const setup = await page.evaluate(async (url) => {
    window.__corpus = await (await fetch(url)).json();
    const wasmExports = await window.wasmBindings.default(); // already initialised: returns its exports
    window.__wasmMemory = wasmExports.memory;
    // The learned model, as the app's worker installs it (the timed analyses are the hybrid's).
    const model = new Uint8Array(await (await fetch('whosaid.model')).arrayBuffer());
    if (!window.wasmBindings.installModel(model)) throw new Error('whosaid.model did not install');
    const wink = window.winkNLP(window.winkModel); // once, outside the timing
    const its = wink.its;
    window.__libs = {
      whosaid: (t) => window.wasmBindings.benchAnalyze(t),
      whosaid_json: (t) => window.wasmBindings.analyzeJson(t).length,
      compromise: (t) => {
        const doc = window.nlp(t);
        return (
          doc.quotations().out('array').length + doc.people().out('array').length + doc.organizations().out('array').length
        );
      },
      wink: (t) => {
        const doc = wink.readDoc(t);
        return doc.entities().out(its.detail).length + doc.sentences().out().length;
      },
    };
    return {
      gc: typeof window.gc === 'function',
      preciseMemory: !!performance.memory,
      articles: window.__corpus.length,
      wasmMemoryBytes: window.__wasmMemory?.buffer.byteLength ?? null,
    };
  }, BENCH_URL + 'corpus.json');
  if (setup.articles !== articles.length) fail('corpus did not load in the page');
  if (!setup.gc) fail('window.gc missing (Chromium needs --js-flags=--expose-gc)');
  log(`page ready: ${setup.articles} articles; wasm memory ${setup.wasmMemoryBytes} bytes`);

  // One run: every article once, timed as a whole. gc() first, outside the timing.
  const runOnce = (lib) =>
    withTimeout(
      page.evaluate((lib) => {
        window.gc();
        const f = window.__libs[lib];
        const corpus = window.__corpus;
        let check = 0;
        const t0 = performance.now();
        for (let i = 0; i < corpus.length; i++) check += f(corpus[i]);
        const ms = performance.now() - t0;
        return { ms, check };
      }, lib),
      RUN_TIMEOUT_MS,
      `${lib} run`,
    );
  // Memory: post-GC baseline, then the JS heap sampled after every article (the result of
  // that article still alive; garbage not yet collected counts, as it occupies the heap).
  const memoryRun = (lib) =>
    withTimeout(
      page.evaluate((lib) => {
        window.gc();
        window.gc();
        const f = window.__libs[lib];
        const wasmBefore = window.__wasmMemory?.buffer.byteLength ?? null;
        const base = performance.memory.usedJSHeapSize;
        let peak = 0;
        for (const t of window.__corpus) {
          const r = f(t);
          peak = Math.max(peak, performance.memory.usedJSHeapSize - base);
          if (r < 0) throw new Error('impossible');
        }
        return { heapPeakDelta: peak, heapBase: base, wasmBefore, wasmAfter: window.__wasmMemory?.buffer.byteLength ?? null };
      }, lib),
      RUN_TIMEOUT_MS,
      `${lib} memory run`,
    );

  // Warm-up: one run of each library (JIT tier-up, lazy initialisation), then ROUNDS rounds in
  // which every library runs once, in turn: anything else the machine does during the benchmark
  // hits all of them alike. A library whose warm-up exceeds SLOW_MS only takes part in the first
  // MIN_RUNS rounds.
  const LIBS = QUICK ? ['whosaid', 'whosaid_json', 'wink'] : ['whosaid', 'whosaid_json', 'wink', 'compromise'];
  const warm = {};
  for (const lib of LIBS) {
    warm[lib] = await runOnce(lib);
    log(`${lib}: warm-up ${warm[lib].ms.toFixed(0)} ms (result checksum ${warm[lib].check})`);
  }
  const times = Object.fromEntries(LIBS.map((l) => [l, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const lib of LIBS) {
      if (warm[lib].ms > SLOW_MS && round >= MIN_RUNS) continue;
      const r = await runOnce(lib);
      if (r.check !== warm[lib].check) fail(`${lib}: results differ between runs (${r.check} ≠ ${warm[lib].check})`);
      times[lib].push(r.ms);
    }
    log(`round ${round + 1}/${RUNS}: ` + LIBS.map((l) => `${l} ${times[l].at(-1).toFixed(0)} ms`).join(', '));
  }
  const results = {};
  for (const lib of LIBS) {
    const mem = await memoryRun(lib);
    const ms = median(times[lib]);
    results[lib] = {
      runs: times[lib].length,
      warmup_ms: warm[lib].ms,
      times_ms: times[lib],
      median_ms: ms,
      mb_per_s: BYTES / 1e6 / (ms / 1000),
      words_per_s: WORDS / (ms / 1000),
      checksum: warm[lib].check,
      js_heap_peak_delta_bytes: mem.heapPeakDelta,
      wasm_memory_before_bytes: mem.wasmBefore,
      wasm_memory_after_bytes: mem.wasmAfter,
    };
    log(`${lib}: median ${ms.toFixed(1)} ms = ${results[lib].mb_per_s.toFixed(3)} MB/s`);
  }
  // wasm linear memory never shrinks: its size at the end is the high-water mark of the module
  // (the app's own state included) after every whosaid run above.
  results.wasm_memory_at_start_bytes = setup.wasmMemoryBytes;
  await context.close();
  return results;
}

// ------------------------------------------------------------------ 2. the app path (strict CSP)
// Navigation → first analysis shown: a fresh context (empty cache) per run; an init script clicks
// the "example 004" button as soon as it exists (a user who clicks at once) and notes when the
// first claim is in the DOM and a frame has been drawn after it (performance.now() counts from
// navigation start).
async function benchFirstAnalysis() {
  const runs = [];
  let transfer = null;
  for (let i = 0; i < APP_RUNS; i++) {
    const context = await guardedContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__firstAnalysis = new Promise((done) => {
        const marks = {};
        const obs = new MutationObserver(() => {
          if (!marks.button && document.querySelector('#example-004')) {
            marks.button = performance.now();
            document.querySelector('#example-004').click();
          }
          if (marks.button && !marks.claims && document.querySelector('#claims li.claim')) {
            marks.claims = performance.now();
            obs.disconnect();
            requestAnimationFrame(() => setTimeout(() => done({ ...marks, frame: performance.now() }), 0));
          }
        });
        obs.observe(document, { childList: true, subtree: true, characterData: true });
      });
    });
    const before = served.length;
    await page.goto(APP_URL, { waitUntil: 'load' });
    const m = await withTimeout(page.evaluate(() => window.__firstAnalysis), APP_TIMEOUT_MS, 'first analysis');
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    runs.push({ ...m, ...nav });
    if (i === 0) {
      await page.waitForTimeout(500); // let the worker finish fetching
      transfer = transferSize(served.slice(before).map(([, f]) => f));
    }
    await context.close();
  }
  return { runs, transfer };
}

// Paste → results rendered, for the typical article, in one page (after a first analysis, as a
// user pasting a second article would see it). Each run appends a distinct last line so the text
// always changes. Completion: the status went "Analysing…" → "Done in N ms", the claims list has
// items and the annotated article shows this run's text; timed to the next frame after that.
// The bench build (feature bench-api) puts `performance.mark`s on the way (src/web/app.rs,
// `bench_mark`): ws:request (the app asks the worker), ws:ready (a fresh worker said it is
// ready), ws:posted (the text is posted), ws:response (the answer is back), ws:decoded (its JSON
// parsed), ws:annotated (the text cut into marks), ws:dispatch (the state updated), ws:rendered
// (Yew committed the DOM); each run reports them in ms since the paste, with the engine's own
// time from the status line. `click`: also press Analyze right after the paste (as a user who
// pastes and then clicks would).
async function benchPaste(click = true) {
  const context = await guardedContext();
  const page = await context.newPage();
  await page.goto(APP_URL, { waitUntil: 'load' });
  await page.waitForSelector('#article-input', { timeout: 30_000 });
  const runs = [];
  for (let i = 0; i <= APP_RUNS; i++) {
    const marker = `Benchmark run ${i} ends here.`;
    if (i > 0) await page.waitForTimeout(300); // the page settles (the worker's closures are dropped)
    const r = await withTimeout(
      page.evaluate(
        ({ text, marker, click }) =>
          new Promise((done, fail) => {
            let busy = false;
            let t0 = 0;
            const check = () => {
              const status = document.querySelector('#status');
              if (!status) return;
              if (status.classList.contains('is-busy')) busy = true;
              if (status.classList.contains('is-error')) fail(new Error(status.textContent));
              if (
                busy &&
                status.classList.contains('is-done') &&
                document.querySelector('#claims li.claim') &&
                (document.querySelector('#article')?.textContent || '').includes(marker)
              ) {
                const dom = performance.now() - t0;
                obs.disconnect();
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    const frame = performance.now() - t0;
                    const marks = {};
                    for (const m of performance.getEntriesByType('mark')) {
                      // The first of each (a paste and a click both ask for the analysis).
                      if (m.name.startsWith('ws:') && m.startTime >= t0) marks[m.name.slice(3)] ??= m.startTime - t0;
                    }
                    performance.clearMarks();
                    const engine = Number((document.querySelector('.status-detail')?.textContent || '').match(/engine (\d+) ms/)?.[1]);
                    done({ dom, frame, marks, engine, status: status.textContent });
                  }, 0),
                );
              }
            };
            const obs = new MutationObserver(check);
            obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
            performance.clearMarks();
            t0 = performance.now();
            const area = document.querySelector('#article-input');
            area.value = text + '\n\n' + marker;
            area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
            if (click) document.querySelector('#analyze')?.click();
          }),
        { text: typical, marker, click },
      ),
      APP_TIMEOUT_MS,
      'paste → rendered',
    );
    r.claims = await page.locator('#claims li.claim').count();
    if (i > 0) runs.push(r); // run 0 is the warm-up
  }
  await context.close();
  return runs;
}

/** The paste → rendered breakdown: medians of the phases between the marks, in ms. */
function pasteBreakdown(runs) {
  const med = (f) => {
    const xs = runs.map(f).filter((x) => Number.isFinite(x));
    return xs.length ? median(xs) : NaN;
  };
  const at = (r, name) => r.marks[name];
  return {
    'paste → request': med((r) => at(r, 'request')),
    'request → posted (waits for a fresh worker when one was killed)': med((r) => at(r, 'posted') - at(r, 'request')),
    'posted → response (worker round trip)': med((r) => at(r, 'response') - at(r, 'posted')),
    '  of which engine (analysis + JSON, in the worker)': med((r) => r.engine),
    'response → decoded (JSON parse)': med((r) => at(r, 'decoded') - at(r, 'response')),
    'decoded → annotated (marks, blocks)': med((r) => at(r, 'annotated') - at(r, 'decoded')),
    'annotated → dispatch': med((r) => at(r, 'dispatch') - at(r, 'annotated')),
    'dispatch → rendered (Yew render + DOM)': med((r) => at(r, 'rendered') - at(r, 'dispatch')),
    'rendered → next frame (style, layout, paint)': med((r) => r.frame - at(r, 'rendered')),
    'total, paste → next frame': med((r) => r.frame),
    'fresh worker started in the run (runs)': runs.filter((r) => r.marks.ready !== undefined).length,
  };
}

function transferSize(files) {
  const seen = new Set();
  const by = { wasm: [0, 0], js: [0, 0], css: [0, 0], html: [0, 0], other: [0, 0] };
  const list = [];
  for (const f of files) {
    if (!f || seen.has(f) || !f.startsWith(DIST + sep) || !existsSync(f)) continue;
    seen.add(f);
    const raw = readFileSync(f);
    const gz = gzipSync(raw, { level: 9 }).length;
    const ext = extname(f).slice(1);
    const k = by[ext] ? ext : 'other';
    by[k][0] += raw.length;
    by[k][1] += gz;
    list.push({ file: f.slice(DIST.length + 1), bytes: raw.length, gzip: gz });
  }
  const total = Object.values(by).reduce((a, [r, g]) => [a[0] + r, a[1] + g], [0, 0]);
  return { by_type: by, total, files: list };
}

// ------------------------------------------------------------------ 3. native CLI (one thread)
function benchNative() {
  if (!existsSync(NATIVE)) fail(`${NATIVE} missing (cargo build --profile native)`);
  const files = manifest.files.map((f) => join(CORPUS, f));
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-v', NATIVE, 'analyze', '--format', 'json', ...files], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: RUN_TIMEOUT_MS,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) fail(`native whosaid failed (${r.status}): ${r.stderr}`);
    const rss = Number((r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/) || [])[1]) * 1024;
    return { ms, rss };
  };
  once(); // warm-up (page cache)
  const runs = Array.from({ length: RUNS }, once);
  const ms = median(runs.map((r) => r.ms));
  return {
    runs: RUNS,
    times_ms: runs.map((r) => r.ms),
    median_ms: ms,
    mb_per_s: BYTES / 1e6 / (ms / 1000),
    words_per_s: WORDS / (ms / 1000),
    peak_rss_bytes: Math.max(...runs.map((r) => r.rss)),
  };
}

// ------------------------------------------------------------------ report
const fmt = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const mb = (b) => (b == null ? '–' : `${fmt(b / 1e6, 1)} MB`);
const kb = (b) => `${fmt(b / 1000, 1)} KB`;

function report(r) {
  const L = r.libraries;
  const w = L.whosaid;
  const rows = [
    ['whosaid, wasm (`benchAnalyze`)', 'speakers, claims, cues, attributions (result kept in wasm)', w,
      `JS heap +${mb(w.js_heap_peak_delta_bytes)}; wasm memory ${mb(w.wasm_memory_after_bytes)}`],
    ['whosaid, wasm (`analyzeJson`)', 'same + full result as JSON into JS', L.whosaid_json,
      `JS heap +${mb(L.whosaid_json.js_heap_peak_delta_bytes)}; wasm memory ${mb(L.whosaid_json.wasm_memory_after_bytes)}`],
    [`compromise ${r.versions.compromise}`, 'nlp(), .quotations(), .people(), .organizations()', L.compromise,
      `JS heap +${mb(L.compromise.js_heap_peak_delta_bytes)}`],
    [`wink-nlp ${r.versions['wink-nlp']} + lite web model ${r.versions['wink-eng-lite-web-model']}`, 'readDoc(), entities(), sentences()', L.wink,
      `JS heap +${mb(L.wink.js_heap_peak_delta_bytes)}`],
    ['whosaid, native CLI (1 thread)', 'same as wasm + JSON output per file', r.native, `peak RSS ${mb(r.native.peak_rss_bytes)}`],
  ];
  const ratio = (x) => x === w ? '(reference)' : `${fmt(w.mb_per_s / x.mb_per_s, x.mb_per_s < w.mb_per_s / 100 ? 0 : 1)}×`;
  let md = '';
  md += `Corpus: ${r.corpus.articles} articles (${r.corpus.distinct_articles} distinct × ${r.corpus.repeats}) from ${r.corpus.source_label}, `;
  md += `${fmt(r.corpus.bytes / 1e6, 2)} MB, ${r.corpus.words.toLocaleString('en-US')} words, fed one article at a time to every library. `;
  md += `${r.env.chromium}, headless; ${r.env.cpu}; median of the timed runs (libraries interleaved, round by round) after one warm-up run each; ` +
    `1-min load average ${r.env.loadavg_1min_before_after.map((x) => x.toFixed(2)).join(' → ')} over the library runs.\n\n`;
  md += '| engine | work timed | runs | median | MB/s | words/s | memory | whosaid wasm speed ÷ this |\n';
  md += '|---|---|---:|---:|---:|---:|---|---:|\n';
  for (const [name, work, x, memo] of rows) {
    md += `| ${name} | ${work} | ${x.runs} | ${fmt(x.median_ms, 0)} ms | ${fmt(x.mb_per_s, 2)} | ${Math.round(x.words_per_s).toLocaleString('en-US')} | ${memo} | ${ratio(x)} |\n`;
  }
  md += `\n**whosaid (wasm) / compromise: ${fmt(w.mb_per_s / L.compromise.mb_per_s, 0)}×** (target ≥ 50×) · `;
  md += `**whosaid (wasm) / wink-nlp: ${fmt(w.mb_per_s / L.wink.mb_per_s, 1)}×** (target ≥ 2×)\n\n`;
  const A = r.app;
  const t = A.transfer;
  md += '| the app (dist/, loopback) | value |\n|---|---:|\n';
  md += `| transfer, gzipped: wasm / js / css / html | ${kb(t.by_type.wasm[1])} / ${kb(t.by_type.js[1])} / ${kb(t.by_type.css[1])} / ${kb(t.by_type.html[1])} |\n`;
  md += `| transfer, gzipped, total (${t.files.length} files the page fetched; raw ${kb(t.total[0])}) | **${kb(t.total[1])}** |\n`;
  const fa = A.first_analysis;
  md += `| navigation → app ready (example button shown), median of ${fa.length} cold loads | ${fmt(median(fa.map((x) => x.button)), 0)} ms |\n`;
  md += `| navigation → first analysis shown (click example at once; claims drawn), median of ${fa.length} | **${fmt(median(fa.map((x) => x.frame)), 0)} ms** |\n`;
  const p = A.paste;
  md += `| paste → results rendered, ${r.article.name} (${kb(r.article.bytes)}, ${p[0].claims} claims shown), median of ${p.length} | **${fmt(median(p.map((x) => x.frame)), 0)} ms** |\n`;
  for (const [k, v] of Object.entries(A.paste_breakdown_ms || {})) md += `| &nbsp;&nbsp;${k.trim()} | ${k.startsWith('fresh') ? v : fmt(v, 1) + ' ms'} |\n`;
  md += `| … the app's own status line for those runs | ${p.map((x) => x.status.replace('Done in ', '')).join(', ')} |\n`;
  return md;
}

// ------------------------------------------------------------------ main
let exitCode = 0;
try {
  browser = await chromium.launch(
    chromiumLaunchOptions([
      '--enable-precise-memory-info', // performance.memory without bucketing
      '--js-flags=--expose-gc', // gc() between runs, outside the timing
    ]),
  );
  const chromiumVersion = `Chromium ${browser.version()}`;
  log(`${chromiumVersion}; corpus ${articles.length} articles, ${BYTES} bytes, ${WORDS} words; serving on ${ORIGIN}`);
  const loadBefore = loadavg()[0];
  if (PASTE_ONLY) {
    for (const click of [true, false]) {
      const runs = await benchPaste(click);
      console.log(`paste${click ? ' + Analyze click' : ' alone'} (load ${loadavg().map((x) => x.toFixed(2)).join(' ')}):`);
      for (const [k, v] of Object.entries(pasteBreakdown(runs))) console.log(`  ${k}: ${typeof v === 'number' ? v.toFixed(1) : v}`);
      console.log(`  runs (frame ms): ${runs.map((r) => r.frame.toFixed(0)).join(', ')}`);
    }
    throw Object.assign(new Error('quick'), { quick: true });
  }
  const libraries = await benchLibraries();
  const loadAfter = loadavg()[0];
  if (QUICK) {
    console.log(JSON.stringify(Object.fromEntries(Object.entries(libraries).filter(([, v]) => v.median_ms).map(([k, v]) => [k, { median_ms: +v.median_ms.toFixed(1), mb_per_s: +v.mb_per_s.toFixed(2), times: v.times_ms.map(Math.round) }]))));
    throw Object.assign(new Error('quick'), { quick: true });
  }
  log('app: navigation → first analysis');
  const first = await benchFirstAnalysis();
  log('app: paste → rendered');
  const paste = await benchPaste();
  await browser.close();
  browser = null;
  log('native CLI');
  const native = benchNative();
  if (foreignRequests.length) fail(`requests to other origins: ${foreignRequests.join(', ')}`);
  if (pageProblems.length) fail(`page problems: ${pageProblems.join('; ')}`);
  const offOrigin = served.filter(([p]) => !p.startsWith(APP_PREFIX) && !p.startsWith(BENCH_PREFIX));
  if (offOrigin.length) fail(`requests outside the served paths: ${offOrigin.map(([p]) => p).join(', ')}`);

  const results = {
    date: new Date().toISOString(),
    env: {
      chromium: chromiumVersion,
      cpu: `${cpus()[0]?.model.trim()} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
      node: process.version,
      loadavg_1min_before_after: [loadBefore, loadAfter],
    },
    versions: {
      compromise: pkgVersion('compromise'),
      'wink-nlp': pkgVersion('wink-nlp'),
      'wink-eng-lite-web-model': pkgVersion('wink-eng-lite-web-model'),
      esbuild: pkgVersion('esbuild'),
    },
    bundle_bytes: bundleBytes,
    corpus: {
      source: manifest.source,
      source_label: /polnear/i.test(manifest.source) ? 'PolNeAR dev' : 'the seed fixtures',
      distinct_articles: manifest.distinct_articles,
      repeats: manifest.repeats,
      articles: articles.length,
      bytes: BYTES,
      words: WORDS,
      feeding: 'one article at a time (loop over articles), the same for every library',
    },
    article: { name: ARTICLE.split(sep).pop(), bytes: Buffer.byteLength(typical, 'utf8') },
    libraries,
    native,
    app: { transfer: first.transfer, first_analysis: first.runs, paste, paste_breakdown_ms: pasteBreakdown(paste) },
    ratios: {
      whosaid_over_compromise: libraries.whosaid.mb_per_s / libraries.compromise.mb_per_s,
      whosaid_over_wink: libraries.whosaid.mb_per_s / libraries.wink.mb_per_s,
    },
    notes: [
      'JS heap: performance.memory.usedJSHeapSize (--enable-precise-memory-info) sampled after each article, minus a post-gc() baseline; a lower bound of the true peak (the heap is not sampled inside a call).',
      "wasm memory: the app module's WebAssembly.Memory size after all whosaid runs; it never shrinks, so it is the module's high-water mark (the app's own state included).",
      'native: wall time of `whosaid analyze --format json FILES…` (one process, one thread, all article files, JSON written to /dev/null); peak RSS from /usr/bin/time -v.',
    ],
  };
  const md = report(results);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(OUT, 'results.md'), md);
  console.log(md);
  const ok = results.ratios.whosaid_over_compromise >= 50 && results.ratios.whosaid_over_wink >= 2;
  log(ok ? 'targets met (≥ 50× compromise, ≥ 2× wink-nlp)' : 'TARGETS NOT MET (≥ 50× compromise, ≥ 2× wink-nlp): see the table');
} catch (e) {
  if (!e.quick) {
    console.error(`[bench] FAILED: ${e.stack || e}`);
    exitCode = 1;
  }
} finally {
  await shutdown();
  clearTimeout(watchdog);
}
process.exit(exitCode);
