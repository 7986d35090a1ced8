/**
 * The whole loop offline, for both providers: send through the mailer to the emulator, receive
 * the events it pushes through the receiver (real HTTP on loopback), read the same outcome with
 * `mailer.status`, and reconcile a send whose connection was dropped after processing to "sent".
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aliyunDm, parseEvents as parseDm } from '@mailbridge/aliyun-dm';
import {
  createEventReceiver,
  createMailer,
  isMailError,
  type MailEvent,
  type Mailer,
  type MessageInput,
  reconcile,
  toNodeListener,
} from '@mailbridge/core';
import { type Emulator, type ProviderId, startEmulator } from '@mailbridge/emulator';
import { parseEvents as parseTc, tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOKEN = 'e2e-token-0123456789';

interface Target {
  readonly provider: ProviderId;
  readonly parse: (body: string) => MailEvent[];
  mailer(emu: Emulator): Mailer;
  message(to: string, subject: string): MessageInput;
  /** DirectMail reports hard/soft in its status rows; Tencent's DeliverStatus 3 does not say. */
  readonly statusBounce: 'hard' | undefined;
}

const TARGETS: readonly Target[] = [
  {
    provider: 'tencent-ses',
    parse: parseTc,
    mailer: (emu) => {
      const key = emu.credentials.tencent[0] as { id: string; secret: string };
      return createMailer(
        tencentSes({
          region: 'ap-guangzhou',
          endpoint: emu.tencentEndpoint,
          credentials: { id: key.id, secret: key.secret },
        }),
      );
    },
    message: (to, subject) => ({
      from: 'noreply@mail.example.com',
      to,
      subject,
      template: { id: 100001, data: { name: 'Ann' } },
    }),
    statusBounce: undefined,
  },
  {
    provider: 'aliyun-dm',
    parse: (body) => parseDm(body),
    mailer: (emu) => {
      const key = emu.credentials.aliyun[0] as { id: string; secret: string };
      return createMailer(
        aliyunDm({
          region: 'cn-hangzhou',
          endpoint: emu.aliyunEndpoint,
          credentials: { id: key.id, secret: key.secret },
        }),
      );
    },
    message: (to, subject) => ({
      from: 'noreply@mail.example.com',
      to,
      subject,
      html: '<p>hello</p>',
      tags: ['demo'],
    }),
    statusBounce: 'hard',
  },
];

