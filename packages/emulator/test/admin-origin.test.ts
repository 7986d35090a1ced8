/**
 * The admin API refuses state changes a web page asks for (src/admin-origin.ts), with the
 * headers browsers really send, on a real socket: a cross-site POST, a foreign `Origin`, a
 * rebinding page's own name. Tools that send no browser headers, the emulator's own origin and
 * reads are served. test/inbox/admin-origin.browser.test.ts does the same from Chromium.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { rawRequest } from './helpers/tencent-sign.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const FAULT = JSON.stringify({ fault: { kind: 'error', code: 'InternalError' } });

/** The faults the emulator holds, read through the admin API as a tool would. */
async function faultCount(): Promise<number> {
  const res = await rawRequest(emu, 'GET', '/__emulator/state', {});
  return (JSON.parse(res.text) as { faults: unknown[] }).faults.length;
}

async function injectFault(headers: Record<string, string>) {
  const res = await rawRequest(emu, 'POST', '/__emulator/faults', headers, FAULT);
  return { status: res.status, text: res.text, injected: (await faultCount()) > 0 };
}

describe('admin API and web pages', () => {
  const self = () => `127.0.0.1:${emu.port}`;

  it.each([
    ['a cross-site page', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['a same-site page on another port', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin without Sec-Fetch-Site', { origin: 'http://127.0.0.1:1' }],
    ['a sandboxed page (Origin: null)', { origin: 'null' }],
  ])('refuses %s with 403, changing nothing', async (_, extra) => {
    const got = await injectFault({ 'content-type': 'text/plain', host: self(), ...extra });
    expect(got.status).toBe(403);
    expect(JSON.parse(got.text)).toMatchObject({ error: { code: 'AdminCrossOrigin' } });
    expect(got.injected).toBe(false);
  });

  it('refuses a page that reached loopback by DNS rebinding (its own name as Host)', async () => {
    const host = `rebind.example:${emu.port}`;
    const got = await injectFault({
      host,
      origin: `http://${host}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(got.status).toBe(403);
    expect(got.injected).toBe(false);
  });

  it.each([
    ['a tool (no browser headers)', {}],
    ['the emulator’s own page', { 'sec-fetch-site': 'same-origin', origin: 'ORIGIN' }],
    ['the address bar (Sec-Fetch-Site: none)', { 'sec-fetch-site': 'none' }],
    ['localhost as the host', { host: 'localhost:PORT', origin: 'http://localhost:PORT' }],
  ])('serves %s', async (_, extra) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', host: self() };
    for (const [k, v] of Object.entries(extra)) {
      headers[k] = v.replace('ORIGIN', `http://${self()}`).replaceAll('PORT', String(emu.port));
    }
    const got = await injectFault(headers);
    expect(got.status).toBe(200);
    expect(got.injected).toBe(true);
  });

  it('still answers reads from any page (browsers keep the answer from the page)', async () => {
    const res = await rawRequest(emu, 'GET', '/__emulator/state', {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.status).toBe(200);
    // No CORS grant: the page cannot read what it fetched.
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
