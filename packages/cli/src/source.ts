/**
 * Recipients from a file, streamed: CSV with a header row (an `address` or `email` column, every
 * other column a template variable), or JSON lines (`{"address": "...", "data"?: {...}}`, or
 * flat objects read like a CSV row). Groups store an address and its variables (Tencent SES
 * refuses display names in groups), so a `name` column is a variable like any other.
 * Rows are parsed as they are pulled, so a file of any size is read in constant memory.
 */
import { createReadStream } from 'node:fs';
import { MailError, type Recipient } from '@mailbridge/core';
import { CsvError, parse } from 'csv-parse';
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

/**
 * A recipient and the bytes of the file its row spans, `start` (after the previous row) to `end`
 * (after this row's line break): how far into the file the upload is, whatever the rows' shape
 * (blank lines, quoted CSV fields holding line breaks), without reading the file twice.
 */
export interface SourceRow {
  readonly recipient: Recipient;
  readonly start: number;
  readonly end: number;
}

/** A parsed record and the byte offset just after it. */
interface Located {
  readonly record: Record<string, unknown>;
  readonly end: number;
}

/** Recipients of `file` after skipping the first `skip` rows (a resumed upload). */
export async function* readRecipients(
  file: string,
  format: SourceFormat,
  skip = 0,
): AsyncGenerator<SourceRow> {
  let row = 0;
  let end = 0;
  const rows = format === 'csv' ? csvRows(file) : jsonRows(file);
  for await (const located of rows) {
    row += 1;
    const start = end;
    end = located.end;
    if (row <= skip) continue;
    yield { recipient: toRecipient(located.record, row), start, end };
  }
}

async function* csvRows(file: string): AsyncGenerator<Located> {
  // `info` gives each record's end in bytes of the file (a BOM included), counted by the parser.
  const parser = createReadStream(file).pipe(
    parse({ columns: true, skip_empty_lines: true, trim: true, bom: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, unknown>;
      info: { bytes: number };
    }>) {
      yield { record, end: info.bytes };
    }
  } catch (error) {
    // A malformed row (an unclosed quote, more fields than the header) is the file's fault:
    // name its row and the parser's reason, which gives the line (https://csv.js.org/parse/errors/).
    if (!(error instanceof CsvError)) throw error;
    throw rowError(((error as { records?: number }).records ?? 0) + 1, file, error.message);
  }
}

/**
 * The lines of `file` (without `\n` or `\r\n`) and the byte offset after each line break: a
 * line splitter of its own, because node:readline does not say where in the file a line ends.
 * The chunks of an unfinished line are kept apart and joined once, at its end: joining them on
 * every chunk made a long line quadratic (a 78 MB single-line JSON array spun for minutes).
 */
async function* lines(file: string): AsyncGenerator<{ text: string; end: number }> {
  let pending: Buffer[] = []; // the current line's bytes so far, from earlier chunks
  let offset = 0; // bytes of the file before the current line
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      const part = chunk.subarray(from, nl);
      const line = pending.length === 0 ? part : Buffer.concat([...pending, part]);
      pending = [];
      offset += line.length + 1;
      yield { text: line.toString('utf8').replace(/\r$/, ''), end: offset };
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  const last = Buffer.concat(pending);
  if (last.length > 0) yield { text: last.toString('utf8'), end: offset + last.length };
}

async function* jsonRows(file: string): AsyncGenerator<Located> {
  let line = 0;
  for await (const lineRead of lines(file)) {
    line += 1;
    // A byte order mark (Windows tools write one before UTF-8) is no part of the first row.
    const text = line === 1 ? lineRead.text.replace(/^\uFEFF/, '') : lineRead.text;
    const { end } = lineRead;
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
    yield { record: value as Record<string, unknown>, end };
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
