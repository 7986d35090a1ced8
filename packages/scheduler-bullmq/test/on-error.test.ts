/**
 * `onError` is the user's sink for engine errors (Redis unreachable, a worker that cannot
 * start): what it throws or rejects with must not reach the process. No Redis needed: a closed
 * loopback port makes the worker's connection report ECONNREFUSED over and over.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { closedPort } from '../../../test/helpers/ports.js';
import { bullmqScheduler } from '../src/index.js';

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', record);
});

it('an onError that rejects or throws is ignored, not an unhandled rejection', async () => {
  process.on('unhandledRejection', record);
  // ioredis prints "Unhandled error event" for a client nobody listens to: ours go to onError.
  const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
  const port = await closedPort();
  let calls = 0;
  const scheduler = bullmqScheduler({
    connection: `redis://127.0.0.1:${port}`,
    onError: () => {
      calls += 1;
      if (calls % 2 === 0) throw new Error('onError threw');
      return Promise.reject(new Error('onError rejected'));
    },
  });
  const detach = scheduler.attach({
    provider: 'aliyun-dm',
    run: async () => ({ state: 'sent' }),
    recover: async () => ({ state: 'unknown' }),
  } as never);
  const deadline = Date.now() + 10_000;
  while (calls < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // Let the rejections of the last calls reach the process's unhandled-rejection check.
  await new Promise((r) => setTimeout(r, 100));
  detach();
  await Promise.race([scheduler.close(), new Promise((r) => setTimeout(r, 2_000))]);
  expect(calls).toBeGreaterThanOrEqual(4);
  expect(unhandled).toEqual([]);
  const lines = printed.mock.calls.map((args) => args.map(String).join(' '));
  printed.mockRestore();
  expect(lines.filter((line) => line.includes('Unhandled error event'))).toEqual([]);
});
