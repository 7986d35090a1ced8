/**
 * The packed-install section of the report: targets (issue 14: cold import of core + one adapter
 * within 40 ms of undici alone, ESM and CJS; install under 4 MB) and the tables behind them.
 */
import type { PackedResults } from './packed.js';
import type { PackedImportRow } from './packed-import.js';
import { fmt, median } from './stats.js';
import type { TargetRow } from './targets.js';

/** Cold import allowance over undici alone, ms (issue 14). */
export const IMPORT_ALLOWANCE_MS = 40;
/** Install size limit, bytes on disk (issue 14: "under 4 MB"). */
export const INSTALL_LIMIT_BYTES = 4e6;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const undiciRow = (p: PackedResults, format: string) =>
  p.imports.find((i) => i.label === 'undici alone' && i.format === format);

/** Targets evaluated from the packed section. */
export function packedTargets(p: PackedResults): TargetRow[] {
  const imports = p.imports
    .filter((i) => i.label !== 'undici alone')
    .map((i): TargetRow => {
      const base = median(undiciRow(p, i.format)?.samplesMs ?? []);
      const delta = median(i.samplesMs) - base;
      const cpuDelta = median(i.cpuMs) - median(undiciRow(p, i.format)?.cpuMs ?? []);
      return {
        id: 'import',
        target: `cold import of ${i.label} (${i.format.toUpperCase()}) ≤ undici alone + ${IMPORT_ALLOWANCE_MS} ms`,
        measured: `${fmt(median(i.samplesMs), 0)} ms vs ${fmt(base, 0)} ms (${sign(delta)} ms; CPU ${sign(cpuDelta)} ms)`,
        pass: Number.isFinite(delta) ? delta <= IMPORT_ALLOWANCE_MS : undefined,
      };
    });
  const sizes = p.installs
    .filter((i) => i.label !== 'undici alone')
    .map(
      (i): TargetRow => ({
        id: 'size',
        target: `${i.label} packed and installed by npm < 4 MB on disk`,
        measured: `${mb(i.diskBytes)} on disk (${mb(i.bytes)} apparent), ${i.packages.length} packages`,
        pass: i.diskBytes < INSTALL_LIMIT_BYTES,
      }),
    );
  return [...imports, ...sizes];
}

const sign = (v: number) => `${v >= 0 ? '+' : ''}${fmt(v, 1)}`;

const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function importRow(p: PackedResults, i: PackedImportRow): string[] {
  const base = undiciRow(p, i.format);
  const m = median(i.samplesMs);
  const cpu = median(i.cpuMs);
  return [
    i.label,
    i.format.toUpperCase(),
    `\`${i.specifiers.join('`, `')}\``,
    fmt(m, 1),
    sign(m - median(base?.samplesMs ?? [])),
    fmt(cpu, 1),
    sign(cpu - median(base?.cpuMs ?? [])),
    fmt(Math.max(...i.rssMb), 1),
  ];
}

/** The tables of the packed section (empty when the section did not run). */
export function packedTables(p: PackedResults | undefined): string {
  if (!p || p.installs.length === 0) return '';
  const n = p.imports[0]?.samplesMs.length ?? 0;
  const installs = p.installs.map((i) => [
    i.label,
    mb(i.diskBytes),
    mb(i.bytes),
    String(i.files),
    String(i.packages.length),
    i.packages
      .slice(0, 5)
      .map((x) => `${x.name}@${x.version} ${mb(x.bytes)}`)
      .join(', '),
  ]);
  return `## Packed install (npm, from \`pnpm pack\` tarballs)

${table(['Install', 'on disk', 'apparent', 'files', 'packages', 'largest packages'], installs)}

## Cold import from the packed install (fresh process each, median of ${n}, round-robin)

${table(
  [
    'Candidate',
    'format',
    'imports',
    'wall ms',
    'vs undici alone',
    'CPU ms',
    'CPU vs undici',
    'RSS after MB',
  ],
  p.imports.map((i) => importRow(p, i)),
)}
`;
}
