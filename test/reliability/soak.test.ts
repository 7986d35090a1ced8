/**
 * The CI-size soak (SOAK_MESSAGES, default 5,000, DirectMail: the provider with the replay
 * path): the emulator in its own process, ~1% throttled and ~0.1% dropped sends, every message
 * accounted for against the outbox. The 100,000-message run is `soak.ts` (SOAK.md).
 */
import type { ProviderId } from '@mailbridge/emulator';
import { expect, it } from 'vitest';
import { runSoak } from './soak.js';

const MESSAGES = Number(process.env['SOAK_MESSAGES'] ?? 5_000);
const PROVIDERS = (process.env['SOAK_PROVIDERS'] ?? 'aliyun-dm').split(',') as ProviderId[];

for (const provider of PROVIDERS) {
  it(`soak ${provider}: ${MESSAGES} messages at concurrency 64, each accounted for`, async () => {
    const report = await runSoak({ provider, messages: MESSAGES, concurrency: 64 });
    expect(report.delivered + report.notSent + report.unknown).toBe(MESSAGES);
    expect(report.duplicates).toBe(0);
    expect(report.unaccounted).toBe(0);
    // The faults really happened: retried throttles cost extra attempts, drops end `unknown`.
    expect(report.injected.throttles).toBeGreaterThan(MESSAGES / 200);
    expect(report.injected.drops).toBeGreaterThan(0);
    expect(report.attempts).toBeGreaterThan(MESSAGES + report.injected.throttles / 2);
    expect(report.unknown).toBeGreaterThan(0);
    expect(report.unknown).toBeLessThanOrEqual(report.injected.drops);
    // Memory does not follow the message count (a leak of 30 KB per message would be 150 MiB).
    expect(report.rss.peakMiB - report.rss.startMiB).toBeLessThan(150);
  }, 180_000);
}
