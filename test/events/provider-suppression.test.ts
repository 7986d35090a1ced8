/**
 * The providers' own suppression lists as the mailer's store, against the emulator: DirectMail's
 * user suppression list and Tencent's custom blocklist. A hard bounce pushed by the emulator adds
 * the address there; the next send to it is refused before any send request; removing it lets
 * mail through again.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  aliyunDm,
  createAliyunDmClient,
  providerSuppression as dmSuppression,
  parseEvents as parseDm,
} from '@mailbridge/aliyun-dm';
import {
  createEventReceiver,
  createMailer,
  type MailEvent,
  type Mailer,
  type MessageInput,
  type SuppressionStore,
  suppressFromEvent,
  toNodeListener,
} from '@mailbridge/core';
import { type Emulator, type ProviderId, startEmulator } from '@mailbridge/emulator';
import {
  createTencentSesClient,
  parseEvents as parseTc,
  providerSuppression as tcSuppression,
  tencentSes,
} from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOKEN = 'provider-list-token-0123';

interface Target {
  readonly provider: ProviderId;
  readonly sendAction: string;
  readonly listAction: string;
  readonly parse: (body: string) => MailEvent[];
  store(emu: Emulator): SuppressionStore;
  mailer(emu: Emulator, suppression: SuppressionStore): Mailer;
  readonly message: (to: string) => MessageInput;
}

const key = (emu: Emulator, p: ProviderId) =>
  (p === 'tencent-ses' ? emu.credentials.tencent[0] : emu.credentials.aliyun[0]) as {
    id: string;
    secret: string;
  };

const TARGETS: readonly Target[] = [
  {
    provider: 'tencent-ses',
    sendAction: 'SendEmail',
    listAction: 'ListCustomBlacklist',
    parse: parseTc,
    store: (emu) =>
      tcSuppression(
        createTencentSesClient({
          region: 'ap-guangzhou',
          endpoint: emu.url,
          credentials: key(emu, 'tencent-ses'),
        }),
      ),
    mailer: (emu, suppression) =>
      createMailer(
        tencentSes({
          region: 'ap-guangzhou',
          endpoint: emu.url,
          credentials: key(emu, 'tencent-ses'),
        }),
        { suppression },
      ),
    message: (to) => ({
      from: 'noreply@mail.example.com',
      to,
      subject: 'Hi',
      template: { id: 100001, data: { name: 'A' } },
    }),
  },
  {
    provider: 'aliyun-dm',
    sendAction: 'SingleSendMail',
    listAction: 'ListUserSuppression',
    parse: (body) => parseDm(body),
    store: (emu) =>
      dmSuppression(
        createAliyunDmClient({
          region: 'cn-hangzhou',
          endpoint: emu.url,
          credentials: key(emu, 'aliyun-dm'),
        }),
      ),
    mailer: (emu, suppression) =>
      createMailer(
        aliyunDm({ region: 'cn-hangzhou', endpoint: emu.url, credentials: key(emu, 'aliyun-dm') }),
        { suppression },
      ),
    message: (to) => ({ from: 'noreply@mail.example.com', to, subject: 'Hi', html: '<p>Hi</p>' }),
  },
];

describe.each(TARGETS)('$provider suppression list', (target) => {
  let emu: Emulator;
  let server: Server;
  let store: SuppressionStore;

  beforeAll(async () => {
    emu = await startEmulator();
    store = target.store(emu);
    const receiver = createEventReceiver({
      token: TOKEN,
      parse: target.parse,
      onEvent: (e) => suppressFromEvent(store, e),
    });
    server = createServer(toNodeListener(receiver.handle));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    emu.events.setCallback(
      target.provider,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/e/${TOKEN}`,
    );
  });
  afterAll(async () => {
    await emu.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('a pushed hard bounce lands on the provider list; the next send is refused before any send request', async () => {
    const mailer = target.mailer(emu, store);
    await mailer.send(target.message('bounce@example.com'));
    await emu.events.flush();
    expect(await store.suppressed(['bounce@example.com', 'ok@example.com'])).toEqual([
      'bounce@example.com',
    ]);
    const sends = emu.requests[target.provider][target.sendAction];
    await expect(mailer.send(target.message('Bounce@Example.com'))).rejects.toMatchObject({
      code: 'invalid_recipient',
      delivery: 'not_sent',
    });
    expect(emu.requests[target.provider][target.sendAction]).toBe(sends);
    await store.remove('bounce@example.com');
    expect(await store.suppressed(['bounce@example.com'])).toEqual([]);
    await expect(mailer.send(target.message('bounce@example.com'))).resolves.toMatchObject({
      provider: target.provider,
    });
    await mailer.close();
  });

  it('the list failing without an answer fails the send as not_sent: no send request was made', async () => {
    const mailer = target.mailer(emu, store);
    const sends = emu.requests[target.provider][target.sendAction];
    emu.inject({
      provider: target.provider,
      action: target.listAction,
      fault: { kind: 'drop' },
      count: 10,
    });
    try {
      await expect(mailer.send(target.message('ok@example.com'))).rejects.toMatchObject({
        delivery: 'not_sent',
        message: expect.stringMatching(/suppression store failed/),
      });
    } finally {
      emu.clearFaults();
    }
    expect(emu.requests[target.provider][target.sendAction]).toBe(sends);
    await mailer.close();
  });
});
