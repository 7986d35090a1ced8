/**
 * The fault matrix: provider x operation x fault against the live emulator. Every cell asserts
 * the error's code, retryable, delivery and attempt count, and the promise behind them, read
 * from the emulator: exactly one copy per recipient on success, none on `not_sent`, at most one
 * on `unknown`. No secret or signature appears in any error or hook payload.
 * `MATRIX_WRITE=1` also rewrites the matrix section of RESULTS.md from the run.
 */
import { inspect } from 'node:util';
import { collect, isMailError, type MailError, type Mailer } from '@mailbridge/core';
import { type Emulator, type Fault, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadOrigin } from '../helpers/refusing-agent.js';
import {
  CAP_BYTES,
  DELAY_MS,
  type Expected,
  expected,
  FAULTS,
  type FaultName,
  isGlobal,
  OPERATIONS,
  type Operation,
  OVERSIZE_BYTES,
  RETRIES,
  SKEW_MS,
  TIMEOUT_MS,
  TIMEOUT_SETTLED_MS,
} from './matrix-cells.js';
import { RecordingAgent } from './recording-agent.js';
import { RESULTS_FILE, table, writeSection } from './results.js';
import { copies, mailerFor, TARGETS, type Target } from './targets.js';

let emu: Emulator;
let agent: RecordingAgent;
const WRONG_SECRET = `wrong-secret-${Math.random().toString(36).slice(2)}`;
const rows: string[][] = [];
let serial = 0;
/** Tallies for the summary: calls that threw something other than a MailError, secret hits. */
const tally = { escapes: 0, secretHits: 0, falseNotSent: 0 };

beforeAll(async () => {
  emu = await startEmulator();
  agent = new RecordingAgent(await deadOrigin());
});
afterAll(async () => {
  await agent.close();
  await emu.close();
  if (process.env['MATRIX_WRITE'] === '1' && rows.length === 2 * 4 * FAULTS.length) {
    const header = ['provider', 'operation', 'fault', 'outcome', 'copies', 'promise kept'];
    const kept = rows.filter((r) => r[5] === 'yes').length;
    const duplicates = rows.filter((r) => (r[4] ?? '').split(' / ').some((c) => Number(c) > 1));
    const summary = [
      `${rows.length} cells; promise kept in ${kept}; cells with a duplicate copy: ${duplicates.length};`,
      `false \`not_sent\` (reported not sent, yet a copy exists): ${tally.falseNotSent};`,
      `escapes (a call rejecting with anything but a MailError): ${tally.escapes};`,
      `secret hits (a secret, token or signature in an error or hook payload): ${tally.secretHits}.`,
    ].join(' ');
    writeSection(RESULTS_FILE, 'matrix', `${MATRIX_INTRO}\n\n${summary}\n\n${table(header, rows)}`);
  }
});

const MATRIX_INTRO = `## Fault matrix

\`pnpm faults\` at the root (builds, then \`MATRIX_WRITE=1 vitest run reliability/matrix\` in \`test/\`). Retries ${RETRIES}, backoff
1-10 ms, timeout ${TIMEOUT_MS} ms against an injected ${DELAY_MS} ms delay, response cap ${CAP_BYTES} bytes.
\`copies\` is what the emulator holds per recipient after the call settled (outbox copies for
sends, group membership for uploads); the promise: exactly 1 when the call succeeded, 0 when it
reported \`not_sent\`, at most 1 when it reported \`unknown\`. sendMany sends two messages at
concurrency 1; the row is the first (faulted) one, the second must be delivered once.`;

/** What a call reported. */
type Observed =
  | { readonly ok: true; readonly attempts: number }
  | { readonly ok: false; readonly error: MailError };

interface Cell {
  readonly target: Target;
  readonly mailer: Mailer;
  readonly recipients: readonly [string, string];
  readonly group: string | undefined;
  readonly uploads: () => number;
}

async function observe(call: () => Promise<number>): Promise<Observed> {
  try {
    return { ok: true, attempts: await call() };
  } catch (error) {
    if (!isMailError(error)) {
      tally.escapes += 1;
      throw error;
    }
    return { ok: false, error };
  }
}

