/**
 * Where results go: one JSON document on stdout with `--json` (for scripts), or short lines
 * for people. Progress and notes go to stderr, so stdout stays parseable.
 */
import type { Failure } from './exit.js';

/** The printing side of a command. */
export interface Output {
  readonly json: boolean;
  /** The command's result: a JSON document, or `human` lines. */
  result(value: Record<string, unknown>, human: string): void;
  /** A note for people (stderr); silent with `--json`. */
  note(text: string): void;
  failure(failure: Failure): void;
}

/** An output for `--json` or human mode, writing to the given streams. */
export function createOutput(
  json: boolean,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Output {
  return {
    json,
    result(value, human) {
      stdout.write(json ? `${JSON.stringify({ ok: true, ...value })}\n` : `${human}\n`);
    },
    note(text) {
      if (!json) stderr.write(`${text}\n`);
    },
    failure(failure) {
      const { exitCode, ...error } = failure;
      if (json) {
        stdout.write(`${JSON.stringify({ ok: false, exitCode, error })}\n`);
        return;
      }
      const details = [
        failure.delivery === undefined ? undefined : `delivery: ${failure.delivery}`,
        failure.providerCode === undefined ? undefined : `provider code: ${failure.providerCode}`,
        failure.requestId === undefined ? undefined : `request id: ${failure.requestId}`,
        failure.attempts === undefined ? undefined : `attempts: ${failure.attempts}`,
      ].filter((d) => d !== undefined);
      const tail = details.length > 0 ? `\n  ${details.join('\n  ')}` : '';
      stderr.write(`mailbridge: ${failure.code}: ${failure.message}${tail}\n`);
    },
  };
}
