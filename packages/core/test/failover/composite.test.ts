/**
 * A composite as a provider: capabilities derived from its members (the core's checks against
 * them never refuse what a member can send), `perProvider` values on composites and single
 * mailers, construction errors, nesting, and what happens when it is used outside createMailer.
 */
import { describe, expect, it } from 'vitest';
import {
  type Capabilities,
  createMailer,
  failover,
  type MessageInput,
  roundRobin,
} from '../../src/index.js';
import { checkMessage, normalizeMessage } from '../../src/provider/index.js';
import { rejectedMailError } from '../../src/testing/mail-errors.js';
import { createTestingProvider, TESTING_CAPABILITIES } from '../../src/testing/testing.js';

const base = { from: 'Shop <noreply@example.com>', to: 'a@example.com', subject: 'Hi' };
const noCc = createTestingProvider({
  id: 'no-cc',
  capabilities: {
    recipients: { ...TESTING_CAPABILITIES.recipients, cc: 0 },
    attachments: false,
  },
});
const templateOnly = createTestingProvider({
  id: 'template-only',
  capabilities: {
    content: { ...TESTING_CAPABILITIES.content, html: false, text: false, bodyMaxBytes: 10 },
    tags: { max: 0 },
    schedule: { timed: false, recurring: false },
  },
});

const accepts = (message: MessageInput, caps: Capabilities) => {
  try {
    checkMessage(normalizeMessage(message), caps);
    return true;
  } catch {
    return false;
  }
};

describe('composite capabilities', () => {
  const composite = failover([noCc, templateOnly]);
  const caps = composite.capabilities;

  it('are what some member can do; groups are the primary member’s', () => {
    expect(caps.provider).toBe('failover');
    expect(caps.recipients.cc).toBe(TESTING_CAPABILITIES.recipients.cc);
    expect(caps.content.html).toBe(true);
    expect(caps.attachments).toEqual(TESTING_CAPABILITIES.attachments);
    // One reference kind: the primary's (other members take theirs from `perProvider`).
    const named = createTestingProvider({
      capabilities: { content: { ...TESTING_CAPABILITIES.content, template: 'name' } },
    });
    expect(failover([named, templateOnly]).capabilities.content.template).toBe('name');
    expect(caps.groups).toBe(noCc.capabilities.groups);
    expect(caps.schedule).toEqual({ timed: true, recurring: true });
  });

  it('the core check never refuses a message a member accepts (same template kind)', () => {
    const messages: MessageInput[] = [
      { ...base, cc: 'c@example.com', template: { id: 7 } },
      { ...base, html: '<p>a long enough body</p>' },
      { ...base, text: 'x', attachments: [{ filename: 'a.txt', content: 'hi' }] },
      { ...base, template: { id: 'welcome' }, tags: ['t'] },
    ];
    for (const message of messages) {
      const someMember = [noCc, templateOnly].some((m) => accepts(message, m.capabilities));
      if (someMember) expect(accepts(message, caps)).toBe(true);
    }
  });

  it('a message goes to the member whose own check accepts it', async () => {
    const a = createTestingProvider({ id: 'a', capabilities: noCc.capabilities });
    const b = createTestingProvider({ id: 'b', capabilities: templateOnly.capabilities });
    const mailer = createMailer(failover([a, b]));
    const cc = await mailer.send({ ...base, cc: 'c@example.com', template: { id: 7 } });
    expect(cc.member).toBe('b');
    const html = await mailer.send({ ...base, html: '<p>a long enough body</p>' });
    expect(html.member).toBe('a');
  });
});

