/**
 * Several providers and accounts behind one mailer. `failover([...])` tries members in order
 * and moves on only when a member certainly did not send (`delivery: 'not_sent'`): throttled,
 * quota spent, connection refused, key revoked. A member that may have sent (`unknown`) ends
 * the call, so nothing goes out twice. `perProvider` gives each provider its own sender and
 * template reference; `roundRobin` spreads sends by weight over two accounts of one provider.
 * Runs against the emulator, with two DirectMail keys (two accounts) and one Tencent SES key.
 *
 * Run: `node --import tsx examples/failover.ts`
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import {
  createMailer,
  failover,
  isMailError,
  type MessageInput,
  roundRobin,
} from '@mailbridge/core';
import { startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';

const accounts = [
  { id: 'LTAIexampleHangzhou', secret: 'example-secret-hangzhou-0123' },
  { id: 'LTAIexampleSingapore', secret: 'example-secret-singapore-012' },
];
const emu = await startEmulator({ aliyunKeys: accounts });
const [tencentKey] = emu.credentials.tencent;
if (!tencentKey) throw new Error('the emulator made no Tencent key');
const [hangzhou, singapore] = accounts.map((credentials, i) =>
  aliyunDm({ region: i === 0 ? 'cn-hangzhou' : 'ap-southeast-1', endpoint: emu.url, credentials }),
);
const tencent = tencentSes({
  region: 'ap-guangzhou',
  endpoint: emu.url,
  credentials: tencentKey,
});
if (!hangzhou || !singapore) throw new Error('unreachable');

// 1. Failover: Tencent SES first, then DirectMail. Each provider references templates its own
//    way (Tencent: numeric id; DirectMail single sends: the id QueryTemplateByParam lists).
const mailer = createMailer(failover([tencent, { provider: hangzhou, name: 'dm-hangzhou' }]), {
  retry: { retries: 0 },
});
const lookup = createMailer(hangzhou);
const listed = await lookup.raw.QueryTemplateByParam({ KeyWord: 'welcome' });
await lookup.close();
const dmTemplate = listed.data?.template?.[0]?.TemplateId ?? '';
const welcome = (to: string): MessageInput => ({
  from: 'Shop <noreply@mail.example.com>',
  to,
  subject: 'Welcome',
  template: { id: 100001, data: { name: 'Ann', UserName: 'Ann' } },
  perProvider: { 'tencent-ses': {}, 'dm-hangzhou': { template: dmTemplate } },
});

const first = await mailer.send(welcome('ann@example.com'));
console.log(`normal day: sent by ${first.member} (${first.provider})`);

emu.inject({
  provider: 'tencent-ses',
  action: 'SendEmail',
  fault: { kind: 'error', code: 'FailedOperation.ExceedSendLimit' },
});
const second = await mailer.send(welcome('bo@example.com'));
const passed = second.route?.[0];
console.log(
  `Tencent quota spent: sent by ${second.member}; ${passed?.member} ${passed?.outcome}: ${passed?.reason}`,
);
const third = await mailer.send(welcome('chen@example.com'));
console.log(
  `next send: ${third.route?.[0]?.member} ${third.route?.[0]?.outcome} (${third.route?.[0]?.reason})`,
);

emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'drop' } });
try {
  await mailer.send(welcome('dana@example.com'));
} catch (error) {
  if (!isMailError(error)) throw error;
  const copies = emu.outbox.filter((m) => m.to === 'dana@example.com').length;
  console.log(
    `connection dropped after processing: ${error.code}, delivery ${error.delivery}; copies: ${copies}`,
  );
}
await mailer.close();

// 2. Round-robin over two DirectMail accounts, 3:1.
const spread = createMailer(
  roundRobin([
    { provider: hangzhou, weight: 3, name: 'hangzhou' },
    { provider: singapore, weight: 1, name: 'singapore' },
  ]),
);
const counts: Record<string, number> = {};
for (let i = 0; i < 40; i++) {
  const r = await spread.send({
    from: 'noreply@mail.example.com',
    to: `customer-${i}@example.com`,
    subject: 'News',
    html: '<p>News</p>',
  });
  counts[r.member as string] = (counts[r.member as string] ?? 0) + 1;
}
console.log(
  `round-robin 3:1 over 40 sends: hangzhou ${counts['hangzhou']}, singapore ${counts['singapore']}`,
);
await spread.close();
await emu.close();
