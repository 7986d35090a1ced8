/**
 * Suppression against the emulator: events from the receiver fill the store (hard bounce,
 * complaint, unsubscribe; not a soft bounce), and `send` then refuses those recipients before any
 * request. A store that fails or hangs fails the send as not sent.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createEventReceiver,
  createMailer,
  isMailError,
  type MailerOptions,
  memorySuppression,
  type SuppressionStore,
  suppressFromEvent,
  toNodeListener,
} from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { parseEvents, tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOKEN = 'suppress-token-0123456789';
let emu: Emulator;
let server: Server;
const store = memorySuppression();

beforeAll(async () => {
  emu = await startEmulator();
  const receiver = createEventReceiver({
    token: TOKEN,
    parse: parseEvents,
    onEvent: (event) => suppressFromEvent(store, event),
  });
  server = createServer(toNodeListener(receiver.handle));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  emu.events.setCallback('tencent-ses', `http://127.0.0.1:${port}/events/${TOKEN}`);
});
afterAll(async () => {
  await emu.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function mailer(options: MailerOptions = {}) {
  const key = emu.credentials.tencent[0] as { id: string; secret: string };
  return createMailer(
    tencentSes({
      region: 'ap-guangzhou',
      endpoint: emu.tencentEndpoint,
      credentials: { id: key.id, secret: key.secret },
    }),
    { suppression: store, ...options },
  );
}

const message = (to: string | string[], cc?: string) => ({
  from: 'noreply@mail.example.com',
  to,
  ...(cc ? { cc } : {}),
  subject: 'Hello',
  template: { id: 100001, data: { name: 'Ann' } },
});

const sends = () => emu.requests['tencent-ses'].SendEmail ?? 0;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('suppression from events', () => {
  it('hard bounce, complaint and unsubscribe suppress; a soft bounce does not', async () => {
    const m = mailer();
    for (const to of [
      'bounce+hard@example.com',
      'complaint@example.com',
      'unsubscribe@example.com',
      'bounce+soft@example.com',
    ]) {
      await m.send(message(to));
    }
    await emu.events.flush();
    expect(store.list()).toEqual([
      { address: 'bounce+hard@example.com', reason: 'hard_bounce' },
      { address: 'complaint@example.com', reason: 'complaint' },
      { address: 'unsubscribe@example.com', reason: 'unsubscribe' },
    ]);
  });

  it('send refuses a suppressed recipient before any request, naming the field', async () => {
    const before = sends();
    const error = await rejection(
      mailer().send(message(['ok@example.com'], 'Complaint@Example.com')),
    );
    expect(isMailError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'invalid_recipient',
      delivery: 'not_sent',
      retryable: false,
      issues: [{ path: ['cc', 0], message: 'Complaint@Example.com is suppressed' }],
    });
    expect(sends()).toBe(before);
    // The soft bounce was not suppressed: it still goes out.
    await mailer().send(message('bounce+soft@example.com'));
    expect(sends()).toBe(before + 1);
  });

  it('an address removed from the store can be mailed again', async () => {
    store.remove('unsubscribe@example.com');
    await expect(mailer().send(message('unsubscribe@example.com'))).resolves.toMatchObject({
      provider: 'tencent-ses',
    });
  });
});

describe('a store that misbehaves', () => {
  it('a store that throws fails the send as not_sent, with no request', async () => {
    const broken: SuppressionStore = {
      suppressed: () => {
        throw new Error('redis down');
      },
      add: () => {},
      remove: () => {},
    };
    const before = sends();
    const error = await rejection(mailer({ suppression: broken }).send(message('a@example.com')));
    expect(error).toMatchObject({ code: 'unknown', delivery: 'not_sent' });
    expect(sends()).toBe(before);
  });

  it('a store that answers nonsense fails the send as not_sent', async () => {
    const odd = {
      suppressed: () => 'yes',
      add: () => {},
      remove: () => {},
    } as unknown as SuppressionStore;
    const error = await rejection(mailer({ suppression: odd }).send(message('a@example.com')));
    expect(error).toMatchObject({ code: 'unknown', delivery: 'not_sent' });
  });
});
