/**
 * The root README's promises that a reader acts on: the Quickstart's first code block is the
 * two commands the CI and the issue name, every file it links exists, and every example in
 * examples/ is listed (each is run by test/examples, so the list is of programs that work).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${ROOT}README.md`, 'utf8');

describe('README.md', () => {
  it('the first code block under ## Quickstart holds exactly the demo and test commands', () => {
    const section = readme.slice(readme.indexOf('\n## Quickstart\n'));
    const block = /```\w*\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block?.trimEnd().split('\n')).toEqual([
      'npx -y pnpm@10 install && npx -y pnpm@10 demo',
      'npx -y pnpm@10 install && npx -y pnpm@10 test',
    ]);
    const scripts = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts.demo).toContain('examples/demo.ts');
    expect(scripts.test).toBeDefined();
  });

  it('every relative link points at a file in the repository', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(10);
    // bench/RESULTS.md is written by the benchmark run, which is not part of `pnpm test`.
    const missing = links.filter((l) => l !== 'bench/RESULTS.md' && !existsSync(`${ROOT}${l}`));
    expect(missing).toEqual([]);
  });

  it('lists every example program', () => {
    const programs = readdirSync(`${ROOT}examples`).filter((f) => f.endsWith('.ts'));
    expect(programs.length).toBeGreaterThanOrEqual(8);
    for (const file of programs) expect(readme).toContain(`(examples/${file})`);
  });
});

describe('one name for the provider URL variable', () => {
  it('README.md, the package READMEs and the examples say MAIL_URL, never another name', () => {
    const files = [
      'README.md',
      ...readdirSync(`${ROOT}packages`).map((p) => `packages/${p}/README.md`),
      ...readdirSync(`${ROOT}examples`)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `examples/${f}`),
    ].filter((f) => existsSync(`${ROOT}${f}`));
    const names = new Set(
      files.flatMap((f) =>
        [...readFileSync(`${ROOT}${f}`, 'utf8').matchAll(/\b([A-Z][A-Z_]*_URL)\b/g)].map(
          (m) => m[1],
        ),
      ),
    );
    // REDIS_URL (the BullMQ scheduler's connection) names a queue, not a mail provider.
    expect([...names].filter((name) => !name?.endsWith('REDIS_URL'))).toEqual(['MAIL_URL']);
  });
});
