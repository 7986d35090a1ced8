import { isMailError, type MailError } from '@mailbridge/core';
import type { Execute, Operation } from '@mailbridge/core/provider';
import { thrownMailError } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../src/actions.js';
import { actionOperation, clientContext, createRawClient } from '../src/client.js';
import { resolveConfig } from '../src/config.js';
import { buildProvider } from '../src/provider.js';
import { attempt, businessOf, formOf, message, provider } from './helpers/fixtures.js';

const ctx = clientContext(
  resolveConfig({ region: 'cn-hangzhou', credentials: { id: 'id', secret: 'secret-value-123' } }),
);
const json = (status: number, body: string, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body,
});

function parseError(op: Operation<unknown>, response: ReturnType<typeof json>): MailError {
  return thrownMailError(() => op.parse(response, attempt()));
}

describe('responses', () => {
  it('keeps an EnvId above 2^53 exact, as a string', () => {
    const op = provider().send(message());
    const receipt = op.parse(
      json(200, '{"RequestId":"R-1","EnvId":600000007456651235123}'),
      attempt(),
    );
    expect(receipt).toEqual({ messageId: '600000007456651235123', requestId: 'R-1' });
    expect(
      op.parse(json(200, '{"RequestId":"R","EnvId":"600000007456651235"}'), attempt()),
    ).toMatchObject({
      messageId: '600000007456651235',
    });
  });

  it.each([
    ['{"RequestId":"R","EnvId":"6"}', { messageId: '6', requestId: 'R' }],
    ['{"EnvId":"6","RequestId":"R"}', { messageId: '6', requestId: 'R' }],
    ['{"RequestId":"R","EnvId":6}', { messageId: '6', requestId: 'R' }],
    ['{"requestId":"R","envId":"6"}', { messageId: '6', requestId: 'R' }],
    ['{"RequestId":"R","EnvId":"6","Extra":1}', { messageId: '6', requestId: 'R' }],
    ['{"RequestId":null,"EnvId":"6"}', { messageId: '6' }],
  ])('reads %s as the response schema does, with or without it', (body, receipt) => {
    const schema = ACTIONS.SingleSendMail.response.parse(JSON.parse(body));
    expect({ messageId: schema.EnvId, requestId: schema.RequestId }).toEqual(receipt);
    expect(provider().send(message()).parse(json(200, body), attempt())).toEqual(receipt);
  });

  it('an error envelope becomes a classified MailError with the request id', () => {
    const error = parseError(
      provider().send(message()),
      json(
        400,
        '{"RequestId":"R-2","HostId":"dm.aliyuncs.com","Code":"InvalidSendMail.Spam","Message":"Sendmail rejected by spam filter."}',
      ),
    );
    expect(error).toMatchObject({
      code: 'rejected',
      retryable: false,
      providerCode: 'InvalidSendMail.Spam',
      requestId: 'R-2',
      httpStatus: 400,
    });
  });

  it('throttling honours x-acs-retry-after', () => {
    const error = parseError(
      provider().send(message()),
      json(400, '{"Code":"Throttling.User","Message":"x"}', { 'x-acs-retry-after': '250' }),
    );
    expect(error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      delivery: 'not_sent',
      retryAfterMs: 250,
    });
  });

  it('an HTML page or a cut body is provider_unavailable, delivery unknown', () => {
    for (const body of ['<html>502 Bad Gateway</html>', '{"RequestId":', '', '[1]']) {
      expect(parseError(provider().send(message()), json(502, body))).toMatchObject({
        code: 'provider_unavailable',
        delivery: 'unknown',
      });
    }
    expect(parseError(provider().send(message()), json(200, 'not json')).delivery).toBe('unknown');
  });

  it('a non-2xx JSON body without an error Code is never read as a success', () => {
    const send = provider().send(message());
    expect(parseError(send, json(503, '{"RequestId":"R","EnvId":"6"}'))).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      delivery: 'unknown',
      httpStatus: 503,
    });
    const read = actionOperation(ctx, 'DescAccountSummary', {});
    expect(parseError(read, json(502, '{"RequestId":"R"}'))).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      httpStatus: 502,
    });
    expect(parseError(read, json(404, '{"RequestId":"R","Code":"OK"}')).httpStatus).toBe(404);
  });

  it('a 2xx without EnvId is never reported as not sent', () => {
    expect(parseError(provider().send(message()), json(200, '{"RequestId":"R"}')).delivery).toBe(
      'unknown',
    );
  });

  it('a 2xx with a failure Code is an error (POP semantics); Code OK is success', () => {
    const op = actionOperation(ctx, 'ModifyPWByDomain', {
      DomainName: 'abc.com',
      Password: 'Abcdefgh123',
    });
    expect(
      op.parse(
        json(200, '{"RequestId":"R","Code":"OK","Message":"ok","Success":"true"}'),
        attempt(),
      ),
    ).toMatchObject({
      Success: true,
      Code: 'OK',
    });
    expect(
      parseError(op, json(200, '{"RequestId":"R","Code":"InvalidDomain.NotFound"}')).code,
    ).toBe('not_found');
  });
});

