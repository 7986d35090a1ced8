/**
 * Daily statistics over SES: GetStatisticsReport (docs/providers/resources.md §5), one Volume per day with requests,
 * deliveries, unique opens and clicks, bounces and unsubscribes.
 */
import type { DailyStats } from '@mailbridge/core';
import type { ProviderStats } from '@mailbridge/core/provider';
import { mappedOperation, type RequestContext } from './client.js';

/** The stats operation. */
export function statsOperations(context: RequestContext): ProviderStats {
  return {
    daily: (query) =>
      mappedOperation(
        context,
        'GetStatisticsReport',
        {
          StartDate: query.from,
          EndDate: query.to,
          ...(query.domain === undefined ? {} : { Domain: query.domain }),
        },
        (out) =>
          (out.DailyVolumes ?? []).map(
            (v): DailyStats => ({
              date: v.SendDate ?? '',
              requests: v.RequestCount ?? 0,
              delivered: v.DeliveredCount ?? 0,
              failed: v.BounceCount ?? 0,
              opened: v.OpenedCount ?? 0,
              clicked: v.ClickedCount ?? 0,
              unsubscribed: v.UnsubscribeCount ?? 0,
            }),
          ),
      ),
  };
}
