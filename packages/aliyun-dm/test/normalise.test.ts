/**
 * Response normalisation: the documented drift between manuals, SDK and live answers (casing,
 * wrappers, strings vs numbers) comes out as one shape per action (docs/providers/aliyun-dm.md
 * "Responses").
 */
import { describe, expect, it } from 'vitest';
import { actionOperation, clientContext } from '../src/client.js';
import { resolveConfig } from '../src/config.js';
import { attempt } from './helpers/fixtures.js';

const ctx = clientContext(
  resolveConfig({ region: 'cn-hangzhou', credentials: { id: 'id', secret: 'secret-value-123' } }),
);
const json = (status: number, body: string) => ({ status, headers: {}, body });

describe('normalisation of drift', () => {
  it('SaveReceiverDetail Data.Detail (capitalised) and numbers as strings', () => {
    const op = actionOperation(ctx, 'SaveReceiverDetail', {
      ReceiverId: 'r1',
      Detail: [{ e: 'a@example.com' }],
    });
    const res = op.parse(
      json(
        200,
        '{"RequestId":"R","SuccessCount":"499","ErrorCount":1,"Data":{"Detail":[{"Email":"x","ErrMessage":"dup"}]}}',
      ),
      attempt(),
    );
    expect(res.SuccessCount).toBe(499);
    expect(res.ErrorCount).toBe(1);
    expect(res.Data?.Detail).toEqual([{ Email: 'x', ErrMessage: 'dup' }]);
  });

  it('faildCount / FaildCount and mixed key case in statistics', () => {
    const op = actionOperation(ctx, 'SenderStatisticsByTagNameAndBatchID', {
      StartTime: '2024-01-01',
      EndTime: '2024-01-02',
    });
    const lower = op.parse(
      json(
        200,
        '{"RequestId":"R","TotalCount":1,"data":{"stat":[{"CreateTime":"2024-01-01","faildCount":"3","requestCount":"10","successCount":7}]}}',
      ),
      attempt(),
    );
    expect(lower.data?.stat?.[0]).toMatchObject({
      FaildCount: '3',
      RequestCount: '10',
      SuccessCount: '7',
    });
    const upper = op.parse(
      json(200, '{"RequestId":"R","Data":{"Stat":[{"FaildCount":"4"}]}}'),
      attempt(),
    );
    expect(upper.data?.stat?.[0]?.FaildCount).toBe('4');
  });

  it('QueryMailAddressByParam in lowerCamel (2022 sender-address manual) and PascalCase (SDK) read alike', () => {
    const op = actionOperation(ctx, 'QueryMailAddressByParam', { KeyWord: 'noreply' });
    const manual = op.parse(
      json(
        200,
        '{"RequestId":"R","data":{"mailAddress":[{"mailAddressId":12,"accountName":"a@b.c","dailyCount":200}]}}',
      ),
      attempt(),
    );
    const sdk = op.parse(
      json(
        200,
        '{"RequestId":"R","data":{"mailAddress":[{"MailAddressId":"12","AccountName":"a@b.c","DailyCount":"200"}]}}',
      ),
      attempt(),
    );
    expect(manual.data?.mailAddress).toEqual(sdk.data?.mailAddress);
    expect(sdk.data?.mailAddress?.[0]).toMatchObject({ MailAddressId: '12', DailyCount: '200' });
  });

  it('UtcCreatetime (lower-case t) and a lone object where a list was expected', () => {
    const op = actionOperation(ctx, 'QueryTemplateByParam', {});
    const res = op.parse(
      json(
        200,
        '{"RequestId":"R","TotalCount":"1","data":{"template":{"TemplateName":"welcome","UtcCreatetime":1569734892}}}',
      ),
      attempt(),
    );
    expect(res.TotalCount).toBe(1);
    expect(res.data?.template?.[0]).toMatchObject({
      TemplateName: 'welcome',
      UtcCreateTime: 1569734892,
    });
  });

  it('GetIpfilterList: data as the list itself (2022 manual) or as data.ipfilters (SDK)', () => {
    const op = actionOperation(ctx, 'GetIpfilterList', {});
    const manual = op.parse(
      json(
        200,
        '{"RequestId":"R","PageNumber":1,"PageSize":10,"TotalCount":1,"data":[{"IpAddress":"10.0.0.1/24","Id":10083,"CreateTime":"1653547140"}]}',
      ),
      attempt(),
    );
    const sdk = op.parse(
      json(
        200,
        '{"RequestId":"R","PageNumber":"1","PageSize":"10","TotalCount":"1","data":{"ipfilters":[{"IpAddress":"10.0.0.1/24","Id":"10083","CreateTime":"1653547140"}]}}',
      ),
      attempt(),
    );
    expect(manual).toEqual(sdk);
    expect(sdk.data?.ipfilters).toEqual([
      { IpAddress: '10.0.0.1/24', Id: '10083', CreateTime: '1653547140' },
    ]);
    expect(sdk.TotalCount).toBe(1);
  });

  it('GetTrackList: data.stat (SDK), or a bare TrackList / PrackList array (2022 manual)', () => {
    const op = actionOperation(ctx, 'GetTrackList', {
      StartTime: '2024-01-01',
      EndTime: '2024-01-02',
    });
    const row = '{"CreateTime":"2024-01-01","RcptOpenCount":"3","TotalNumber":9}';
    const read = (body: string) => op.parse(json(200, body), attempt()).data?.stat;
    const expected = [{ CreateTime: '2024-01-01', RcptOpenCount: '3', TotalNumber: '9' }];
    expect(read(`{"RequestId":"R","data":{"stat":[${row}]}}`)).toEqual(expected);
    expect(read(`{"RequestId":"R","TrackList":[${row}]}`)).toEqual(expected);
    expect(read(`{"RequestId":"R","PrackList":[${row}]}`)).toEqual(expected);
    const byFrom = actionOperation(ctx, 'GetTrackListByMailFromAndTagName', {
      StartTime: '2024-01-01',
      EndTime: '2024-01-02',
    });
    for (const list of [`{"Stat":[${row}]}`, `[${row}]`]) {
      const res = byFrom.parse(json(200, `{"RequestId":"R","TrackList":${list}}`), attempt());
      expect(res.TrackList?.Stat).toEqual(expected);
    }
  });

  it('QueryInvalidAddress: total/detailList (2019 manual) read as TotalCount/data.mailDetail (SDK)', () => {
    const op = actionOperation(ctx, 'QueryInvalidAddress', {});
    const row = '{"toAddress":"x@example.com","utcLastUpdateTime":1658817689}';
    const manual = op.parse(
      json(200, `{"RequestId":"R","total":1,"NextStart":90,"detailList":[${row}]}`),
      attempt(),
    );
    const sdk = op.parse(
      json(
        200,
        `{"RequestId":"R","TotalCount":"1","NextStart":"90","data":{"mailDetail":[${row}]}}`,
      ),
      attempt(),
    );
    expect(manual).toEqual(sdk);
    expect(sdk).toMatchObject({
      TotalCount: 1,
      NextStart: '90',
      data: { mailDetail: [{ ToAddress: 'x@example.com', UtcLastUpdateTime: '1658817689' }] },
    });
  });

  it('GetSendEmailCountByMailFrom: the lowerCamel data of the 2019 manual, typed', () => {
    const op = actionOperation(ctx, 'GetSendEmailCountByMailFrom', {
      AccountName: 'noreply@mail.example.com',
    });
    const res = op.parse(
      json(
        200,
        '{"RequestId":"R","data":{"mailfrom":"noreply@mail.example.com","mailfromStatus":"0","dailyCount":"200","dailyReqCount":12,"quotaLevel":2}}',
      ),
      attempt(),
    );
    expect(res.data).toEqual({
      Mailfrom: 'noreply@mail.example.com',
      MailfromStatus: '0',
      DailyCount: 200,
      DailyReqCount: 12,
      QuotaLevel: 2,
    });
  });

  it('DomainId as a number (2019 manual example) or a string (SDK)', () => {
    const op = actionOperation(ctx, 'CreateDomain', { DomainName: 'abc.com' });
    expect(op.parse(json(200, '{"RequestId":"R","DomainId":158910}'), attempt()).DomainId).toBe(
      '158910',
    );
  });
});
