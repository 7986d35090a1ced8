import type { MailError } from '@mailbridge/core';
import { prepareBatch, prepareMessage } from '@mailbridge/core/provider';
import { thrownMailError as failure } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { rpcSignature } from '../src/signer.js';
import {
  attempt,
  batch,
  businessOf,
  formOf,
  message,
  provider,
  SECRET,
} from './helpers/fixtures.js';

describe('send -> SingleSendMail form parameters', () => {
  it('minimal message: POST form body with Format=JSON and RegionId, signed over everything', async () => {
    const request = await provider().send(message()).build(attempt());
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://dm.aliyuncs.com/');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = formOf(request);
    expect(form).toMatchObject({
      Action: 'SingleSendMail',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      Version: '2015-11-23',
      AccessKeyId: 'test-id',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'n-1',
      Timestamp: '2024-02-12T08:44:03Z',
    });
    expect(businessOf(request)).toEqual({
      AccountName: 'noreply@mail.example.com',
      AddressType: '1',
      ReplyToAddress: 'false',
      ToAddress: 'a@example.com',
      Subject: 'Hello',
      TextBody: 'Hi',
    });
    const { Signature, ...signed } = form;
    expect(rpcSignature('POST', signed, SECRET)).toBe(Signature);
    expect(request.secrets).toContain(SECRET);
    expect(request.secrets).toContain(Signature);
  });

  it('maps every neutral field', async () => {
    const request = await provider()
      .send(
        message({
          from: { address: 'noreply@mail.example.com', name: '小明 Shop' },
          to: [{ address: 'a@example.com' }, { address: 'b+tag@example.com' }],
          bcc: [{ address: 'audit@example.com' }, { address: 'x@example.com' }],
          replyTo: [{ address: 'support@example.com', name: 'Support' }],
          subject: "测试 😀 !'()*~+%&=",
          html: '<p>你好 😀</p>',
          text: 'plain',
          tags: ['demo'],
          tracking: { opens: true, clicks: true },
          headers: { 'X-User-Notify-Id': '42', 'Message-ID': '<m1@example.com>' },
          providerOptions: {
            'aliyun-dm': {
              addressType: 0,
              unsubscribeLinkType: 'default',
              unsubscribeFilterLevel: 'mailfrom',
              ipPoolId: 'pool-1',
            },
          },
        }),
      )
      .build(attempt());
    expect(businessOf(request)).toEqual({
      AccountName: 'noreply@mail.example.com',
      FromAlias: '小明 Shop',
      AddressType: '0',
      ReplyToAddress: 'false',
      ReplyAddress: 'support@example.com',
      ReplyAddressAlias: 'Support',
      ToAddress: 'a@example.com,b+tag@example.com',
      BccAddress: 'audit@example.com,x@example.com',
      Subject: "测试 😀 !'()*~+%&=",
      HtmlBody: '<p>你好 😀</p>',
      TextBody: 'plain',
      TagName: 'demo',
      ClickTrace: '1',
      Headers: '{"X-User-Notify-Id":"42","Message-ID":"<m1@example.com>"}',
      UnSubscribeLinkType: 'default',
      UnSubscribeFilterLevel: 'mailfrom',
      IpPoolId: 'pool-1',
    });
    expect(request.body).toContain(
      '%E6%B5%8B%E8%AF%95%20%F0%9F%98%80%20%21%27%28%29%2A~%2B%25%26%3D',
    );
  });

  it('replyToAddress: true sends the console reply-to flag', async () => {
    const request = await provider()
      .send(message({ providerOptions: { 'aliyun-dm': { replyToAddress: true } } }))
      .build(attempt());
    expect(businessOf(request)['ReplyToAddress']).toBe('true');
    expect(businessOf(request)['ReplyAddress']).toBeUndefined();
  });

  it('a template send -> Template {TemplateId, TemplateData} as one JSON string, no body', async () => {
    const request = await provider()
      .send(
        message({
          text: undefined,
          template: { id: 100012, data: { UserName: '小明', count: 3, vip: true } },
        } as never),
      )
      .build(attempt());
    const params = businessOf(request);
    expect(params['TextBody']).toBeUndefined();
    expect(params['HtmlBody']).toBeUndefined();
    expect(JSON.parse(params['Template'] as string)).toEqual({
      TemplateId: '100012',
      TemplateData: { UserName: '小明', count: '3', vip: 'true' },
    });
  });

  it('each build signs afresh: new nonce and timestamp', async () => {
    const op = provider().send(message());
    const a = formOf(await op.build(attempt(Date.UTC(2024, 0, 1), 1)));
    const b = formOf(await op.build(attempt(Date.UTC(2024, 0, 1, 0, 0, 5), 2)));
    expect(a['SignatureNonce']).not.toBe(b['SignatureNonce']);
    expect(a['Timestamp']).not.toBe(b['Timestamp']);
    expect(a['Signature']).not.toBe(b['Signature']);
  });

  it('is a replayable send whose replay rejection is SignatureNonceUsed', () => {
    const op = provider().send(message());
    expect(op).toMatchObject({ action: 'SingleSendMail', kind: 'send', replayable: true });
    expect(op.isReplayRejection?.({ providerCode: 'SignatureNonceUsed' } as MailError)).toBe(true);
    expect(op.isReplayRejection?.({ providerCode: 'InvalidTimeStamp.Expired' } as MailError)).toBe(
      true,
    );
    expect(op.isReplayRejection?.({ providerCode: 'Throttling.User' } as MailError)).toBe(false);
    expect(op.isReplayRejection?.({ providerCode: 'InvalidSendMail.Spam' } as MailError)).toBe(
      false,
    );
  });

  it('V3 signs with headers and keeps the form body', async () => {
    const request = await provider('https://dm.aliyuncs.com', { signatureVersion: 'v3' })
      .send(message())
      .build(attempt());
    expect(request.headers['authorization']).toMatch(
      /^ACS3-HMAC-SHA256 Credential=test-id,SignedHeaders=/,
    );
    expect(request.headers['x-acs-action']).toBe('SingleSendMail');
    expect(formOf(request)).toMatchObject({
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      ToAddress: 'a@example.com',
    });
  });
});

