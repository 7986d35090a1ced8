/**
 * The `mailbridge` bin: parse argv, run the command, exit with its code. Commander's own exits
 * (help, version, parse errors) come back here through `exitOverride`: help and version are 0,
 * a bad flag or argument is 2 (invalid input), reported as one JSON document with `--json`.
 */
import { CommanderError } from 'commander';
import { EXIT, failureOf } from './exit.js';
import { createOutput } from './output.js';
import { createProgram } from './program.js';

const OK_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

async function main(): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (OK_CODES.has(error.code)) {
        process.exitCode = EXIT.ok;
        return;
      }
      // Commander has printed its message and the usage on stderr; a script reading --json
      // output gets the failure as every command reports one (`{"ok": false, …}` on stdout).
      if (program.opts().json === true) {
        const failure = failureOf(error);
        createOutput(true).failure({
          ...failure,
          message: failure.message.replace(/^error: /, ''),
        });
      }
      process.exitCode = EXIT.invalidInput;
      return;
    }
    process.stderr.write(`mailbridge: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}

void main();
