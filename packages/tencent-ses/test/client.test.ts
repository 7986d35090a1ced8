import { createHash } from 'node:crypto';
import { normalizeMessage } from '@mailbridge/core/provider';
import { thrownMailError as parseFails } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { TENCENT_SES_ACTION_NAMES, TENCENT_SES_ACTIONS } from '../src/actions.js';
import { actionOperation, defaultSigner, type RequestContext } from '../src/client.js';
import { resolveTencentSesConfig } from '../src/config.js';
import { tencentSes } from '../src/provider.js';
import { createTc3Signer } from '../src/signer.js';

const context = (config: Record<string, unknown> = {}): RequestContext => ({
  settings: resolveTencentSesConfig({
    region: 'ap-guangzhou',
    credentials: { id: 'AKIDtest', secret: 'the-secret' },
    ...config,
  }),
  signer: defaultSigner,
});
const ctx = {
  attempt: 1,
  signal: new AbortController().signal,
  now: () => 1_700_000_000_500,
  execute: () => Promise.reject(new Error('no pipeline in this unit test')),
};
const response = (body: string, status = 200) => ({ status, headers: {}, body });
/** The provider's own send operation for a plain templated message. */
const sendOperation = () =>
  tencentSes({
    region: 'ap-guangzhou',
    credentials: { id: 'AKIDtest', secret: 'the-secret' },
  }).send(
    normalizeMessage({
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      subject: 'x',
      template: { id: 1 },
    }),
  );

describe('request building', () => {
  it('serialises once, signs those bytes, and sends the documented headers', async () => {
    const op = actionOperation(context({ language: 'en-US' }), 'ListEmailTemplates', {
      Offset: 0,
      Limit: 10,
    });
    const request = await op.build(ctx);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://ses.tencentcloudapi.com/');
    expect(new TextDecoder().decode(request.body as Uint8Array)).toBe('{"Offset":0,"Limit":10}');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-tc-action': 'ListEmailTemplates',
      'x-tc-version': '2020-10-02',
      'x-tc-timestamp': '1700000000',
      'x-tc-region': 'ap-guangzhou',
      'x-tc-language': 'en-US',
    });
    expect(request.headers['x-tc-token']).toBeUndefined();
    const expected = await createTc3Signer().sign({
      body: '{"Offset":0,"Limit":10}',
      contentType: 'application/json',
      host: 'ses.tencentcloudapi.com',
      secretId: 'AKIDtest',
      secretKey: 'the-secret',
      timestamp: 1_700_000_000,
    });
    expect(request.headers.authorization).toBe(expected.authorization);
    expect(request.secrets).toEqual(expect.arrayContaining(['the-secret', expected.signature]));
  });

  it('sends X-TC-Token with temporary credentials, outside the signature', async () => {
    const op = actionOperation(
      context({ credentials: { id: 'AKIDtmp', secret: 's', token: 'sts-token' } }),
      'ListEmailAddress',
      {},
    );
    const request = await op.build(ctx);
    expect(request.headers['x-tc-token']).toBe('sts-token');
    expect(request.secrets).toContain('sts-token');
    expect(new TextDecoder().decode(request.body as Uint8Array)).toBe('{}');
  });

  it('signs each attempt with a fresh timestamp', async () => {
    const op = actionOperation(context(), 'ListEmailAddress', {});
    const a = await op.build(ctx);
    const b = await op.build({ ...ctx, now: () => 1_700_000_060_000 });
    expect(a.headers['x-tc-timestamp']).not.toBe(b.headers['x-tc-timestamp']);
    expect(a.headers.authorization).not.toBe(b.headers.authorization);
  });

  it('refuses a request over 8 MB before sending it, naming the action', () => {
    const error = parseFails(() =>
      actionOperation(context(), 'CreateEmailTemplate', {
        TemplateName: 'big',
        TemplateContent: { Html: 'A'.repeat(8 * 1024 * 1024) },
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['CreateEmailTemplate']);
    expect(error.message).toContain('8 MB');
  });

  it('checks params against the action schema before any request', () => {
    const error = parseFails(() =>
      actionOperation(context(), 'ListReceivers', { Offset: 0, Limit: 500 } as never),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['ListReceivers', 'Limit']);
    expect(
      parseFails(() =>
        actionOperation(context(), 'DeleteReceiver', { ReceiverId: 1, Extra: 1 } as never),
      ).code,
    ).toBe('invalid_input');
  });

  it('body hash in the signature is the hash of the exact bytes sent', async () => {
    const op = actionOperation(context(), 'CreateReceiver', { ReceiversName: '名单 😀 "q"' });
    const request = await op.build(ctx);
    const hash = createHash('sha256')
      .update(request.body as Uint8Array)
      .digest('hex');
    const signed = await defaultSigner.sign({
      body: request.body as Uint8Array,
      contentType: 'application/json',
      host: 'ses.tencentcloudapi.com',
      secretId: 'AKIDtest',
      secretKey: 'the-secret',
      timestamp: 1_700_000_000,
    });
    expect(signed.payloadHash).toBe(hash);
    expect(request.headers.authorization).toBe(signed.authorization);
  });
});

