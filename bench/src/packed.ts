/**
 * What a user gets from npm: core and each adapter packed (`pnpm pack`, so `workspace:` ranges
 * become the published ranges), installed by npm into an empty project (`--omit=dev`, registry
 * metadata from npm's cache when it has it), then measured there: bytes on disk and cold import,
 * ESM and CJS, against undici alone from the same install. Nothing here resolves through the
 * pnpm workspace, so a dependency that only the workspace provides shows up as a failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskUsage, type InstalledPackage, installedPackages } from './disk.js';
import { type PackedImportRow, packedImports } from './packed-import.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The adapters measured, each installed with core. */
export const PACKED_ADAPTERS = ['tencent-ses', 'aliyun-dm'] as const;

/** One npm install of packed tarballs. */
export interface PackedInstall {
  readonly label: string;
  /** The project directory (its node_modules holds the install). */
  readonly dir: string;
  /** Apparent bytes of node_modules (sum of file sizes). */
  readonly bytes: number;
  /** Bytes of the blocks node_modules takes (`du`), what "on disk" costs on this filesystem. */
  readonly diskBytes: number;
  readonly files: number;
  readonly packages: readonly InstalledPackage[];
}

const run = (cmd: string, args: readonly string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `pnpm pack` core and the adapters into `out`; returns tarball paths by package folder. */
function pack(out: string): Record<string, string> {
  const tarballs: Record<string, string> = {};
  for (const name of ['core', ...PACKED_ADAPTERS]) {
    const before = new Set(readdirSync(out));
    run('pnpm', ['pack', '--pack-destination', out], join(ROOT, 'packages', name));
    const made = readdirSync(out).find((f) => !before.has(f) && f.endsWith('.tgz'));
    if (!made) throw new Error(`pnpm pack of packages/${name} produced no tarball`);
    tarballs[name] = join(out, made);
  }
  return tarballs;
}

function npmInstall(dir: string, specs: readonly string[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "probe", "private": true }\n');
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--omit=dev',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
      ...specs,
    ],
    dir,
  );
}

function measure(label: string, dir: string): PackedInstall {
  const nm = join(dir, 'node_modules');
  const usage = diskUsage(nm);
  return { label, dir, ...usage, packages: installedPackages(nm) };
}

/**
 * Pack, install core + each adapter and undici alone (the same undici range core depends on)
 * into fresh projects under `base`, a new folder of the OS temp directory, and measure them.
 */
export function packedInstalls(base: string): PackedInstall[] {
  const tarDir = join(base, 'tarballs');
  mkdirSync(tarDir, { recursive: true });
  const tarballs = pack(tarDir);
  const installs: PackedInstall[] = [];
  for (const adapter of PACKED_ADAPTERS) {
    const dir = join(base, adapter);
    npmInstall(dir, [tarballs.core as string, tarballs[adapter] as string]);
    installs.push(measure(`core + ${adapter}`, dir));
  }
  const undiciRange = coreDependency('undici');
  const dir = join(base, 'undici');
  npmInstall(dir, [`undici@${undiciRange}`]);
  installs.push(measure('undici alone', dir));
  return installs;
}

function coreDependency(name: string): string {
  const core = JSON.parse(readFileSync(join(ROOT, 'packages', 'core', 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const range = core.dependencies?.[name];
  if (!range) throw new Error(`@mailbridge/core does not depend on ${name}`);
  return range;
}

/** The packed section's figures, as saved in the run's JSON. */
export interface PackedResults {
  readonly installs: readonly Omit<PackedInstall, 'dir'>[];
  readonly imports: readonly PackedImportRow[];
}

/** Install the packed tarballs, then `samples` cold imports per candidate and module system. */
export function packedSection(samples: number): PackedResults {
  // A folder of its own per run, so two runs at once never install into each other's projects.
  const base = mkdtempSync(join(tmpdir(), 'mailbridge-bench-packed-'));
  try {
    const installs = packedInstalls(base);
    const imports = packedImports(installs, samples);
    return { installs: installs.map(({ dir: _dir, ...rest }) => rest), imports };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
