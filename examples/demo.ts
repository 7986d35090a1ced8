/**
 * `pnpm demo`: the whole of mailbridge in a few seconds, against the emulator started in this
 * process. The same `run` function below runs once per provider; the provider is chosen by a
 * config value (a `MAIL_URL`-style string resolved with `fromConfig`), and everything that
 * differs between Tencent SES and DirectMail is account data in `demo/profiles.ts`. Each run
 * sends one message, fans out a few hundred personalised messages, creates and fills a group,
 * sends a batch to it, schedules a timed and a recurring batch (native on Tencent, through the
 * embedded SQLite scheduler on DirectMail), survives one injected throttling error, and rejects
 * one bad input. `--provider tencent-ses` or `--provider aliyun-dm` runs one provider only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { aliyunDm } from '@mailbridge/aliyun-dm';
import {
  createMailer,
  fromConfig,
  isMailError,
  type MailErrorCode,
  type Mailer,
} from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, type EmbeddedScheduler, sqliteStore } from '@mailbridge/scheduler';
import { tencentSes } from '@mailbridge/tencent-ses';
import { failoverRows } from './demo/failover.js';
import {
  type DemoProviderId,
  PROFILES,
  PROVIDER_IDS,
  type Profile,
  useEmulatorCredentials,
} from './demo/profiles.js';
import { describeError, progress, type Row, shortId, table } from './demo/report.js';

const HOUR = 3_600_000;
const FAN_OUT = 300;
const MEMBERS = ['Ann', 'Bo', 'Chen', 'Dana', 'Eli'];

/** What a step reports when it succeeds; `expected: false` flags a wrong result. */
interface Outcome {
  readonly result: string;
  readonly ids: string;
  readonly attempts: number | string;
  readonly expected?: boolean;
}

/** Run one operation; a thrown MailError becomes a row, expected when its code matches. */
async function step(
  operation: string,
  expect: 'ok' | MailErrorCode,
  body: () => Promise<Outcome>,
): Promise<Row> {
  try {
    const { expected = true, ...outcome } = await body();
    return { operation, ...outcome, expected: expected && expect === 'ok' };
  } catch (error) {
    const mailError = isMailError(error) ? error : undefined;
    return {
      operation,
      ...describeError(error),
      ids: mailError?.requestId ? `request ${shortId(mailError.requestId)}` : '-',
      attempts: mailError?.attempts ?? '-',
      expected: mailError?.code === expect,
    };
  }
}

