import type { Execute, Operation } from '@mailbridge/core/provider';
import { describe, expect, it } from 'vitest';
import { detailParams } from '../src/groups.js';
import { attempt, businessOf, provider } from './helpers/fixtures.js';

const ok = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });

describe('groups', () => {
  it('create -> CreateReceiver; the group id is the list name; its ReceiverId is remembered', async () => {
    const p = provider();
    const create = p.groups.create({ name: 'news', description: '订阅 list' });
    expect(businessOf(await create.build(attempt()))).toEqual({
      ReceiversName: 'news',
      ReceiversAlias: 'news',
      Desc: '订阅 list',
    });
    expect(create.parse(ok({ RequestId: 'R', ReceiverId: 'rid-1' }), attempt())).toEqual({
      id: 'news',
      name: 'news',
      description: '订阅 list',
    });
    const upload = p.groups.addRecipients('news', [
      { address: 'a@example.com', name: 'Ann', data: { Mobile: '1', plan: 'pro' } },
    ]);
    expect(upload.action).toBe('SaveReceiverDetail');
    expect(businessOf(await upload.build(attempt()))).toEqual({
      ReceiverId: 'rid-1',
      Detail: '[{"e":"a@example.com","u":"Ann","m":"1"}]',
      CustomDetail: '[{"Email":"a@example.com","CustomData":{"plan":"pro"}}]',
    });
    expect(
      upload.parse(
        ok({ RequestId: 'R', SuccessCount: 1, ErrorCount: 0, Data: { Detail: [] } }),
        attempt(),
      ),
    ).toEqual({ added: 1 });
  });

  it('create: a list name over 30 characters is invalid_input before any request', async () => {
    const p = provider();
    expect(() => p.groups.create({ name: 'x'.repeat(31) })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    // 30 characters with emoji: the alias keeps 29 whole characters, never half an emoji.
    const name = `${'a'.repeat(28)}😀😀`;
    const params = businessOf(await p.groups.create({ name }).build(attempt()));
    expect(params['ReceiversName']).toBe(name);
    expect(params['ReceiversAlias']).toBe(`${'a'.repeat(28)}😀`);
  });

  it('list -> QueryReceiverByParam paged by PageNo, remembering ids', async () => {
    const p = provider();
    const page1 = p.groups.list(undefined, 2);
    expect(businessOf(await page1.build(attempt()))).toEqual({ PageNo: '1', PageSize: '2' });
    const body = {
      RequestId: 'R',
      TotalCount: 3,
      PageSize: 2,
      NextStart: '2',
      data: {
        receiver: [
          {
            ReceiverId: 'r1',
            ReceiversName: 'a',
            Count: '5',
            UtcCreateTime: 1569734892,
            ReceiversStatus: '1',
          },
          { ReceiverId: 'r2', ReceiversName: 'b' },
        ],
      },
    };
    const page = page1.parse(ok(body), attempt());
    expect(page.next).toBe('2');
    expect(page.items[0]).toEqual({
      id: 'a',
      name: 'a',
      count: 5,
      createdAt: new Date(1569734892000),
      status: '1',
    });
    const last = p.groups.list('2', 2).parse(
      ok({
        ...body,
        NextStart: '',
        data: { receiver: [{ ReceiverId: 'r3', ReceiversName: 'c' }] },
      }),
      attempt(),
    );
    expect(last.next).toBeUndefined();
    const del = p.groups.delete('b');
    expect(businessOf(await del.build(attempt()))).toEqual({ ReceiverId: 'r2' });
  });

  it('listRecipients -> QueryReceiverDetail with NextStart cursors', async () => {
    const p = provider();
    p.groups.create({ name: 'g' }).parse(ok({ RequestId: 'R', ReceiverId: 'rid' }), attempt());
    const first = p.groups.listRecipients('g', undefined, 50);
    expect(businessOf(await first.build(attempt()))).toEqual({
      ReceiverId: 'rid',
      NextStart: '0',
      PageSize: '50',
    });
    const page = first.parse(
      ok({
        RequestId: 'R',
        NextStart: '50',
        data: {
          detail: [
            { Email: 'a@example.com', Data: '{"UserName":"Ann"}' },
            { Email: 'b@example.com', Data: '' },
          ],
        },
      }),
      attempt(),
    );
    expect(page).toEqual({
      items: [
        { address: 'a@example.com', data: { UserName: 'Ann' } },
        { address: 'b@example.com' },
      ],
      next: '50',
    });
    const end = p.groups
      .listRecipients('g', '50', 50)
      .parse(
        ok({ RequestId: 'R', NextStart: '50', data: { detail: [{ Email: 'c@example.com' }] } }),
        attempt(),
      );
    expect(end.next).toBeUndefined();
    const remove = p.groups.removeRecipient?.('g', 'a@example.com') as Operation<void>;
    expect(businessOf(await remove.build(attempt()))).toEqual({
      ReceiverId: 'rid',
      Email: 'a@example.com',
    });
  });

  it('an unseen name is resolved through execute (QueryReceiverByParam, exact name), once', async () => {
    const p = provider();
    const lookups: string[] = [];
    const execute: Execute = async <T>(op: Operation<T>) => {
      const request = await op.build(attempt());
      lookups.push(businessOf(request)['KeyWord'] ?? '');
      return op.parse(
        ok({
          RequestId: 'R',
          TotalCount: 2,
          data: {
            receiver: [
              { ReceiverId: 'x1', ReceiversName: 'news-old' },
              { ReceiverId: 'x2', ReceiversName: 'news' },
            ],
          },
        }),
        attempt(),
      );
    };
    // The lookup runs in the pipeline of the call that needs it: the attempt's `execute`.
    const inPipeline = { ...attempt(), execute };
    expect(businessOf(await p.groups.delete('news').build(inPipeline))).toEqual({
      ReceiverId: 'x2',
    });
    expect(businessOf(await p.groups.delete('news-old').build(inPipeline))).toEqual({
      ReceiverId: 'x1',
    });
    expect(lookups).toEqual(['news']);
    await expect(p.groups.delete('missing').build(inPipeline)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a name no list has is not_found, naming the group', async () => {
    const execute: Execute = async <T>(op: Operation<T>) =>
      op.parse(ok({ RequestId: 'R', TotalCount: 0, data: { receiver: [] } }), attempt());
    await expect(
      provider()
        .groups.delete('nobody')
        .build({ ...attempt(), execute }),
    ).rejects.toMatchObject({ code: 'not_found', issues: [{ path: ['group'] }] });
  });

  it('detailParams maps the template variables to the short keys', () => {
    expect(
      detailParams([
        {
          address: 'a@x.com',
          data: { UserName: 'u', NickName: 'n', Gender: 'g', Birthday: 'b', Mobile: 'm' },
        },
      ]),
    ).toEqual({
      Detail: '[{"e":"a@x.com","u":"u","n":"n","g":"g","b":"b","m":"m"}]',
    });
  });
});
