// tests/e2e/server.mjs — a tiny static file server for the end-to-end tests.
//
// Serves dist/ under a sub-path (default /a/b/whosaid/) on a free port of 127.0.0.1 only, so
// the tests prove the app works wherever it is hosted (relative URLs) and can check that no
// request leaves this origin. Every request is recorded; anything outside the sub-path is a 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server. Returns { url, origin, requests, close }.
 * @param {string} distDir directory to serve
 * @param {string} prefix URL sub-path, with leading and trailing slash
 */
export async function startServer(distDir, prefix = '/a/b/whosaid/') {
  const root = resolve(distDir);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(`${req.method} ${path}`);
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (!path.startsWith(prefix)) return send(404, 'not found');
    let rel = path.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden');
    try {
      if (!(await stat(file)).isFile()) return send(404, 'not found');
      send(200, await readFile(file), TYPES[extname(file)] || 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + prefix,
    origin,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

// `node tests/e2e/server.mjs [dist]` serves by hand (Ctrl-C stops).
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startServer(process.argv[2] || 'dist');
  console.log(`serving ${process.argv[2] || 'dist'} at ${s.url}`);
}
