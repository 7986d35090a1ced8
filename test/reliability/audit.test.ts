/**
 * The audit script's decisions (audit.ts): which npm audit reports fail the build, and that
 * every published package is in the audited set. The audit itself needs the registry's
 * advisory endpoint and runs as its own CI step (`node --import tsx test/reliability/audit.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgeAudit, PUBLISHED } from './audit.js';

const report = (vulnerabilities: Record<string, { severity: string; range: string }>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      Object.entries(vulnerabilities).map(([name, v]) => [name, { name, ...v, via: [] }]),
    ),
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 } },
  });

describe('audit verdicts', () => {
  it('an empty report is clean', () => {
    expect(judgeAudit(report({})).status).toBe('clean');
  });

  it('low and moderate advisories do not fail the build', () => {
    const verdict = judgeAudit(
      report({
        undici: { severity: 'moderate', range: '<7.2.3' },
        zod: { severity: 'low', range: '*' },
      }),
    );
    expect(verdict).toMatchObject({ status: 'clean', findings: [] });
  });

  it('a high or critical advisory fails it, naming the package', () => {
    const verdict = judgeAudit(
      report({
        undici: { severity: 'high', range: '<7.5.0' },
        tslib: { severity: 'critical', range: '*' },
        zod: { severity: 'low', range: '*' },
      }),
    );
    expect(verdict.status).toBe('vulnerable');
    expect(verdict.findings).toEqual(['undici@<7.5.0 (high)', 'tslib@* (critical)']);
  });

  it('a registry without the advisory endpoint is "unavailable", never "clean"', () => {
    const error = JSON.stringify({ message: '405 Method Not Allowed', statusCode: 405 });
    expect(judgeAudit(error)).toMatchObject({ status: 'unavailable' });
    expect(judgeAudit('').status).toBe('unavailable');
  });
});

describe('audited packages', () => {
  it('are exactly the packages that are not private', () => {
    const root = fileURLToPath(new URL('../../packages/', import.meta.url));
    const published = readdirSync(root).filter((dir) => {
      const manifest = JSON.parse(readFileSync(`${root}${dir}/package.json`, 'utf8'));
      return manifest.private !== true;
    });
    expect([...PUBLISHED].sort()).toEqual(published.sort());
  });
});
