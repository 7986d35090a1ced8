import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { fetchEmu, TEST_KEY, type V1Options, v1Request, v3Request } from './helpers/aliyun-sign.js';

/** The DirectMail module behind the real server: HTTP, faults, skew and the outbox. */

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [TEST_KEY] });
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => {
  emu.clearFaults();
  emu.setAuthSkew(0);
});

const SEND = {
  AccountName: 'noreply@mail.example.com',
  AddressType: '1',
  ReplyToAddress: 'false',
  ToAddress: 'http@example.com',
  HtmlBody: '<p>over HTTP (really) *~</p>',
};

const signed = (o: Partial<V1Options> & { action: string }) =>
  v1Request({ host: emu.host, time: Date.now(), ...o });

const sent = (subject: string) =>
  emu.outbox.filter((e) => e.provider === 'aliyun-dm' && e.subject === subject);

describe('DirectMail through startEmulator', () => {
  it('accepts a v1 SingleSendMail over HTTP from the default seed', async () => {
    const res = await fetchEmu(
      signed({ action: 'SingleSendMail', params: { ...SEND, Subject: 'http v1' } }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^\{"RequestId":"[0-9A-F-]{36}","EnvId":6\d{17}\}$/);
    expect(sent('http v1').map((e) => e.to)).toEqual(['http@example.com']);
    expect(emu.requests['aliyun-dm']['SingleSendMail']).toBeGreaterThan(0);
  });

  it('accepts a V3 request over HTTP (the Host header is signed)', async () => {
    const req = v3Request({
      action: 'SingleSendMail',
      host: emu.host,
      time: Date.now(),
      body: { ...SEND, Subject: 'http v3' },
    });
    expect((await fetchEmu(req)).status).toBe(200);
    expect(sent('http v3')).toHaveLength(1);
  });

  it('answers XML by default, GET with everything in the query', async () => {
    const res = await fetchEmu(
      signed({ action: 'DescAccountSummary', method: 'GET', format: null }),
    );
    expect(res.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    expect(res.text).toContain('<DescAccountSummaryResponse>');
  });

  it('answers an injected InvalidSendMail.Spam in the DirectMail envelope, sending nothing', async () => {
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SingleSendMail',
      fault: { kind: 'error', code: 'InvalidSendMail.Spam' },
    });
    const res = await fetchEmu(
      signed({ action: 'SingleSendMail', params: { ...SEND, Subject: 'spam' } }),
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ Code: 'InvalidSendMail.Spam', HostId: emu.host });
    expect(sent('spam')).toEqual([]);
  });

  it('refuses the identical replay of a request whose answer was lost (duplicate safety)', async () => {
    emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'drop' } });
    const req = signed({ action: 'SingleSendMail', params: { ...SEND, Subject: 'dropped' } });
    await expect(fetchEmu(req)).rejects.toThrow();
    const replay = await fetchEmu(req);
    expect(JSON.parse(replay.text)).toMatchObject({ Code: 'SignatureNonceUsed' });
    expect(sent('dropped')).toHaveLength(1);
  });

  it('uses authSkewMs for the timestamp window and names the server time', async () => {
    emu.setAuthSkew(20 * 60_000);
    const res = await fetchEmu(signed({ action: 'DescAccountSummary' }));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as { Code: string; Message: string };
    expect(body.Code).toBe('InvalidTimeStamp.Expired');
    expect(body.Message).toMatch(/server time is \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
  });
});
