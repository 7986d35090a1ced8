/**
 * Bad input gets a `MailError` naming the neutral field, before any request: schedules beyond
 * what Tencent's BeginTime and IntervalTime can say, a getter that throws, a DirectMail group
 * name over its limit, a removeRecipients call given one string. The emulator's outbox and
 * request counters show nothing went out.
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { mailerFor, TARGETS, type Target } from './targets.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const [aliyun, tencent] = TARGETS as [Target, Target];
const mailer = (target: Target) =>
  mailerFor(target, { endpoint: emu.url, credentials: () => target.key(emu) });

/** Requests the emulator received so far. */
const received = () => emu.requestCount();

describe('Tencent sendBatch schedules are bounded before any request', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['at near the largest Date', { at: new Date(8.64e15) }, 'schedule.at'],
    ['a five-digit year', { at: new Date(Date.UTC(20261, 0, 1)) }, 'schedule.at'],
    [
      'every 1e9 days',
      { at: new Date(Date.now() + 3_600_000), every: { days: 1e9 } },
      'schedule.every.days',
    ],
  ])('%s', async (_name, schedule, field) => {
    const m = mailer(tencent);
    const before = received();
    const error = await failure(m.sendBatch({ ...tencent.batch('123'), schedule } as never));
    expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
    expect(error.issues?.map((i) => i.path.join('.'))).toContain(field);
    expect(received()).toBe(before);
    await m.close();
  });
});

describe('nothing is silently dropped', () => {
  it('Tencent: an attachment contentType (SES has no such field) is unsupported, naming it', async () => {
    const m = mailer(tencent);
    const before = received();
    const attachments = [
      { filename: 'a.txt', content: 'plain' },
      { filename: 'invite', content: 'BEGIN:VCALENDAR', contentType: 'text/calendar' },
    ];
    const error = await failure(m.send({ ...tencent.message('a@example.com'), attachments }));
    expect(error).toMatchObject({ code: 'unsupported', delivery: 'not_sent' });
    expect(error.issues?.[0]?.path.join('.')).toBe('attachments.1.contentType');
    expect(received()).toBe(before);
    await m.close();
  });
});

describe('errors name the neutral field', () => {
  for (const target of TARGETS) {
    it(`${target.id}: a getter that throws is named by its path`, async () => {
      const m = mailer(target);
      const message = {
        ...target.message('getter@example.com'),
        get subject(): string {
          throw new Error('getter bug');
        },
      };
      const error = await failure(m.send(message));
      expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
      expect(error.issues?.[0]?.path).toEqual(['subject']);
      expect(error.message).toContain('subject');
      await m.close();
    });
  }

  it('DirectMail groups.create with a long name names `name`, not ReceiversName', async () => {
    const m = mailer(aliyun);
    const error = await failure(m.groups.create({ name: 'n'.repeat(31) }));
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['name'] }] });
    expect(error.message).not.toContain('ReceiversName');
    await m.close();
  });

  it('Tencent groups.create with a long description names `description`, not CreateReceiver.Desc', async () => {
    const m = mailer(tencent);
    const before = received();
    const error = await failure(m.groups.create({ name: 'news', description: 'd'.repeat(301) }));
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['description'] }] });
    expect(error.message).not.toContain('Desc:');
    expect(received()).toBe(before);
    await m.close();
  });

  it('Tencent senders.create refuses a name with ":" before any request, as sends refuse the alias', async () => {
    const m = mailer(tencent);
    const before = received();
    const created = await failure(
      m.senders.create({ address: 'sales@mail.example.com', name: 'Shop: Sales' }),
    );
    expect(created).toMatchObject({ code: 'invalid_input', issues: [{ path: ['name'] }] });
    const from = { address: 'noreply@mail.example.com', name: 'Shop: Sales' };
    const sent = await failure(m.send({ ...tencent.message('a@example.com'), from }));
    expect(sent).toMatchObject({ code: 'invalid_input', issues: [{ path: ['from', 'name'] }] });
    expect(received()).toBe(before);
    await m.close();
  });

  for (const target of TARGETS) {
    it(`${target.id}: status refuses a misspelt key rather than widening the query`, async () => {
      const m = mailer(target);
      const before = received();
      const query = { since: new Date(Date.now() - 60_000), recipeint: 'ann@example.com' };
      const error = await failure(m.status(query as never));
      expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['recipeint'] }] });
      expect(received()).toBe(before);
      await m.close();
    });
  }

  it('DirectMail removeRecipients given one string: invalid_input naming addresses', async () => {
    const m = mailer(aliyun);
    const error = await failure(m.groups.removeRecipients('group', 'a@x.example' as never));
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['addresses'] }] });
    await m.close();
  });
});
