import { Agent, request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, type FaultRule, startEmulator } from '../src/index.js';
import { rawRequest, sendBody, tc, tcOk, tcRaw } from './helpers/tencent-sign.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ startTime: Date.UTC(2030, 5, 1) });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

describe('startEmulator', () => {
  it('binds loopback on a free port and exposes endpoints and generated keys', () => {
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
    expect(emu.host).toBe(`127.0.0.1:${emu.port}`);
    expect(emu.tencentEndpoint).toBe(emu.url);
    expect(emu.aliyunEndpoint).toBe(emu.url);
    expect(emu.credentials.tencent).toHaveLength(1);
    expect(emu.credentials.tencent[0]?.id).toMatch(/^AKID[0-9a-f]{32}$/);
    expect(emu.credentials.aliyun[0]?.id).toMatch(/^LTAI[0-9a-f]{20}$/);
  });

  it('answers an unknown route with a 404 JSON error naming the emulator', async () => {
    const res = await rawRequest(emu, 'GET', '/nothing', {});
    expect(res.status).toBe(404);
    const body = JSON.parse(res.text) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RouteNotFound');
    expect(body.error.message).toContain('@mailbridge/emulator');
    expect(emu.requestCount()).toBe(0);
  });

  it.each([
    ['GET', '//', {}],
    ['POST', '//', {}],
    ['POST', '/?Action=SingleSendMail', { host: 'a b' }],
    ['GET', '/', { host: '[' }],
  ])(
    'answers %s %s with a request target or Host it cannot read with a 400, and stays up',
    async (method, path, headers) => {
      const res = await rawRequest(emu, method, path, headers);
      expect(res.status).toBe(400);
      const body = JSON.parse(res.text) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BadRequestTarget');
      expect(body.error.message).toContain('@mailbridge/emulator');
      expect((await rawRequest(emu, 'GET', '/__emulator/clock', {})).status).toBe(200);
      expect(emu.requestCount()).toBe(0);
    },
  );

  it('routes a request with a DirectMail Action to the DirectMail module', async () => {
    const res = await rawRequest(emu, 'GET', '/?Action=DescAccountSummary&Format=JSON', {});
    expect(res.status).toBeGreaterThanOrEqual(400); // unsigned: DirectMail refuses it
    expect(JSON.parse(res.text)).toHaveProperty('Code');
    expect(emu.requests['aliyun-dm']).toEqual({ DescAccountSummary: 1 });
    expect(emu.requestCount({ provider: 'tencent-ses' })).toBe(0);
  });

  it('injects faults per provider', async () => {
    emu.inject({ provider: 'aliyun-dm', fault: { kind: 'error', code: 'Throttling.User' } });
    await tcOk(emu, 'ListEmailAddress', {});
    const res = await rawRequest(emu, 'GET', '/?Action=DescAccountSummary&Format=JSON', {});
    expect(JSON.parse(res.text)).toMatchObject({ Code: 'Throttling.User' });
  });

  it('counts requests per provider and action', async () => {
    await tcOk(emu, 'ListEmailAddress', {});
    await tcOk(emu, 'ListEmailAddress', {});
    await tc(emu, 'SendEmail', {});
    expect(emu.requests['tencent-ses']).toEqual({ ListEmailAddress: 2, SendEmail: 1 });
    expect(emu.requestCount({ provider: 'tencent-ses', action: 'ListEmailAddress' })).toBe(2);
    expect(emu.requestCount({ provider: 'aliyun-dm' })).toBe(0);
    emu.reset();
    expect(emu.requestCount()).toBe(0);
  });

  it('keeps its clock apart from the wall clock and fires ticks on advance/setTime', () => {
    expect(emu.now()).toBe(Date.UTC(2030, 5, 1));
    emu.advance(1500);
    expect(emu.now()).toBe(Date.UTC(2030, 5, 1) + 1500);
    emu.setTime(Date.UTC(2031, 0, 1));
    expect(emu.now()).toBe(Date.UTC(2031, 0, 1));
    expect(() => emu.advance(-1)).toThrow(RangeError);
  });

  it('checks signature timestamps against the wall clock plus skew, not the emulator clock', async () => {
    // The emulator clock is in 2030, yet a request signed now verifies.
    await tcOk(emu, 'ListEmailAddress', {});
    emu.setAuthSkew(10 * 60 * 1000);
    expect((await tc(emu, 'ListEmailAddress', {})).Error?.Code).toBe('AuthFailure.SignatureExpire');
    emu.setAuthSkew(0);
  });

  it('closes promptly with keep-alive sockets open', async () => {
    const local = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: local.port, path: '/x', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
    const started = Date.now();
    await local.close();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });
});

