/**
 * Jobs as JSON text for stores (SQLite rows, Redis values): dates and bytes (attachments) as
 * tagged objects (so template data that merely looks like a date stays a string), errors as their `toJSON()` fields and rebuilt as `MailError`s.
 * Jobs hold no secret (the message, rule and provider id only), so what is stored is safe to
 * read back in logs; a `MailError` never carries one either.
 */
import { isMailError, type Job, MailError, type MailErrorInit } from '@mailbridge/core';

const TAG = '$mb';

function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return { [TAG]: 'date', v: value.toISOString() };
  if (value instanceof Uint8Array)
    return { [TAG]: 'bytes', v: Buffer.from(value).toString('base64') };
  if (isMailError(value)) return { [TAG]: 'error', v: value.toJSON() };
  return value;
}

function reviveValue(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && TAG in value) {
    const tagged = value as { [TAG]: string; v: unknown };
    if (tagged[TAG] === 'bytes') return new Uint8Array(Buffer.from(tagged.v as string, 'base64'));
    if (tagged[TAG] === 'error') return errorFrom(tagged.v as Record<string, unknown>);
    if (tagged[TAG] === 'date') return new Date(tagged.v as string);
  }
  return value;
}

function errorFrom(fields: Record<string, unknown>): MailError {
  const { name: _name, message, ...init } = fields;
  return new MailError(String(message), init as unknown as MailErrorInit);
}

/** A job as JSON text. */
export function encodeJob(job: Job): string {
  return JSON.stringify(job, function replacer(this: Record<string, unknown>, key, value) {
    // JSON.stringify calls toJSON (Date, MailError) before the replacer; read the raw value.
    return encodeValue(this[key] ?? value);
  });
}

/** The job encoded by `encodeJob`. */
export function decodeJob(text: string): Job {
  return JSON.parse(text, reviveValue) as Job;
}
