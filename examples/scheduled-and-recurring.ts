/**
 * Timed and recurring batches. Tencent SES schedules natively: `schedule: { at }` becomes a
 * timed task and `{ at, every: { days } }` a recurring one, with the time sent in UTC+8 as
 * Tencent expects. The emulator fires them on its own clock, which this program moves forward
 * with `emu.advance`; the mailer's `now` option reads that clock so schedule checks agree with
 * it. DirectMail has no scheduling field at all, so the same batch there is refused before
 * any request with an `unsupported` error naming the field, never silently sent at once.
 *
 * Run: `node --import tsx examples/scheduled-and-recurring.ts`
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, isMailError } from '@mailbridge/core';
import { startEmulator } from '@mailbridge/emulator';
import { formatChinaTime, tencentSes } from '@mailbridge/tencent-ses';

const HOUR = 3_600_000;
// Tencent schedule times have whole seconds (the adapter rounds up), so the emulator clock
// starts on a whole second and "+1h" lands exactly on the task.
const emu = await startEmulator({ startTime: Math.ceil(Date.now() / 1000) * 1000 });
const [tencentKey] = emu.credentials.tencent;
const [aliyunKey] = emu.credentials.aliyun;
if (!tencentKey || !aliyunKey) throw new Error('the emulator made no keys');

// `now` also dates signatures, which the emulator checks against the real time (as Tencent
// does): this mailer makes no request after the clock has been moved forward.
const tencent = createMailer(
  tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: tencentKey }),
  { now: () => emu.now() },
);
const directMail = createMailer(
  aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: aliyunKey }),
);
try {
  const group = await tencent.groups.create({ name: 'newsletter' });
  await tencent.groups.addRecipients(group.id, [
    { address: 'ann@example.com', data: { name: 'Ann' } },
    { address: 'bo@example.com', data: { name: 'Bo' } },
  ]);
  const batch = { from: 'noreply@mail.example.com', group: group.id, template: { id: 100001 } };

  const at = new Date(emu.now() + HOUR);
  const timed = await tencent.sendBatch({ ...batch, subject: 'Flash sale', schedule: { at } });
  console.log(`timed task ${timed.batchId} at ${formatChinaTime(at)} (UTC+8)`);

  const daily = { at: new Date(emu.now() + 2 * HOUR), every: { days: 1 } };
  const recurring = await tencent.sendBatch({ ...batch, subject: 'Daily digest', schedule: daily });
  console.log(`recurring task ${recurring.batchId}, every day from ${formatChinaTime(daily.at)}`);

  const fired = (taskId: string) => emu.outbox.filter((m) => m.taskId === taskId).length;
  for (const hours of [1, 1, 24]) {
    emu.advance(hours * HOUR);
    console.log(
      `clock +${hours}h: timed ${fired(String(timed.batchId))} copies, recurring ${fired(String(recurring.batchId))} copies`,
    );
  }

  try {
    await directMail.sendBatch({
      from: 'batch@mail.example.com',
      group: 'any',
      template: { id: 'welcome' },
      schedule: { at },
    });
  } catch (error) {
    if (!isMailError(error) || error.code !== 'unsupported') throw error;
    console.log(`DirectMail: ${error.code}: ${error.message}`);
  }
} finally {
  await tencent.close();
  await directMail.close();
  await emu.close();
}