describe('response envelope', () => {
  const op = actionOperation(context(), 'SendEmail', {
    FromEmailAddress: 'noreply@mail.example.com',
    Destination: ['a@example.com'],
    Subject: 'x',
    Template: { TemplateID: 1, TemplateData: '{}' },
  });
  const parseError = (body: string, status?: number) =>
    parseFails(() => op.parse(response(body, status), ctx));

  it('returns the inner Response on success', () => {
    const out = op.parse(
      response('{"Response":{"MessageId":"qcloudses-1","RequestId":"r-1"}}'),
      ctx,
    );
    expect(out).toMatchObject({ MessageId: 'qcloudses-1', RequestId: 'r-1' });
  });

  it.each([
    ['{"MessageId":"m-1","RequestId":"r"}', { messageId: 'm-1', requestId: 'r' }],
    ['{"RequestId":"r","MessageId":"m-1"}', { messageId: 'm-1', requestId: 'r' }],
    ['{"MessageId":"m-1","RequestId":"r","Extra":1}', { messageId: 'm-1', requestId: 'r' }],
    ['{"MessageId":"m-1","RequestId":null}', { messageId: 'm-1' }],
    ['{"MessageId":"m-1"}', { messageId: 'm-1' }],
  ])('a send reads %s as the response schema does, with or without it', (inner, receipt) => {
    const schema = TENCENT_SES_ACTIONS.SendEmail.response.parse(JSON.parse(inner));
    expect({ messageId: schema.MessageId, requestId: schema.RequestId ?? undefined }).toEqual(
      receipt,
    );
    const send = sendOperation();
    expect(send.parse(response(`{"Response":${inner}}`), ctx)).toEqual(receipt);
  });

  it.each(['{"MessageId":7,"RequestId":"r"}', '{"RequestId":"r"}'])(
    'a send answer %s that does not fit the model is malformed, not a receipt',
    (inner) => {
      const send = sendOperation();
      const error = parseFails(() => send.parse(response(`{"Response":${inner}}`), ctx));
      expect(error).toMatchObject({ provider: 'tencent-ses', action: 'SendEmail' });
      expect(error.message).toContain('does not match the API model');
    },
  );

  it('reads Response.Error in a 200', () => {
    const error = parseError(
      '{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"r-2"}}',
    );
    expect(error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      delivery: 'not_sent',
      providerCode: 'RequestLimitExceeded',
      providerMessage: 'slow down',
      requestId: 'r-2',
      httpStatus: 200,
      action: 'SendEmail',
      provider: 'tencent-ses',
    });
  });

  it('classifies a code in a non-200 body by the code, as in a 200', () => {
    const error = parseError(
      '{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow"},"RequestId":"r-4"}}',
      503,
    );
    expect(error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      delivery: 'not_sent',
      providerCode: 'RequestLimitExceeded',
      requestId: 'r-4',
      httpStatus: 503,
    });
  });

  it('reads Response.Error in a non-200 body too, with delivery unknown', () => {
    const error = parseError(
      '{"Response":{"Error":{"Code":"InternalError","Message":"boom"},"RequestId":"r-3"}}',
      500,
    );
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      delivery: 'unknown',
      providerCode: 'InternalError',
      httpStatus: 500,
    });
  });

  it('says clock skew for SignatureExpire', () => {
    const error = parseError(
      '{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"expired"},"RequestId":"r"}}',
    );
    expect(error.message).toMatch(/clock skew/);
    expect(error).toMatchObject({ code: 'auth', retryable: false, delivery: 'not_sent' });
  });

  it('lets a non-JSON body throw SyntaxError for the core to classify', () => {
    expect(() => op.parse(response('<html>502 Bad Gateway</html>', 502), ctx)).toThrow(SyntaxError);
  });

  it.each([
    ['JSON without Response', '{"ok":true}', 200, true],
    ['a 503 without an error code', '{"Response":{"RequestId":"r"}}', 503, true],
    ['a success missing MessageId', '{"Response":{"RequestId":"r"}}', 200, true],
    [
      'a 4xx that reads like a receipt',
      '{"Response":{"MessageId":"qcloudses-1","RequestId":"r"}}',
      404,
      false,
    ],
  ])('%s is provider_unavailable, delivery unknown', (_what, body, status, retryable) => {
    // A garbled 200 or a gateway's 5xx is worth another try (for a read; a send stays unknown).
    const error = parseError(body, status);
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      delivery: 'unknown',
      httpStatus: status,
      retryable,
    });
  });

  it('keeps a TaskId beyond 2^53 exact: sendBatch reports it as the same digits', () => {
    const provider = tencentSes({
      region: 'ap-guangzhou',
      credentials: { id: 'AKIDtest', secret: 'the-secret' },
    });
    const operation = provider.sendBatch({
      from: { address: 'noreply@mail.example.com' },
      group: '42',
      template: { id: 100002 },
      subject: 'News',
      tags: [],
      tracking: {},
      providerOptions: {},
    });
    const receipt = operation.parse(
      response('{"Response":{"TaskId":9007199254740993,"RequestId":"r-5"}}'),
      ctx,
    );
    expect(receipt).toEqual({ batchId: '9007199254740993', requestId: 'r-5' });
  });

  it('treats null response fields as absent', () => {
    const list = actionOperation(context(), 'ListSendTasks', { Offset: 0, Limit: 10 });
    const out = list.parse(
      response(
        '{"Response":{"TotalCount":1,"Data":[{"TaskId":7,"CycleParam":null,"TimedParam":null}],"RequestId":"r"}}',
      ),
      ctx,
    );
    expect(out.Data?.[0]).toEqual({ TaskId: 7 });
  });
});

describe('action table', () => {
  it('has the 35 actions of API 2020-10-02 with a retry kind each', () => {
    expect(TENCENT_SES_ACTION_NAMES).toHaveLength(35);
    const kinds = Object.fromEntries(
      TENCENT_SES_ACTION_NAMES.map((a) => [a, TENCENT_SES_ACTIONS[a].kind]),
    );
    expect(kinds.SendEmail).toBe('send');
    expect(kinds.BatchSendEmail).toBe('send');
    for (const [action, kind] of Object.entries(kinds)) {
      if (/^(List|Get)/.test(action)) expect(kind, action).toBe('read');
      else if (!/Send/.test(action)) expect(kind, action).toBe('write');
    }
  });
});
