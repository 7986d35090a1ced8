/**
 * Small probes of the packaging test: what an installed package ships, the script that lists
 * runtime exports, the consumer tsconfig, and a bounded reader of a long-running bin.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from './helpers.js';

/** Every file path an installed package ships, relative to its root, sorted. */
export async function shippedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Load every entry point in one node process and print `{ specifier: { name: typeof } }`. */
export function exportsScript(format: 'esm' | 'cjs', specifiers: readonly string[]): string {
  const load = format === 'esm' ? 'await import(id)' : 'require(id)';
  const body = `const out = {};
for (const id of ${JSON.stringify(specifiers)}) {
  const m = ${load};
  out[id] = Object.fromEntries(Object.keys(m).sort().map((k) => [k, typeof m[k]]));
}
process.stdout.write(JSON.stringify(out));`;
  return format === 'esm' ? body : `(async () => { ${body} })();`;
}

/**
 * A strict consumer tsconfig. `skipLibCheck: false` also checks our declaration files (and,
 * unavoidably, zod's and undici's): worth it once, in the node16 run that reads both the .d.ts
 * and the .d.cts; the bundler run reads the same .d.ts, so it skips that cost.
 */
export function tsconfig(
  repoRoot: string,

  module: string,
  moduleResolution: string,
  include: readonly string[],
  skipLibCheck: boolean,
): string {
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023'],
    module,
    moduleResolution,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck,
    noEmit: true,
    // Node's types come from the repository: the consumer installs only our tarballs.
    typeRoots: [join(repoRoot, 'node_modules', '@types')],
    types: ['node'],
  };
  return `${JSON.stringify({ compilerOptions, include }, null, 2)}\n`;
}

/** Every `bin` of every package, as `[package, command, file]`. */
export function binsOf(manifest: Manifest): (readonly [string, string, string])[] {
  const { bin, name } = manifest;
  if (bin === undefined) return [];
  // A string `bin` is named after the package (without its scope), as npm does.
  const entries: [string, string][] =
    typeof bin === 'string' ? [[name.split('/').pop() ?? name, bin]] : Object.entries(bin);
  return entries.map(([command, file]) => [name, command, file] as const);
}

/** Start a long-running command, resolve with its first stdout line, or reject after `ms`. */
export function firstLine(file: string, args: readonly string[], cwd: string, ms: number) {
  const child = spawn(file, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const line = new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no output after ${ms} ms: ${stderr}`)), ms);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = stdout.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        done(stdout.slice(0, end));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited ${code} before printing a line: ${stderr}`));
    });
  });
  return { child, line, exited };
}

/** Bare module specifiers a built file loads: static `import`/`export … from`, `import()`, `require()`. */
export function bareImports(code: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const id = match[1];
      if (id !== undefined && !id.startsWith('.') && !id.startsWith('/')) found.add(id);
    }
  }
  return [...found].sort();
}

/** The package a bare specifier names: `zod/v4` is `zod`, `@scope/a/b` is `@scope/a`. */
export function packageOf(id: string): string {
  const parts = id.split('/');
  return (id.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}
