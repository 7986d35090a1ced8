/**
 * Recipients from a file, streamed: CSV with a header row (an `address` or `email` column, every
 * other column a template variable), or JSON lines (`{"address": "...", "data"?: {...}}`, or
 * flat objects read like a CSV row). Groups store an address and its variables (Tencent SES
 * refuses display names in groups), so a `name` column is a variable like any other.
 * Rows are parsed as they are pulled, so a file of any size is read in constant memory.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MailError, type Recipient } from '@mailbridge/core';
import { parse } from 'csv-parse';
import { UsageError } from './exit.js';

/** The formats `groups upload` reads. */
export type SourceFormat = 'csv' | 'jsonl';

/** The format named by `--format`, or guessed from the file extension. */
export function formatOf(file: string, flag: string | undefined): SourceFormat {
  const format = flag ?? (/\.(jsonl|ndjson|json)$/i.test(file) ? 'jsonl' : 'csv');
  if (format !== 'csv' && format !== 'jsonl') {
    throw new UsageError(`--format must be csv or jsonl, got ${format}`);
  }
  return format;
}

/** Recipients of `file` after skipping the first `skip` rows (a resumed upload). */
export async function* readRecipients(
  file: string,
  format: SourceFormat,
  skip = 0,
): AsyncGenerator<Recipient> {
  let row = 0;
  const rows = format === 'csv' ? csvRows(file) : jsonRows(file);
  for await (const record of rows) {
    row += 1;
    if (row <= skip) continue;
    yield toRecipient(record, row);
  }
}

async function* csvRows(file: string): AsyncGenerator<Record<string, unknown>> {
  const parser = createReadStream(file).pipe(
    parse({ columns: true, skip_empty_lines: true, trim: true, bom: true }),
  );
  for await (const record of parser) yield record as Record<string, unknown>;
}

async function* jsonRows(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw rowError(line, file, 'not a JSON object');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw rowError(line, file, 'not a JSON object');
    }
    yield value as Record<string, unknown>;
  }
}

/**
 * A row the upload cannot take: a MailError, which the core passes on as it is (any other error
 * from the source becomes "the source threw", without the row or the column).
 */
function rowError(row: number, key: string, message: string): MailError {
  return new MailError(`Invalid input: row ${row}: ${key}: ${message}`, {
    code: 'invalid_input',
    delivery: 'not_sent',
    issues: [{ path: ['row', row, key], message }],
  });
}

/**
 * `address`/`email` is the recipient; `data` (JSON lines) or the other columns its variables.
 * Nothing in a row is dropped: both address columns, keys beside `data`, or a value that is no
 * string, number or boolean stop the upload naming the row and the key.
 */
function toRecipient(record: Record<string, unknown>, row: number): Recipient {
  const { address, email, data, ...rest } = record;
  if (address !== undefined && email !== undefined)
    throw rowError(row, 'email', 'give address or email, not both');
  const to = address ?? email;
  if (typeof to !== 'string' || to === '') {
    throw rowError(row, 'address', 'no address (a column named address or email is required)');
  }
  const variables: Record<string, string> = {};
  const nested = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (data !== undefined && !nested) throw rowError(row, 'data', 'must be an object');
  const beside = Object.keys(rest)[0];
  if (nested && beside !== undefined) throw rowError(row, beside, 'beside data (put it in data)');
  const extra = nested ? (data as Record<string, unknown>) : rest;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined || value === null || value === '') continue;
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw rowError(row, key, 'must be a string, number or boolean');
    variables[key] = String(value);
  }
  return {
    address: to,
    ...(Object.keys(variables).length > 0 ? { data: variables } : {}),
  };
}
