/**
 * `@mailbridge/cli`: the `mailbridge` command. The package is used through its bin; this entry
 * exposes the program and the exit codes for tools that embed or test it.
 */
export { EXIT } from './exit.js';
export { createProgram } from './program.js';
