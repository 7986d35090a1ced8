/**
 * Sending domains over DirectMail: QueryDomainByParam, DescDomain (the records to publish and
 * their check results), CreateDomain, DeleteDomain.
 */
import type { DnsRecord, Domain, ResourceStatus } from '@mailbridge/core';
import type { ProviderDomains } from '@mailbridge/core/provider';
import type { AliyunDmResponse } from './actions.js';
import { actionOperation, type ClientContext } from './client.js';
import { dmTime, mapOperation, pageNoOf, pageOf } from './resources.js';

/**
 * DomainStatus (docs/providers/resources.md §2): 0 verified; 1 verification failed; 2, 3, 4
 * usable with a missing CNAME or ICP filing, which limits tracking, not sending.
 */
function statusOf(code: string | undefined): ResourceStatus {
  if (code === '1') return 'failed';
  return code === undefined ? 'pending' : 'verified';
}

type Row = NonNullable<
  NonNullable<AliyunDmResponse<'QueryDomainByParam'>['data']>['domain']
>[number];

function toDomain(row: Row | AliyunDmResponse<'DescDomain'>, id?: string): Domain {
  const createdAt = dmTime(row.UtcCreateTime, row.CreateTime);
  return {
    id: row.DomainId ?? id ?? '',
    name: row.DomainName ?? '',
    status: statusOf(row.DomainStatus),
    providerStatus: row.DomainStatus ?? '',
    ...(createdAt ? { createdAt } : {}),
  };
}

/** The records DescDomain states, each with its check flag (`0` passed). */
function recordsOf(out: AliyunDmResponse<'DescDomain'>): DnsRecord[] {
  const name = out.DomainName ?? '';
  const entries: [string, string, string | undefined, string | undefined][] = [
    ['TXT', name, out.DomainType, out.ConfirmStatus],
    ['TXT', name, out.SpfRecord, out.SpfAuthStatus],
    ['MX', name, out.MxRecord, out.MxAuthStatus],
    [
      'CNAME',
      out.CnameRecord ? `${out.CnameRecord}.${name}` : '',
      out.TracefRecord,
      out.CnameAuthStatus,
    ],
  ];
  return entries
    .filter(([, host, value]) => host !== '' && value !== undefined && value !== '')
    .map(([type, host, value, check]) => ({
      type,
      name: host,
      value: value ?? '',
      ...(check === undefined ? {} : { verified: check === '0' }),
    }));
}

/** The domain operations. */
export function domainOperations(ctx: ClientContext): ProviderDomains {
  return {
    list: (cursor, pageSize) => {
      const pageNo = pageNoOf(cursor);
      return mapOperation(
        actionOperation(ctx, 'QueryDomainByParam', { PageNo: pageNo, PageSize: pageSize }),
        (out) =>
          pageOf(
            (out.data?.domain ?? []).map((d) => toDomain(d)),
            pageNo,
            pageSize,
            out.TotalCount,
          ),
      );
    },
    get: (id) =>
      mapOperation(actionOperation(ctx, 'DescDomain', { DomainId: id }), (out) => ({
        ...toDomain(out, id),
        records: recordsOf(out),
      })),
    create: (name) =>
      mapOperation(
        actionOperation(ctx, 'CreateDomain', { DomainName: name }),
        (out): Domain => ({
          id: out.DomainId ?? '',
          name,
          // Verification starts when the records are published and CheckDomain runs.
          status: 'pending',
          providerStatus: 'created',
        }),
      ),
    delete: (id) =>
      mapOperation(actionOperation(ctx, 'DeleteDomain', { DomainId: id }), () => undefined),
  };
}
