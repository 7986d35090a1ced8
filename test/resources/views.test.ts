/**
 * The resource views where a provider has no resources (the testing provider) and on a
 * composite: every operation is `unsupported`, naming it, and a failover mailer answers from
 * its primary, where the account's stored resources live.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { collect, createMailer, failover } from '@mailbridge/core';
import { createTestingProvider } from '@mailbridge/core/testing';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from './suite.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

describe('resource views', () => {
  it('are unsupported, naming the operation, on a provider without resources', async () => {
    const mailer = createMailer(createTestingProvider());
    const calls: [string, () => unknown][] = [
      ['templates.list', () => collect(mailer.templates.list())],
      ['templates.get', () => mailer.templates.get('1')],
      ['templates.create', () => mailer.templates.create({ name: 'a', html: 'b' })],
      ['domains.list', () => collect(mailer.domains.list())],
      ['domains.create', () => mailer.domains.create('a.example.com')],
      ['senders.list', () => collect(mailer.senders.list())],
      ['senders.delete', () => mailer.senders.delete('1')],
      ['suppression.add', () => mailer.suppression.add(['a@example.com'])],
      ['suppression.remove', () => mailer.suppression.remove(['a@example.com'])],
      ['stats.daily', () => mailer.stats.daily({ from: '2026-12-01', to: '2026-12-01' })],
    ];
    for (const [operation, call] of calls) {
      const error = await failure(call);
      expect(error.code).toBe('unsupported');
      expect(error.message).toContain(operation);
      expect(error.delivery).toBe('not_sent');
    }
    await mailer.close();
  });

  it('on a failover mailer are the primary member’s', async () => {
    const aliyun = emu.credentials.aliyun[0] as { id: string; secret: string };
    const tencent = emu.credentials.tencent[0] as { id: string; secret: string };
    const mailer = createMailer(
      failover([
        tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: tencent }),
        aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: aliyun }),
      ]),
    );
    const names = (await collect(mailer.templates.list())).map((t) => t.name).sort();
    expect(names).toEqual(['newsletter', 'welcome']);
    expect(emu.requestCount({ provider: 'aliyun-dm' })).toBe(0);
    await mailer.close();
  });
});
