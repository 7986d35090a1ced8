/**
 * The inbox's HTTP side (the page itself is driven in Chromium by test/inbox/): the page and
 * its policy, the message list with filters, a message's detail with its redacted request,
 * the sandboxed body, the request journal and console line, and the admin 404 that lists the
 * routes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatRequestLine } from '../src/inbox/index.js';
import { type Emulator, type RequestRecord, startEmulator } from '../src/index.js';
import { rawRequest, sendBody, signTc3, tcOk } from './helpers/tencent-sign.js';

let emu: Emulator;
const seen: RequestRecord[] = [];

beforeAll(async () => {
  emu = await startEmulator({
    tencentKeys: [{ id: 'AKIDinbox', secret: 'inbox-secret', token: 'sts-token-xyz' }],
  });
  emu.onRequest((r) => seen.push(r));
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(() => {
  emu.reset();
  seen.length = 0;
});

const get = async (path: string) => rawRequest(emu, 'GET', path, {});
const token = { token: 'sts-token-xyz' };

describe('the inbox routes', () => {
  it('serves the page at GET / with a policy that allows no inline or remote script', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('/__emulator/ui/inbox.js');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await get('/__emulator/ui/inbox.js')).headers['content-type']).toContain('javascript');
    expect((await get('/__emulator/ui/../../package.json')).status).toBe(404);
    // A DirectMail GET with an Action still goes to the provider, not the page.
    expect(JSON.parse((await get('/?Action=DescAccountSummary&Format=JSON')).text)).toHaveProperty(
      'Code',
    );
  });

  it('lists copies newest first, filtered by recipient, provider and text', async () => {
    await tcOk(emu, 'SendEmail', sendBody({ Destination: ['ann@example.com'] }), token);
    await tcOk(
      emu,
      'SendEmail',
      sendBody({ Destination: ['bob@example.com'], Subject: 'Invoice' }),
      token,
    );
    const all = JSON.parse((await get('/__emulator/inbox')).text);
    expect(all.total).toBe(2);
    expect(all.messages.map((m: { to: string }) => m.to)).toEqual([
      'bob@example.com',
      'ann@example.com',
    ]);
    const byTo = JSON.parse((await get('/__emulator/inbox?to=ANN')).text);
    expect(byTo.messages.map((m: { to: string }) => m.to)).toEqual(['ann@example.com']);
    expect(JSON.parse((await get('/__emulator/inbox?q=invoice')).text).total).toBe(1);
    expect(JSON.parse((await get('/__emulator/inbox?provider=aliyun-dm')).text).total).toBe(0);
  });

  it('shows a copy with template data and the request as received, signature and token redacted', async () => {
    await tcOk(emu, 'SendEmail', sendBody(), token);
    const [summary] = JSON.parse((await get('/__emulator/inbox')).text).messages;
    const detail = JSON.parse((await get(`/__emulator/inbox/${summary.id}`)).text);
    expect(detail.templateData).toEqual({ name: 'Ann' });
    expect(detail.html).toBe('<p>Hello Ann</p>');
    expect(detail.request.action).toBe('SendEmail');
    expect(detail.request.headers.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDinbox\/.*Signature=\[redacted\]$/,
    );
    expect(detail.request.headers['x-tc-token']).toBe('[redacted]');
    expect(JSON.stringify(detail)).not.toContain('sts-token-xyz');
    expect(JSON.stringify(detail)).not.toMatch(/Signature=[0-9a-f]{64}/);
    const body = await get(`/__emulator/inbox/${summary.id}/body`);
    expect(body.text).toBe('<p>Hello Ann</p>');
    expect(String(body.headers['content-security-policy'])).toMatch(/default-src 'none'.*sandbox/);
    expect(String(body.headers['content-security-policy'])).not.toContain('script');
    const remote = await get(`/__emulator/inbox/${summary.id}/body?remote=1`);
    expect(String(remote.headers['content-security-policy'])).toContain(
      'img-src data: cid: https: http:',
    );
    expect((await get('/__emulator/inbox/999999')).status).toBe(404);
  });

  it('journals each provider request once, with status, error code, copies and latency', async () => {
    await tcOk(
      emu,
      'SendEmail',
      sendBody({ Destination: ['a@example.com', 'b@example.com'] }),
      token,
    );
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'RequestLimitExceeded' },
    });
    await rawRequest(
      emu,
      'POST',
      '/',
      tencentHeaders('SendEmail', sendBody()),
      JSON.stringify(sendBody()),
    );
    await get('/__emulator/state'); // admin traffic is not journaled
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((r) => [r.action, r.status, r.errorCode, r.recipients])).toEqual([
      ['SendEmail', 200, undefined, 2],
      ['SendEmail', 200, 'RequestLimitExceeded', 0],
    ]);
    const line = formatRequestLine(seen[0] as RequestRecord, Date.UTC(2030, 0, 1, 8, 0, 1));
    expect(line).toMatch(/^08:00:01 tencent-ses SendEmail 200 2 rcpt \d+ ms$/);
    expect(formatRequestLine(seen[1] as RequestRecord)).toContain(
      '200 RequestLimitExceeded 0 rcpt',
    );
    const listed = JSON.parse((await get('/__emulator/requests')).text).requests;
    expect(listed).toHaveLength(2);
  });

  it('answers an unknown admin route with the list of routes that exist', async () => {
    const res = await get('/__emulator/nope');
    expect(res.status).toBe(404);
    const { message } = JSON.parse(res.text).error;
    for (const route of [
      'GET /__emulator/outbox',
      'POST /__emulator/clock',
      'GET /__emulator/inbox/:id',
      'GET /',
    ]) {
      expect(message).toContain(route);
    }
  });
});

function tencentHeaders(action: string, body: unknown): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signed = signTc3({
    host: emu.host,
    contentType: 'application/json',
    timestamp,
    secretId: 'AKIDinbox',
    secretKey: 'inbox-secret',
    payload: JSON.stringify(body),
  });
  return {
    host: emu.host,
    'content-type': 'application/json',
    'x-tc-action': action,
    'x-tc-version': '2020-10-02',
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': 'ap-guangzhou',
    'x-tc-token': 'sts-token-xyz',
    authorization: signed.authorization,
  };
}
