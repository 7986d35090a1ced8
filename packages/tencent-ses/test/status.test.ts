import { describe, expect, it } from 'vitest';
import { defaultSigner, type RequestContext } from '../src/client.js';
import { resolveTencentSesConfig } from '../src/config.js';
import {
  dateOfMessageId,
  deliveryState,
  getDeliveryStatus,
  statusOperation,
} from '../src/status.js';

describe('delivery status', () => {
  it.each([
    [0, 0, 'queued'],
    [0, 1, 'delivered'],
    [0, 2, 'dropped'],
    [0, 3, 'bounced'],
    [0, 8, 'deferred'],
    [1007, 0, 'rejected'],
    [3024, undefined, 'rejected'],
    [0, 99, 'unknown'],
  ] as const)('SendStatus %s, DeliverStatus %s -> %s', (send, deliver, state) => {
    expect(deliveryState(send, deliver)).toBe(state);
  });

  it('derives the day from the MessageId', () => {
    expect(dateOfMessageId('qcloudses-30-4123414323-date-20210101094334-syNARhMTbKI1')).toBe(
      '2021-01-01',
    );
    expect(dateOfMessageId('other')).toBeUndefined();
  });

  it('queries one day, pages by 100, and keeps the provider codes', async () => {
    const calls: unknown[] = [];
    const row = (i: number) => ({
      MessageId: 'm',
      ToEmailAddress: `r${i}@example.com`,
      SendStatus: 0,
      DeliverStatus: 3,
      DeliverMessage: '550 no such user',
      RequestTime: 1_700_000_000,
      UserComplainted: true,
    });
    const client = {
      async GetSendEmailStatus(params: { Offset: number }) {
        calls.push(params);
        const size = params.Offset === 0 ? 100 : 1;
        return { EmailStatusList: Array.from({ length: size }, (_, i) => row(params.Offset + i)) };
      },
    };
    const rows = await getDeliveryStatus(client as never, {
      recipient: 'r@example.com',
      date: new Date('2024-03-01T17:00:00Z'),
    });
    expect(calls).toEqual([
      { RequestDate: '2024-03-02', Offset: 0, Limit: 100, ToEmailAddress: 'r@example.com' },
      { RequestDate: '2024-03-02', Offset: 100, Limit: 100, ToEmailAddress: 'r@example.com' },
    ]);
    expect(rows).toHaveLength(101);
    expect(rows[0]).toEqual({
      messageId: 'm',
      recipient: 'r0@example.com',
      state: 'bounced',
      sendStatus: 0,
      deliverStatus: 3,
      reason: '550 no such user',
      requestedAt: new Date(1_700_000_000_000),
      opened: false,
      clicked: false,
      unsubscribed: false,
      complained: true,
    });
  });
});

describe('mailer.status pages (GetSendEmailStatus)', () => {
  const context: RequestContext = {
    settings: resolveTencentSesConfig({
      region: 'ap-guangzhou',
      credentials: { id: 'AKIDtest', secret: 'the-secret' },
    }),
    signer: defaultSigner,
  };
  const attempt = {
    attempt: 1,
    signal: new AbortController().signal,
    now: () => 1_709_300_000_000,
    execute: () => Promise.reject(new Error('no pipeline in this unit test')),
  };
  const answer = (list: readonly Record<string, unknown>[]) => ({
    status: 200,
    headers: {},
    body: JSON.stringify({ Response: { EmailStatusList: list, RequestId: 'r' } }),
  });
  const query = (since: string, until: string) => ({
    recipient: 'r@example.com',
    since: new Date(since),
    until: new Date(until),
    now: new Date(until),
  });
  const row = (sendStatus: number, deliverStatus: number) => ({
    MessageId: 'm',
    ToEmailAddress: 'r@example.com',
    SendStatus: sendStatus,
    DeliverStatus: deliverStatus,
    DeliverMessage: '451 4.7.1 try again later',
  });
  const kindOf = (sendStatus: number, deliverStatus: number) =>
    statusOperation(context, query('2024-03-01T00:00:00Z', '2024-03-01T01:00:00Z'), undefined)
      .parse(answer([row(sendStatus, deliverStatus)]), attempt)
      .items.map((s) => ({ kind: s.kind, accepted: s.accepted }));

  it('reads DeliverStatus 8 as deferred, not as a bounce the caller would suppress', () => {
    expect(kindOf(0, 8)).toEqual([{ kind: 'deferred', accepted: true }]);
    expect(kindOf(0, 3)).toEqual([{ kind: 'bounced', accepted: true }]);
    expect(kindOf(0, 1)).toEqual([{ kind: 'delivered', accepted: true }]);
  });

  it('reads a SendStatus other than 0 as a refusal: dropped and not accepted, whatever DeliverStatus says', () => {
    expect(kindOf(1007, 0)).toEqual([{ kind: 'dropped', accepted: false }]);
    expect(kindOf(3024, 1)).toEqual([{ kind: 'dropped', accepted: false }]);
  });

  it('asks about every UTC+8 day the window touches, the last one too', async () => {
    // 20:00 on 1 March to 14:00 on 3 March, Beijing time: three days, though under 48 hours.
    const window = query('2024-03-01T12:00:00Z', '2024-03-03T06:00:00Z');
    const days: unknown[] = [];
    let cursor: string | undefined;
    do {
      const op = statusOperation(context, window, cursor);
      const request = await op.build(attempt);
      days.push(JSON.parse(new TextDecoder().decode(request.body as Uint8Array)).RequestDate);
      cursor = op.parse(answer([]), attempt).next;
    } while (cursor !== undefined && days.length < 10);
    expect(days).toEqual(['2024-03-01', '2024-03-02', '2024-03-03']);
  });

  it('reads a complaint from UserComplained, the current field, over the deprecated spelling', () => {
    const complained = (fields: Record<string, boolean>) =>
      statusOperation(context, query('2024-03-01T00:00:00Z', '2024-03-01T01:00:00Z'), undefined)
        .parse(answer([{ ...row(0, 1), ...fields }]), attempt)
        .items.map((s) => s.complained);
    expect(complained({ UserComplained: true, UserComplainted: false })).toEqual([true]);
    expect(complained({ UserComplained: false, UserComplainted: true })).toEqual([false]);
    expect(complained({ UserComplainted: true })).toEqual([true]);
  });
});
