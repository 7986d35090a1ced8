/**
 * Which runtime this run of the conformance suite is on. test/runtimes/runtimes.test.ts runs
 * this folder under Bun and Deno with MAILBRIDGE_RUNTIME set, so a suite that silently fell back
 * to Node (a runner forking `node` workers) fails here instead of passing for the wrong runtime.
 */
import { describe, expect, it } from 'vitest';

/** The runtime executing this file, from the globals each one defines. */
function currentRuntime(): 'bun' | 'deno' | 'node' {
  if ('Bun' in globalThis) return 'bun';
  if ('Deno' in globalThis) return 'deno';
  return 'node';
}

describe('conformance runtime', () => {
  const expected = process.env['MAILBRIDGE_RUNTIME'] ?? 'node';
  it(`runs on ${expected}`, () => {
    expect(currentRuntime()).toBe(expected);
  });
});
