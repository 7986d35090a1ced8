/**
 * The emulator's inbox page in a real headless Chromium (issue 20, "Done when"): mail sent
 * through both adapters appears without a reload, a message opens with its rendered template,
 * moving the emulator clock fires a Tencent scheduled batch whose copies appear, and a hostile
 * subject, sender name and body run no script. With UPDATE_SCREENSHOTS=1 it also writes the
 * README's screenshots (docs/emulator-inbox-*.png).
 */
import { fileURLToPath } from 'node:url';
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Mailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';

const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
const HOSTILE_HTML =
  `<p id="hello">Hello</p><script>document.body.setAttribute('data-pwned','1');parent.document.title='pwned'</script>` +
  `<img src="x" onerror="document.body.setAttribute('data-pwned','1')">` +
  `<a id="js" href="javascript:document.body.setAttribute('data-pwned','1')">click me</a>` +
  `<img id="remote" src="http://127.0.0.1:9/tracker.png">`;
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

let emu: Emulator;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;
let tencent: Mailer;
let aliyun: Mailer;
const dialogs: string[] = [];

function first<T>(list: readonly T[]): T {
  const [value] = list;
  if (value === undefined) throw new Error('the emulator has no key');
  return value;
}

beforeAll(async () => {
  emu = await startEmulator();
  tencent = createMailer(
    tencentSes({
      region: 'ap-guangzhou',
      endpoint: emu.tencentEndpoint,
      credentials: first(emu.credentials.tencent),
    }),
  );
  aliyun = createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: first(emu.credentials.aliyun),
    }),
  );
  browser = await launchChromium();
  context = browser.context;
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(emu.inboxUrl);
  await page.locator('#live.on').waitFor({ timeout: 15_000 });
});
afterAll(async () => {
  await browser?.close();
  await tencent?.close();
  await aliyun?.close();
  await emu?.close();
});

const rows = () => page.locator('#messages tbody tr');
const rowWith = (text: string) => rows().filter({ hasText: text });

