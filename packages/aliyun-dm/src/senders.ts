/**
 * Sender addresses over DirectMail: QueryMailAddressByParam, CreateMailAddress,
 * DeleteMailAddress. An address sends when its domain is verified (DomainStatus 0) and the
 * address is not frozen (AccountStatus 1).
 */
import type { ResourceStatus, Sender } from '@mailbridge/core';
import type { ProviderSenders } from '@mailbridge/core/provider';
import type { AliyunDmResponse } from './actions.js';
import { actionOperation, type ClientContext } from './client.js';
import { dmTime, mapOperation, pageNoOf, pageOf } from './resources.js';

type Row = NonNullable<
  NonNullable<AliyunDmResponse<'QueryMailAddressByParam'>['data']>['mailAddress']
>[number];

function statusOf(row: Row): ResourceStatus {
  if (row.AccountStatus === '1') return 'failed';
  return row.DomainStatus === '0' ? 'verified' : 'failed';
}

function toSender(row: Row): Sender {
  const createdAt = dmTime(undefined, row.CreateTime);
  return {
    id: row.MailAddressId ?? '',
    address: row.AccountName ?? '',
    ...(row.ReplyAddress ? { replyTo: row.ReplyAddress } : {}),
    status: statusOf(row),
    providerStatus: row.AccountStatus === '1' ? 'frozen' : `DomainStatus ${row.DomainStatus ?? ''}`,
    ...(createdAt ? { createdAt } : {}),
  };
}

/** The sender operations. */
export function senderOperations(ctx: ClientContext): ProviderSenders {
  return {
    list: (cursor, pageSize) => {
      const pageNo = pageNoOf(cursor);
      return mapOperation(
        actionOperation(ctx, 'QueryMailAddressByParam', { PageNo: pageNo, PageSize: pageSize }),
        (out) =>
          pageOf((out.data?.mailAddress ?? []).map(toSender), pageNo, pageSize, out.TotalCount),
      );
    },
    // Sendtype is required; `trigger` addresses send SingleSendMail, the neutral `send`. A
    // `batch` address needs the raw client (CreateMailAddress with Sendtype 'batch').
    create: (input) =>
      mapOperation(
        actionOperation(ctx, 'CreateMailAddress', {
          AccountName: input.address,
          Sendtype: 'trigger',
        }),
        (out): Sender => ({
          id: out.MailAddressId ?? '',
          address: input.address,
          // A new address waits for its domain check; list() reports the live state.
          status: 'pending',
          providerStatus: 'created',
        }),
      ),
    delete: (id) =>
      mapOperation(
        actionOperation(ctx, 'DeleteMailAddress', { MailAddressId: id }),
        () => undefined,
      ),
  };
}
