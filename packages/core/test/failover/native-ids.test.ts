/**
 * Native task ids through a composite of two accounts of one provider: ids are per account, so
 * both members hold task `1`. The composite's `schedules` must list each under its own id and
 * send `get` and `cancel` to the member the id names, never to whichever answers first.
 * Loopback servers stand in for the two accounts (helpers/http-provider.ts).
 */
import { afterEach, expect, it } from 'vitest';
import { createMailer, failover, type Mailer, type ScheduleEntry } from '../../src/index.js';
import { defineProvider } from '../../src/provider/index.js';
import { type EchoServer, echoProvider, op, startEchoServer } from '../helpers/http-provider.js';

const servers: EchoServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** An echo account holding one native task, `1`, that it can cancel. */
function account(server: EchoServer, label: string) {
  const base = echoProvider(server.origin);
  return defineProvider({
    ...base,
    scheduledTasks: {
      list: () =>
        op(
          server.origin,
          'tasks',
          {},
          () => ({ items: [{ id: '1', state: 'pending' as const, task: { label } }] }),
          'read',
        ),
      cancel: (id) => op(server.origin, 'cancel', { id }, () => undefined, 'write'),
    },
  });
}

it('two accounts each holding task 1: unique ids, and cancel reaches only the member named', async () => {
  const [a, b] = await Promise.all([startEchoServer(), startEchoServer()]);
  servers.push(a, b);
  const mailer: Mailer = createMailer(
    failover([
      { provider: account(a, 'first') },
      { provider: account(b, 'second'), name: 'eu:backup' },
    ]),
  );
  try {
    const listed: ScheduleEntry[] = [];
    for await (const entry of mailer.schedules.list()) listed.push(entry);
    expect(listed.map((e) => e.id)).toEqual(['native:echo:1', 'native:eu%3Abackup:1']);
    expect(listed.map((e) => e.task?.['label'])).toEqual(['first', 'second']);

    const entry = await mailer.schedules.get('native:eu%3Abackup:1');
    expect(entry?.task?.['label']).toBe('second');
    const cancelled = await mailer.schedules.cancel('native:eu%3Abackup:1');
    expect(cancelled).toMatchObject({ id: 'native:eu%3Abackup:1', state: 'cancelled' });
    expect(b.received.filter((body) => body.includes('"id":"1"'))).toHaveLength(1);
    expect(a.received.some((body) => body.includes('"id":"1"'))).toBe(false);

    // A non-composite mailer keeps the provider's own id.
    const single = createMailer(account(a, 'alone'));
    const own: string[] = [];
    for await (const e of single.schedules.list()) own.push(e.id);
    expect(own).toEqual(['native:1']);
    await single.close();
  } finally {
    await mailer.close();
  }
});
