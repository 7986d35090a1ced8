/**
 * The console line the bin prints per request: time, provider, action, status (with the
 * provider's error code when the answer was an error), copies delivered and latency. It is
 * built from a redacted `RequestRecord`, so it can hold no secret.
 */
import type { RequestRecord } from './journal.js';

/** `08:00:01 tencent-ses SendEmail 200 1 rcpt 3 ms` (or `200 FailedOperation.X`). */
export function formatRequestLine(record: RequestRecord, wallTime: number = Date.now()): string {
  const time = new Date(wallTime).toISOString().slice(11, 19);
  const who =
    record.provider === undefined
      ? record.method
      : `${record.provider} ${record.action ?? '(none)'}`;
  const status = record.status === 0 ? 'no answer' : String(record.status);
  const outcome = record.errorCode === undefined ? status : `${status} ${record.errorCode}`;
  const rcpt = `${record.recipients} rcpt`;
  return `${time} ${who} ${outcome} ${rcpt} ${Math.round(record.latencyMs)} ms`;
}
