/**
 * Daily statistics over DirectMail: SenderStatisticsByTagNameAndBatchID, one row per day
 * (docs/providers/resources.md §5: `yyyy-MM-dd` bounds, start at most 30 days ago, span at most 7 days; the core
 * splits longer ranges by `capabilities.resources.stats`).
 */
import type { DailyStats } from '@mailbridge/core';
import type { ProviderStats } from '@mailbridge/core/provider';
import { actionOperation, type ClientContext } from './client.js';
import { mapOperation } from './resources.js';

function count(text: string | undefined): number {
  const n = Number(text);
  return Number.isFinite(n) ? n : 0;
}

/** The stats operation. */
export function statsOperations(ctx: ClientContext): ProviderStats {
  return {
    daily: (query) =>
      mapOperation(
        actionOperation(ctx, 'SenderStatisticsByTagNameAndBatchID', {
          StartTime: query.from,
          EndTime: query.to,
          ...(query.domain === undefined ? {} : { Domain: query.domain }),
        }),
        (out) =>
          (out.data?.stat ?? []).map(
            (row): DailyStats => ({
              date: (row.CreateTime ?? '').slice(0, 10),
              requests: count(row.RequestCount),
              delivered: count(row.SuccessCount),
              // faildCount: refused by the receiver; unavailableCount: invalid addresses.
              failed: count(row.FaildCount) + count(row.UnavailableCount),
            }),
          ),
      ),
  };
}
