/** The resource suite on DirectMail, against the emulator on loopback. */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Mailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe } from 'vitest';
import { runResourceSuite } from './suite.js';

let emu: Emulator;
let mailer: Mailer;
beforeAll(async () => {
  emu = await startEmulator();
  const key = emu.credentials.aliyun[0] as { id: string; secret: string };
  mailer = createMailer(
    aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: key }),
    // Some steps make tens of calls in a row; the suite is not about client rate limits.
    { rateLimits: false },
  );
});
afterAll(async () => {
  await mailer.close();
  await emu.close();
});

describe('aliyun-dm resources', () => {
  runResourceSuite({
    name: 'aliyun-dm',
    emulator: () => emu,
    mailer: () => mailer,
    template: { name: 'welcome' },
    pendingTemplate: 'pending',
    // The emulator counts DirectMail days in UTC (packages/emulator/src/aliyun/stats-daily.ts).
    day: (ms) => new Date(ms).toISOString().slice(0, 10),
    message: (to) => ({
      from: 'noreply@mail.example.com',
      to,
      subject: 'Stats',
      html: '<p>Hello</p>',
    }),
    statsAction: 'SenderStatisticsByTagNameAndBatchID',
  });
});
