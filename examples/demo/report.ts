/**
 * Printing for the demo: one row per operation, rendered as a small aligned table, and a
 * progress line that rewrites itself on a terminal and prints milestones when piped (CI logs
 * and the examples test read stdout line by line).
 */
import { isMailError } from '@mailbridge/core';

/** One line of a provider's summary table. */
export interface Row {
  readonly operation: string;
  /** `ok …` or the error code and message. */
  readonly result: string;
  readonly ids: string;
  readonly attempts: number | string;
  /** Whether the outcome is the one the demo expects (an expected error counts as true). */
  readonly expected: boolean;
  /** The full error message, printed under the table. */
  readonly note?: string;
}

/** Render rows as an aligned table (an unexpected outcome flagged `!!`), then the error notes. */
export function table(rows: readonly Row[]): string {
  const head = ['operation', 'result', 'ids', 'attempts'];
  const cells = rows.map((r) => [
    `${r.expected ? '  ' : '!!'}${r.operation}`,
    r.result,
    r.ids,
    String(r.attempts),
  ]);
  const all = [[`  ${head[0]}`, ...head.slice(1)], ...cells];
  const widths = head.map((_, i) => Math.max(...all.map((line) => (line[i] ?? '').length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const notes = rows.flatMap((r) => (r.note ? [`  ${r.operation}: ${r.note}`] : []));
  return [line(all[0] ?? []), rule, ...cells.map(line), ...(notes.length ? ['', ...notes] : [])]
    .map((text) => (text === '' ? text : `  ${text}`))
    .join('\n');
}

/** How an error reads in the table: its code and delivery, and its message as a note. */
export function describeError(error: unknown): { result: string; note: string } {
  if (!isMailError(error)) {
    const name = error instanceof Error ? error.name : typeof error;
    return { result: `unexpected ${name}`, note: String(error) };
  }
  return { result: `error ${error.code}, ${error.delivery}`, note: error.message };
}

/** Shorten a long id for the table, keeping its distinctive tail. */
export function shortId(id: string, max = 28): string {
  return id.length <= max ? id : `…${id.slice(-(max - 1))}`;
}

/**
 * A progress reporter: on a TTY one line rewritten in place, otherwise a line per quarter, so a
 * log shows progress without hundreds of lines.
 */
export function progress(label: string, total: number): (done: number) => void {
  const tty = process.stdout.isTTY === true;
  const step = Math.max(1, Math.ceil(total / 4));
  return (done) => {
    const text = `  ${label}: ${done}/${total}`;
    if (tty) process.stdout.write(`\r${text}${done === total ? '\n' : ''}`);
    else if (done % step === 0 || done === total) console.log(text);
  };
}
