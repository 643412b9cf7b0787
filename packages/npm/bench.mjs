// Throughput of the npm package in Node on a JSON array of texts (scripts/bench-packages.sh
// runs it in the scratch project of `scripts/packages.sh npm`, on the same synthetic ~1 MB as
// the Python benchmark). One thread; includes JSON.parse of every record.
import { readFileSync } from 'node:fs';
import { analyze } from 'whosaid';

const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
let best = Infinity;
for (let r = 0; r < 7; r++) {
  const t = performance.now();
  for (const x of texts) analyze(x);
  best = Math.min(best, performance.now() - t);
}
console.log(`\nnpm package in Node ${process.version}: ${texts.length} texts, ${mb.toFixed(2)} MB, ` +
  `best of 7 ${best.toFixed(0)} ms = ${((mb / best) * 1000).toFixed(1)} MB/s (one thread, records JSON.parse'd)`);
