/**
 * Every error code the action pages list (docs/providers/tencent-ses.md "Error classification") for SendEmail,
 * BatchSendEmail and the receiver APIs, each produced by a realistic bad request, or, where no
 * request can cause it in an emulator (blocklists, balance, server faults), by fault injection.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { BASE_SEED, valid } from './helpers/tencent-error-base.js';
import { DOCUMENTED } from './helpers/tencent-error-codes.js';
import { groupRows } from './helpers/tencent-error-rows-groups.js';
import { sendRows } from './helpers/tencent-error-rows-send.js';
import { tc, tcOk } from './helpers/tencent-sign.js';

const rows = [...sendRows, ...groupRows];

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: { tencent: BASE_SEED } });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

describe('Tencent documented error codes', () => {
  it('the table covers every documented code of these actions', () => {
    for (const [action, codes] of Object.entries(DOCUMENTED)) {
      const covered = new Set(rows.filter((r) => r.action === action).map((r) => r.code));
      expect(
        [...codes].filter((c) => !covered.has(c)),
        action,
      ).toEqual([]);
    }
  });

  it('every valid base request succeeds (so each row fails for its own reason)', async () => {
    for (const [action, params] of Object.entries(valid)) {
      emu.reset();
      await tcOk(emu, action, params);
    }
  });

  it.each(rows.map((r) => [r.action, r.code, r.fault ? 'fault' : 'request', r] as const))(
    '%s → %s (%s)',
    async (action, code, _how, r) => {
      if (r.seed !== undefined) emu.seed({ tencent: r.seed });
      await r.setup?.(emu);
      const outboxBefore = emu.outbox.length;
      if (r.fault) emu.inject({ provider: 'tencent-ses', action, fault: { kind: 'error', code } });
      const res = await tc(emu, action, r.params ?? valid[action]);
      expect(res.Error?.Code).toBe(code);
      expect(res.Error?.Message.length).toBeGreaterThan(0);
      expect(res.RequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(emu.outbox.length).toBe(outboxBefore);
    },
  );
});
