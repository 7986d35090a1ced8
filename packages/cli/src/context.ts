/**
 * What every command shares: the global flags (`--json`, `--url`) and the wrapper that turns a
 * thrown error into its report and exit code.
 */
import type { Command } from 'commander';
import { failureOf } from './exit.js';
import { createOutput, type Output } from './output.js';

/** The global flags as a command sees them. */
export interface GlobalFlags {
  readonly json?: boolean;
  readonly url?: string;
}

/** Global flags of the command being run (commander merges the root's into `optsWithGlobals`). */
export function globalsOf(command: Command): GlobalFlags {
  return command.optsWithGlobals() as GlobalFlags;
}

/** A command body: positional arguments and the command's own flags. */
export type Body = (
  out: Output,
  globals: GlobalFlags,
  positional: string[],
  flags: Record<string, unknown>,
) => Promise<void>;

/**
 * Wrap a command body: it gets the output for the chosen mode; whatever it throws is reported
 * and sets the exit code (the process then ends on its own, after open handles close). A command
 * that only `reads` sends nothing, so it never exits 4 ("may have been sent").
 */
export function action(body: Body, kind: 'reads' | 'writes' = 'writes') {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const flags = args[args.length - 2] as Record<string, unknown>;
    const globals = globalsOf(command);
    const out = createOutput(globals.json === true);
    try {
      await body(out, globals, args.slice(0, -2) as string[], flags);
    } catch (error) {
      const failure = failureOf(error, kind);
      out.failure(failure);
      process.exitCode = failure.exitCode;
    }
  };
}

/** `Examples:` help text for a command. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