describe('secrets for redaction', () => {
  it('keeps the current secret and token, and only the latest of rotating STS tokens', async () => {
    let n = 0;
    const rotating = clientContext(
      resolveConfig({
        region: 'cn-hangzhou',
        credentials: async () => ({ id: 'sts', secret: 'sts-secret', token: `token-${++n}` }),
      }),
    );
    const p = buildProvider(rotating);
    for (let i = 0; i < 40; i++) await p.send(message()).build(attempt());
    const secrets = p.secrets?.() ?? [];
    expect(secrets).toContain('sts-secret');
    expect(secrets).toContain('token-40');
    expect(secrets).not.toContain('token-1');
    expect(secrets.length).toBeLessThanOrEqual(16);
  });
});

describe('raw client', () => {
  it('has one method per action in the table, and call', () => {
    const execute: Execute = async () => {
      throw new Error('not called');
    };
    const client = createRawClient(ctx, execute);
    expect(Object.keys(client).sort()).toEqual([...Object.keys(ACTIONS), 'call'].sort());
    expect(Object.keys(ACTIONS).length).toBe(81);
  });

  it('sends and writes are replayable (DirectMail refuses a reused nonce); reads are not', () => {
    expect(actionOperation(ctx, 'CreateTag', { TagName: 't' }).replayable).toBe(true);
    expect(actionOperation(ctx, 'SaveReceiverDetail', { ReceiverId: 'r' }).replayable).toBe(true);
    expect(actionOperation(ctx, 'QueryTagByParam', {}).replayable).toBeUndefined();
    expect(actionOperation(ctx, 'QueryTagByParam', {}).kind).toBe('read');
  });

  it('validates parameters before any request, naming the key', async () => {
    let calls = 0;
    const client = createRawClient(ctx, async () => {
      calls += 1;
      return undefined as never;
    });
    const error = await client.CreateTag({ TagNam: 'x' } as never).catch((e: unknown) => e);
    expect(isMailError(error) && error.code).toBe('invalid_input');
    expect((error as MailError).message).toContain("unknown key 'TagNam'");
    expect(calls).toBe(0);
  });

  it('uses the real Action, not the sender-address manual typo', async () => {
    const del = await actionOperation(ctx, 'DeleteMailAddress', { MailAddressId: 12 }).build(
      attempt(),
    );
    expect(formOf(del)['Action']).toBe('DeleteMailAddress');
    const check = await actionOperation(ctx, 'CheckReplyToMailAddress', {
      MailAddressId: 12,
    }).build(attempt());
    expect(businessOf(check)).toEqual({ MailAddressId: '12' });
    const callback = await actionOperation(ctx, 'UpdateMailAddressMsgCallBackUrl', {
      MailFrom: 'noreply@mail.example.com',
      NotifyUrl: 'https://hooks.example.com/dm',
    }).build(attempt());
    expect(formOf(callback)['Action']).toBe('UpdateMailAddressMsgCallBackUrl');
  });

  it('serialises JSON-string parameters and booleans', async () => {
    const op = actionOperation(ctx, 'SaveReceiverDetail', {
      ReceiverId: 'r1',
      Detail: [{ e: 'a@example.com', u: 'Ann' }],
    });
    expect(businessOf(await op.build(attempt()))).toEqual({
      ReceiverId: 'r1',
      Detail: '[{"e":"a@example.com","u":"Ann"}]',
    });
    const domain = actionOperation(ctx, 'DescDomain', {
      DomainId: 1,
      RequireRealTimeDnsRecords: true,
    });
    expect(businessOf(await domain.build(attempt()))).toEqual({
      DomainId: '1',
      RequireRealTimeDnsRecords: 'true',
    });
  });

  it('keeps lower-case dkimSelector as given (POP would upper-case it)', async () => {
    const op = actionOperation(ctx, 'CreateDomain', { DomainName: 'abc.com', dkimSelector: 's1' });
    expect(businessOf(await op.build(attempt()))).toEqual({
      DomainName: 'abc.com',
      dkimSelector: 's1',
    });
  });
});
