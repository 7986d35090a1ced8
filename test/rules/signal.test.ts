/**
 * The caller's abort is `{ signal }` on every call that takes one, neutral and raw, in both
 * adapters (issue 14: one name, `CallOptions` in packages/core/src/provider/provider.ts). An
 * already-aborted signal ends each call as `aborted`, `not_sent`, before any request is built.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { type CallOptions, createMailer, type Mailer } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

// A loopback port nothing serves: a request that went out would fail as `network`, not `aborted`.
const endpoint = 'http://127.0.0.1:9';
let requests = 0;
const mailers: Mailer[] = [];
afterEach(async () => {
  await Promise.all(mailers.splice(0).map((m) => m.close()));
  requests = 0;
});

function mailerOf(provider: Parameters<typeof createMailer>[0]): Mailer {
  const mailer = createMailer(provider, {
    retry: { retries: 0 },
    hooks: { onRequest: () => (requests += 1) },
  });
  mailers.push(mailer);
  return mailer;
}

/** Drain an async iterable (a list, `sendMany`) to its end or its error. */
async function drain(items: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of items) {
    // nothing: the abort is what is tested
  }
}

const targets = {
  'aliyun-dm': {
    mailer: () =>
      mailerOf(
        aliyunDm({ region: 'cn-hangzhou', endpoint, credentials: { id: 'LTAIs', secret: 's' } }),
      ),
    message: { from: 'noreply@mail.example.com', to: 'a@example.com', subject: 'Hi', html: 'x' },
    template: 'welcome',
    group: 'list1',
    batch: {},
    raw: (raw: unknown, call: CallOptions) =>
      (
        raw as { DescAccountSummary(p: object, o: CallOptions): Promise<unknown> }
      ).DescAccountSummary({}, call),
  },
  'tencent-ses': {
    mailer: () =>
      mailerOf(
        tencentSes({ region: 'ap-guangzhou', endpoint, credentials: { id: 'AKIDs', secret: 's' } }),
      ),
    message: {
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      subject: 'Hi',
      template: { id: 1, data: {} },
    },
    template: 1,
    group: '12345',
    // Tencent's BatchSendEmail takes a subject; DirectMail's takes it from the template.
    batch: { subject: 'Hi' },
    raw: (raw: unknown, call: CallOptions) =>
      (
        raw as { ListEmailTemplates(p: object, o: CallOptions): Promise<unknown> }
      ).ListEmailTemplates({ Offset: 0, Limit: 10 }, call),
  },
};

describe.each(Object.entries(targets))('%s: { signal } on every call', (_id, target) => {
  const calls: Record<string, (m: Mailer, call: CallOptions) => Promise<unknown>> = {
    send: (m, call) => m.send(target.message, call),
    sendMany: (m, call) => drain(m.sendMany([target.message], call)),
    sendBatch: (m, call) =>
      m.sendBatch(
        {
          from: 'noreply@mail.example.com',
          group: target.group,
          template: { id: target.template },
          ...target.batch,
        },
        call,
      ),
    status: (m, call) => m.status({ recipient: 'a@example.com' }, call),
    'groups.create': (m, call) => m.groups.create({ name: 'list2' }, call),
    'groups.list': (m, call) => drain(m.groups.list(call)),
    'groups.addRecipients': (m, call) =>
      m.groups.addRecipients(target.group, [{ address: 'a@example.com' }], call),
    'groups.delete': (m, call) => m.groups.delete(target.group, call),
    'templates.list': (m, call) => drain(m.templates.list(call)),
    'suppression.add': (m, call) => m.suppression.add(['a@example.com'], call),
    raw: (m, call) => target.raw(m.raw, call),
  };

  it.each(Object.keys(calls))('%s: an aborted signal ends it before any request', async (name) => {
    const call = calls[name] as (m: Mailer, call: CallOptions) => Promise<unknown>;
    const error = await failure(call(target.mailer(), { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    expect(requests).toBe(0);
  });
});
