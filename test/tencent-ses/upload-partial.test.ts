/**
 * A group upload that fails after one of its calls was stored: SES appends without
 * de-duplication (docs/providers/tencent-ses.md "Recipient groups"), so uploading the same recipients again
 * stores the stored ones twice and a batch send to the group mails them twice. The error must
 * not say `not_sent` (the promise that sending again is safe).
 */
import { createMailer, isMailError, type MailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const CHUNK = 20_000;

describe('a partly stored upload', () => {
  it('is unknown and not retryable, not not_sent: its first call is stored', async () => {
    const key = emu.credentials.tencent[0] as { id: string; secret: string };
    const mailer = createMailer(
      tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: key }),
      { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 } },
    );
    const group = await mailer.groups.create({ name: 'partial' });
    const recipients = Array.from({ length: CHUNK + 1 }, (_, i) => `r${i}@example.com`);
    let error: MailError | undefined;
    try {
      await mailer.groups.addRecipients(group.id, recipients, {
        onProgress: (p) => {
          // The second call is throttled past the retry budget: refused, nothing of it stored.
          if (p.calls === 1)
            emu.inject({
              provider: 'tencent-ses',
              action: 'CreateReceiverDetail',
              count: 2,
              fault: { kind: 'error', code: 'RequestLimitExceeded' },
            });
        },
      });
    } catch (thrown) {
      if (!isMailError(thrown)) throw thrown;
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect(error?.message).toContain(`after ${CHUNK} recipients in 1 calls`);
    // The first chunk is in the group: the call had an effect at the provider.
    const stored = await mailer.raw.ListReceiverDetails({
      ReceiverId: Number(group.id),
      Email: 'r0@example.com',
      Offset: 0,
      Limit: 10,
    });
    expect(stored.TotalCount).toBe(1);
    expect(error).toMatchObject({ delivery: 'unknown', retryable: false });
    await mailer.close();
  });
});
