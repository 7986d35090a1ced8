/**
 * One resource suite every adapter runs against the emulator on loopback: each neutral
 * operation of `mailer.templates`, `.senders`, `.domains`, `.suppression` and `.stats`, the
 * `unsupported` answer where the provider's API has no such operation, and validation before
 * any request.
 */
import { collect, type Mailer, type MessageInput } from '@mailbridge/core';
import { rejectedMailError as failure } from '@mailbridge/core/testing';
import type { Emulator } from '@mailbridge/emulator';
import { expect, it } from 'vitest';

export { failure };

/** What a provider's test file tells the suite. */
export interface ResourceSuite {
  readonly name: 'aliyun-dm' | 'tencent-ses';
  readonly emulator: () => Emulator;
  readonly mailer: () => Mailer;
  /** A seeded, approved template: its name, and its id where the seed fixes it. */
  readonly template: { readonly id?: string; readonly name: string };
  /** A seeded template still in review, where the seed has one. */
  readonly pendingTemplate?: string;
  /** The provider day (`YYYY-MM-DD`) an emulator time falls on. */
  readonly day: (ms: number) => string;
  /** A message this provider accepts, to `to`. */
  readonly message: (to: string) => MessageInput;
  /** The provider action behind `stats.daily`. */
  readonly statsAction: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The suite: one `it` per behaviour, run in each provider's describe block. */
export function runResourceSuite(s: ResourceSuite): void {
  const requests = () => s.emulator().requestCount({ provider: s.name });
  const caps = () => {
    const r = s.mailer().capabilities.resources;
    if (!r) throw new Error(`${s.name} has no resource capabilities`);
    return r;
  };

  it('lists templates with a neutral status and reads one', async () => {
    const all = await collect(s.mailer().templates.list());
    const seeded = all.find((t) => t.name === s.template.name);
    expect(seeded).toMatchObject({ id: s.template.id ?? expect.any(String), status: 'verified' });
    const id = seeded?.id ?? '';
    if (s.pendingTemplate) {
      expect(all.find((t) => t.name === s.pendingTemplate)?.status).toBe('pending');
    }
    const one = await s.mailer().templates.get(id);
    expect(one).toMatchObject({ id, name: s.template.name, status: 'verified' });
    expect(one.html ?? one.text).toBeTruthy();
  });

  it('creates, updates and deletes a template where the API allows it, else refuses up front', async () => {
    const t = s.mailer().templates;
    const input = { name: 'resources_suite', html: '<p>Hi {{name}}</p>', text: 'Hi {{name}}' };
    if (!caps().templates.create) {
      const before = requests();
      for (const call of [() => t.create(input), () => t.update('1', input), () => t.delete('1')]) {
        const error = await failure(call);
        expect(error.code).toBe('unsupported');
        expect(error.message).toMatch(/templates\.(create|update|delete)/);
      }
      expect(requests()).toBe(before);
      return;
    }
    const created = await t.create(input);
    expect(created.name).toBe('resources_suite');
    expect((await t.get(created.id)).html).toBe(input.html);
    await t.update(created.id, { name: 'resources_suite2', text: 'Bye' });
    expect(await t.get(created.id)).toMatchObject({ name: 'resources_suite2', text: 'Bye' });
    await t.delete(created.id);
    expect((await collect(t.list())).some((x) => x.id === created.id)).toBe(false);
    expect((await failure(t.get(created.id))).code).not.toBe('unsupported');
  });

  it('checks template input and ids before any request', async () => {
    const before = requests();
    const t = s.mailer().templates;
    expect((await failure(t.get('abc'))).issues?.[0]?.path).toEqual(['id']);
    if (caps().templates.create) {
      const noBody = await failure(t.create({ name: 'x' }));
      expect(noBody.code).toBe('invalid_input');
      expect(noBody.issues?.[0]?.path).toEqual(['html']);
      expect((await failure(t.create({ name: '', html: 'x' }))).issues?.[0]?.path).toEqual([
        'name',
      ]);
    }
    expect(requests()).toBe(before);
  });

  it('creates a domain, reads its records and status, and deletes it', async () => {
    const d = s.mailer().domains;
    const created = await d.create('fresh.example.org');
    expect(created).toMatchObject({ name: 'fresh.example.org', status: 'pending' });
    const listed = await collect(d.list());
    expect(listed.find((x) => x.name === 'mail.example.com')?.status).toBe('verified');
    expect(listed.find((x) => x.name === 'fresh.example.org')?.status).not.toBe('verified');
    const one = await d.get(created.id);
    expect(one.name).toBe('fresh.example.org');
    expect(one.records?.length).toBeGreaterThan(0);
    expect(one.records?.every((r) => r.verified === false)).toBe(true);
    await d.delete(created.id);
    expect((await collect(d.list())).some((x) => x.name === 'fresh.example.org')).toBe(false);
    const before = requests();
    expect((await failure(d.create('not a domain'))).issues?.[0]?.path).toEqual(['name']);
    expect(requests()).toBe(before);
  });

  it('creates and deletes senders, each with its domain verification', async () => {
    const m = s.mailer();
    const pendingDomain = await m.domains.create('waiting.example.net');
    const ok = await m.senders.create({ address: 'hello@mail.example.com' });
    const waiting = await m.senders.create({ address: 'hi@waiting.example.net' });
    const listed = await collect(m.senders.list());
    expect(listed.find((x) => x.address === 'hello@mail.example.com')?.status).toBe('verified');
    expect(listed.find((x) => x.address === 'hi@waiting.example.net')?.status).not.toBe('verified');
    await m.senders.delete(ok.id);
    await m.senders.delete(waiting.id);
    await m.domains.delete(pendingDomain.id);
    const after = await collect(m.senders.list());
    expect(after.some((x) => x.address === 'hello@mail.example.com')).toBe(false);
    const before = requests();
    const bad = await failure(m.senders.create({ address: 'Shop <x@mail.example.com>' }));
    expect(bad.issues?.[0]?.path).toEqual(['address']);
    if (!caps().senders.name) {
      const named = await failure(
        m.senders.create({ address: 'x@mail.example.com', name: 'Shop' }),
      );
      expect(named.code).toBe('unsupported');
      expect(named.message).toContain('senders.name');
    }
    expect(requests()).toBe(before);
  });

  it('adds, lists over several pages and removes suppressed addresses', async () => {
    const m = s.mailer();
    const many = Array.from({ length: caps().pageSize + 1 }, (_, i) => `sup${i}@example.com`);
    expect(await m.suppression.add(many)).toEqual({ added: many.length });
    const listed = (await collect(m.suppression.list())).map((e) => e.address.toLowerCase());
    expect(new Set(listed)).toEqual(new Set(many));
    expect(await m.suppression.remove(['SUP0@example.com', 'never@example.com'])).toEqual({
      removed: 1,
    });
    const left = (await collect(m.suppression.list())).map((e) => e.address.toLowerCase());
    expect(left).not.toContain('sup0@example.com');
    expect(left).toHaveLength(many.length - 1);
    await m.suppression.remove(many.slice(1));
    expect(await collect(m.suppression.list())).toEqual([]);
    const before = requests();
    const bad = await failure(m.suppression.add(['a@example.com', 'nope']));
    expect(bad.code).toBe('invalid_input');
    expect(bad.issues?.[0]?.path).toEqual(['addresses', 1]);
    expect(requests()).toBe(before);
  });

  it('reports daily statistics that reflect what the emulator sent', async () => {
    const m = s.mailer();
    const emu = s.emulator();
    emu.clearOutbox();
    for (const to of ['a@example.com', 'b@example.com', 'bounce@example.com']) {
      await m.send(s.message(to));
    }
    const today = s.day(emu.now());
    const days = await m.stats.daily({ from: today, to: today });
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ date: today, requests: 3, delivered: 2, failed: 1 });
    // A range longer than one request may cover is split, and every day comes back once.
    const tenDaysAgo = s.day(emu.now() - 9 * DAY_MS);
    const calls = () => emu.requestCount({ provider: s.name, action: s.statsAction });
    const before = calls();
    const range = await m.stats.daily({ from: tenDaysAgo, to: today });
    expect(range.map((d) => d.date)).toEqual(
      Array.from({ length: 10 }, (_, i) => s.day(emu.now() - (9 - i) * DAY_MS)),
    );
    expect(range.reduce((n, d) => n + d.requests, 0)).toBe(3);
    expect(calls() - before).toBe(Math.ceil(10 / caps().stats.maxSpanDays));
  });

  it('checks statistics ranges before any request', async () => {
    const m = s.mailer();
    const before = requests();
    const today = s.day(s.emulator().now());
    const yesterday = s.day(s.emulator().now() - DAY_MS);
    expect(
      (await failure(m.stats.daily({ from: today, to: yesterday }))).issues?.[0]?.path,
    ).toEqual(['to']);
    expect(
      (await failure(m.stats.daily({ from: '2026-02-30', to: today }))).issues?.[0]?.path,
    ).toEqual(['from']);
    const old = s.day(s.emulator().now() - (caps().stats.maxAgeDays + 3) * DAY_MS);
    const tooOld = await failure(m.stats.daily({ from: old, to: today }));
    expect(tooOld.issues?.[0]?.path).toEqual(['from']);
    expect(tooOld.message).toContain(`${caps().stats.maxAgeDays} days`);
    expect(requests()).toBe(before);
  });

  it('refuses a misspelt key of a stats query or a new sender, rather than ignoring it', async () => {
    const m = s.mailer();
    const before = requests();
    const today = s.day(s.emulator().now());
    const typo = { from: today, to: today, domian: 'mail.example.com' };
    const stats = await failure(m.stats.daily(typo as never));
    expect(stats).toMatchObject({ code: 'invalid_input', issues: [{ path: ['domian'] }] });
    const sender = { address: 'typo@mail.example.com', nmae: 'Shop' };
    const created = await failure(m.senders.create(sender as never));
    expect(created).toMatchObject({ code: 'invalid_input', issues: [{ path: ['nmae'] }] });
    expect(requests()).toBe(before);
  });
}
