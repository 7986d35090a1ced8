/**
 * The Redis side of the engine: one BullMQ queue per provider id, the set of provider ids this
 * scheduler has queues for (so `get`, `list` and `cancel` find a job by id alone), and the
 * records of cancelled jobs (a cancelled job leaves its queue; its record stays readable).
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ResolvedOptions } from './options.js';
import type { JobData } from './process.js';

/** Queues and keys of one scheduler. */
export interface Store {
  readonly client: Redis;
  /** The queue of a provider id (created on first use). */
  queue(provider: string): Queue<JobData>;
  queueName(provider: string): string;
  /** The Redis key of a provider queue's shared rate limit (src/limit.ts). */
  limitKey(provider: string): string;
  /** Remember that `provider` has a queue. */
  register(provider: string): Promise<void>;
  providers(): Promise<string[]>;
  /** Record of a cancelled job (encoded by `encodeJob`), or undefined. */
  cancelled(id: string): Promise<string | undefined>;
  markCancelled(id: string, encoded: string): Promise<void>;
  unmarkCancelled(id: string): Promise<void>;
  /** Cancelled records, for `list`. */
  allCancelled(): AsyncIterable<string>;
  close(): Promise<void>;
}

/** Open the store: one Redis client of our own (a duplicate when the caller passed a client). */
export function openStore(options: ResolvedOptions): Store {
  // BullMQ's workers need commands that wait for Redis to come back, not fail after N retries.
  const client =
    typeof options.connection === 'string'
      ? new Redis(options.connection, { maxRetriesPerRequest: null })
      : options.connection.duplicate({ maxRetriesPerRequest: null });
  // Connection errors (Redis unreachable) go to `onError`; without a listener ioredis prints
  // "Unhandled error event" to stderr on every reconnect.
  client.on('error', (error: unknown) => options.onError(error));
  const queues = new Map<string, Queue<JobData>>();
  const base = `${options.prefix}:${options.queue}`;
  const providersKey = `${base}:providers`;
  const cancelledKey = `${base}:cancelled`;
  const queueName = (provider: string) => `${options.queue}.${provider}`;

  return {
    client,
    queueName,
    limitKey: (provider) => `${options.prefix}:${queueName(provider)}:mailbridge-limit`,
    queue(provider) {
      let queue = queues.get(provider);
      if (queue === undefined) {
        queue = new Queue<JobData>(queueName(provider), {
          connection: client,
          prefix: options.prefix,
        });
        queue.on('error', (error: unknown) => options.onError(error));
        queues.set(provider, queue);
      }
      return queue;
    },
    async register(provider) {
      await client.sadd(providersKey, provider);
    },
    providers: () => client.smembers(providersKey),
    async cancelled(id) {
      const raw = await client.hget(cancelledKey, id);
      return raw ?? undefined;
    },
    async markCancelled(id, encoded) {
      await client.hset(cancelledKey, id, encoded);
    },
    async unmarkCancelled(id) {
      await client.hdel(cancelledKey, id);
    },
    async *allCancelled() {
      let cursor = '0';
      do {
        const [nextCursor, flat] = await client.hscan(cancelledKey, cursor, 'COUNT', 100);
        cursor = nextCursor;
        for (let i = 1; i < flat.length; i += 2) yield flat[i]!;
      } while (cursor !== '0');
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      queues.clear();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