describe('fault injection', () => {
  const send = () => tcRaw(emu, 'SendEmail', sendBody());

  it('error: answers the provider envelope without executing, for `count` requests', async () => {
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      count: 2,
      fault: { kind: 'error', code: 'RequestLimitExceeded' },
    });
    for (let i = 0; i < 2; i++) {
      const r = await tc(emu, 'SendEmail', sendBody());
      expect(r.Error?.Code).toBe('RequestLimitExceeded');
      expect(r.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(emu.outbox).toHaveLength(0);
    await tcOk(emu, 'SendEmail', sendBody());
    expect(emu.outbox).toHaveLength(1);
    expect(emu.requests['tencent-ses'].SendEmail).toBe(3);
  });

  it('applies only to the named action', async () => {
    emu.inject({ action: 'SendEmail', fault: { kind: 'error', code: 'InternalError' } });
    await tcOk(emu, 'ListEmailAddress', {});
    expect((await tc(emu, 'SendEmail', sendBody())).Error?.Code).toBe('InternalError');
  });

  it('status: answers the status and body, not executed', async () => {
    emu.inject({ fault: { kind: 'status', status: 503, body: 'busy' } });
    const res = await send();
    expect(res.status).toBe(503);
    expect(res.text).toBe('busy');
    expect(emu.outbox).toHaveLength(0);
  });

  it('status with an empty body: answers the status and nothing else', async () => {
    emu.inject({ fault: { kind: 'status', status: 502, body: '' } });
    const res = await send();
    expect(res.status).toBe(502);
    expect(res.text).toBe('');
    expect(emu.outbox).toHaveLength(0);
  });

  it('delay: waits, then executes normally', async () => {
    emu.inject({ fault: { kind: 'delay', ms: 200 } });
    const started = Date.now();
    const res = await send();
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(res.status).toBe(200);
    expect(emu.outbox).toHaveLength(1);
  });

  it('drop: executes (mail lands) but never answers', async () => {
    emu.inject({ fault: { kind: 'drop' } });
    await expect(send()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(emu.outbox).toHaveLength(1);
  });

  it('reset: destroys the connection before executing', async () => {
    emu.inject({ fault: { kind: 'reset' } });
    await expect(send()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(emu.outbox).toHaveLength(0);
    expect(emu.requests['tencent-ses'].SendEmail).toBe(1);
  });

  it('malformed: HTTP 200 with truncated JSON', async () => {
    emu.inject({ fault: { kind: 'malformed' } });
    const res = await send();
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
    expect(emu.outbox).toHaveLength(0);
  });

  it('html: a proxy error page, status 502 by default', async () => {
    emu.inject({ fault: { kind: 'html' } });
    emu.inject({ fault: { kind: 'html', status: 504 } });
    const first = await send();
    expect(first.status).toBe(502);
    expect(first.headers['content-type']).toBe('text/html');
    expect(first.text).toContain('<html>');
    expect((await send()).status).toBe(504);
  });

  it('oversize: valid JSON larger than the given size', async () => {
    emu.inject({ fault: { kind: 'oversize', bytes: 100_000 } });
    const res = await send();
    expect(res.text.length).toBeGreaterThan(100_000);
    expect(JSON.parse(res.text)).toHaveProperty('Response.RequestId');
  });

  it('rejects a malformed rule, and clearFaults drops pending rules', async () => {
    const wrong = { fault: { kind: 'explode' } } as unknown as FaultRule; // as untyped JS might
    expect(() => emu.inject(wrong)).toThrow(/fault.kind/);
    emu.inject({ fault: { kind: 'reset' } });
    emu.clearFaults();
    expect((await send()).status).toBe(200);
  });

  it('close() cancels a pending delay and drops its request', async () => {
    const local = await startEmulator();
    local.inject({ fault: { kind: 'delay', ms: 60_000 } });
    const pending = tcRaw(local, 'SendEmail', sendBody());
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await local.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    expect(local.outbox).toHaveLength(0);
  });
});