describe('the inbox page', () => {
  it('shows mail from both adapters as it arrives, without a reload', async () => {
    await expect(rows().count()).resolves.toBe(0);
    await tencent.send({
      from: 'Shop <noreply@mail.example.com>',
      to: 'ann@example.com',
      subject: 'Welcome, Ann',
      template: { id: 100001, data: { name: 'Ann' } },
    });
    await rowWith('Welcome, Ann').waitFor({ timeout: 10_000 });
    await aliyun.send({
      from: 'noreply@mail.example.com',
      to: 'bob@example.com',
      subject: 'Your receipt',
      html: '<h1>Receipt</h1><p>Thanks, Bob.</p>',
      text: 'Thanks, Bob.',
    });
    await rowWith('Your receipt').waitFor({ timeout: 10_000 });
    await expect(rows().first().textContent()).resolves.toContain('Your receipt'); // newest first
    await expect(rowWith('Welcome, Ann').textContent()).resolves.toContain('tencent-ses');
    await expect(rowWith('Your receipt').textContent()).resolves.toContain('aliyun-dm');
    await expect(page.locator('#count').textContent()).resolves.toBe('2');
  });

  it('opens a message: rendered template in the sandboxed frame, text, data and the redacted request', async () => {
    await rowWith('Welcome, Ann').click();
    const frame = page.frameLocator('#v-frame');
    await frame.locator('p', { hasText: 'Hello Ann' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('#v-subject').textContent()).resolves.toBe('Welcome, Ann');
    await expect(page.locator('#v-frame').getAttribute('sandbox')).resolves.toBe('');
    await page.click('#v-tabs button[data-view="text"]');
    await expect(page.locator('#v-text').textContent()).resolves.toBe('Hello Ann');
    await page.click('#v-tabs button[data-view="data"]');
    await expect(page.locator('#v-data').textContent()).resolves.toContain('Ann');
    await page.click('#v-tabs button[data-view="request"]');
    const request = (await page.locator('#v-request').textContent()) ?? '';
    expect(request).toContain('SendEmail');
    expect(request).toContain('Signature=[redacted]');
    expect(request).not.toMatch(/Signature=[0-9a-f]{64}/);
    await page.click('#v-tabs button[data-view="html"]');
    if (SHOTS) await page.screenshot({ path: `${DOCS}emulator-inbox-message.png` });
  });

  it('filters by recipient and provider', async () => {
    const shown = () => rows().allTextContents();
    await page.fill('#f-to', 'bob@');
    await expect.poll(shown, { timeout: 5_000 }).toEqual([expect.stringContaining('Your receipt')]);
    await page.fill('#f-to', '');
    await page.selectOption('#f-provider', 'tencent-ses');
    await expect.poll(shown, { timeout: 5_000 }).toEqual([expect.stringContaining('Welcome, Ann')]);
    await page.selectOption('#f-provider', '');
    await page.fill('#f-q', 'receipt');
    await expect.poll(shown, { timeout: 5_000 }).toEqual([expect.stringContaining('Your receipt')]);
    await page.fill('#f-q', '');
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(2);
  });

  it('advances the emulator clock and shows the copies of a Tencent scheduled batch', async () => {
    const group = await tencent.groups.create({ name: 'vip' });
    await tencent.groups.addRecipients(group.id, [
      { address: 'carol@example.com', data: { name: 'Carol' } },
      { address: 'dave@example.com', data: { name: 'Dave' } },
    ]);
    const at = new Date(emu.now() + 3 * 60 * 60 * 1000);
    const batch = await tencent.sendBatch({
      from: 'noreply@mail.example.com',
      group: group.id,
      template: { id: 100001 },
      subject: 'Scheduled hello',
      schedule: { at },
    });
    expect(batch.scheduled).toBe(true);
    await page.click('#tabs button[data-panel="tasks"]');
    await page.locator('#tasks', { hasText: 'Scheduled hello' }).waitFor({ timeout: 10_000 });
    await expect(rowWith('Scheduled hello').count()).resolves.toBe(0);
    await page.click('button[data-advance="86400000"]');
    await page.click('#tabs button[data-panel="inbox"]');
    await expect.poll(() => rowWith('Scheduled hello').count(), { timeout: 10_000 }).toBe(2);
    await expect(rowWith('carol@example.com').textContent()).resolves.toContain(
      `task ${batch.batchId}`,
    );
    await rowWith('dave@example.com').click();
    await page
      .frameLocator('#v-frame')
      .locator('p', { hasText: 'Hello Dave' })
      .waitFor({ timeout: 10_000 });
  });

  it('runs no script from a hostile subject, sender name or body', async () => {
    await aliyun.send({
      from: { address: 'noreply@mail.example.com', name: '<svg/onload=1>' },
      to: 'victim@example.com',
      subject: `Hostile ${HOSTILE}`,
      html: HOSTILE_HTML,
    });
    const row = rowWith('victim@example.com');
    await row.waitFor({ timeout: 10_000 });
    // The subject is shown as text: the markup is visible, no element was created from it.
    await expect(row.locator('td.subject').textContent()).resolves.toBe(`Hostile ${HOSTILE}`);
    await expect(page.locator('#messages img, #messages script').count()).resolves.toBe(0);
    await row.click();
    const frame = page.frameLocator('#v-frame');
    await frame.locator('#hello').waitFor({ timeout: 10_000 });
    await frame.locator('#js').click();
    await page.waitForTimeout(500);
    await expect(frame.locator('body').getAttribute('data-pwned')).resolves.toBeNull();
    // The remote image was not loaded (the body's CSP blocks it unless asked).
    const loaded = await frame
      .locator('#remote')
      .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(loaded).toBe(0);
    await expect(page.title()).resolves.not.toBe('pwned');
    await expect(page.locator('#v-subject').textContent()).resolves.toBe(`Hostile ${HOSTILE}`);
    expect(dialogs).toEqual([]);
  });

  it('lists requests, groups and faults in their panels', async () => {
    await page.click('#tabs button[data-panel="requests"]');
    await page
      .locator('#requests td', { hasText: 'SingleSendMail' })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.click('#tabs button[data-panel="groups"]');
    await page.locator('#groups', { hasText: 'carol@example.com' }).waitFor({ timeout: 10_000 });
    await page.click('#tabs button[data-panel="faults"]');
    await page.selectOption('#fa-provider', 'tencent-ses');
    await page.fill('#fa-action', 'SendEmail');
    await page.fill('#fa-arg', 'RequestLimitExceeded');
    await page.click('#fault-form button[type="submit"]');
    await page.locator('#faults td', { hasText: 'SendEmail' }).waitFor({ timeout: 10_000 });
    const error = await tencent
      .send(
        {
          from: 'noreply@mail.example.com',
          to: 'x@example.com',
          subject: 's',
          template: { id: 100001, data: { name: 'X' } },
        },
        {},
      )
      .then(
        () => undefined,
        (e: unknown) => e as { providerCode?: string; attempts?: number },
      );
    // One injected throttle: the retry succeeds, so the send went through on the second attempt.
    expect(error).toBeUndefined();
    await page.click('#tabs button[data-panel="inbox"]');
    if (SHOTS) {
      await rowWith('Your receipt').click();
      await page.frameLocator('#v-frame').locator('h1', { hasText: 'Receipt' }).waitFor();
      await page.screenshot({ path: `${DOCS}emulator-inbox-list.png` });
    }
  });
});
