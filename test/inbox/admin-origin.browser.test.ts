/**
 * The emulator's admin API against a web page in a real headless Chromium: a page on another
 * origin (another loopback port, as any site the developer visits could be) tries what a
 * hostile page would (a form POST that resets the emulator, a `no-cors` fetch that injects a
 * fault) and changes nothing; the emulator's own page, same origin, still can. The headers are
 * the ones Chromium really sends (packages/emulator/src/admin-origin.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './browser.js';

let emu: Emulator;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let site: Server;
let siteUrl: string;

/** The hostile page: a form that POSTs to the emulator's reset, and a script that fetches. */
function hostilePage(emulatorUrl: string): string {
  return `<!doctype html><title>elsewhere</title>
<form id="reset" method="POST" action="${emulatorUrl}/__emulator/reset"></form>
<script>
  window.tryFault = () => fetch('${emulatorUrl}/__emulator/faults', {
    method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ fault: { kind: 'error', code: 'InternalError' } }),
  }).then(() => 'sent', (e) => String(e));
</script>`;
}

beforeAll(async () => {
  emu = await startEmulator();
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(hostilePage(emu.url));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await emu?.close();
});

/** What the emulator holds, read as a tool would (no browser headers). */
async function held(): Promise<{ faults: number; kept: boolean }> {
  const state = (await (await fetch(`${emu.url}/__emulator/state`)).json()) as {
    faults: unknown[];
  };
  const groups = JSON.stringify(await (await fetch(`${emu.url}/__emulator/groups`)).json());
  return { faults: state.faults.length, kept: groups.includes('kept-4242') };
}

it('a page on another origin cannot reset the emulator or inject a fault', async () => {
  emu.seed({
    tencent: { groups: [{ id: 4242, name: 'kept-4242', recipients: ['k@example.com'] }] },
  });
  expect(await held()).toEqual({ faults: 0, kept: true });

  await page.goto(siteUrl);
  // The opaque answer arrived: the request reached the emulator and was answered.
  expect(await page.evaluate('window.tryFault()')).toBe('sent');
  const answer = page.waitForResponse((r) => r.url().endsWith('/__emulator/reset'));
  await page.locator('#reset').evaluate((form) => (form as unknown as { submit(): void }).submit());
  expect((await answer).status()).toBe(403);

  expect(await held()).toEqual({ faults: 0, kept: true });
});

it("the emulator's own page still can (same origin)", async () => {
  // A page of its own: the previous test's form submission may still be navigating the other one.
  const own = await browser.context.newPage();
  await own.goto(emu.inboxUrl);
  const status = await own.evaluate(async () => {
    const res = await fetch('/__emulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: { kind: 'error', code: 'InternalError' } }),
    });
    return res.status;
  });
  expect(status).toBe(200);
  expect((await held()).faults).toBe(1);
});
