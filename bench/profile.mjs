#!/usr/bin/env node
// bench/profile.mjs — where does whosaid's wasm time go? A Chrome CPU profile (CDP Profiler) of
// benchAnalyze over the benchmark corpus, aggregated by function (self time).
//
// The shipped dist/*.wasm has no function names (wasm-opt drops them), so this loads wasm-bindgen's
// output *before* wasm-opt (target/wasm-bindgen/release/app.js + app_bg.wasm, which keeps the
// name section) — the same Rust code and rustc profile, without binaryen's -Oz pass.
//
// Usage (after `bash scripts/bench.sh` has built the app and the corpus):
//   ( . ./.wasm-env.sh && node bench/profile.mjs [--runs 5] [--top 40] [--wasm-dir target/wasm-bindgen/release] )
// Writes bench/out/whosaid-wasm.cpuprofile (open it in Chrome DevTools › Performance).
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const arg = (k, d) => {
  const i = process.argv.indexOf(`--${k}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const RUNS = Number(arg('runs', 5));
const TOP = Number(arg('top', 40));
const WASM_DIR = resolve(arg('wasm-dir', join(HERE, '../target/wasm-bindgen/release')));
const OUT = join(HERE, 'out');
const WWW = join(OUT, 'profile-www');
const CORPUS = join(OUT, 'corpus');

mkdirSync(WWW, { recursive: true });
for (const f of ['app.js', 'app_bg.wasm']) {
  if (!existsSync(join(WASM_DIR, f))) throw new Error(`${WASM_DIR}/${f} missing: build the app first`);
  copyFileSync(join(WASM_DIR, f), join(WWW, f)); // a snapshot: a concurrent build may rewrite them
}
// The learned model, installed as the app's worker installs it: the profile is of the hybrid.
copyFileSync(join(HERE, '../model/whosaid.model'), join(WWW, 'whosaid.model'));
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'));
writeFileSync(join(WWW, 'corpus.json'), JSON.stringify(manifest.files.map((f) => readFileSync(join(CORPUS, f), 'utf8'))));
writeFileSync(
  join(WWW, 'index.html'),
  `<!DOCTYPE html><meta charset="utf-8"><title>profile</title><body><script type="module">
import init, * as b from './app.js'; await init({ module_or_path: './app_bg.wasm' }); window.wasmBindings = b;
</script></body>`,
);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer((req, res) => {
  const name = new URL(req.url, 'http://x').pathname.slice(1) || 'index.html';
  const file = join(WWW, name);
  if (name.includes('/') || name.includes('..') || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(chromiumLaunchOptions());
let code = 0;
try {
  const page = await browser.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith('data:')) throw new Error(`foreign request ${r.url()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.wasmBindings, null, { timeout: 30_000 });
  await page.evaluate(async () => {
    window.__corpus = await (await fetch('corpus.json')).json();
    const model = new Uint8Array(await (await fetch('whosaid.model')).arrayBuffer());
    if (!window.wasmBindings.installModel(model)) throw new Error('whosaid.model did not install');
  });
  const run = () =>
    page.evaluate(() => {
      const t0 = performance.now();
      let n = 0;
      for (const t of window.__corpus) n += window.wasmBindings.benchAnalyze(t);
      return performance.now() - t0;
    });
  const first = await run();
  const warm = await run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); // µs
  await cdp.send('Profiler.start');
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(OUT, 'whosaid-wasm.cpuprofile'), JSON.stringify(profile));

  // Self time per function, from the sample counts.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) || 0) + 1);
  const self = new Map();
  let total = 0;
  for (const [id, n] of hits) {
    const f = byId.get(id).callFrame;
    if (['(idle)', '(program)', '(garbage collector)'].includes(f.functionName) && f.url === '') {
      if (f.functionName !== '(garbage collector)') continue;
    }
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) || 0) + n);
    total += n;
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  const median = [...times].sort((a, b) => a - b)[times.length >> 1];
  console.log(`first run ${first.toFixed(0)} ms, second ${warm.toFixed(0)} ms, profiled runs (median) ${median.toFixed(0)} ms`);
  console.log('self % | function');
  for (const [name, n] of rows) console.log(`${((100 * n) / total).toFixed(1).padStart(5)}% | ${name.slice(0, 160)}`);
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(code);
