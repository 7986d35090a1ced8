/**
 * The scheduler section of bench/RESULTS.md has its own command (bench/scheduler/run.ts, which
 * needs Redis) and lives between two markers. Either command rewrites only its own part: the
 * send bench keeps the section a previous scheduler run wrote, and the scheduler bench replaces
 * only what is between the markers.
 */

export const SCHEDULER_START = '<!-- scheduler bench: written by bench/scheduler/run.ts -->';
export const SCHEDULER_END = '<!-- end of scheduler bench -->';

/** The scheduler section of a results file, markers included, if it has one. */
export function schedulerSection(text: string): string | undefined {
  const from = text.indexOf(SCHEDULER_START);
  const to = text.indexOf(SCHEDULER_END, from);
  return from >= 0 && to > from ? text.slice(from, to + SCHEDULER_END.length) : undefined;
}

/** `text` with its scheduler section replaced by `section`, or with `section` appended. */
export function withSchedulerSection(text: string, section: string | undefined): string {
  if (section === undefined) return text;
  const current = schedulerSection(text);
  return current === undefined
    ? `${text.trimEnd()}\n\n${section}\n`
    : text.replace(current, () => section);
}
