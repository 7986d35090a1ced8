/**
 * `mailbridge groups upload GROUP FILE`: stream a CSV or JSON-lines file into a group with a
 * progress bar (rows, rate, ETA). After every chunk the provider acknowledges, the row count is
 * saved in a state file; run the same command again after an interruption and it resumes after
 * the last acknowledged chunk (a chunk in flight when the process died is sent again).
 */
import { createReadStream } from 'node:fs';
import type { Recipient } from '@mailbridge/core';
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { UsageError } from '../exit.js';
import { startProgress } from '../progress.js';
import { providerOf, withMailer } from '../provider.js';
import { formatOf, readRecipients, type SourceFormat } from '../source.js';
import {
  clearState,
  resumePoint,
  saveState,
  statePathOf,
  uploadIdentity,
} from '../upload-state.js';

/** Add `groups upload` to the `groups` command. */
export function registerUpload(groups: Command): void {
  groups
    .command('upload <group> <file>')
    .description(
      'stream recipients from CSV or JSON lines into a group; resumes after an interruption',
    )
    .option('--format <format>', 'csv or jsonl (default: from the file extension)')
    .option('--state <file>', 'resume state file (default: FILE.mailbridge-upload.json)')
    .option('--restart', 'ignore a saved resume point and start from the first row')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      `\nCSV needs a header row with an "address" (or "email") column; other columns become
template variables. JSON lines: {"address": "...", "data": {"name": "Ann"}} per line. A file
with no rows (a header alone, an empty file) is refused.
${examples(
  'mailbridge groups upload 12 customers.csv',
  'mailbridge groups upload vip customers.jsonl --state /tmp/vip.state.json',
  'mailbridge groups upload 12 customers.csv --restart   # ignore the saved resume point',
)}`,
    )
    .action(
      action(async (out, globals, [group, file], flags) => {
        const format = formatOf(file as string, flags.format as string | undefined);
        // The mailer first: a URL it refuses is the error, before the file is looked at.
        const { result, source, skip } = await withMailer(globals.url, async (mailer) => {
          const { provider } = providerOf(mailer, globals.url);
          const identity = uploadIdentity(provider, group as string, file as string);
          const statePath = statePathOf(file as string, flags.state as string | undefined);
          const skip = resumePoint(statePath, identity, flags.restart === true);
          if (skip > 0) out.note(`resuming after row ${skip} (saved in ${statePath})`);
          const rows = await nonEmpty(readRecipients(file as string, format, skip), skip, file);
          const total = await countRows(file as string, format);
          const bar = startProgress(total, skip, !out.json && flags.progress !== false);
          const source = counted(rows, skip);
          const result = await mailer.groups
            .addRecipients(group as string, source, {
              onProgress: () => {
                // The chunk just acknowledged ends at the last row pulled (core pulls lazily).
                saveState(statePath, { ...identity, acknowledged: source.rows });
                bar.update(source.rows);
              },
            })
            .finally(() => bar.stop());
          clearState(statePath);
          return { result, source, skip };
        });
        out.result(
          { group, added: result.added, calls: result.calls, rows: source.rows, resumedFrom: skip },
          `uploaded ${source.rows - skip} rows to ${group} in ${result.calls} call(s)` +
            (skip > 0 ? ` (resumed after row ${skip})` : ''),
        );
      }),
    );
}

/**
 * The recipients, refusing a file with none (a CSV header alone, an empty file): "uploaded 0
 * rows" with exit 0 would hide a wrong file or an export that came out empty. The first row is
 * read here, before any request; a resumed upload (`skip` > 0) may have nothing left.
 */
async function nonEmpty(
  rows: AsyncGenerator<Recipient>,
  skip: number,
  file: string | undefined,
): Promise<AsyncIterable<Recipient>> {
  const first = await rows.next();
  if (first.done && skip === 0) {
    throw new UsageError(`${file}: no rows to upload (a header row alone, or an empty file)`);
  }
  return (async function* () {
    if (!first.done) yield first.value;
    yield* rows;
  })();
}

/** The recipients, with `rows` counting how far into the file the upload has pulled. */
function counted(inner: AsyncIterable<Recipient>, start: number) {
  const state = {
    rows: start,
    async *[Symbol.asyncIterator]() {
      for await (const recipient of inner) {
        state.rows += 1;
        yield recipient;
      }
    },
  };
  return state;
}

/** Data rows in the file, for the bar's percentage and ETA (newlines, less the CSV header). */
async function countRows(file: string, format: SourceFormat): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  if (last !== 0x0a) lines += 1;
  return Math.max(format === 'csv' ? lines - 1 : lines, 0);
}
