/**
 * The bench measures clients doing the real work: every driver's send is accepted by the
 * emulator, which checks each signature and each message as the providers do, so a baseline that
 * skipped part of its signing (and looked faster for it) fails here. The unsigned ceiling is
 * refused, which shows the emulator is checking.
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY } from '../src/drivers/driver.js';
import { SEND_DRIVERS, type SendDriverName, WHATIF_DRIVERS } from '../src/drivers/registry.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [KEY], tencentKeys: [KEY] });
});
afterAll(() => emu?.close());

const drivers = { ...SEND_DRIVERS, ...WHATIF_DRIVERS };
const unsigned = ['raw-undici', 'raw-undici DirectMail form'] as const;
const signed = (Object.keys(drivers) as SendDriverName[]).filter(
  (name) => !(unsigned as readonly string[]).includes(name),
);

describe.each(signed)('%s', (name) => {
  it('sends emails the emulator accepts and delivers', async () => {
    const driver = await drivers[name](emu.url);
    const before = emu.outbox.length;
    try {
      for (let i = 0; i < 3; i++) await driver.send(i);
    } finally {
      await driver.close();
    }
    const sent = emu.outbox.slice(before);
    expect(sent).toHaveLength(3);
    expect(sent.map((entry) => entry.to)).toEqual([
      'user0@example.com',
      'user1@example.com',
      'user2@example.com',
    ]);
  });
});

it.each([
  ['raw-undici', 'MessageId'],
  ['raw-undici DirectMail form', 'EnvId'],
] as const)(
  'the unsigned ceiling %s is refused: the emulator checks signatures',
  async (name, id) => {
    const driver = await drivers[name](emu.url);
    const before = emu.outbox.length;
    try {
      await expect(driver.send(0)).rejects.toThrow(`the answer carried no ${id}`);
    } finally {
      await driver.close();
    }
    expect(emu.outbox.length).toBe(before);
  },
);
