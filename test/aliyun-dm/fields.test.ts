/**
 * Each neutral field through the mailer to the emulator (issue 4, "Neutral operations"): what
 * DirectMail accepts arrives as sent, and what it cannot carry is refused before any request.
 * Every action of the raw client: surface.test.ts.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, isMailError, type MailError, type MessageInput } from '@mailbridge/core';
import { rejectedMailError } from '@mailbridge/core/testing';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'fields-secret-0123456789abcdef';
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [{ id: 'LTAIfields', secret: SECRET }] });
});
afterAll(async () => {
  await emu?.close();
});

function mailer() {
  return createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIfields', secret: SECRET },
    }),
    { rateLimits: false, retry: { minDelayMs: 1, maxDelayMs: 5 } },
  );
}

let n = 0;
const address = (label: string) => `${label}-${++n}-${Date.now()}@example.com`;
const sends = () => emu.requestCount({ provider: 'aliyun-dm', action: 'SingleSendMail' });
const copiesTo = (to: string) => emu.outbox.filter((m) => m.to === to);
const base = (to: string): MessageInput => ({
  from: 'noreply@mail.example.com',
  to,
  subject: 'Fields',
  text: 'Hello',
});

/** The MailError a send fails with, and proof that it made no request. */
async function refusedBeforeRequest(input: MessageInput): Promise<MailError> {
  const before = sends();
  const error = await rejectedMailError(mailer().send(input));
  expect(sends()).toBe(before);
  expect(error.attempts ?? 0).toBe(0);
  return error;
}

