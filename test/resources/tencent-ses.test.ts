/** The resource suite on Tencent SES, against the emulator on loopback. */
import { createMailer, type Mailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe } from 'vitest';
import { runResourceSuite } from './suite.js';

const CST_MS = 8 * 60 * 60 * 1000;

let emu: Emulator;
let mailer: Mailer;
beforeAll(async () => {
  emu = await startEmulator();
  const key = emu.credentials.tencent[0] as { id: string; secret: string };
  mailer = createMailer(
    tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: key }),
    { rateLimits: false },
  );
});
afterAll(async () => {
  await mailer.close();
  await emu.close();
});

describe('tencent-ses resources', () => {
  runResourceSuite({
    name: 'tencent-ses',
    emulator: () => emu,
    mailer: () => mailer,
    template: { id: '100001', name: 'welcome' },
    // SES counts days in China Standard Time (UTC+8).
    day: (ms) => new Date(ms + CST_MS).toISOString().slice(0, 10),
    message: (to) => ({
      from: 'noreply@mail.example.com',
      to,
      subject: 'Stats',
      template: { id: 100001, data: { name: 'A' } },
    }),
    statsAction: 'GetStatisticsReport',
  });
});
