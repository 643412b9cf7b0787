#!/usr/bin/env node
// scripts/csp-postbuild.mjs — trunk post_build hook (see Trunk.toml) for a strict CSP.
//
// Trunk boots the app with an inline <script type="module">, which a Content-Security-Policy
// without 'unsafe-inline' blocks. This hook, run on trunk's staging dir before it becomes
// dist/, moves every inline script into an external file named after its hash
// (boot-<hash>.js) with its own sha384 integrity attribute (trunk's other SRI hashes are
// untouched: no file trunk hashed is modified). It then checks the page and fails the build
// if anything a strict policy would block is left: inline scripts, inline event handlers,
// <style> blocks, style attributes, javascript: URLs, or a missing CSP <meta>.
//
// It also minifies the wasm-bindgen JS glue trunk leaves readable (app-*.js, the workers' *.js)
// with terser (installed into .tools/ by scripts/setup.sh) and updates the page's integrity
// hash of each file it rewrote: ≈ 2 KB less to download, counted by scripts/size-report.sh.
//
// Usage: run by trunk (TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL are set by it), or by hand:
//   TRUNK_STAGING_DIR=dist TRUNK_PUBLIC_URL=./ node scripts/csp-postbuild.mjs
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-postbuild: TRUNK_STAGING_DIR is not set (run by trunk, or set it by hand)');
  process.exit(2);
}
const base = process.env.TRUNK_PUBLIC_URL || './';
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// Minify the JS glue (not the loader shims, a line each, nor the boot script written below).
const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '.tools', 'package.json'));
const { minify } = require('terser');
const sha384 = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
let minified = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.js') || name.endsWith('_loader.js') || name.startsWith('boot-')) continue;
  const path = join(dir, name);
  const code = readFileSync(path, 'utf8');
  const out = await minify(code, { module: name.startsWith('app-'), compress: true, mangle: true });
  if (!out.code) throw new Error(`csp-postbuild: terser returned nothing for ${name}`);
  const before = sha384(code);
  writeFileSync(path, out.code);
  html = html.split(before).join(sha384(out.code)); // its integrity attribute, if the page has one
  minified += 1;
}

let moved = 0;
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (whole, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs)) return whole; // already external
  if (!body.trim()) return whole;
  const type = /\btype\s*=\s*["']?module/i.test(attrs) ? ' type="module"' : '';
  const code = body.trim() + '\n';
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
  moved += 1;
  return `<script${type} src="${base}${name}" integrity="${sri}" crossorigin="anonymous"></script>`;
});
writeFileSync(htmlPath, html);

const problems = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (!/\bsrc\s*=/i.test(m[1]) && m[2].trim()) problems.push('inline <script> left');
}
if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) problems.push('inline event handler attribute (on…=)');
if (/<style\b/i.test(html)) problems.push('<style> block (style-src has no unsafe-inline)');
if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push('style="…" attribute');
if (/javascript:/i.test(html)) problems.push('javascript: URL');
const csp = html.match(/<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i);
if (!csp) problems.push('no Content-Security-Policy <meta>');
else if (/'unsafe-inline'|'unsafe-eval'/.test(csp[0])) problems.push('CSP allows unsafe-inline or unsafe-eval');

if (problems.length) {
  console.error(`csp-postbuild: ${htmlPath}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`csp-postbuild: minified ${minified} JS file(s); moved ${moved} inline script(s) out of index.html; no inline code left`);
