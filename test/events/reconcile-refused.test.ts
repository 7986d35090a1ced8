/**
 * `reconcile` of a Tencent send whose outcome is unknown, when the status query shows only an
 * earlier send to the same recipient that Tencent refused (SendStatus 1006, too frequent) and
 * the unknown send's own row has not appeared yet (status data lags). The refused row is not
 * this send's: `not_sent` there tells the caller to send again, a duplicate if this one went out.
 * A raw loopback server answers GetSendEmailStatus as Tencent would at that moment.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMailer, reconcile } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, expect, it } from 'vitest';

const AT = Date.now();
const EARLIER_ID = 'qcloudses-30-4123414323-date-20250101000000-abcdefg-1';
let server: Server;
let origin: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      asked.push(String(req.headers['x-tc-action']));
      const earlier = {
        MessageId: EARLIER_ID,
        ToEmailAddress: 'ann@example.com',
        FromEmailAddress: 'noreply@mail.example.com',
        SendStatus: 1006,
        DeliverStatus: 0,
        DeliverMessage: 'sent too frequently to this address',
        RequestTime: Math.floor((AT - 60_000) / 1000),
        DeliverTime: 0,
        UserOpened: false,
        UserClicked: false,
        UserUnsubscribed: false,
        UserComplained: false,
      };
      const body = JSON.stringify({ Response: { EmailStatusList: [earlier], RequestId: 'r-1' } });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A Tencent mailer whose requests the server above answers. */
function tencentMailer() {
  return createMailer(
    tencentSes({
      region: 'ap-guangzhou',
      endpoint: origin,
      credentials: { id: 'AKIDreconcile0001', secret: 'reconcile-secret-0123456789' },
    }),
  );
}

it('a refused row of another send, without a message id, is not_found_yet within the settle window', async () => {
  const mailer = tencentMailer();
  try {
    const answer = await reconcile(mailer, { to: 'ann@example.com', at: AT }, { now: () => AT });
    expect(asked).toContain('GetSendEmailStatus');
    expect(answer.statuses).toHaveLength(1);
    expect(answer.outcome).toBe('not_found_yet');
    // Once settled with still no accepted row of its own, it was not sent.
    const later = await reconcile(
      mailer,
      { to: 'ann@example.com', at: AT },
      { now: () => AT + 31 * 60_000 },
    );
    expect(later.outcome).toBe('not_sent');
    // A refused row that carries the send's own message id settles it at once.
    const own = await reconcile(
      mailer,
      { to: 'ann@example.com', at: AT, messageId: EARLIER_ID },
      { now: () => AT },
    );
    expect(own.outcome).toBe('not_sent');
  } finally {
    await mailer.close();
  }
});

it('a send too near the 30 days providers keep status for is refused naming at, before any request', async () => {
  const mailer = tencentMailer();
  try {
    const before = asked.length;
    // Inside 30 days, but its clock allowance (5 minutes before it) reaches past them: the rows
    // it could match may already be gone, so neither `sent` nor `not_sent` could be trusted.
    const at = Date.now() - 30 * 86_400_000 + 2 * 60_000;
    const refused = await reconcile(mailer, { to: 'ann@example.com', at }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ path: ['at'] }] });
    expect(String((refused as Error).message)).toMatch(/30 days/);
    expect(asked.length).toBe(before);
  } finally {
    await mailer.close();
  }
});
