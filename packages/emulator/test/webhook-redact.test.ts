/**
 * Webhook URLs carry their secret in the query (`?token=…`) or the last path segment; the emulator shows a webhook URL in
 * its admin JSON (events callbacks, the request journal in `GET state`) and must never show the
 * secret there, while still POSTing to the full URL. A real receiver on loopback checks the
 * delivery; the emulator runs on loopback too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { adminCall } from './helpers/admin.js';
import { fetchEmu, T0, TEST_KEY, v1Request } from './helpers/aliyun-sign.js';
import { rawRequest, sendBody, tcOk } from './helpers/tencent-sign.js';

const SECRET = 'hook-s3cret-value';
let emu: Emulator;
let receiver: Server;
let hook: string;
const received: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ startTime: T0, aliyunKeys: [TEST_KEY] });
  receiver = createServer((req, res) => {
    received.push(req.url ?? '');
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  hook = `http://127.0.0.1:${port}/hook?tenant=acme&token=${SECRET}&sig=${SECRET}2`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const admin = (method: string, path: string, body?: unknown) => adminCall(emu, method, path, body);

describe('webhook URLs in the emulator', () => {
  it('shows a callback URL with its token redacted, and still delivers to the full URL', async () => {
    const set = await admin('POST', 'events/callback', { provider: 'tencent-ses', url: hook });
    expect(set.status).toBe(200);
    expect(set.text).not.toContain(SECRET);
    expect(JSON.parse(set.text).callbacks['tencent-ses']).toBe(
      `http://${new URL(hook).host}/hook?tenant=acme&token=[redacted]&sig=[redacted]`,
    );
    // A password in the user info is hidden too (fetch would refuse to push to it anyway).
    const withUser = 'https://user:pa55word@hooks.example.com/x#access_token=abc&v=1';
    const other = await admin('POST', 'events/callback', { provider: 'aliyun-dm', url: withUser });
    expect(JSON.parse(other.text).callbacks['aliyun-dm']).toBe(
      'https://user:[redacted]@hooks.example.com/x#access_token=[redacted]&v=1',
    );
    await admin('POST', 'events/callback', { provider: 'aliyun-dm', url: null });
    expect(JSON.stringify(emu.events.callbacks())).not.toContain(SECRET);

    await tcOk(emu, 'SendEmail', sendBody());
    await emu.events.flush();
    expect(received).toContain(`/hook?tenant=acme&token=${SECRET}&sig=${SECRET}2`);
    const events = await admin('GET', 'events');
    expect(events.text).toContain('"state":"delivered"');
    expect(events.text).not.toContain(SECRET);
    expect((await admin('GET', 'state')).text).not.toContain(SECRET);
  });

  it('hides a token in the last path segment (the mailbridge receiver reads it there) and still delivers to it', async () => {
    const pathHook = `http://${new URL(hook).host}/events/${SECRET}`;
    const set = await admin('POST', 'events/callback', { provider: 'tencent-ses', url: pathHook });
    expect(set.status).toBe(200);
    expect(JSON.parse(set.text).callbacks['tencent-ses']).toBe(
      `http://${new URL(hook).host}/events/[redacted]`,
    );
    await tcOk(emu, 'SendEmail', sendBody());
    await emu.events.flush();
    expect(received).toContain(`/events/${SECRET}`);
    expect((await admin('GET', 'events')).text).not.toContain(SECRET);
    // A push that fails quotes the URL in its error text: shown the same way.
    await admin('POST', 'events/callback', {
      provider: 'tencent-ses',
      url: `http://127.0.0.1:1/e/${SECRET}`,
    });
    await tcOk(emu, 'SendEmail', sendBody());
    await emu.events.flush();
    expect((await admin('GET', 'events')).text).not.toContain(SECRET);
    await admin('POST', 'events/callback', { provider: 'tencent-ses', url: null });
  });

  it.each(['GET', 'POST'] as const)(
    'keeps a DirectMail NotifyUrl token out of the request journal (NotifyUrl in a %s)',
    async (method) => {
      const res = await fetchEmu(
        v1Request({
          method,
          host: `127.0.0.1:${emu.port}`,
          time: Date.now(),
          action: 'UpdateMailAddressMsgCallBackUrl',
          params: { MailFrom: 'noreply@mail.example.com', NotifyUrl: hook },
        }),
      );
      expect(res.status, res.text).toBe(200);
      // The journal records a request once its response has closed.
      let journal = '';
      for (let i = 0; i < 50 && !journal.includes(`"method":"${method}"`); i++) {
        journal = (await rawRequest(emu, 'GET', '/__emulator/requests', {}, '')).text;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(journal).toContain('NotifyUrl');
      expect(journal).toContain('token%3D%5Bredacted%5D');
      expect(journal).not.toContain(SECRET);
    },
  );
});
