/**
 * Cold import inside the packed installs (see packed.ts): a fresh `node probe.mjs|probe.cjs
 * <specifier>...` per sample, timing only the `import()`s / `require()`s (Node's own start-up is
 * the same for every candidate), round-robin over the candidates so load drift hits them alike.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackedInstall } from './packed.js';

/** One candidate: what a user's program imports, in which module system, from which install. */
export interface PackedImportRow {
  readonly label: string;
  readonly format: 'esm' | 'cjs';
  readonly specifiers: readonly string[];
  /** Wall time of the imports, per sample. */
  readonly samplesMs: number[];
  /** CPU time (user + system, all threads) spent during the imports, per sample: less load-sensitive. */
  readonly cpuMs: number[];
  readonly rssMb: number[];
}

const PROBE_ESM = `const start = performance.now();
const cpu0 = process.cpuUsage();
for (const s of process.argv.slice(2)) await import(s);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage.rss() / 2 ** 20 }));
`;
const PROBE_CJS = `const start = performance.now();
const cpu0 = process.cpuUsage();
for (const s of process.argv.slice(2)) require(s);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage.rss() / 2 ** 20 }));
`;

function candidates(installs: readonly PackedInstall[]) {
  const out: { row: PackedImportRow; dir: string }[] = [];
  for (const install of installs) {
    writeFileSync(join(install.dir, 'probe.mjs'), PROBE_ESM);
    writeFileSync(join(install.dir, 'probe.cjs'), PROBE_CJS);
    const adapter = install.label.replace(/^core \+ /, '');
    const specifiers =
      install.label === 'undici alone'
        ? ['undici']
        : ['@mailbridge/core', `@mailbridge/${adapter}`];
    for (const format of ['esm', 'cjs'] as const) {
      out.push({
        dir: install.dir,
        row: { label: install.label, format, specifiers, samplesMs: [], cpuMs: [], rssMb: [] },
      });
    }
  }
  return out;
}

/** `samples` fresh processes per candidate and module system. */
export function packedImports(
  installs: readonly PackedInstall[],
  samples: number,
): PackedImportRow[] {
  const all = candidates(installs);
  for (let s = 0; s < samples; s++) {
    for (const { row, dir } of all) {
      const probe = row.format === 'esm' ? 'probe.mjs' : 'probe.cjs';
      const out = execFileSync(process.execPath, [probe, ...row.specifiers], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const { ms, cpuMs, rssMb } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        ms: number;
        cpuMs: number;
        rssMb: number;
      };
      row.samplesMs.push(ms);
      row.cpuMs.push(cpuMs);
      row.rssMb.push(rssMb);
    }
  }
  return all.map((c) => c.row);
}
