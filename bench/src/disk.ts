/**
 * Sizes of an npm install: apparent bytes (the sum of file sizes, what npm calls unpacked size)
 * and allocated blocks (`stat.blocks`, what `du` reports), per package and in total.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Totals of a directory tree. */
export interface Usage {
  readonly bytes: number;
  readonly diskBytes: number;
  readonly files: number;
}

/** One package in a node_modules tree, its own files only (nested node_modules excluded). */
export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
  readonly bytes: number;
}

function walk(path: string, skipNodeModules: boolean, into: { b: number; d: number; f: number }) {
  const stat = lstatSync(path);
  into.d += stat.blocks * 512;
  if (!stat.isDirectory()) {
    into.b += stat.size;
    into.f += 1;
    return;
  }
  for (const entry of readdirSync(path)) {
    if (skipNodeModules && entry === 'node_modules') continue;
    walk(join(path, entry), skipNodeModules, into);
  }
}

/** Apparent bytes, allocated bytes and file count of everything under `path`. */
export function diskUsage(path: string): Usage {
  const into = { b: 0, d: 0, f: 0 };
  if (existsSync(path)) walk(path, false, into);
  return { bytes: into.b, diskBytes: into.d, files: into.f };
}

function packageAt(dir: string): InstalledPackage {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const into = { b: 0, d: 0, f: 0 };
  walk(dir, true, into);
  return { name: pkg.name, version: pkg.version, bytes: into.b };
}

/** Every package under a node_modules directory (scoped and nested ones too), largest first. */
export function installedPackages(nm: string): InstalledPackage[] {
  const found: InstalledPackage[] = [];
  const visit = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const dirs = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((sub) => join(modules, entry, sub))
        : [join(modules, entry)];
      for (const dir of dirs) {
        if (!existsSync(join(dir, 'package.json'))) continue;
        found.push(packageAt(dir));
        visit(join(dir, 'node_modules'));
      }
    }
  };
  visit(nm);
  return found.sort((a, b) => b.bytes - a.bytes);
}
