/**
 * Cold import time in a fresh process: `node dist/import-probe.js <specifier>...` imports each
 * specifier in order and prints `{"ms":…, "rssMb":…}`: wall time of the imports alone (the
 * Node bootstrap is the same for every candidate and is left out) and RSS afterwards.
 */
const start = performance.now();
for (const specifier of process.argv.slice(2)) {
  await import(specifier);
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, rssMb: process.memoryUsage.rss() / 1024 / 1024 })}\n`);