describe('the checks before any request (core and adapter)', () => {
  const p = provider();
  it('refuses display names on to and bcc', () => {
    expect(
      failure(() => prepareMessage(p, message({ to: [{ address: 'a@example.com', name: 'A' }] }))),
    ).toMatchObject({
      code: 'unsupported',
    });
    expect(
      failure(() => prepareMessage(p, message({ bcc: [{ address: 'a@example.com', name: 'A' }] })))
        .message,
    ).toContain('bcc');
  });
  it('refuses replyTo together with the console flag', () => {
    const m = message({
      replyTo: [{ address: 'r@example.com' }],
      providerOptions: { 'aliyun-dm': { replyToAddress: true } },
    });
    expect(failure(() => prepareMessage(p, m)).code).toBe('invalid_input');
  });
  it('refuses a reply alias over 15 characters (capabilities.replyTo.nameMaxLength)', () => {
    const m = message({ replyTo: [{ address: 'r@example.com', name: 'x'.repeat(16) }] });
    expect(failure(() => prepareMessage(p, m)).code).toBe('invalid_input');
  });
  it('tracking needs a tag, and opens and clicks go together', () => {
    expect(
      failure(() => prepareMessage(p, message({ tracking: { clicks: true } }))).issues[0]?.path,
    ).toEqual(['tags']);
    expect(
      failure(() =>
        prepareMessage(p, message({ tags: ['demo'], tracking: { clicks: true, opens: false } })),
      ).code,
    ).toBe('unsupported');
    expect(() =>
      prepareMessage(p, message({ tags: ['demo'], tracking: { clicks: true } })),
    ).not.toThrow();
  });
  it('needs a body or a template, and refuses both together', () => {
    const none = failure(() => prepareMessage(p, message({ text: undefined } as never)));
    expect(none).toMatchObject({ code: 'invalid_input' });
    expect(none.issues[0]?.message).toMatch(/body is required/);
    const both = failure(() => prepareMessage(p, message({ template: { id: 1 } })));
    expect(both).toMatchObject({ code: 'invalid_input' });
    expect(both.issues[0]?.path).toEqual(['template']);
    expect(() =>
      prepareMessage(p, message({ text: undefined, template: { id: 1 } } as never)),
    ).not.toThrow();
  });
  it('refuses unknown provider options, naming the key', () => {
    const error = failure(() =>
      prepareMessage(p, message({ providerOptions: { 'aliyun-dm': { adressType: 1 } } })),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('adressType');
  });
  it('ignores options for other providers', () => {
    expect(() =>
      prepareMessage(p, message({ providerOptions: { 'tencent-ses': { anything: 1 } } })),
    ).not.toThrow();
  });
});

describe('sendBatch -> BatchSendMail', () => {
  it('template and group by name, tag, reply address, tracking', async () => {
    const request = await provider()
      .sendBatch(
        batch({
          replyTo: { address: 'r@example.com', name: 'R' },
          tags: ['demo'],
          tracking: { opens: true },
        }),
      )
      .build(attempt());
    expect(businessOf(request)).toEqual({
      AccountName: 'batch@mail.example.com',
      AddressType: '1',
      TemplateName: 'welcome',
      ReceiversName: 'list1',
      ReplyAddress: 'r@example.com',
      ReplyAddressAlias: 'R',
      TagName: 'demo',
      ClickTrace: '1',
    });
  });

  it('a template name over 30 characters is invalid_input before any request', () => {
    expect(() => prepareBatch(provider(), batch({ template: { id: 't'.repeat(31) } }), 0)).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() =>
      prepareBatch(provider(), batch({ template: { id: '欢迎'.repeat(15) } }), 0),
    ).not.toThrow();
  });

  it('schedule is unsupported: DirectMail has no native scheduling', () => {
    const error = failure(() =>
      prepareBatch(provider(), batch({ schedule: { at: new Date() } }), Date.now()),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/no native scheduling \(BatchSendMail sends at once/);
    expect(error.message).toContain('aliyun-dm');
  });

  it('subject, sender name and the console reply flag are unsupported on batches', () => {
    const p = provider();
    expect(failure(() => prepareBatch(p, batch({ subject: 'x' }), 0)).code).toBe('unsupported');
    expect(
      failure(() => prepareBatch(p, batch({ from: { address: 'b@x.com', name: 'B' } }), 0)).code,
    ).toBe('unsupported');
    expect(
      failure(() =>
        prepareBatch(p, batch({ providerOptions: { 'aliyun-dm': { replyToAddress: true } } }), 0),
      ).code,
    ).toBe('unsupported');
  });
});
