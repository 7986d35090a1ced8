/**
 * The rule after an ambiguous attempt (packages/core/src/run/executor.ts `afterAmbiguity`): only
 * proof that the first copy was not executed can make the outcome `not_sent`, and a refused
 * replay is no such proof. For every refusal a DirectMail replay can meet, on every replayable
 * operation and both signature schemes: the first copy executes and its answer is lost, the
 * identical replay is refused with the code, and the caller must hear `unknown` (a resend after
 * "refresh your credentials" would deliver twice). The emulator holds exactly one copy.
 */
import { collect } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { copies, mailerFor, TARGETS, type Target } from './targets.js';

/** Refusals at the authentication, permission and throttling stages, and parameter checks. */
const REFUSALS = [
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidAccessKeyId.Inactive',
  'InvalidAccessKeyId.NotFound',
  'Forbidden.RAM',
  'Forbidden.RiskControl',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidTimeStamp.Expired',
  'SignatureNonceUsed',
  'Throttling.User',
  'InvalidParameter',
  'InvalidTemplate.NotFound',
] as const;

const OPERATIONS = ['send', 'sendBatch', 'addRecipients'] as const;
const RETRIES = 2;
const aliyun = TARGETS.find((t) => t.id === 'aliyun-dm') as Target;

let emu: Emulator;
let serial = 0;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

function actionOf(op: (typeof OPERATIONS)[number]): string {
  if (op === 'sendBatch') return aliyun.actions.batch;
  if (op === 'addRecipients') return aliyun.actions.upload;
  return aliyun.actions.send;
}

for (const signatureVersion of ['v1', 'v3'] as const) {
  describe(`DirectMail replay refused (${signatureVersion} signing)`, () => {
    for (const op of OPERATIONS) {
      it.each(REFUSALS.map((c) => [c]))(
        `${op}: executed, answer lost, replay refused with %s: unknown`,
        async (code) => {
          const key = aliyun.key(emu);
          const mailer = mailerFor(aliyun, {
            endpoint: emu.url,
            credentials: () => key,
            signatureVersion,
            options: { retry: { retries: RETRIES, minDelayMs: 1, maxDelayMs: 5 } },
          });
          const to = `refusal-${++serial}@example.com`;
          const group =
            op === 'send'
              ? ''
              : (await mailer.groups.create({ name: `rf${serial}${signatureVersion}` })).id;
          if (op === 'sendBatch') await mailer.groups.addRecipients(group, [to]);
          const action = actionOf(op);
          emu.inject({ provider: 'aliyun-dm', action, fault: { kind: 'drop' }, count: 1 });
          emu.inject({
            provider: 'aliyun-dm',
            action,
            fault: { kind: 'error', code, status: 400 },
            count: RETRIES + 1,
          });
          const call =
            op === 'send'
              ? mailer.send(aliyun.message(to))
              : op === 'sendBatch'
                ? mailer.sendBatch(aliyun.batch(group))
                : mailer.groups.addRecipients(group, [to]);
          const error = await failure(call);
          emu.clearFaults();
          expect(error).toMatchObject({ code: 'network', delivery: 'unknown', retryable: false });
          expect(error.providerCode).toBe(code);
          expect(error.message).toContain(`refused with ${code}`);
          // The first copy executed: exactly one exists, so a resend would make two.
          if (op === 'addRecipients') {
            const members = await collect(mailer.groups.listRecipients(group));
            expect(members.filter((m) => m.address === to)).toHaveLength(1);
          } else {
            expect(copies(emu, aliyun, to, action)).toBe(1);
          }
          // DirectMail holds at most 10 lists (capabilities.groups.maxGroups): free this one,
          // after the 10 minutes a list used by a batch must be kept (DeleteReceiver).
          if (op !== 'send') {
            if (op === 'sendBatch') emu.advance(10 * 60_000 + 1);
            await mailer.groups.delete(group);
          }
          await mailer.close();
        },
      );
    }
  });
}
