import { createMailer } from '@mailbridge/core';
import { thrownMailError as fails } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { defaultSigner, type RequestContext } from '../src/client.js';
import { resolveTencentSesConfig } from '../src/config.js';
import { receiverGroups } from '../src/groups.js';
import { tencentSes } from '../src/provider.js';

const context: RequestContext = {
  settings: resolveTencentSesConfig({
    region: 'ap-guangzhou',
    credentials: { id: 'AKID', secret: 's' },
  }),
  signer: defaultSigner,
};
const groups = receiverGroups(context);
const ctx = {
  attempt: 1,
  signal: new AbortController().signal,
  now: () => 1_700_000_000_000,
  execute: () => Promise.reject(new Error('no pipeline in this unit test')),
};
const ok = (inner: object) => ({
  status: 200,
  headers: {},
  body: JSON.stringify({ Response: { ...inner, RequestId: 'r' } }),
});
const body = async (op: { build: (c: typeof ctx) => unknown }) => {
  const request = (await op.build(ctx)) as { headers: Record<string, string>; body: Uint8Array };
  return {
    action: request.headers['x-tc-action'],
    json: JSON.parse(new TextDecoder().decode(request.body)),
  };
};

describe('groups over receivers', () => {
  it('creates a receiver and returns its id as a string', async () => {
    const op = groups.create({ name: '会员', description: 'members' });
    expect(await body(op)).toEqual({
      action: 'CreateReceiver',
      json: { ReceiversName: '会员', Desc: 'members' },
    });
    expect(op.parse(ok({ ReceiverId: 123 }), ctx)).toMatchObject({
      id: '123',
      name: '会员',
      description: 'members',
    });
  });

  it('uploads addresses without data through CreateReceiverDetail', async () => {
    const op = groups.addRecipients('7', [
      { address: 'a@example.com' },
      { address: 'b@example.com' },
    ]);
    expect(await body(op)).toEqual({
      action: 'CreateReceiverDetail',
      json: { ReceiverId: 7, Emails: ['a@example.com', 'b@example.com'] },
    });
    expect(op.parse(ok({ TotalCount: 2, ValidCount: 2 }), ctx)).toEqual({ added: 2 });
  });

  it('reports as added what SES counted valid, not the size of the chunk', () => {
    const chunk = [{ address: 'a@example.com' }, { address: 'a@example.com' }];
    const plain = groups.addRecipients('7', chunk);
    expect(plain.parse(ok({ TotalCount: 2, ValidCount: 1, RepeatCount: 1 }), ctx)).toEqual({
      added: 1,
    });
    const withData = groups.addRecipients('7', [{ address: 'b@example.com', data: { n: '1' } }]);
    expect(withData.parse(ok({ TotalCount: 1, ValidCount: 0 }), ctx)).toEqual({ added: 0 });
  });

  it('uploads per-recipient data as TemplateData strings through CreateReceiverDetailWithData', async () => {
    const op = groups.addRecipients('7', [
      { address: 'a@example.com', data: { name: '安' } },
      { address: 'b@example.com', data: { name: 'Bo' } },
    ]);
    expect(await body(op)).toEqual({
      action: 'CreateReceiverDetailWithData',
      json: {
        ReceiverId: 7,
        Datas: [
          { Email: 'a@example.com', TemplateData: '{"name":"安"}' },
          { Email: 'b@example.com', TemplateData: '{"name":"Bo"}' },
        ],
      },
    });
  });

  it.each([
    [
      'mixed data and no data',
      [{ address: 'a@example.com', data: { n: '1' } }, { address: 'b@example.com' }],
    ],
    [
      'different keys',
      [
        { address: 'a@example.com', data: { n: '1' } },
        { address: 'b@example.com', data: { m: '1' } },
      ],
    ],
    ['data over 800 bytes', [{ address: 'a@example.com', data: { n: 'x'.repeat(800) } }]],
    ['HTML in data', [{ address: 'a@example.com', data: { n: '<b>Ann</b>' } }]],
  ] as const)(
    'core refuses %s before the request (groups.recipientDataRules)',
    async (_w, chunk) => {
      // Nothing listens on port 9: a request would be a network error, not invalid_input.
      const mailer = createMailer(
        tencentSes({
          region: 'ap-guangzhou',
          endpoint: 'http://127.0.0.1:9',
          credentials: { id: 'AKIDtest', secret: 'secret' },
        }),
      );
      const error = await mailer.groups.addRecipients('7', chunk).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
      await mailer.close();
    },
  );

  it('rejects a group id that is not a ReceiverId', () => {
    expect(fails(() => groups.delete('news')).code).toBe('invalid_input');
  });

  it('pages ListReceivers by Offset until TotalCount', async () => {
    const first = groups.list(undefined, 2);
    expect((await body(first)).json).toEqual({ Offset: 0, Limit: 2 });
    const page = first.parse(
      ok({
        TotalCount: 3,
        Data: [
          {
            ReceiverId: 1,
            ReceiversName: 'a',
            Count: 5,
            ReceiversStatus: 3,
            CreateTime: '2024-01-01 08:00:00',
            Desc: '',
          },
          { ReceiverId: 2, ReceiversName: 'b', Count: 0, ReceiversStatus: 1 },
        ],
      }),
      ctx,
    );
    expect(page.next).toBe('2');
    expect(page.items[0]).toEqual({
      id: '1',
      name: 'a',
      count: 5,
      status: 'ready',
      createdAt: new Date('2024-01-01T00:00:00Z'),
    });
    const last = groups.list('2', 2);
    expect((await body(last)).json).toEqual({ Offset: 2, Limit: 2 });
    expect(
      last.parse(ok({ TotalCount: 3, Data: [{ ReceiverId: 3, ReceiversName: 'c' }] }), ctx).next,
    ).toBeUndefined();
  });

  it('lists recipients with their data', async () => {
    const op = groups.listRecipients('9', undefined, 100);
    expect((await body(op)).json).toEqual({ ReceiverId: 9, Offset: 0, Limit: 100 });
    const page = op.parse(
      ok({
        TotalCount: 2,
        Data: [
          { Email: 'a@example.com', TemplateData: '{"name":"安"}' },
          { Email: 'b@example.com', TemplateData: '' },
        ],
      }),
      ctx,
    );
    expect(page).toEqual({
      items: [{ address: 'a@example.com', data: { name: '安' } }, { address: 'b@example.com' }],
    });
  });

  it('has no way to remove single recipients', () => {
    expect(groups.removeRecipient).toBeUndefined();
  });

  it('maps the 50,000-per-group limit to a clear quota error', () => {
    const op = groups.addRecipients('7', [{ address: 'a@example.com' }]);
    const error = fails(() =>
      op.parse(
        ok({ Error: { Code: 'LimitExceeded.ReceiverDetailCountLimit', Message: 'limit' } }),
        ctx,
      ),
    );
    expect(error.code).toBe('quota_exceeded');
    expect(error.message).toContain('at most 50,000');
  });
});
