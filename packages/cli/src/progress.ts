/**
 * The upload progress bar, on cli-progress: rows, rate and ETA. On a terminal it redraws in
 * place; elsewhere (CI logs, a test reading stderr) cli-progress is told to print a line per
 * update (`noTTYOutput`), so the progress stays visible in a log.
 */
import cliProgress from 'cli-progress';

/** A started bar: `update(rows)` after each acknowledged chunk, `stop()` at the end. */
export interface Progress {
  update(rows: number): void;
  stop(): void;
}

/** A bar over `total` rows (unknown total: 0, then the bar shows rows and rate only). */
export function startProgress(total: number, start: number, enabled: boolean): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format:
        total > 0
          ? 'upload [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}'
          : 'upload {value} rows | {rate} rows/s',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 250,
      etaBuffer: 5,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const began = Date.now();
  bar.start(total, start, { rate: 0 });
  return {
    update(rows) {
      const seconds = Math.max((Date.now() - began) / 1000, 0.001);
      bar.update(rows, { rate: Math.round((rows - start) / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
