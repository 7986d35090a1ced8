/**
 * A scheduler worker process for crash.test.ts (plain JS: it starts many times, so no loader):
 * opens the SQLite job store, attaches a DirectMail and a Tencent SES mailer on the emulator,
 * and fires due jobs until it is killed.
 * argv[2]: JSON `{ db, aliyunEndpoint, tencentEndpoint, aliyun: {id, secret}, tencent: {id, secret} }`.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer } from '@mailbridge/core';
import { createScheduler, sqliteStore } from '@mailbridge/scheduler';
import { tencentSes } from '@mailbridge/tencent-ses';

const config = JSON.parse(process.argv[2] ?? '{}');
const scheduler = createScheduler({ store: sqliteStore(config.db), pollMs: 20, concurrency: 4 });
const options = { scheduler, timeoutMs: 10_000 };
const dm = aliyunDm({
  region: 'cn-hangzhou',
  endpoint: config.aliyunEndpoint,
  credentials: config.aliyun,
});
const ses = tencentSes({
  region: 'ap-guangzhou',
  endpoint: config.tencentEndpoint,
  credentials: config.tencent,
});
createMailer(dm, options);
createMailer(ses, options);
process.on('SIGTERM', () => {
  scheduler.close().then(() => process.exit(0));
});
setInterval(() => {}, 60_000); // stay alive until killed
process.stdout.write('ready\n');