/** The same code for every provider: the config value and the account data are the inputs. */
async function run(emu: Emulator, id: DemoProviderId): Promise<Row[]> {
  const profile = PROFILES[id];
  const config = profile.url(emu);
  console.log(`\n${id}\n  config: MAIL_URL=${config}`);
  console.log(`  credentials: ${profile.env.id} / ${profile.env.secret} (the emulator's key)`);
  useEmulatorCredentials(emu, id);
  // Scheduled work runs on the emulator clock; start each run with it at the real time.
  emu.setTime(Date.now());
  emu.setAuthSkew(0);
  // What the provider cannot schedule itself waits in an SQLite file, firing on the same clock.
  const dir = mkdtempSync(join(tmpdir(), 'mailbridge-demo-'));
  const scheduler = createScheduler({
    store: sqliteStore(join(dir, 'jobs.sqlite')),
    now: () => emu.now(),
  });
  const mailer = createMailer(fromConfig(config, [aliyunDm, tencentSes]), {
    scheduler,
    now: () => emu.now(),
    // The emulator has no rate limits; against the real service keep the documented defaults.
    rateLimits: false,
  });
  try {
    const rows = [
      await sendOne(mailer, profile),
      await sendMany(mailer, profile),
      await throttled(mailer, profile, emu),
      await badInput(mailer, profile),
    ];
    return [...rows, ...(await groupsAndBatches(mailer, profile, emu, scheduler))];
  } finally {
    await mailer.close();
    await scheduler.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sendOne = (mailer: Mailer, p: Profile) =>
  step('send', 'ok', async () => {
    const r = await mailer.send({
      from: p.sender,
      to: 'ann@example.com',
      subject: 'Welcome to the shop',
      html: '<p>Hello Ann</p>',
      text: 'Hello Ann',
    });
    return { result: 'ok', ids: shortId(r.messageId), attempts: r.attempts };
  });

function sendMany(mailer: Mailer, p: Profile): Promise<Row> {
  return step(`sendMany x${FAN_OUT}`, 'ok', async () => {
    const messages = function* () {
      for (let i = 1; i <= FAN_OUT; i++) {
        const name = `Customer ${i}`;
        yield {
          from: p.sender,
          to: `customer-${i}@example.com`,
          subject: `Your order, ${name}`,
          html: `<p>Dear ${name}, your order #${1000 + i} has shipped.</p>`,
        };
      }
    };
    const report = progress('sendMany', FAN_OUT);
    let sent = 0;
    let failed = 0;
    let attempts = 0;
    const ids: string[] = [];
    for await (const r of mailer.sendMany(messages(), { concurrency: 32 })) {
      if (r.status === 'fulfilled') {
        sent += 1;
        attempts += r.value.attempts;
        if (r.index === 0 || r.index === FAN_OUT - 1) ids.push(shortId(r.value.messageId, 13));
      } else failed += 1;
      report(sent + failed);
    }
    const result = `ok ${sent} sent, ${failed} failed`;
    return { result, ids: ids.join(' to '), attempts, expected: failed === 0 };
  });
}

const throttled = (mailer: Mailer, p: Profile, emu: Emulator) =>
  step(`send, ${p.throttle.fault.code} once`, 'ok', async () => {
    emu.inject(p.throttle);
    const r = await mailer.send({
      from: p.sender,
      to: 'bo@example.com',
      subject: 'Retried',
      text: 'Sent on the second attempt',
    });
    const result = 'ok retried once (delivery was not_sent)';
    return {
      result,
      ids: shortId(r.messageId),
      attempts: r.attempts,
      expected: r.attempts === 2,
    };
  });

const badInput = (mailer: Mailer, p: Profile) =>
  step('send, bad address', 'invalid_input', async () => {
    await mailer.send({ from: p.sender, to: 'not-an-address', subject: 'x', text: 'y' });
    return { result: 'sent?!', ids: '-', attempts: 1, expected: false };
  });

async function groupsAndBatches(
  mailer: Mailer,
  p: Profile,
  emu: Emulator,
  scheduler: EmbeddedScheduler,
): Promise<Row[]> {
  let group = '';
  const rows: Row[] = [];
  rows.push(
    await step('groups.create + addRecipients', 'ok', async () => {
      group = (await mailer.groups.create({ name: 'demo-customers' })).id;
      const members = MEMBERS.map((name) => ({
        address: `${name.toLowerCase()}@example.com`,
        data: { [p.nameVariable]: name },
      }));
      const up = await mailer.groups.addRecipients(group, members);
      return {
        result: `ok ${up.added} added in ${up.calls} call`,
        ids: `group ${group}`,
        attempts: '-',
      };
    }),
  );
  const batch = {
    from: p.batchSender,
    group,
    template: { id: p.template },
    ...(p.batchSubject === undefined ? {} : { subject: p.batchSubject }),
  };
  rows.push(
    await step('sendBatch (now)', 'ok', async () => {
      const r = await mailer.sendBatch(batch);
      return { result: 'ok', ids: `batch ${r.batchId}`, attempts: r.attempts };
    }),
  );
  const timed = { at: new Date(emu.now() + HOUR) };
  const recurring = { at: new Date(emu.now() + 2 * HOUR), every: { days: 1 } };
  const taskIds: string[] = [];
  const jobIds: string[] = [];
  for (const [operation, schedule] of [
    ['sendBatch, timed +1h', timed],
    ['sendBatch, daily from +2h', recurring],
  ] as const) {
    rows.push(
      await step(operation, 'ok', async () => {
        const r = await mailer.sendBatch({ ...batch, schedule });
        if (r.native) taskIds.push(r.batchId ?? '');
        else jobIds.push(r.id);
        return r.native
          ? { result: 'ok scheduled', ids: `task ${r.batchId}`, attempts: r.attempts ?? 1 }
          : { result: 'ok scheduled', ids: `job ${shortId(r.id)}`, attempts: '-' };
      }),
    );
  }
  rows.push(await clockRow(emu, scheduler, taskIds, jobIds));
  return rows;
}

/**
 * Move the emulator clock 26 hours: the timed batch fires once, the daily one twice, whether
 * the provider (Tencent) or the scheduler (DirectMail) holds them.
 */
async function clockRow(
  emu: Emulator,
  scheduler: EmbeddedScheduler,
  taskIds: string[],
  jobIds: readonly string[],
): Promise<Row> {
  emu.advance(26 * HOUR + 60_000);
  // The scheduler's sends are signed at the moved clock's time; let the emulator accept that.
  emu.setAuthSkew(emu.now() - Date.now());
  await scheduler.runDue();
  for (const id of jobIds) {
    for (const run of (await scheduler.get(id))?.runs ?? []) if (run.id) taskIds.push(run.id);
  }
  const fired = emu.outbox.filter((m) => m.taskId !== undefined && taskIds.includes(m.taskId));
  const want = 3 * MEMBERS.length;
  return {
    operation: 'emulator clock +26h',
    result: `${fired.length} scheduled copies delivered`,
    ids: '-',
    attempts: '-',
    expected: fired.length === want,
  };
}

function outboxSummary(emu: Emulator, id: DemoProviderId): string {
  const copies = emu.outbox.filter((m) => m.provider === id);
  const byAction = new Map<string, number>();
  for (const m of copies) byAction.set(m.action, (byAction.get(m.action) ?? 0) + 1);
  const parts = [...byAction].map(([action, n]) => `${action} ${n}`).join(', ');
  return `  outbox: ${copies.length} copies delivered (${parts})`;
}

function chosenProviders(): readonly DemoProviderId[] {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  let values: { provider?: string | undefined; keep?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { provider: { type: 'string' }, keep: { type: 'boolean' } },
    }));
  } catch (error) {
    // A mistyped flag is the user's to fix: one line and the usage, not node's stack trace.
    const why = error instanceof Error ? error.message : String(error);
    console.error(`${why}\nusage: pnpm demo [--provider ${PROVIDER_IDS.join('|')}] [--keep]`);
    process.exit(2);
  }
  if (values.provider === undefined) return PROVIDER_IDS;
  const id = PROVIDER_IDS.find((p) => p === values.provider);
  if (id) return [id];
  console.error(`unknown --provider ${values.provider}; use one of: ${PROVIDER_IDS.join(', ')}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const providers = chosenProviders();
  const started = performance.now();
  const emu = await startEmulator({ seed: { tencent: { allowSimple: true } } });
  console.log(`mailbridge demo: emulator listening on ${emu.url} (in this process)`);
  // The emulator's inbox page shows every copy the demo sends; --keep serves it until Ctrl-C.
  const keep = process.argv.includes('--keep');
  console.log(`  inbox: ${emu.inboxUrl}${keep ? '' : ' (open it with --keep to look around)'}`);
  console.log(`  DirectMail SMTP (attachments): ${emu.smtp.host}:${emu.smtp.port}`);
  let unexpected = 0;
  try {
    for (const id of providers) {
      const rows = await run(emu, id);
      console.log(`\n${table(rows)}\n${outboxSummary(emu, id)}`);
      unexpected += rows.filter((r) => !r.expected).length;
    }
    // Both providers as one mailer: the next is tried only when the first certainly did not send.
    if (providers.length === PROVIDER_IDS.length) {
      // The provider runs moved the emulator clock a day on; back to the real time.
      emu.setTime(Date.now());
      emu.setAuthSkew(0);
      const { config, rows } = await failoverRows(emu);
      console.log(`\nfailover\n  config: fromConfig([${config}])\n\n${table(rows)}`);
      unexpected += rows.filter((r) => !r.expected).length;
    }
  } finally {
    if (keep) {
      console.log(`\nserving the inbox at ${emu.inboxUrl} until Ctrl-C`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
    }
    await emu.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (unexpected > 0) {
    console.log(`\n${unexpected} step(s) did not behave as expected (marked !!)`);
    process.exitCode = 1;
  } else console.log(`\nall steps behaved as expected in ${seconds}s`);
}

await main();
