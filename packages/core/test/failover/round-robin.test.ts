/**
 * Weighted round-robin: over 10,000 sends each member is first in proportion to its weight
 * (within 2%), and a member that certainly did not send passes its message to another.
 */
import { describe, expect, it } from 'vitest';
import { collect, createMailer, roundRobin } from '../../src/index.js';
import { rejectedMailError } from '../../src/testing/mail-errors.js';
import { createTestingProvider } from '../../src/testing/testing.js';

const message = (n: number) => ({
  from: 'noreply@example.com',
  to: `r${n}@example.com`,
  subject: 'Hi',
  text: 'Hello',
});

describe('roundRobin', () => {
  it('10,000 sends land within 2% of the weights 5:3:2', async () => {
    const members = [5, 3, 2].map((weight, i) => ({
      provider: createTestingProvider({ id: `m${i}`, keepOutbox: false }),
      weight,
    }));
    const mailer = createMailer(roundRobin(members), { rateLimits: false });
    const total = 10_000;
    const results = await collect(
      mailer.sendMany(
        Array.from({ length: total }, (_, n) => message(n)),
        { concurrency: 32 },
      ),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const byMember = new Map<string, number>();
    for (const r of results) {
      if (r.status === 'fulfilled') {
        const name = r.value.member as string;
        byMember.set(name, (byMember.get(name) ?? 0) + 1);
      }
    }
    members.forEach((m, i) => {
      const share = (byMember.get(`m${i}`) ?? 0) / total;
      expect(Math.abs(share - m.weight / 10)).toBeLessThanOrEqual(0.02);
      expect(m.provider.delivered).toBe(byMember.get(`m${i}`));
    });
  });

  it('spreads the heavy member rather than sending it in runs', async () => {
    const members = [3, 1].map((weight, i) => ({
      provider: createTestingProvider({ id: `m${i}` }),
      weight,
    }));
    const mailer = createMailer(roundRobin(members));
    const order: string[] = [];
    for (let n = 0; n < 8; n++) order.push((await mailer.send(message(n))).member as string);
    expect(order).toEqual(['m0', 'm0', 'm1', 'm0', 'm0', 'm0', 'm1', 'm0']);
  });

  it('the chosen member failing not_sent hands the message to the other, once', async () => {
    const a = createTestingProvider({ id: 'a' });
    const b = createTestingProvider({ id: 'b' });
    const mailer = createMailer(
      roundRobin([
        { provider: a, weight: 1 },
        { provider: b, weight: 1 },
      ]),
      { retry: { retries: 0 } },
    );
    a.inject({ kind: 'refuse', action: 'send', count: 10 });
    const results = [];
    for (let n = 0; n < 4; n++) results.push(await mailer.send(message(n)));
    expect(results.map((r) => r.member)).toEqual(['b', 'b', 'b', 'b']);
    expect(a.delivered + b.delivered).toBe(4);
  });

  it('rejects weights that are not positive numbers, naming the member', async () => {
    const provider = createTestingProvider();
    const error = await rejectedMailError(
      Promise.resolve().then(() => roundRobin([{ provider, weight: 0 }])),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['members', 0, 'weight']);
  });
});
