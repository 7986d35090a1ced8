import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMailer } from '@mailbridge/core';
import { createTestingProvider, runConformance } from '@mailbridge/core/testing';
import { afterAll, describe, expect, it } from 'vitest';

// The testing provider's `drop` and `refuse` faults throw already-classified errors: on this
// target the suite checks retry decisions, not HTTP classification (the emulator targets and
// test/reliability/socket-faults.test.ts do that on real sockets).

// A provider without cc, so the suite can check that an unsupported field fails before a request.
const testing = createTestingProvider({
  capabilities: {
    recipients: { to: 50, cc: 0, bcc: 50, toVisibleToEachOther: true, bccMayOverlapTo: false },
  },
});

runConformance(
  {
    name: 'testing',
    createMailer: (options) => createMailer(testing, options),
    message: (to) => ({
      from: 'Shop <noreply@example.com>',
      to,
      subject: 'Conformance 测试',
      text: 'Hello',
    }),
    batch: (group) => ({
      from: 'noreply@example.com',
      group,
      template: { id: 1 },
      subject: 'Batch',
    }),
    unsupported: {
      field: 'cc',
      message: {
        from: 'noreply@example.com',
        to: 'a@example.com',
        cc: 'b@example.com',
        subject: 'x',
        text: 'y',
      },
    },
    actions: { send: 'send', batch: 'sendBatch', upload: 'addRecipients' },
    delivered: (to) => testing.outbox.filter((m) => to === undefined || m.to.includes(to)).length,
    requests: (action) => testing.requests[action] ?? 0,
    inject: (action, fault) => {
      if (fault.kind === 'throttle')
        testing.inject({ action, count: fault.count, kind: 'error', code: 'rate_limited' });
      else testing.inject({ action, ...fault });
    },
    secrets: () => [testing.secret, ...testing.signatures],
    schedule: 'native',
    replaysAmbiguousSends: false,
    timeouts: true,
    refuses: true,
  },
  { describe, it, expect, afterAll },
);

describe('@mailbridge/core/testing', () => {
  it('loads no test runner: the suite takes the runner it is given', () => {
    const dist = fileURLToPath(new URL('../../packages/core/dist/', import.meta.url));
    const runners = /(?:from\s*|require\(|import\()\s*["'](?:vitest|@jest\/globals|bun:test)["']/;
    const built = readdirSync(dist).filter((f) => /\.(c?js)$/.test(f));
    expect(built.length).toBeGreaterThan(2);
    for (const file of built)
      expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(runners);
  });
});
