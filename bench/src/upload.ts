/**
 * Peak RSS of a group upload in a fresh process:
 * `node [--expose-gc] dist/upload.js <provider> <port> <count> [gc]`
 * creates a group through a mailer and streams `count` recipients into it from an async
 * generator (each with one template variable). The upload should hold one provider chunk at a
 * time, so peak RSS should not grow with `count`.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type RecipientInput } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';
import { KEY } from './drivers/driver.js';
import type { UploadResult } from './upload-types.js';

async function* recipients(count: number): AsyncGenerator<RecipientInput> {
  for (let i = 0; i < count; i++) {
    yield { address: `user${i}@example.com`, data: { name: `User ${i}` } };
  }
}

/** A mailer over the named adapter, rate limits off (the mock has none). */
function mailerFor(name: string, origin: string) {
  if (name === 'tencent-ses') {
    const provider = tencentSes({ region: 'ap-guangzhou', endpoint: origin, credentials: KEY });
    return createMailer(provider, { rateLimits: false });
  }
  if (name === 'aliyun-dm') {
    const provider = aliyunDm({ region: 'cn-hangzhou', endpoint: origin, credentials: KEY });
    return createMailer(provider, { rateLimits: false });
  }
  throw new Error(`upload.js: unknown provider ${name}`);
}

/**
 * A progress callback that collects once per `rows` recipients: per Tencent chunk (20,000) and
 * every 40 DirectMail chunks (500), so a full GC per 500 rows does not dominate the run.
 */
function collectEvery(rows: number, collect: () => void): (p: { added: number }) => void {
  let last = 0;
  return ({ added }) => {
    if (added - last < rows) return;
    last = added;
    collect();
  };
}

async function main(): Promise<void> {
  const [name = '', port, count, mode] = process.argv.slice(2);
  // `gc` mode (with node --expose-gc): collect every 20,000 rows, so peak RSS shows what is
  // retained rather than how far the heap grew before the next collection.
  const collect = mode === 'gc' ? (globalThis as { gc?: () => void }).gc : undefined;
  const total = Number(count);
  const mailer = mailerFor(name, `http://127.0.0.1:${port}`);
  const group = await mailer.groups.create({ name: 'bench-upload' });
  const startRssMb = process.memoryUsage.rss() / 1024 / 1024;
  const start = performance.now();
  const { added, calls } = await mailer.groups.addRecipients(
    group.id,
    recipients(total),
    collect ? { onProgress: collectEvery(20_000, collect) } : {},
  );
  const seconds = (performance.now() - start) / 1000;
  await mailer.close();
  const result: UploadResult = {
    provider: name,
    count: total,
    gc: collect !== undefined,
    added,
    calls,
    seconds,
    startRssMb,
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
