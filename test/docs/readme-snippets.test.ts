/**
 * Every TypeScript block in the root README type-checks against the built packages, as a user
 * would paste it into a module: strict, exactOptionalPropertyTypes, NodeNext. The blocks are
 * written under test/node_modules/.cache (so `@mailbridge/*` resolve as they do for the tests,
 * and no linter sees them) and removed afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const TEST_ROOT = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

it('every ```ts block in README.md type-checks', async () => {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  const cache = join(TEST_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'readme-snippets-'));
  try {
    blocks.forEach((code, i) => {
      writeFileSync(join(dir, `block-${i + 1}.ts`), `${code}\nexport {};\n`);
    });
    const base = join(TEST_ROOT, '..', 'tsconfig.base.json');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: base, include: ['*.ts'] }));
    const output = await new Promise<string>((resolve) => {
      execFile(process.execPath, [tsc, '-p', dir], { timeout: 120_000 }, (error, stdout, stderr) =>
        resolve(error ? `${stdout}${stderr}` || String(error) : ''),
      );
    });
    expect(output).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 150_000);
