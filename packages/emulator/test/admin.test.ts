import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { adminCall } from './helpers/admin.js';
import { rawRequest, sendBody, tc, tcOk } from './helpers/tencent-sign.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ startTime: Date.UTC(2030, 0, 1) });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const admin = (method: string, path: string, body?: unknown) => adminCall(emu, method, path, body);

describe('admin API', () => {
  it('reads and clears the outbox', async () => {
    await tcOk(emu, 'SendEmail', sendBody());
    const got = await admin('GET', 'outbox');
    expect(got.status).toBe(200);
    expect(got.body.outbox).toEqual([
      expect.objectContaining({ to: 'ann@example.com', subject: 'Welcome Ann' }),
    ]);
    expect((await admin('DELETE', 'outbox')).body).toEqual({ cleared: 1 });
    expect(emu.outbox).toHaveLength(0);
  });

  it('shows state, and seeds new resources', async () => {
    const seeded = await admin('POST', 'seed', {
      tencent: {
        groups: [{ id: 7, name: 'vip', recipients: ['v@example.com'] }],
        templates: [{ id: 555, name: 'x', text: 'X', status: 'pending' }],
      },
    });
    expect(seeded.status).toBe(200);
    const state = (await admin('GET', 'state')).body as {
      time: number;
      'tencent-ses': {
        groups: { id: number; count: number }[];
        templates: { id: number; status: number }[];
      };
    };
    expect(state.time).toBe(Date.UTC(2030, 0, 1));
    expect(state['tencent-ses'].groups).toEqual([
      expect.objectContaining({ id: 7, count: 1, status: 3 }),
    ]);
    expect(state['tencent-ses'].templates.find((t) => t.id === 555)?.status).toBe(1);
  });

  it('lists groups, templates and tasks per provider, and adds groups and templates', async () => {
    const added = await admin('POST', 'groups', {
      aliyun: [{ name: 'vip', alias: 'vip@example.com', members: [{ email: 'v@example.com' }] }],
      tencent: [{ id: 8, name: 'news', recipients: ['n@example.com'] }],
    });
    expect(added.status).toBe(200);
    await admin('POST', 'templates', {
      tencent: [{ id: 556, name: 'otp', text: 'Code {{code}}' }],
      aliyun: [{ name: 'promo', subject: 'Hi', html: '<p>Hi</p>' }],
    });
    const groups = (await admin('GET', 'groups')).body as Record<string, { name: string }[]>;
    expect(groups['aliyun-dm']?.map((g) => g.name)).toEqual(['vip']);
    expect(groups['tencent-ses']?.map((g) => g.name)).toEqual(['news']);
    const templates = (await admin('GET', 'templates')).body as Record<string, { name: string }[]>;
    expect(templates['aliyun-dm']?.map((t) => t.name)).toContain('promo');
    expect(templates['tencent-ses']?.map((t) => t.name)).toContain('otp');
    await tcOk(emu, 'BatchSendEmail', {
      FromEmailAddress: 'noreply@mail.example.com',
      ReceiverId: 8,
      Subject: 'News',
      TaskType: 1,
      Template: { TemplateID: 100001, TemplateData: JSON.stringify({ name: 'N' }) },
    });
    const tasks = (await admin('GET', 'tasks')).body as Record<string, unknown[]>;
    expect(tasks['tencent-ses']).toEqual([expect.objectContaining({ receiverId: 8 })]);
    expect(tasks['aliyun-dm']).toEqual([]);
    const bad = await admin('POST', 'groups', { tencent: [{ id: 9 }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('groups[0].name');
    expect((await admin('POST', 'templates', { other: [] })).status).toBe(400);
  });

  it.each([
    ['seed', { tencent: { templates: [null] } }, 'tencent seed: templates[0] must be an object'],
    ['seed', { tencent: { groups: [{ id: 9, name: 'g' }, null] } }, 'tencent seed: groups[1]'],
    [
      'seed',
      { tencent: { domains: [null] } },
      'tencent seed: domains[0] must be a string or an object',
    ],
    [
      'seed',
      { tencent: { senders: [null] } },
      'tencent seed: senders[0] must be a string or an object',
    ],
    [
      'seed',
      { tencent: { groups: [{ name: 'g', recipients: ['a@example.com', null] }] } },
      'tencent seed: groups[0].recipients[1] must be a string or an object',
    ],
    ['templates', { tencent: [null] }, 'tencent seed: templates[0] must be an object'],
    ['groups', { tencent: [null] }, 'tencent seed: groups[0] must be an object'],
    ['seed', { aliyun: { templates: [null] } }, 'aliyun seed: templates[0] must be an object'],
    ['groups', { aliyun: [null] }, 'aliyun seed: receivers[0] must be an object'],
  ])('POST %s refuses a null entry with a 400 naming its path (%j)', async (route, body, says) => {
    const bad = await admin('POST', route, body);
    expect(bad.status).toBe(400);
    const message = JSON.stringify(bad.body);
    expect(message).toContain(says);
    expect(message).not.toContain('Cannot read properties');
  });

  it.each([
    ['Tencent', { tencent: { groups: [{ id: 77, name: 'kept' }, null] } }, 'groups[1]'],
    ['Tencent settings', { tencent: { allowSimple: true, templates: [null] } }, 'templates[0]'],
    ['DirectMail', { aliyun: { receivers: [{ name: 'kept' }, null] } }, 'receivers[1]'],
    [
      'DirectMail, after its domains',
      { aliyun: { domains: [{ name: 'kept.example.com' }], tags: [{}] } },
      'tags[0].name',
    ],
    [
      'both providers',
      { tencent: { groups: [{ id: 78, name: 'kept' }] }, aliyun: { templates: [null] } },
      'aliyun seed: templates[0]',
    ],
  ])('POST seed with a refused entry applies nothing (%s)', async (_what, body, says) => {
    const before = (await admin('GET', 'state')).body;
    const bad = await admin('POST', 'seed', body);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain(says);
    expect((await admin('GET', 'state')).body).toEqual(before);
    // And as a client sees it: no group 77 (or 78) on Tencent.
    const listed = await tcOk(emu, 'ListReceivers', { Offset: 0, Limit: 100 });
    expect(JSON.stringify(listed)).not.toContain('kept');
  });

  it('emu.seed() with a refused entry throws and applies nothing', async () => {
    const before = emu.state();
    expect(() =>
      emu.seed({ tencent: { groups: [{ id: 77, name: 'kept' }, null as never] } }),
    ).toThrow('tencent seed: groups[1] must be an object');
    expect(emu.state()).toEqual(before);
  });

  it.each([
    [
      {
        templates: [
          { id: 1, name: 'a', text: 'A' },
          { id: 2, name: 'b', text: 'B' },
          { name: 'c' },
        ],
      },
      'tencent seed: templates[2] needs html or text',
    ],
    [{ senders: ['ok@mail.example.com', 'no-at'] }, 'tencent seed: senders[1].address has no @'],
    [
      {
        groups: [
          { name: 'g', recipients: ['a@example.com', { email: 'b@example.com', data: 'x' }] },
        ],
      },
      'tencent seed: groups[0].recipients[1].data must be an object',
    ],
    [
      { groups: [{ name: 'g', recipients: [{ email: 'b@example.com', data: ['B'] }] }] },
      'tencent seed: groups[0].recipients[0].data must be an object',
    ],
    [
      { groups: [{ name: 'g', recipients: [{ email: 'b@example.com', data: { name: 1 } }] }] },
      'tencent seed: groups[0].recipients[0].data.name must be a string',
    ],
    [
      {
        groups: [{ name: 'g', recipients: [{ email: 'b@example.com', data: { n: { x: 'y' } } }] }],
      },
      'tencent seed: groups[0].recipients[0].data.n must be a string',
    ],
  ])('POST seed refuses a Tencent entry naming its path (%j)', async (tencent, says) => {
    const before = (await admin('GET', 'state')).body;
    const bad = await admin('POST', 'seed', { tencent });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toBe(
      `@mailbridge/emulator: ${says}`,
    );
    expect((await admin('GET', 'state')).body).toEqual(before);
  });

  it('seeds a Tencent recipient’s data (string values) that a batch send then renders', async () => {
    const seeded = await admin('POST', 'seed', {
      tencent: {
        groups: [
          { id: 9, name: 'g', recipients: [{ email: 'b@example.com', data: { name: 'Bea' } }] },
        ],
      },
    });
    expect(seeded.status).toBe(200);
    await tcOk(emu, 'BatchSendEmail', {
      FromEmailAddress: 'noreply@mail.example.com',
      ReceiverId: 9,
      Subject: 'Hi {{name}}',
      TaskType: 1,
      Template: { TemplateID: 100001, TemplateData: '' },
    });
    expect(emu.outbox.map((m) => [m.to, m.text])).toEqual([['b@example.com', 'Hello Bea']]);
  });

  it('injects and clears faults', async () => {
    const injected = await admin('POST', 'faults', {
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'InternalError' },
    });
    expect(injected.status).toBe(200);
    expect((await tc(emu, 'SendEmail', sendBody())).Error?.Code).toBe('InternalError');
    await admin('POST', 'faults', { fault: { kind: 'error', code: 'InternalError' } });
    expect((await admin('DELETE', 'faults')).status).toBe(200);
    await tcOk(emu, 'SendEmail', sendBody());
  });

  it('reads, advances and sets the clock', async () => {
    expect((await admin('GET', 'clock')).body).toEqual({
      time: Date.UTC(2030, 0, 1),
      iso: '2030-01-01T00:00:00.000Z',
    });
    expect((await admin('POST', 'clock', { advanceMs: 60_000 })).body.time).toBe(
      Date.UTC(2030, 0, 1, 0, 1),
    );
    expect((await admin('POST', 'clock', { time: Date.UTC(2031, 0, 1) })).body.time).toBe(
      Date.UTC(2031, 0, 1),
    );
    expect(emu.now()).toBe(Date.UTC(2031, 0, 1));
    emu.setTime(Date.UTC(2030, 0, 1));
  });

  it.each([
    [{ time: 1e300 }, 'time'],
    [{ time: -9e15 }, 'time'],
    [{ advanceMs: 1e300 }, 'advance'],
  ])(
    'refuses a clock move past the dates a Date can hold (%j), leaving the clock as it was',
    async (move, name) => {
      const before = await admin('GET', 'clock');
      const moved = await admin('POST', 'clock', move);
      expect(moved.status).toBe(400);
      expect(JSON.stringify(moved.body)).toContain(name);
      expect(JSON.stringify(moved.body)).not.toContain('Invalid time value');
      // The emulator's name once, not once from the clock and again from the admin answer.
      const message = (moved.body.error as { message: string }).message;
      expect(message.match(/@mailbridge\/emulator:/g)).toHaveLength(1);
      expect(await admin('GET', 'clock')).toEqual(before);
      expect(() => emu.setTime(8.64e15 + 1)).toThrow(RangeError);
    },
  );

  it('resets', async () => {
    await tcOk(emu, 'SendEmail', sendBody());
    expect((await admin('POST', 'reset')).body).toEqual({ ok: true });
    expect(emu.outbox).toHaveLength(0);
    expect(emu.requestCount()).toBe(0);
  });

  it('answers bad input with 400 and unknown routes with 404, naming the problem', async () => {
    const badFault = await admin('POST', 'faults', { fault: { kind: 'nope' } });
    expect(badFault.status).toBe(400);
    expect(JSON.stringify(badFault.body)).toContain('fault.kind');
    const badClock = await admin('POST', 'clock', { advance: 5 });
    expect(badClock.status).toBe(400);
    const res = await rawRequest(emu, 'POST', '/__emulator/seed', {}, '{not json');
    expect(res.status).toBe(400);
    const stray = await admin('POST', 'seed', { senders: ['x@mail.example.com'] });
    expect(stray.status).toBe(400);
    expect(JSON.stringify(stray.body)).toContain('unknown key senders');
    expect((await admin('GET', 'nope')).status).toBe(404);
  });
});
