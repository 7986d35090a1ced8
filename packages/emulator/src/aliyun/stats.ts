import { outcomeFor } from '../events/outcome.js';
import { aliyunStatusCode } from '../events/payloads.js';
import type { OutboxEntry } from '../types.js';
import type { DmCall } from './call.js';
import { fail, invalid } from './errors.js';
import type { DmParams } from './params.js';
import type { DmBody } from './render.js';
import {
  addressOf,
  checkTagName,
  createTimeOf,
  DAY_MS,
  intParam,
  isEmail,
  oneOf,
} from './validate.js';

/**
 * SenderStatisticsDetailByParam (docs/providers/events.md §4; docs/providers/aliyun-dm.md "Error
 * codes"): per-recipient delivery detail, answered from the shared outbox. Each copy's Status
 * follows its outcome (events/outcome.ts: 0 delivered, 2 hard bounce, 4 other failures).
 * StartTime/EndTime are `yyyy-MM-dd HH:mm`, read as UTC (the service's zone is unconfirmed).
 */

const WINDOW_MS = 30 * DAY_MS;
const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** Parse one bound; `malformed` is the code for a bad format (the start has its own code). */
function readTime(params: DmParams, name: string, malformed: string): number {
  const text = params.opt(name);
  if (text === undefined) fail('InvalidDate.NotFound', `${name} is empty.`);
  const m = TIME.exec(text);
  if (!m) fail(malformed, `${name} must be yyyy-MM-dd HH:mm, got "${text}".`);
  if (Number(m[1]) < 1970) fail('InvalidYear.Malformed', `${name} has year ${m[1]}.`);
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00Z`);
  if (Number.isNaN(ms)) fail(malformed, `${name} is not a date: "${text}".`);
  return ms;
}

/**
 * The start is at most 30 days ago and the span at most 30 days
 * (docs/providers/aliyun-dm-limits.md "Statistics").
 */
function readWindow(call: DmCall): { start: number; end: number } {
  const start = readTime(call.params, 'StartTime', 'InvalidStartTime.Malformed');
  const end = readTime(call.params, 'EndTime', 'InvalidDate.Malformed');
  if (start < call.now - WINDOW_MS) {
    fail('InvalidStartTime.Malformed', 'StartTime must be within the last 30 days.');
  }
  if (end < start || end - start > WINDOW_MS) {
    fail('InvalidBetweenTime.Malformed', 'EndTime must follow StartTime by at most 30 days.');
  }
  return { start, end };
}

type Filter = (entry: OutboxEntry) => boolean;

/** AccountName, TagName and ToAddress may all be empty, but at most one may be given. */
function readFilter(call: DmCall): Filter {
  const { params, state } = call;
  const account = params.opt('AccountName');
  const tag = params.opt('TagName');
  const to = params.opt('ToAddress');
  const given = [account, tag, to].filter((v) => v !== undefined).length;
  if (given > 1) invalid('AccountName', 'give at most one of AccountName, TagName, ToAddress.');
  if (account !== undefined) {
    if (!isEmail(account)) fail('InvalidMailAddressName.Malformed', `Got "${account}".`);
    if (!state.senderByAddress(account)) fail('InvalidMailAddress.NotFound');
    return (e) => addressOf(e.from) === account.toLowerCase();
  }
  if (tag !== undefined) {
    checkTagName(tag);
    return (e) => e.tag === tag;
  }
  if (to !== undefined) return (e) => e.to.toLowerCase() === to.toLowerCase();
  return () => true;
}

function row(entry: OutboxEntry): DmBody {
  // The same outcome the event push reported (events/log.ts).
  const outcome = outcomeFor(entry.to);
  return {
    ToAddress: entry.to,
    AccountName: addressOf(entry.from),
    Subject: entry.subject,
    Status: aliyunStatusCode(outcome),
    Message: outcome.delivery === 'delivered' ? '250 Send Mail OK' : outcome.smtp,
    ErrorClassification: '',
    LastUpdateTime: createTimeOf(entry.time),
    UtcLastUpdateTime: String(Math.floor(entry.time / 1000)),
    IpPoolId: '',
    IpPoolName: '',
    ConfigSetId: '',
    ConfigSetName: '',
  };
}

/** NextStart is an offset into the matching copies; empty when there are no more. */
export function senderStatisticsDetailByParam(call: DmCall): DmBody {
  const { start, end } = readWindow(call);
  const filter = readFilter(call);
  const status = oneOf(call.params, 'Status', ['0', '2', '3', '4']);
  const length = intParam(call.params, 'Length', { min: 1, max: 100, fallback: 100 });
  const offset = intParam(call.params, 'NextStart', {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    fallback: 0,
  });
  const endExclusive = end + 60_000;
  const matching = call.ctx.outbox.filter(
    (e) =>
      e.provider === 'aliyun-dm' &&
      e.time >= start &&
      e.time < endExclusive &&
      (status === undefined || Number(status) === aliyunStatusCode(outcomeFor(e.to))) &&
      filter(e),
  );
  const page = matching.slice(offset, offset + length);
  const next = offset + length < matching.length ? String(offset + length) : '';
  return { NextStart: next, data: { mailDetail: page.map(row) } };
}
