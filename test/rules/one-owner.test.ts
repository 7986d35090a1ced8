/**
 * Rules with one home (issue 14): each test goes through `mailer.send` / `mailer.sendBatch`,
 * the way a user meets the rule, and proves the request was never made.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Hooks, type Provider } from '@mailbridge/core';
import { createTestingProvider } from '@mailbridge/core/testing';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

/** Requests that reached the pipeline's hooks (none may, for a refused input). */
let requests = 0;
const hooks: Hooks = {
  onRequest: () => {
    requests += 1;
  },
};
const mailers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(mailers.splice(0).map((m) => m.close()));
  requests = 0;
});

function mailerOf<Id extends string, Raw>(provider: Provider<Id, Raw>) {
  const mailer = createMailer(provider, { hooks, retry: { retries: 0 } });
  mailers.push(mailer);
  return mailer;
}

// Loopback endpoints that nothing serves: a request would fail as `network`, not as the rule.
const tencent = (allowRawContent = false) =>
  tencentSes({
    region: 'ap-guangzhou',
    endpoint: 'http://127.0.0.1:9',
    credentials: { id: 'AKIDrules', secret: 'rules-secret' },
    allowRawContent,
  });
const dm = () =>
  aliyunDm({
    region: 'cn-hangzhou',
    endpoint: 'http://127.0.0.1:9',
    credentials: { id: 'LTAIrules', secret: 'rules-secret' },
  });

const base = { from: 'noreply@mail.example.com', to: 'a@example.com', subject: 'Hi' };

describe('to/bcc overlap: one check, driven by capabilities.recipients.bccMayOverlapTo', () => {
  it('a provider that allows the overlap is not refused', async () => {
    const provider = createTestingProvider({
      capabilities: {
        recipients: { to: 5, cc: 5, bcc: 5, toVisibleToEachOther: true, bccMayOverlapTo: true },
      },
    });
    const result = await mailerOf(provider).send({ ...base, bcc: 'A@example.com', text: 'x' });
    expect(result.messageId).toBeTruthy();
    expect(provider.outbox).toHaveLength(1);
  });

  it('a provider that forbids it refuses it before any request, naming bcc', async () => {
    const error = await failure(
      mailerOf(tencent()).send({ ...base, bcc: 'A@example.com', template: { id: 1 } }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['bcc', 0]);
    expect(requests).toBe(0);
  });
});

describe("the provider's own words reach the user", () => {
  it('Tencent: raw content without the permission says to set allowRawContent', async () => {
    const error = await failure(mailerOf(tencent()).send({ ...base, html: '<p>x</p>' }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('set allowRawContent');
    expect(requests).toBe(0);
  });

  it('DirectMail: a scheduled batch says why there is no native scheduling', async () => {
    const error = await failure(
      mailerOf(dm()).sendBatch({
        from: 'noreply@mail.example.com',
        group: 'list1',
        template: { id: 'welcome' },
        schedule: { at: new Date(Date.now() + 3_600_000) },
      }),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('BatchSendMail sends at once and has no send-time field');
    expect(requests).toBe(0);
  });
});

describe('the template id shape lives in the capability', () => {
  it('a 20-digit Tencent template id fails in core, before any request', async () => {
    const error = await failure(
      mailerOf(tencent()).send({ ...base, template: { id: '12345678901234567890' } }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]).toMatchObject({ path: ['template', 'id'] });
    expect(error.issues[0]?.message).toContain('1 to 15 digits');
    expect(requests).toBe(0);
  });
});

describe('provider options are parsed once, by the provider the message goes to', () => {
  it('an unknown DirectMail option is invalid_input naming the key', async () => {
    const error = await failure(
      mailerOf(dm()).send({
        ...base,
        text: 'x',
        providerOptions: { 'aliyun-dm': { adressType: 1 } as never },
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['providerOptions', 'aliyun-dm', 'adressType']);
    expect(requests).toBe(0);
  });
});
