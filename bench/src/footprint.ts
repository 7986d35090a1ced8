/**
 * Installed size and transitive dependency count, computed offline from the pnpm install: walk
 * each package's production dependencies (dependencies, optional and non-optional peer
 * dependencies, as npm 7+ installs them) through the node_modules links, and sum the bytes of
 * each package's files. Store packages are exactly their published tarball; our workspace
 * packages count only what `files` publishes (plus package.json, README, LICENSE), i.e. what
 * `npm install` of the packed tarballs would put on disk (apparent size, not disk blocks).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

interface Manifest {
  readonly name: string;
  readonly files?: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** The footprint of one candidate. */
export interface Footprint {
  readonly label: string;
  /** Packages installed besides the roots. */
  readonly dependencies: number;
  readonly bytes: number;
  /** The five largest packages, for the report. */
  readonly largest: readonly { readonly name: string; readonly bytes: number }[];
}

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Bytes of every file under `path`, skipping nested node_modules. */
function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) {
    if (entry !== 'node_modules') total += sizeOf(join(path, entry));
  }
  return total;
}

/** What npm would install for this package directory. */
function packageBytes(dir: string, pkg: Manifest): number {
  if (dir.includes('/node_modules/') || !pkg.files) return sizeOf(dir);
  const always = readdirSync(dir).filter((f) => /^(package\.json|readme|license|licence)/i.test(f));
  return [...new Set([...always, ...pkg.files])].reduce((sum, f) => sum + sizeOf(join(dir, f)), 0);
}

/** Node's lookup: `node_modules/<name>` in the directory or any parent. */
function resolveFrom(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate =
      basename(at) === 'node_modules' ? join(at, name) : join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
}

function productionDeps(pkg: Manifest): string[] {
  const peers = Object.keys(pkg.peerDependencies ?? {}).filter(
    (name) => !pkg.peerDependenciesMeta?.[name]?.optional,
  );
  return [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
    ...peers,
  ];
}

/** Walk the dependency graph from root packages (resolved from `from`, e.g. bench/). */
export function footprint(label: string, roots: readonly string[], from: string): Footprint {
  const seen = new Map<string, { name: string; bytes: number }>();
  const queue: string[] = [];
  for (const root of roots) {
    const dir = resolveFrom(from, root);
    if (!dir) throw new Error(`footprint: cannot resolve ${root} from ${from}`);
    queue.push(dir);
  }
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    if (seen.has(dir)) continue;
    const pkg = manifest(dir);
    seen.set(dir, { name: pkg.name, bytes: packageBytes(dir, pkg) });
    for (const dep of productionDeps(pkg)) {
      const found = resolveFrom(dir, dep);
      // An optional dependency for another platform is legitimately absent.
      if (found && !seen.has(found)) queue.push(found);
    }
  }
  const packages = [...seen.values()];
  return {
    label,
    dependencies: packages.length - roots.length,
    bytes: packages.reduce((sum, p) => sum + p.bytes, 0),
    largest: packages.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}
