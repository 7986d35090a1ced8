/**
 * The upload progress bar, on cli-progress: the share of the file's bytes sent, rows, rate and
 * ETA. Bytes, not rows, because the file's size is known without reading it while its row count
 * is not (blank lines and quoted fields that hold line breaks make lines no measure of rows).
 * On a terminal it redraws in place; elsewhere (CI logs, a test reading stderr) cli-progress is
 * told to print a line per update (`noTTYOutput`), so the progress stays visible in a log.
 */
import cliProgress from 'cli-progress';

/** A started bar: `update(rows, bytes)` after each acknowledged chunk, `stop()` at the end. */
export interface Progress {
  update(rows: number, bytes: number): void;
  stop(): void;
}

/** Where a bar starts: the file's size, the byte offset and the row count it starts from. */
export interface ProgressStart {
  readonly bytes: number;
  readonly from: number;
  readonly rows: number;
}

/** A bar over the file's bytes, starting at `start.from` (a resumed upload starts part way). */
export function startProgress(start: ProgressStart, enabled: boolean): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: 'upload [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 250,
      etaBuffer: 5,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const began = Date.now();
  bar.start(Math.max(start.bytes, 1), start.from, { rows: start.rows, rate: 0 });
  return {
    update(rows, bytes) {
      const seconds = Math.max((Date.now() - began) / 1000, 0.001);
      bar.update(bytes, { rows, rate: Math.round((rows - start.rows) / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
