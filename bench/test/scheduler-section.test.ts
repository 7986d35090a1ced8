/**
 * Re-running the send bench must not drop the scheduler section of bench/RESULTS.md (written by
 * bench/scheduler/run.ts, which the root README points readers to), and re-running the
 * scheduler bench must replace only that section.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeReport } from '../src/report-file.js';
import {
  SCHEDULER_END,
  SCHEDULER_START,
  schedulerSection,
  withSchedulerSection,
} from '../src/scheduler-section.js';

const section = `${SCHEDULER_START}\n## Scheduling engines\n\n| a | b |\n${SCHEDULER_END}`;

it('writing a new send report keeps the scheduler section the file already had', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  try {
    const file = join(dir, 'RESULTS.md');
    writeFileSync(file, `# old report\n\nold rows\n\n${section}\n`);
    writeReport(file, '# new report\n\nnew rows\n');
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith('# new report\n\nnew rows\n')).toBe(true);
    expect(written).not.toContain('old rows');
    expect(schedulerSection(written)).toBe(section);
    // A file without the section, or no file yet, gets the report alone.
    writeReport(join(dir, 'fresh.md'), '# report\n');
    expect(readFileSync(join(dir, 'fresh.md'), 'utf8')).toBe('# report\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('a new scheduler section replaces only the old one', () => {
  const text = `# report\n\nrows\n\n${section}\n\nafter\n`;
  const next = `${SCHEDULER_START}\nnew $& figures\n${SCHEDULER_END}`;
  expect(withSchedulerSection(text, next)).toBe(`# report\n\nrows\n\n${next}\n\nafter\n`);
  expect(withSchedulerSection('# report\n', next)).toBe(`# report\n\n${next}\n`);
  expect(withSchedulerSection(text, undefined)).toBe(text);
});
