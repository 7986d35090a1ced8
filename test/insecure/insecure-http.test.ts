/**
 * Plain http to a host that is not loopback (an emulator in another container, as in
 * examples/docker-compose.yml) is refused unless opted into with `allowInsecureHttp: true` or
 * `?insecure=1`, and the refusal names the opt-in. The opted-in path is exercised end to end:
 * the host name `mail-emulator.test` resolves, through the dispatcher's DNS lookup, to the
 * emulator on 127.0.0.1, so the request really leaves through the http check as a container's would.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, fromConfig } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { thrown as refused } from '../helpers/failure.js';

let emu: Emulator;
let agent: Agent;
let endpoint: string;

beforeAll(async () => {
  emu = await startEmulator();
  endpoint = `http://mail-emulator.test:${emu.port}`;
  // Every name resolves to loopback: the request goes to the emulator, the URL stays non-loopback.
  agent = new Agent({
    connect: {
      lookup: (_host, options, callback) => {
        if ((options as { all?: boolean }).all)
          callback(null, [{ address: '127.0.0.1', family: 4 }]);
        else (callback as (e: null, a: string, f: number) => void)(null, '127.0.0.1', 4);
      },
    },
  });
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('plain http off loopback', () => {
  it('is refused by both adapters without the opt-in, naming it', () => {
    const tc = emu.credentials.tencent[0] as { id: string; secret: string };
    const al = emu.credentials.aliyun[0] as { id: string; secret: string };
    const refusals = [
      refused(() => tencentSes({ region: 'ap-guangzhou', endpoint, credentials: tc })),
      refused(() => aliyunDm({ region: 'cn-hangzhou', endpoint, credentials: al })),
    ];
    for (const error of refusals) {
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain('allowInsecureHttp');
      expect(error.message).toContain('?insecure=1');
      expect(error.issues?.[0]?.path).toEqual(['endpoint']);
    }
  });

  it('sends through Tencent SES with allowInsecureHttp: true', async () => {
    const credentials = emu.credentials.tencent[0] as { id: string; secret: string };
    const provider = tencentSes({
      region: 'ap-guangzhou',
      endpoint,
      credentials,
      allowInsecureHttp: true,
    });
    const mailer = createMailer(provider, { dispatcher: agent });
    const receipt = await mailer.send({
      from: 'noreply@mail.example.com',
      to: 'container@example.com',
      subject: 'Across containers',
      template: { id: 100001, data: { name: 'Ann' } },
    });
    expect(receipt.messageId).toBeTruthy();
    expect(emu.outbox.at(-1)?.to).toBe('container@example.com');
  });

  it('sends through DirectMail with ?insecure=1 in the URL', async () => {
    const [key] = emu.credentials.aliyun;
    // Credentials never travel in a URL: the official environment variables carry them.
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', key?.id ?? '');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', key?.secret ?? '');
    const url = `aliyun-dm://cn-hangzhou?endpoint=${endpoint}&insecure=1`;
    const mailer = createMailer(fromConfig(url, [aliyunDm]), { dispatcher: agent });
    await mailer.send({
      from: 'noreply@mail.example.com',
      to: 'dm-container@example.com',
      subject: 'Across containers',
      html: '<p>hi</p>',
    });
    expect(emu.outbox.at(-1)?.to).toBe('dm-container@example.com');
    vi.unstubAllEnvs();
  });
});
