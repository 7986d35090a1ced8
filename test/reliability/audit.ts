/**
 * Dependency audit of the published packages, as a user installs them: pack core, aliyun-dm,
 * tencent-ses and emulator, resolve the tarballs in a scratch project from the registry
 * (`npm install --package-lock-only`), then `npm audit --omit=dev`. Fails on any high or
 * critical advisory in their production dependency tree.
 *
 *   node --import tsx test/reliability/audit.ts [--allow-unavailable]
 *
 * Exit 0: no high/critical advisory. Exit 1: at least one. Exit 2: the registry has no
 * advisory endpoint (a mirror answering only GET gives 405); `--allow-unavailable` turns that
 * into exit 0 with a warning, for machines behind such a mirror.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The packages users install. */
export const PUBLISHED = [
  'core',
  'aliyun-dm',
  'tencent-ses',
  'emulator',
  'scheduler',
  'scheduler-bullmq',
  'cli',
] as const;

/** The verdict on `npm audit --json` output. */
export interface AuditVerdict {
  readonly status: 'clean' | 'vulnerable' | 'unavailable';
  /** Advisories at high or critical severity, as `name@range (severity)`. */
  readonly findings: readonly string[];
  readonly detail: string;
}

const BLOCKING = new Set(['high', 'critical']);

/** Read `npm audit --json` (npm 7+ report format, or its error object). */
export function judgeAudit(output: string): AuditVerdict {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(output) as Record<string, unknown>;
  } catch {
    return { status: 'unavailable', findings: [], detail: 'npm audit printed no JSON' };
  }
  const vulnerabilities = report['vulnerabilities'];
  if (typeof vulnerabilities !== 'object' || vulnerabilities === null) {
    const status = (report['statusCode'] ??
      (report['error'] as { code?: unknown })?.code) as unknown;
    return {
      status: 'unavailable',
      findings: [],
      detail: `no audit report (${String(status ?? report['message'] ?? 'unknown error')})`,
    };
  }
  const findings: string[] = [];
  for (const [name, entry] of Object.entries(vulnerabilities as Record<string, unknown>)) {
    const { severity, range } = entry as { severity?: unknown; range?: unknown };
    if (typeof severity === 'string' && BLOCKING.has(severity))
      findings.push(`${name}@${String(range ?? '*')} (${severity})`);
  }
  const counts = (report['metadata'] as { vulnerabilities?: Record<string, number> } | undefined)
    ?.vulnerabilities;
  const detail = counts ? JSON.stringify(counts) : 'no metadata';
  return { status: findings.length > 0 ? 'vulnerable' : 'clean', findings, detail };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Pack, resolve, audit. Returns the verdict and the resolved production tree. */
export function auditPublished(): { verdict: AuditVerdict; tree: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'mailbridge-audit-'));
  try {
    for (const pkg of PUBLISHED) {
      execFileSync('pnpm', ['pack', '--pack-destination', dir], {
        cwd: join(ROOT, 'packages', pkg),
        stdio: 'ignore',
      });
    }
    const dependencies: Record<string, string> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tgz'))) {
      const name = `@mailbridge/${file.replace(/^mailbridge-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`;
      dependencies[name] = `file:./${file}`;
    }
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'mailbridge-audit', private: true, dependencies }),
    );
    execFileSync(
      'npm',
      ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: dir, stdio: 'ignore' },
    );
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean }>;
    };
    const tree = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev)
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}`)
      .sort();
    const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { verdict: judgeAudit(audit.stdout), tree };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const allowUnavailable = process.argv.includes('--allow-unavailable');
  const { verdict, tree } = auditPublished();
  process.stdout.write(
    `production dependencies of ${PUBLISHED.join(', ')}:\n  ${tree.join('\n  ')}\n`,
  );
  if (verdict.status === 'clean') {
    process.stdout.write(`audit: no high or critical advisory (${verdict.detail})\n`);
    return;
  }
  if (verdict.status === 'vulnerable') {
    process.stdout.write(
      `audit: FAILED, high/critical advisories:\n  ${verdict.findings.join('\n  ')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `audit: UNAVAILABLE, the registry gave ${verdict.detail}; nothing was checked\n`,
  );
  process.exitCode = allowUnavailable ? 0 : 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