/** Run the operation; `extra` gets the second sendMany result. */
async function call(cell: Cell, op: Operation, extra: Observed[]): Promise<Observed> {
  const { target, mailer, recipients } = cell;
  const group = cell.group as string;
  switch (op) {
    case 'send':
      return observe(async () => (await mailer.send(target.message(recipients[0]))).attempts);
    case 'sendMany': {
      const results = await collect(
        mailer.sendMany(
          recipients.map((r) => target.message(r)),
          { concurrency: 1 },
        ),
      );
      const [first, second] = results.map(
        (r): Observed =>
          r.status === 'fulfilled'
            ? { ok: true, attempts: r.value.attempts }
            : { ok: false, error: r.reason },
      );
      extra.push(second as Observed);
      return first as Observed;
    }
    case 'sendBatch':
      return observe(async () => (await mailer.sendBatch(target.batch(group))).attempts);
    case 'addRecipients':
      return observe(async () => {
        const before = cell.uploads();
        await mailer.groups.addRecipients(group, recipients);
        return cell.uploads() - before;
      });
  }
}

/** Copies per recipient the emulator holds for this cell. */
async function held(cell: Cell, op: Operation): Promise<number[]> {
  const { target, recipients } = cell;
  if (op === 'addRecipients') {
    const members = await collect(cell.mailer.groups.listRecipients(cell.group as string));
    return recipients.map((r) => members.filter((m) => m.address === r).length);
  }
  const action = op === 'sendBatch' ? target.actions.batch : target.actions.send;
  const counted = op === 'send' ? recipients.slice(0, 1) : recipients;
  return counted.map((r) => copies(emu, target, r, action));
}

/** The emulator rule for a fault; `refuse` and the credential faults are applied elsewhere. */
function faultRule(target: Target, fault: FaultName): { fault: Fault; count: number } | undefined {
  switch (fault) {
    case 'throttled twice':
      return { fault: target.throttle, count: 2 };
    case 'throttled beyond budget':
      return { fault: target.throttle, count: RETRIES + 1 };
    case 'HTTP 500':
    case 'HTTP 502':
    case 'HTTP 503':
      return { fault: { kind: 'status', status: Number(fault.slice(5)) }, count: 1 };
    case 'dropped after processing':
      return { fault: { kind: 'drop' }, count: 1 };
    case 'delay beyond timeout':
      return { fault: { kind: 'delay', ms: DELAY_MS }, count: 1 };
    case 'malformed JSON':
      return { fault: { kind: 'malformed' }, count: 1 };
    case 'HTML 502 page':
      return { fault: { kind: 'html', status: 502 }, count: 1 };
    case 'body over size cap':
      return { fault: { kind: 'oversize', bytes: OVERSIZE_BYTES }, count: 1 };
    default:
      return undefined;
  }
}

function describeOutcome(o: Observed | Expected): string {
  if (o.ok) return `succeeded, ${o.attempts} attempt${o.attempts === 1 ? '' : 's'}`;
  const e = 'error' in o ? o.error : o;
  const retry = e.retryable ? 'retryable' : 'not retryable';
  return `${e.code}, ${retry}, ${e.delivery}, ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}`;
}

/** Everything of an error a log could show. */
function errorTexts(error: MailError): string[] {
  return [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 8 })];
}

/** Everything one cell produced. */
interface CellRun {
  readonly observed: Observed;
  /** The second sendMany result (sendMany only). */
  readonly second: Observed | undefined;
  /** Copies per recipient the emulator holds once the call settled. */
  readonly counts: readonly number[];
  readonly payloads: readonly unknown[];
  readonly secret: string;
  /** How long the call took to settle (ms). */
  readonly elapsedMs: number;
}

