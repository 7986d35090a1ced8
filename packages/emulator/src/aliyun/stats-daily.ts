/**
 * SenderStatisticsByTagNameAndBatchID (docs/providers/resources.md §5): one row of counts per
 * day, answered from the shared outbox, so the numbers are what the emulator sent. Dates are
 * `yyyy-MM-dd`, read as UTC days like SenderStatisticsDetailByParam (stats.ts); the start is at
 * most 30 days ago and the span at most 7 days.
 */
import { outcomeFor } from '../events/outcome.js';
import type { OutboxEntry } from '../types.js';
import type { DmCall } from './call.js';
import { fail } from './errors.js';
import type { DmBody } from './render.js';
import { addressOf, checkTagName, DAY_MS, domainOf, isEmail, oneOf } from './validate.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ESPS = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'others'] as const;

function readDate(call: DmCall, name: string): number {
  const text = call.params.opt(name);
  if (text === undefined || text === '') fail('InvalidDate.NotFound', `${name} is empty.`);
  const m = DATE.exec(text);
  if (!m) fail('InvalidDate.Malformed', `${name} must be yyyy-MM-dd, got "${text}".`);
  if (Number(m[1]) < 1970) fail('InvalidYear.Malformed', `${name} has year ${m[1]}.`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== text) {
    fail('InvalidDate.Malformed', `${name} is not a date: "${text}".`);
  }
  return ms;
}

/** AccountName, TagName, Domain and Esp narrow the counted copies. */
function readFilter(call: DmCall): (e: OutboxEntry) => boolean {
  const { params, state } = call;
  const account = params.opt('AccountName');
  const tag = params.opt('TagName');
  const domain = params.opt('Domain')?.toLowerCase();
  const esp = oneOf(params, 'Esp', ESPS);
  if (account !== undefined) {
    if (!isEmail(account)) fail('InvalidMailAddressName.Malformed', `Got "${account}".`);
    if (!state.senderByAddress(account)) fail('InvalidMailAddress.NotFound');
  }
  if (tag !== undefined) checkTagName(tag);
  const known = ESPS.filter((e) => e !== 'others') as string[];
  return (e) =>
    (account === undefined || addressOf(e.from) === account.toLowerCase()) &&
    (tag === undefined || e.tag === tag) &&
    (domain === undefined || domainOf(addressOf(e.from)) === domain) &&
    (esp === undefined ||
      (esp === 'others' ? !known.includes(domainOf(e.to)) : domainOf(e.to) === esp));
}

const percent = (n: number, of: number) => (of === 0 ? '0%' : `${((n / of) * 100).toFixed(2)}%`);

/** One `stat` row per day of the range, oldest first; days without mail count zero. */
export function senderStatisticsByTagNameAndBatchId(call: DmCall): DmBody {
  const start = readDate(call, 'StartTime');
  const end = readDate(call, 'EndTime');
  const today = call.now - (call.now % DAY_MS);
  if (start < today - 30 * DAY_MS) {
    fail('InvalidStartTime.Malformed', 'StartTime must be within the last 30 days.');
  }
  if (end < start || end - start > 6 * DAY_MS) {
    fail('InvalidBetweenTime.Malformed', 'EndTime must follow StartTime within 7 days.');
  }
  const filter = readFilter(call);
  const copies = call.ctx.outbox.filter((e) => e.provider === 'aliyun-dm' && filter(e));
  const stat = [];
  for (let day = start; day <= end; day += DAY_MS) {
    const of = copies.filter((e) => e.time >= day && e.time < day + DAY_MS);
    const kinds = of.map((e) => outcomeFor(e.to));
    const success = kinds.filter((k) => k.delivery === 'delivered').length;
    // A hard bounce is an unavailable (invalid) address; other failures are `faild`.
    const unavailable = kinds.filter((k) => k.delivery === 'bounced' && k.bounce === 'hard').length;
    const failed = of.length - success - unavailable;
    stat.push({
      CreateTime: new Date(day).toISOString().slice(0, 10),
      requestCount: String(of.length),
      successCount: String(success),
      faildCount: String(failed),
      unavailableCount: String(unavailable),
      succeededPercent: percent(success, of.length),
      unavailablePercent: percent(unavailable, of.length),
    });
  }
  return { TotalCount: stat.length, data: { stat } };
}
