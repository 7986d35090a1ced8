/**
 * The adapter conformance suite (test/conformance) on Bun and Deno, each a first-class runtime:
 * Bun runs it with its own test runner (which answers `import 'vitest'` with `bun:test`), Deno
 * runs vitest itself. MAILBRIDGE_RUNTIME makes conformance/runtime.test.ts check that the suite
 * really ran on that runtime. The runtimes come from .ci/services/runtimes.sh, which installs
 * them from the npm registry (`bun`, `deno`) and exports MAILBRIDGE_BUN / MAILBRIDGE_DENO; CI
 * sources it. Without it, the binaries are looked up where that script puts them, and this file
 * says how to get them rather than pass for runtimes it did not run.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, run } from '../packaging/helpers.js';

const TEST_DIR = join(REPO_ROOT, 'test');
const INSTALLED = join(homedir(), '.cache', 'mailbridge-runtimes', 'node_modules', '.bin');
const TIMEOUT_MS = 240_000;

function binary(runtime: 'bun' | 'deno'): string | undefined {
  const fromEnv = process.env[`MAILBRIDGE_${runtime.toUpperCase()}`];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const dir = process.env['MAILBRIDGE_RUNTIMES_DIR'];
  const found = join(dir ? join(dir, 'node_modules', '.bin') : INSTALLED, runtime);
  return existsSync(found) ? found : undefined;
}

const bun = binary('bun');
const deno = binary('deno');
const missing = 'not installed: run `source .ci/services/runtimes.sh` (CI does)';

const RUNS = [
  ['Bun', bun, ['test', '--timeout', '60000', './conformance/']],
  [
    'Deno',
    deno,
    ['run', '-A', join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'conformance/'],
  ],
] as const;

describe.each(RUNS)('the conformance suite on %s', (name, file, args) => {
  it.skipIf(file === undefined)(
    `passes (${file === undefined ? missing : file})`,
    async () => {
      const result = await run(file as string, args, {
        cwd: TEST_DIR,
        timeoutMs: TIMEOUT_MS,
        env: { ...process.env, MAILBRIDGE_RUNTIME: name.toLowerCase(), NO_COLOR: '1' },
      });
      const output = `${result.stdout}\n${result.stderr}`;
      const tail = output.trim().split('\n').slice(-40).join('\n');
      expect(result.code, tail).toBe(0);
      // Every conformance file ran (four targets: testing, both adapters, failover; plus the runtime check), none failed.
      if (name === 'Bun') {
        expect(output).toMatch(/\n\s*0 fail\n/);
        expect(output).toMatch(/across 5 files/);
      } else {
        expect(output).toMatch(/Test Files\s+5 passed \(5\)/);
      }
    },
    TIMEOUT_MS + 30_000,
  );
});
