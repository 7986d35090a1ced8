/**
 * The conformance tests of what a user sends: send, close, sendMany, groups and batches,
 * schedules, and input refused before any request (conformance.ts runs them).
 */
import { collect } from '../mailer/send-many.js';
import type { MessageInput } from '../message/message.js';
import type { ConformanceTarget, SuiteContext } from './conformance.js';

/** The conformance tests of what a user sends: send, close, sendMany, groups and batches,. */
export function deliveryTests(ctx: SuiteContext): void {
  const { target, mailer, expectError, to, skipIf } = ctx;
  const { it, expect } = ctx.api;
  it('send: accepted, one copy, a string message id, one attempt', async () => {
    const recipient = to();
    const result = await mailer().send(target.message(recipient));
    expect(result.provider).toBe(target.name);
    expect(typeof result.messageId).toBe('string');
    expect(result.messageId.length).toBeGreaterThan(0);
    expect(result.attempts).toBe(1);
    expect(target.delivered(recipient)).toBe(1);
  });

  it('close: a mailer closes after sending, and a second close is harmless', async () => {
    const m = mailer();
    await m.send(target.message(to()));
    await m.close();
    await m.close();
  });

  it('sendMany: one settled result per message, in input order', async () => {
    const recipients = Array.from({ length: 24 }, to);
    const results = await collect(
      mailer().sendMany(
        recipients.map((r) => target.message(r)),
        { concurrency: 5 },
      ),
    );
    expect(results.map((r) => r.index)).toEqual(recipients.map((_, i) => i));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    for (const r of recipients) expect(target.delivered(r)).toBe(1);
  });

  it('groups: create, upload with progress, list, batch send, remove, delete', async () => {
    const m = mailer();
    const group = await m.groups.create({
      name: `conf${Date.now() % 1_000_000}`,
      description: 'conformance',
    });
    const members = [to(), to(), to()];
    const progress: number[] = [];
    const upload = await m.groups.addRecipients(
      group.id,
      (async function* () {
        for (const address of members) yield { address, data: { name: 'Ann' } };
      })(),
      { onProgress: (p) => progress.push(p.added) },
    );
    expect(upload).toEqual({ added: 3, calls: 1 });
    expect(progress).toEqual([3]);
    const listed = await collect(m.groups.list());
    expect(listed.map((g) => g.id)).toContain(group.id);
    const inGroup = await collect(m.groups.listRecipients(group.id));
    expect(inGroup.map((r) => r.address).sort()).toEqual([...members].sort());
    const batch = await m.sendBatch(target.batch(group.id));
    expect(typeof batch.batchId).toBe('string');
    expect(batch.scheduled).toBe(false);
    for (const r of members) expect(target.delivered(r)).toBe(1);
    if (m.capabilities.groups.removeRecipients) {
      await m.groups.removeRecipients(group.id, [members[0] as string]);
      const after = await collect(m.groups.listRecipients(group.id));
      expect(after.map((r) => r.address)).not.toContain(members[0]);
    } else {
      const error = await expectError(m.groups.removeRecipients(group.id, [members[0] as string]));
      expect(error.code).toBe('unsupported');
    }
    // A list used by a batch may have to be kept a while (DirectMail asks for 10 minutes),
    // so deletion is shown on a fresh group.
    const scratch = await m.groups.create({ name: `del${Date.now() % 1_000_000}` });
    await m.groups.delete(scratch.id);
    const remaining = await collect(m.groups.list());
    expect(remaining.map((g) => g.id)).toContain(group.id);
    expect(remaining.map((g) => g.id)).not.toContain(scratch.id);
  });

  it('schedule: native timed batches, or an unsupported error before any request', async () => {
    const m = mailer();
    const at = new Date(Date.now() + 3_600_000);
    const batchesBefore = target.requests(target.actions.batch);
    if (target.schedule === 'native') {
      const group = await m.groups.create({ name: `sched${Date.now() % 1_000_000}` });
      await m.groups.addRecipients(group.id, [to()]);
      const result = await m.sendBatch({ ...target.batch(group.id), schedule: { at } });
      expect(result.scheduled).toBe(true);
      expect(target.requests(target.actions.batch)).toBe(batchesBefore + 1);
    } else {
      const error = await expectError(
        m.sendBatch({ ...target.batch('any-group'), schedule: { at } }),
      );
      expect(error.code).toBe('unsupported');
      expect(error.message).toMatch(/schedul/i);
      expect(target.requests(target.actions.batch)).toBe(batchesBefore);
    }
  });

  it('validation: bad input is invalid_input before any request', async () => {
    const before = target.requests(target.actions.send);
    const bad: unknown[] = [
      { ...target.message(to()), to: 'not-an-address' },
      { ...target.message(to()), subject: 'Hi\r\nBcc: victim@example.com' },
      { ...target.message(to()), unknownField: true },
      { ...target.message(to()), from: undefined },
    ];
    for (const input of bad) {
      const error = await expectError(mailer().send(input as MessageInput));
      expect(error.code).toBe('invalid_input');
      expect(error.issues.length).toBeGreaterThan(0);
    }
    expect(target.requests(target.actions.send)).toBe(before);
  });

  skipIf(target.unsupported === undefined)(
    'unsupported fields fail before any request, naming field and provider',
    async () => {
      const spec = target.unsupported as NonNullable<ConformanceTarget['unsupported']>;
      const before = target.requests(target.actions.send);
      const error = await expectError(mailer().send(spec.message));
      expect(error.code).toBe('unsupported');
      expect(error.message).toContain(spec.field);
      expect(error.message).toContain(target.name);
      expect(target.requests(target.actions.send)).toBe(before);
    },
  );
}
