/**
 * Every class of bad input fails with a clear MailError and no request leaves the process:
 * a counting undici dispatcher sits between the mailer and a real loopback server.
 */
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, isMailError, type Mailer, type MessageInput } from '../src/index.js';
import { TESTING_CAPABILITIES } from '../src/testing/testing.js';
import { type EchoServer, echoProvider, startEchoServer } from './helpers/http-provider.js';

class CountingAgent extends Agent {
  count = 0;
  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    this.count += 1;
    return super.dispatch(options, handler);
  }
}

const valid = {
  from: 'Shop <noreply@example.com>',
  to: 'ann@example.com',
  subject: 'Hi',
  text: 'Hello',
};
const noCcCaps = {
  ...TESTING_CAPABILITIES,
  recipients: { ...TESTING_CAPABILITIES.recipients, cc: 0, to: 3 },
  attachments: false as const,
};

const cases: [string, unknown, 'invalid_input' | 'unsupported', string][] = [
  ['missing from', { ...valid, from: undefined }, 'invalid_input', 'from'],
  ['missing recipients', { ...valid, to: undefined }, 'invalid_input', 'to'],
  ['missing subject', { ...valid, subject: undefined }, 'invalid_input', 'subject'],
  ['missing body', { ...valid, text: undefined }, 'invalid_input', ''],
  ['malformed address', { ...valid, to: 'ann@@example' }, 'invalid_input', 'to'],
  [
    'CR/LF in subject',
    { ...valid, subject: 'Hi\r\nBcc: x@evil.example' },
    'invalid_input',
    'subject',
  ],
  [
    'LF in display name',
    { ...valid, from: { address: 'a@example.com', name: 'A\nBcc: x@evil.example' } },
    'invalid_input',
    'from',
  ],
  ['CR in header value', { ...valid, headers: { 'X-Tag': 'a\rb' } }, 'invalid_input', 'headers'],
  ['bad header name', { ...valid, headers: { 'X Bad:': 'v' } }, 'invalid_input', 'headers'],
  [
    'duplicate recipients',
    { ...valid, to: ['ann@example.com', 'ANN@example.com'] },
    'invalid_input',
    'to',
  ],
  [
    'empty attachment',
    { ...valid, attachments: [{ filename: 'a.txt', content: '' }] },
    'invalid_input',
    'attachments',
  ],
  ['unknown field', { ...valid, priority: 'high' }, 'invalid_input', 'priority'],
  [
    'over the to cap',
    { ...valid, to: ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com'] },
    'invalid_input',
    'to',
  ],
  ['unsupported cc', { ...valid, cc: 'b@example.com' }, 'unsupported', 'cc'],
  [
    'unsupported attachments',
    { ...valid, attachments: [{ filename: 'a.txt', content: 'x' }] },
    'unsupported',
    'attachments',
  ],
];

describe('bad input never reaches the network', () => {
  let server: EchoServer;
  const agent = new CountingAgent();
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(async () => {
    await agent.close();
    await server.close();
  });

  it.each(cases)('%s', async (_name, input, code, path) => {
    const mailer = createMailer(echoProvider(server.origin, noCcCaps), { dispatcher: agent });
    const error = await mailer.send(input as MessageInput).catch((e: unknown) => e);
    expect(isMailError(error)).toBe(true);
    if (!isMailError(error)) return;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    if (path) expect(error.issues.map((i) => i.path.join('.')).join(' ')).toContain(path);
    expect(agent.count).toBe(0);
    expect(server.received).toHaveLength(0);
  });

  const batch = { from: 'noreply@example.com', group: 'g1', template: { id: 7 } };
  const noScheduleCaps = { ...noCcCaps, schedule: { timed: false, recurring: false } };
  const later = new Date(Date.now() + 3_600_000);
  const calls: [string, (mailer: Mailer) => Promise<unknown>, string, string][] = [
    [
      'batch without template',
      (m) => m.sendBatch({ ...batch, template: undefined } as never),
      'invalid_input',
      'template',
    ],
    [
      'batch unknown field',
      (m) => m.sendBatch({ ...batch, priority: 1 } as never),
      'invalid_input',
      'priority',
    ],
    [
      'batch non-numeric template id',
      (m) => m.sendBatch({ ...batch, template: { id: 'welcome' } }),
      'invalid_input',
      'template.id',
    ],
    [
      'batch schedule unsupported',
      (m) => m.sendBatch({ ...batch, schedule: { at: later } }),
      'unsupported',
      'schedule',
    ],
    ['group without name', (m) => m.groups.create({ name: '' }), 'invalid_input', 'name'],
    [
      'upload with a bad address',
      (m) => m.groups.addRecipients('g1', ['a@example.com', 'b@@x']),
      'invalid_input',
      '1',
    ],
    [
      'upload to no group',
      (m) => m.groups.addRecipients('', ['a@example.com']),
      'invalid_input',
      'group',
    ],
  ];

  it.each(calls)('%s', async (_name, call, code, path) => {
    const mailer = createMailer(echoProvider(server.origin, noScheduleCaps), { dispatcher: agent });
    const error = await call(mailer).catch((e: unknown) => e);
    expect(isMailError(error)).toBe(true);
    if (!isMailError(error)) return;
    expect(error.code).toBe(code);
    expect(error.issues.map((i) => i.path.join('.')).join(' ')).toContain(path);
    expect(agent.count).toBe(0);
    expect(server.received).toHaveLength(0);
  });

  it('a valid message does go through the same dispatcher', async () => {
    const mailer = createMailer(echoProvider(server.origin, noCcCaps), { dispatcher: agent });
    const result = await mailer.send(valid);
    expect(result.messageId).toBe('m1');
    expect(agent.count).toBe(1);
  });
});
