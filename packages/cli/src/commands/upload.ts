/**
 * `mailbridge groups upload GROUP FILE`: stream a CSV or JSON-lines file into a group with a
 * progress bar (share of the file's bytes sent, rows, rate, ETA). After every chunk the provider acknowledges, the row count is
 * saved in a state file; run the same command again after an interruption and it resumes after
 * the last acknowledged chunk (a chunk in flight when the process died is sent again).
 */
import { isMailError, type Recipient } from '@mailbridge/core';
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { UsageError } from '../exit.js';
import { startProgress } from '../progress.js';
import { providerOf, withMailer } from '../provider.js';
import { formatOf, readRecipients, type SourceRow } from '../source.js';
import {
  checkStateWritable,
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
          checkStateWritable(statePath);
          if (skip > 0) out.note(`resuming after row ${skip} (saved in ${statePath})`);
          const rows = await nonEmpty(readRecipients(file as string, format, skip), skip, file);
          // Progress in bytes of the file: its size is known without reading it, and each row
          // says where it ends, so the bar is exact for any row shape and costs no second read.
          const bar = startProgress(
            { bytes: identity.size, from: rows.from, rows: skip },
            !out.json && flags.progress !== false,
          );
          const source = counted(rows.rows, skip);
          const result = await mailer.groups
            .addRecipients(group as string, source, {
              onProgress: () => {
                // The chunk just acknowledged ends at the last row pulled (core pulls lazily).
                saveState(statePath, { ...identity, acknowledged: source.rows });
                bar.update(source.rows, source.end);
              },
            })
            .then((done) => {
              // Every row is sent and the file read to its end (trailing blank lines included).
              bar.update(source.rows, identity.size);
              return done;
            })
            .catch((error: unknown) => {
              throw atFileRow(error, skip, file as string);
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
 * The rows, refusing a file with none (a CSV header alone, an empty file): "uploaded 0 rows"
 * with exit 0 would hide a wrong file or an export that came out empty. The first row is read
 * here, before any request; a resumed upload (`skip` > 0) may have nothing left. `from` is the
 * byte offset the upload starts at (where the first row to send begins).
 */
async function nonEmpty(
  rows: AsyncGenerator<SourceRow>,
  skip: number,
  file: string | undefined,
): Promise<{ rows: AsyncIterable<SourceRow>; from: number }> {
  const first = await rows.next();
  if (first.done && skip === 0) {
    throw new UsageError(`${file}: no rows to upload (a header row alone, or an empty file)`);
  }
  const all = (async function* () {
    if (!first.done) yield first.value;
    yield* rows;
  })();
  return { rows: all, from: first.done ? 0 : first.value.start };
}

/**
 * The core names a recipient it refuses by its place in what it was given (`5.address`, from 0,
 * counted from the first row sent, so a resumed upload counts again from 0); the user needs the
 * row of the file (`row 6: FILE: address`), as the file's own errors in source.ts give it.
 */
function atFileRow(error: unknown, skip: number, file: string): unknown {
  const path = isMailError(error) ? error.issues?.[0]?.path : undefined;
  const index = path?.[0];
  if (!isMailError(error) || path === undefined || typeof index !== 'number') return error;
  const where = path.join('.');
  if (!error.message.includes(where)) return error;
  const rest = path.slice(1).join('.');
  const row = `row ${skip + index + 1}: ${file}${rest === '' ? '' : `: ${rest}`}`;
  return error.with({ message: error.message.replace(where, row) });
}

/**
 * The recipients, with `rows` counting how far into the file the upload has pulled and `end`
 * the byte offset after the last row pulled.
 */
function counted(inner: AsyncIterable<SourceRow>, start: number) {
  const state = {
    rows: start,
    end: 0,
    async *[Symbol.asyncIterator](): AsyncGenerator<Recipient> {
      for await (const row of inner) {
        state.rows += 1;
        state.end = row.end;
        yield row.recipient;
      }
    },
  };
  return state;
}
