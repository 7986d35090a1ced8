/**
 * The views of what the account records about sending: the provider's suppression list and
 * daily statistics. Both work in the provider's units: chunks of `addChunk` addresses, ranges
 * of `maxSpanDays` days.
 */
import { checkStatsQuery, formatDay, requireAddresses } from './check.js';
import type { Kit } from './kit.js';
import { allPages } from './pages.js';
import type { DailyStats, SuppressedAddress } from './types.js';
import type { Stats, SuppressionList } from './view.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `mailer.suppression`. */
export function suppressionView(k: Kit): SuppressionList {
  const s = k.ops?.suppression;
  return {
    list: (o) => k.list('suppression.list', s?.list, o),
    async add(addresses, o) {
      const add = k.need(s?.add, 'suppression.add');
      const valid = requireAddresses(addresses, 'addresses', k.id);
      const chunk = k.caps?.suppression.addChunk ?? 1;
      for (let i = 0; i < valid.length; i += chunk) {
        await k.value(add(valid.slice(i, i + chunk)), o);
      }
      return { added: valid.length };
    },
    /**
     * Each address is looked up first: to count what was on the list, and because some
     * providers remove by entry id (`removeBy: 'id'`).
     */
    async remove(addresses, o) {
      const ops = k.need(s, 'suppression.remove');
      const valid = requireAddresses(addresses, 'addresses', k.id);
      let removed = 0;
      for (const address of valid) {
        const want = address.toLowerCase();
        const entries: SuppressedAddress[] = [];
        const page = (c: string | undefined) => ops.list(c, k.pageSize, address);
        for await (const e of allPages(k.id, k.run, page, o?.signal)) {
          if (e.address.toLowerCase() === want) entries.push(e);
        }
        if (entries.length === 0) continue;
        await k.value(
          ops.remove(k.caps?.suppression.removeBy === 'id' ? entries : [{ address }]),
          o,
        );
        removed += 1;
      }
      return { removed };
    },
  };
}

/** `mailer.stats`: a range longer than one request may cover is asked for in parts, in order. */
export function statsView(k: Kit): Stats {
  return {
    async daily(query, o) {
      const daily = k.need(k.ops?.stats.daily, 'stats.daily');
      const span = k.caps?.stats.maxSpanDays ?? 1;
      const q = checkStatsQuery(query, k.id, k.caps?.stats.maxAgeDays ?? 0, k.now());
      const out: DailyStats[] = [];
      for (let start = q.from; start <= q.to; start += span * DAY_MS) {
        const end = Math.min(q.to, start + (span - 1) * DAY_MS);
        const part = {
          from: formatDay(start),
          to: formatDay(end),
          ...(q.domain ? { domain: q.domain } : {}),
        };
        out.push(...(await k.value(daily(part), o)));
      }
      return out;
    },
  };
}