describe.each(TARGETS)('$provider: send → pushed events → status → reconcile', (target) => {
  let emu: Emulator;
  let server: Server;
  let mailer: Mailer;
  const received: MailEvent[] = [];

  beforeAll(async () => {
    emu = await startEmulator();
    const receiver = createEventReceiver({
      token: TOKEN,
      parse: target.parse,
      onEvent: (e) => void received.push(e),
    });
    server = createServer(toNodeListener(receiver.handle));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    emu.events.setCallback(
      target.provider,
      `http://127.0.0.1:${port}/hooks/${target.provider}/${TOKEN}`,
    );
    mailer = target.mailer(emu);
  });
  afterAll(async () => {
    await mailer.close();
    await emu.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const eventsFor = (to: string) => received.filter((e) => e.recipient === to);

  it('pushes delivered, hard bounce and complaint events that arrive through the receiver', async () => {
    const ok = await mailer.send(target.message('ann@example.com', 'Welcome'));
    const bounced = await mailer.send(target.message('bounce+hard@example.com', 'Welcome'));
    await mailer.send(target.message('complaint@example.com', 'Welcome'));
    await emu.events.flush();

    expect(eventsFor('ann@example.com')).toMatchObject([
      { provider: target.provider, kind: 'delivered', messageId: ok.messageId },
    ]);
    expect(eventsFor('bounce+hard@example.com')).toMatchObject([
      { kind: 'bounced', bounce: 'hard', messageId: bounced.messageId, smtpCode: '550' },
    ]);
    expect(eventsFor('complaint@example.com').map((e) => e.kind)).toEqual([
      'delivered',
      'complained',
    ]);
    for (const event of received) expect(event.at?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(
      emu.events.list({ provider: target.provider }).every((e) => e.push.state === 'delivered'),
    ).toBe(true);
  });

  it('opens and clicks from the admin API arrive as opened/clicked events with url and user agent', async () => {
    const sent = await mailer.send(target.message('clicker@example.com', 'Sale'));
    const click = await fetch(`${emu.url}/__emulator/events/click`, {
      method: 'POST',
      body: JSON.stringify({
        provider: target.provider,
        messageId: sent.messageId,
        to: 'clicker@example.com',
        url: 'https://shop.example.com/sale',
        userAgent: 'UA/1',
      }),
    });
    expect(click.status).toBe(200);
    await fetch(`${emu.url}/__emulator/events/open`, {
      method: 'POST',
      body: JSON.stringify({ provider: target.provider, to: 'clicker@example.com' }),
    });
    await emu.events.flush();
    expect(eventsFor('clicker@example.com').map((e) => e.kind)).toEqual([
      'delivered',
      'clicked',
      'opened',
    ]);
    expect(eventsFor('clicker@example.com')[1]).toMatchObject({
      url: 'https://shop.example.com/sale',
      userAgent: 'UA/1',
    });
  });

  it('mailer.status reads the same outcomes', async () => {
    const [ann] = await mailer.status({ recipient: 'ann@example.com' });
    expect(ann).toMatchObject({
      provider: target.provider,
      recipient: 'ann@example.com',
      kind: 'delivered',
      accepted: true,
    });
    const [bounce] = await mailer.status({ recipient: 'bounce+hard@example.com' });
    expect(bounce).toMatchObject({
      kind: 'bounced',
      accepted: true,
      reason: '550 5.1.1 no such user',
    });
    expect(bounce?.bounce).toBe(target.statusBounce);
    if (target.provider === 'tencent-ses') {
      const pushed = eventsFor('clicker@example.com')[0] as MailEvent;
      const rows = await mailer.status({ messageId: pushed.messageId as string });
      expect(rows).toMatchObject([
        { kind: 'delivered', opened: true, clicked: true, messageId: pushed.messageId },
      ]);
    } else {
      await expect(mailer.status({ messageId: '1' })).rejects.toMatchObject({
        code: 'unsupported',
      });
    }
  });

  it('mailer.status leaves out rows sent outside the window it was given', async () => {
    // The emulator's clock stands still: sent at `before`, asked about from two seconds on.
    const before = Date.now();
    emu.setTime(before);
    await mailer.send(target.message('window@example.com', 'Window'));
    const after = new Date(before + 2000);
    expect(await mailer.status({ recipient: 'window@example.com' })).toHaveLength(1);
    const later = { since: after, until: new Date(before + 3000) };
    expect(await mailer.status({ recipient: 'window@example.com', ...later })).toEqual([]);
    // Only Tencent's rows say when the request was made (DirectMail's say when they last changed).
    if (target.provider === 'tencent-ses') {
      const until = new Date(before - 1000);
      const since = new Date(before - 60 * 60 * 1000);
      expect(await mailer.status({ recipient: 'window@example.com', since, until })).toEqual([]);
    }
  });

  it('a window starting just inside the 30 days both providers keep is answered', async () => {
    // Tencent counts the 30 days in its own (UTC+8) days (docs/providers/tencent-ses-limits.md):
    // the day this window starts on began more than 30 days ago, and is still kept.
    const since = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000 + 60_000);
    const rows = await mailer.status({ recipient: 'ann@example.com', since });
    expect(rows.map((r) => r.kind)).toEqual(['delivered']);
  });

  it('reconciles a send whose connection dropped after processing to "sent"', async () => {
    const sendAction = target.provider === 'tencent-ses' ? 'SendEmail' : 'SingleSendMail';
    emu.inject({ provider: target.provider, action: sendAction, fault: { kind: 'drop' } });
    const message = target.message('dropped-reply@example.com', 'Receipt 42');
    const at = new Date();
    const error = await mailer.send(message).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMailError(error) && error.delivery).toBe('unknown');
    const answer = await reconcile(mailer, {
      provider: target.provider,
      to: 'dropped-reply@example.com',
      subject: 'Receipt 42',
      at,
    });
    expect(answer.outcome).toBe('sent');
    expect(answer.statuses).toHaveLength(1);
  });

  it('a send that never reached the provider reconciles to not_found_yet, then not_sent once settled', async () => {
    const send = {
      provider: target.provider,
      to: 'never@example.com',
      subject: 'Nope',
      at: new Date(),
    };
    expect((await reconcile(mailer, send)).outcome).toBe('not_found_yet');
    expect((await reconcile(mailer, send, { settleMs: 0 })).outcome).toBe('not_sent');
  });
});