describe('perProvider values', () => {
  it('a single mailer applies its own entry, and refuses a map without one', async () => {
    const testing = createTestingProvider({ id: 'acme' });
    const mailer = createMailer(testing);
    await mailer.send({
      ...base,
      text: 'x',
      perProvider: { acme: { from: 'Acme <acme@example.com>' }, other: { from: 'o@example.com' } },
    });
    expect(testing.outbox[0]?.from).toBe('acme@example.com');
    const error = await rejectedMailError(
      mailer.send({ ...base, text: 'x', perProvider: { other: { from: 'o@example.com' } } }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]).toEqual({
      path: ['perProvider'],
      message: "perProvider has no entry for 'acme'",
    });
    expect(testing.requests['send']).toBe(1);
  });

  it('member names win over provider ids; template ids are replaced, data kept', async () => {
    const a = createTestingProvider({ id: 'p' });
    const b = createTestingProvider({ id: 'p' });
    const mailer = createMailer(failover([a, { provider: b, name: 'second' }]));
    a.inject({ kind: 'error', code: 'rate_limited', retryable: false, action: 'send' });
    const result = await mailer.send({
      ...base,
      template: { id: 1, data: { name: 'Ann' } },
      perProvider: { p: { template: 2 }, second: { template: 3 } },
    });
    expect(result.member).toBe('second');
    expect(b.outbox[0]?.template).toEqual({ id: 3, data: { name: 'Ann' } });
  });
});

describe('composite construction and use', () => {
  it('names repeats of a provider id #2, #3 and refuses duplicate names', async () => {
    const p = () => createTestingProvider({ id: 'p' });
    const mailer = createMailer(failover([p(), p(), p()]));
    expect(Object.keys(mailer.raw as object)).toEqual(['p', 'p#2', 'p#3']);
    const error = await rejectedMailError(
      Promise.resolve().then(() =>
        failover([
          { provider: p(), name: 'x' },
          { provider: p(), name: 'x' },
        ]),
      ),
    );
    expect(error.issues[0]?.path).toEqual(['members', 1, 'name']);
    // Not a string: refused here, not a TypeError when a native task id is built from it.
    const numeric = await rejectedMailError(
      Promise.resolve().then(() => failover([{ provider: p(), name: 5 as unknown as string }])),
    );
    expect(numeric.issues[0]?.path).toEqual(['members', 0, 'name']);
    const empty = await rejectedMailError(Promise.resolve().then(() => failover([])));
    expect(empty.code).toBe('invalid_input');
  });

  it('refuses composite options that would fail later or change nothing, naming the field', async () => {
    const p = () => createTestingProvider({ id: 'p' });
    const cases: [unknown, (string | number)[]][] = [
      [{ breaker: { failures: 0 } }, ['breaker']],
      [{ breaker: { cooldownMs: -1 } }, ['breaker']],
      [{ breakr: { failures: 1 } }, ['breakr']],
      [{ now: 'Date.now' }, ['now']],
      [{ name: 5 }, ['name']],
      [null, ['options']],
    ];
    for (const [options, path] of cases) {
      for (const make of [
        () => failover([p(), p()], options as never),
        () => roundRobin([{ provider: p(), weight: 1 }], options as never),
      ]) {
        const error = await rejectedMailError(Promise.resolve().then(make));
        expect(error.code).toBe('invalid_input');
        expect(error.issues.map((i) => i.path[0])).toContain(path[0]);
      }
    }
    // What they are for still works: a clock, no breaker, a name.
    const mailer = createMailer(failover([p()], { now: () => 0, breaker: false, name: 'pair' }));
    expect((await mailer.send({ ...base, text: 'x' })).member).toBe('p');
  });

  it('nests: a round-robin can be a member of a failover', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => createTestingProvider({ id }));
    const inner = roundRobin([
      { provider: a as never, weight: 1 },
      { provider: b as never, weight: 1 },
    ]);
    const mailer = createMailer(failover([inner, c as never]), { retry: { retries: 0 } });
    a?.inject({ kind: 'refuse', action: 'send' });
    b?.inject({ kind: 'refuse', action: 'send' });
    const result = await mailer.send({ ...base, text: 'x' });
    expect(result.member).toBe('c');
    expect(result.route?.[0]).toMatchObject({ member: 'round-robin', outcome: 'failed' });
  });

  it('used outside createMailer, its operations say so', () => {
    const composite = failover([createTestingProvider()]);
    expect(() => composite.send(normalizeMessage({ ...base, text: 'x' }))).toThrow(
      /composite provider: send through createMailer/,
    );
  });
});
