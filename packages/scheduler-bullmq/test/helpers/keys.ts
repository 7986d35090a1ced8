/**
 * Key prefixes of their own for each test file and bench scenario, and their cleanup. Kept free
 * of vitest so the bench can use it.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A key prefix of its own for one test file, so files and runs never share queues. */
export function testPrefix(): string {
  return `mbtest-${randomBytes(4).toString('hex')}`;
}

/** Delete every key under `prefix` (after a test file). */
export async function dropPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