describe('send fields against the emulator', () => {
  it('FromAlias: 14 characters (CJK and emoji count one each) arrive; 15 are refused', async () => {
    const alias = '小明的商店😀ABCDEFGH';
    expect([...alias]).toHaveLength(14);
    const to = address('alias');
    await mailer().send({
      ...base(to),
      from: { address: 'noreply@mail.example.com', name: alias },
    });
    expect(copiesTo(to)[0]?.from).toBe(`${alias} <noreply@mail.example.com>`);
    const error = await refusedBeforeRequest({
      ...base(address('alias15')),
      from: { address: 'noreply@mail.example.com', name: `${alias}J` },
    });
    expect(error.code).toBe('invalid_input');
    expect(JSON.stringify(error.issues)).toContain('from');
  });

  it('100 to addresses: one call, one EnvId, 100 separate copies; 101 are refused', async () => {
    const to = Array.from({ length: 100 }, () => address('hundred'));
    const before = sends();
    const result = await mailer().send({ ...base(to[0] as string), to });
    expect(sends() - before).toBe(1);
    for (const recipient of to) {
      expect(copiesTo(recipient).map((c) => c.messageId)).toEqual([result.messageId]);
    }
    const error = await refusedBeforeRequest({ ...base(to[0] as string), to: [...to, 'x@e.com'] });
    expect(error.code).toBe('invalid_input');
  });

  it('bcc: one hidden copy arrives for a single bcc address', async () => {
    const to = address('to');
    const bcc = address('bcc');
    await mailer().send({ ...base(to), bcc });
    expect(copiesTo(bcc).map((c) => c.bcc)).toEqual([[bcc]]);
    expect(copiesTo(to)[0]?.bcc).toBeUndefined();
  });

  it('bcc: two hidden copies; a third bcc and any cc are refused', async () => {
    const to = address('to');
    const bcc = [address('bcc'), address('bcc')];
    await mailer().send({ ...base(to), bcc });
    for (const b of bcc) expect(copiesTo(b)[0]?.bcc).toEqual([b]);
    expect(copiesTo(to)[0]?.bcc).toBeUndefined();
    const third = await refusedBeforeRequest({ ...base(to), bcc: [...bcc, address('bcc')] });
    expect(third.code).toBe('invalid_input');
    const cc = await refusedBeforeRequest({ ...base(to), cc: address('cc') });
    expect(cc.code).toBe('unsupported');
  });

  it('replyTo is an explicit ReplyAddress; replyToAddress:true uses the console reply-to', async () => {
    const explicit = address('reply');
    await mailer().send({ ...base(explicit), replyTo: 'Help <help@example.com>' });
    expect(copiesTo(explicit)[0]?.replyTo).toBe('help@example.com');
    const consoleFlag = address('reply');
    await mailer().send({
      ...base(consoleFlag),
      providerOptions: { 'aliyun-dm': { replyToAddress: true } },
    });
    // The address configured and verified for noreply@ in the (emulated) console.
    expect(copiesTo(consoleFlag)[0]?.replyTo).toBe('support@mail.example.com');
    const both = await refusedBeforeRequest({
      ...base(address('reply')),
      replyTo: 'help@example.com',
      providerOptions: { 'aliyun-dm': { replyToAddress: true } },
    });
    expect(both.code).toBe('invalid_input');
  });

  it('custom headers arrive (up to 10); an 11th is refused rather than dropped', async () => {
    const to = address('headers');
    const headers = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`X-User-Notify-K${i}`, `值 ${i} !'()*`]),
    );
    await mailer().send({ ...base(to), headers });
    expect(copiesTo(to)[0]?.headers).toEqual(headers);
    const error = await refusedBeforeRequest({
      ...base(to),
      headers: { ...headers, 'X-User-Extra': '1' },
    });
    expect(error.code).toBe('invalid_input');
  });

  it('one tag with click tracking arrives; a second tag is refused', async () => {
    const to = address('tag');
    await mailer().send({ ...base(to), tags: ['demo'], tracking: { opens: true, clicks: true } });
    expect(copiesTo(to)[0]?.tag).toBe('demo');
    const error = await refusedBeforeRequest({ ...base(to), tags: ['demo', 'other'] });
    expect(error.code).toBe('invalid_input');
  });

  it('a provider option holding a lone UTF-16 surrogate is invalid_input naming it, before any request', async () => {
    // It has no UTF-8 form, so it can be neither signed nor sent.
    const error = await refusedBeforeRequest({
      ...base(address('surrogate')),
      providerOptions: { 'aliyun-dm': { ipPoolId: 'pool-\uD800' } },
    });
    expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
    expect(error.issues?.[0]?.path).toEqual(['IpPoolId']);
    expect(error.issues?.[0]?.message).toContain('lone UTF-16 surrogate');
  });

  it('an html body over 8 MiB is refused before any request', async () => {
    const error = await refusedBeforeRequest({
      ...base(address('big')),
      html: 'x'.repeat(8 * 1024 * 1024 + 1),
    });
    expect(error.code).toBe('invalid_input');
  });

  it('a template send: TemplateId from QueryTemplateByParam, data filled in', async () => {
    const m = mailer();
    const listed = await m.raw.QueryTemplateByParam({ KeyWord: 'welcome' });
    const id = listed.data?.template?.find((t) => t.TemplateName === 'welcome')?.TemplateId;
    expect(id).toMatch(/^\d+$/);
    const to = address('template');
    const result = await m.send({
      from: 'noreply@mail.example.com',
      to,
      subject: 'Hi {UserName}',
      template: { id: id as string, data: { UserName: '小明' } },
    });
    expect(result.messageId).toMatch(/^\d+$/);
    expect(copiesTo(to)[0]).toMatchObject({
      templateId: 'welcome',
      subject: 'Hi 小明',
      text: 'Hello 小明, welcome aboard.',
    });
    const byName = await refusedBeforeRequest({
      from: 'noreply@mail.example.com',
      to,
      subject: 'Hi',
      template: { id: 'welcome' },
    });
    expect(byName.code).toBe('invalid_input');
  });
});

describe('batch fields against the emulator', () => {
  it('a template name over 30 characters is invalid_input with no request', async () => {
    const batches = () => emu.requestCount({ provider: 'aliyun-dm', action: 'BatchSendMail' });
    const before = batches();
    const error = await mailer()
      .sendBatch({ from: 'batch@mail.example.com', group: 'g', template: { id: 'w'.repeat(31) } })
      .catch((e: unknown) => e);
    expect(isMailError(error) && error.code).toBe('invalid_input');
    expect(batches()).toBe(before);
  });
});