/** A fresh mailer and fresh recipients (and group), the fault, the call, the emulator's view. */
async function runCell(target: Target, op: Operation, fault: FaultName): Promise<CellRun> {
  const n = ++serial;
  const key = target.key(emu);
  let secret = key.secret;
  const payloads: unknown[] = [];
  const push = (event: unknown) => payloads.push(event);
  const mailer = mailerFor(target, {
    endpoint: emu.url,
    credentials: () => ({ id: key.id, secret }),
    dispatcher: agent,
    timeoutMs: fault === 'delay beyond timeout' ? TIMEOUT_MS : 10_000,
    maxResponseBytes: CAP_BYTES,
    options: {
      hooks: { onRequest: push, onResponse: push, onRetry: push, onError: push },
      retry: { retries: RETRIES, minDelayMs: 1, maxDelayMs: 10 },
    },
  });
  const stamp = `${n}-${Date.now().toString(36)}`;
  const recipients = [`mx-${stamp}-a@example.com`, `mx-${stamp}-b@example.com`] as const;
  let group: string | undefined;
  if (op === 'sendBatch' || op === 'addRecipients') {
    group = (await mailer.groups.create({ name: `mx${stamp}`.slice(0, 30) })).id;
    if (op === 'sendBatch') await mailer.groups.addRecipients(group, recipients);
  }
  // Upload attempts, from the onRequest events (an upload result has no attempt count).
  const uploads = () =>
    payloads.filter((p) => {
      const event = p as { action?: string; replay?: unknown };
      return (
        event.action === target.actions.upload && event.replay !== undefined && !('error' in event)
      );
    }).length;
  const cell: Cell = { target, mailer, recipients, group, uploads };

  const rule = faultRule(target, fault);
  if (rule) emu.inject({ provider: target.id, action: actionOf(target, op), ...rule });
  if (fault === 'connection refused') agent.refuseNext(1);
  if (fault === 'wrong secret') secret = WRONG_SECRET;
  if (fault === 'expired timestamp') emu.setAuthSkew(SKEW_MS);
  const extra: Observed[] = [];
  let observed: Observed;
  const started = performance.now();
  let elapsedMs = 0;
  try {
    observed = await call(cell, op, extra);
    elapsedMs = performance.now() - started;
  } finally {
    secret = key.secret;
    emu.setAuthSkew(0);
    emu.clearFaults();
  }
  // A delayed request still executes on the server: count once it has.
  if (fault === 'delay beyond timeout') await new Promise((r) => setTimeout(r, DELAY_MS + 200));
  const counts = await held(cell, op);
  // DirectMail holds at most 10 lists per account (capabilities.groups.maxGroups): free this
  // one, after the 10 minutes a list used by a batch must be kept (DeleteReceiver).
  if (group !== undefined && target.id === 'aliyun-dm') {
    if (op === 'sendBatch') emu.advance(10 * 60_000 + 1);
    await mailer.groups.delete(group);
  }
  await mailer.close();
  return { observed, second: extra[0], counts, payloads, secret: key.secret, elapsedMs };
}

function actionOf(target: Target, op: Operation): string {
  if (op === 'sendBatch') return target.actions.batch;
  if (op === 'addRecipients') return target.actions.upload;
  return target.actions.send;
}

/** Exactly one copy after success, none after `not_sent`, at most one after `unknown`. */
function promiseKept(observed: Observed, counts: readonly number[]): boolean {
  if (observed.ok) return counts.every((c) => c === 1);
  if (observed.error.delivery === 'not_sent') return counts.every((c) => c === 0);
  return counts.every((c) => c <= 1);
}

/** No secret or signature in any error (message, stack, JSON, inspect) or hook payload. */
function expectNoLeak(run: CellRun): void {
  const errors = [run.observed, run.second].flatMap((o) => (o && !o.ok ? [o.error] : []));
  const texts = [
    ...errors.flatMap(errorTexts),
    ...run.payloads.map((p) => JSON.stringify(p)),
    ...run.payloads.map((p) => inspect(p, { depth: 8 })),
  ];
  expect(run.payloads.length).toBeGreaterThan(0);
  for (const s of [run.secret, WRONG_SECRET, ...agent.signatures]) {
    const leak = texts.find((t) => t.includes(s));
    if (leak !== undefined) tally.secretHits += 1;
    expect(leak, `secret or signature leaked: ${leak?.slice(0, 300)}`).toBeUndefined();
  }
}

for (const target of TARGETS) {
  describe(`matrix: ${target.id}`, () => {
    for (const op of OPERATIONS) {
      it.each(FAULTS.map((f) => [f]))(`${op} / %s`, async (fault: FaultName) => {
        const run = await runCell(target, op, fault);
        const { observed, counts } = run;
        const want = expected(target.id, op, fault);
        const kept = promiseKept(observed, op === 'sendMany' ? counts.slice(0, 1) : counts);
        const outcome = describeOutcome(observed);
        rows.push([target.id, op, fault, outcome, counts.join(' / '), kept ? 'yes' : '**NO**']);
        if (!observed.ok && observed.error.delivery === 'not_sent' && (counts[0] ?? 0) > 0) {
          tally.falseNotSent += 1;
        }

        expect(outcome).toBe(describeOutcome(want));
        if (fault === 'delay beyond timeout') {
          // The timeout fires when asked, not "eventually": well before the delayed reply.
          expect(run.elapsedMs).toBeLessThan(TIMEOUT_SETTLED_MS);
        }
        expect(kept, `copies ${counts.join(',')} for ${outcome}`).toBe(true);
        if (op === 'sendMany') {
          // The second message: the same refusal under a global fault, else delivered once.
          const second = run.second as Observed;
          if (isGlobal(fault)) {
            expect(second.ok ? 'delivered' : second.error.code).toBe(want.ok ? '' : want.code);
            expect(counts[1]).toBe(0);
          } else {
            expect(second).toEqual({ ok: true, attempts: 1 });
            expect(counts[1]).toBe(1);
          }
        }
        expectNoLeak(run);
      });
    }
  });
}
