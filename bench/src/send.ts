/**
 * One send measurement in a fresh process: `node dist/send.js <driver> <port> <n> <c> <warmup>`.
 * Loads only the named driver (so its RSS is its own), warms up, then sends `n` emails with `c`
 * in flight and prints one JSON line: sends/s, p50/p99 latency, CPU per send, peak RSS.
 */
import type { SendDriver } from './drivers/driver.js';
import { ALL_DRIVERS, type SendDriverName, type SendResult } from './drivers/registry.js';
import { percentile } from './stats.js';

/** Send `count` emails starting at `first`, `c` at a time; latencies (ms) into `into` if given. */
async function pump(
  driver: SendDriver,
  first: number,
  count: number,
  c: number,
  into?: Float64Array,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const start = performance.now();
      await driver.send(first + i);
      if (into) into[i] = performance.now() - start;
    }
  };
  await Promise.all(Array.from({ length: Math.min(c, count) }, worker));
}

async function main(): Promise<void> {
  const [name, port, n, c, warmup] = process.argv.slice(2);
  const factory = ALL_DRIVERS[name as SendDriverName];
  if (!factory || !port) throw new Error(`usage: send.js <driver> <port> <n> <c> <warmup>`);
  const count = Number(n);
  const concurrency = Number(c);
  const driver = await factory(`http://127.0.0.1:${port}`);
  await pump(driver, 0, Number(warmup), concurrency);
  const latencies = new Float64Array(count);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await pump(driver, 1_000_000, count, concurrency, latencies);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  await driver.close();
  latencies.sort();
  const result: SendResult = {
    driver: name as string,
    n: count,
    c: concurrency,
    sendsPerSec: count / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuUsPerSend: (used.user + used.system) / count,
    // maxRSS is in KiB on Linux: the process's peak, warm-up included.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
