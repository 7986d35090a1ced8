/**
 * `mailbridge status MESSAGE_ID` against the emulator: the delivery status of one sent message,
 * as the README's command table promises, through the core's `mailer.status({ messageId })`.
 */
import type { Emulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, run, tencentEmulator } from './run.js';

const KEY = { id: 'AKIDstatustest', secret: 'status-secret-0123456789abcdef' };
let emu: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  ({ emu, env } = await tencentEmulator(KEY));
});
afterAll(async () => {
  await emu?.close();
});

describe('mailbridge status MESSAGE_ID', () => {
  it('prints the status rows of a sent message (exit 0)', async () => {
    const args = [
      '--json',
      'send',
      '--from',
      'noreply@mail.example.com',
      '--to',
      'ann@example.com',
    ];
    const sent = await run([...args, '--subject', 'Hi', '--template', '100001'], env);
    expect(sent.code).toBe(0);
    const messageId = json(sent).messageId as string;

    const ran = await run(['--json', 'status', messageId], env);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const out = json(ran) as { messageId: string; status: Record<string, unknown>[] };
    expect(out.messageId).toBe(messageId);
    expect(out.status).toEqual([
      expect.objectContaining({ recipient: 'ann@example.com', messageId, accepted: true }),
    ]);

    const human = await run(['status', messageId], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('ann@example.com');
  });
});

describe('a command that only reads', () => {
  it('never exits 4 "may have been sent": a lost answer to a read sent nothing', async () => {
    // Every attempt's answer is lost (the read is retried): the core says delivery unknown, as
    // it does of any request written and not answered; for a read that means nothing was sent.
    emu.inject({
      provider: 'tencent-ses',
      action: 'ListReceivers',
      fault: { kind: 'drop' },
      count: 10,
    });
    const ran = await run(['--json', 'groups', 'list'], env);
    emu.clearFaults();
    expect(ran.code).toBe(1);
    expect(json(ran)).toMatchObject({ ok: false, exitCode: 1, error: { delivery: 'unknown' } });
  });
});
