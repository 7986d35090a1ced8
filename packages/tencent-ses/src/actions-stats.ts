/**
 * Actions for sending statistics (docs/providers/tencent-ses.md).
 */
import { z } from '@mailbridge/core/schema';
import { action } from './action.js';
import { input, out, volume } from './schemas.js';

/** Sending statistics. */
export const STATS_ACTIONS = {
  GetStatisticsReport: action(
    'read',
    input({
      StartDate: z.string(),
      EndDate: z.string(),
      Domain: z.optional(z.string()),
      ReceivingMailboxType: z.optional(z.string()),
    }),
    out({ DailyVolumes: z.optional(z.array(volume)), OverallVolume: z.optional(volume) }),
  ),
} as const;
