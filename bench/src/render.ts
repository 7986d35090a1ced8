/**
 * Re-render a report from a saved run without measuring again (e.g. after editing the analysis
 * in causes.ts): `node dist/render.js results/full.json RESULTS.md`.
 */
import { readFileSync } from 'node:fs';
import { renderReport } from './report.js';
import { writeReport } from './report-file.js';
import type { RunResults } from './results.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: render.js <results.json> <report.md>');
const saved = JSON.parse(readFileSync(input, 'utf8')) as RunResults;
// Runs saved by an earlier version of the runner may lack the newer sections.
const results: RunResults = {
  ...saved,
  whatIf: saved.whatIf ?? [],
  micro: saved.micro ?? [],
  meta: {
    ...saved.meta,
    tree: saved.meta.tree ?? 'unknown',
    repsCompleted: saved.meta.repsCompleted ?? saved.meta.reps,
    note: saved.meta.note ?? '',
  },
};
writeReport(output, renderReport(results, true));
