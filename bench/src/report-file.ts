/** Writing a rendered send-bench report over a results file (run.ts and render.ts). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { schedulerSection, withSchedulerSection } from './scheduler-section.js';

/** Write `report` to `file`, keeping the scheduler section the file already holds. */
export function writeReport(file: string, report: string): void {
  const kept = existsSync(file) ? schedulerSection(readFileSync(file, 'utf8')) : undefined;
  writeFileSync(file, withSchedulerSection(report, kept));
}
