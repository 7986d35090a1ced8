/**
 * The `mailbridge` bin: parse argv, run the command, exit with its code. Commander's own exits
 * (help, version, parse errors) come back here through `exitOverride`: help and version are 0,
 * a bad flag or argument is 2 (invalid input).
 */
import { CommanderError } from 'commander';
import { EXIT } from './exit.js';
import { createProgram } from './program.js';

const OK_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

async function main(): Promise<void> {
  try {
    await createProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = OK_CODES.has(error.code) ? EXIT.ok : EXIT.invalidInput;
      return;
    }
    process.stderr.write(`mailbridge: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}

void main();
