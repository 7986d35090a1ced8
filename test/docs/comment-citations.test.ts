/**
 * Comments cite public URLs or files in this repository, not documents it does not have: the
 * provider facts the code relies on live in docs/providers/. Every tracked source and test file
 * under packages/, test/ and bench/ is read line by line; a line fails, named file:line, if it
 * cites a seed manual (`S003`, `seed 001`), DESIGN.md, STYLE.md or a "habit", a `§` that is not
 * an RFC/ISO section or a numbered section of a docs/providers/ file, a `.md` file the repository
 * does not have (a docs/providers/ file must be named by its full path), or a
 * `docs/providers/X.md "Heading"` whose heading X does not have. URLs are left out of every check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url));
const PROVIDERS = 'docs/providers';

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f !== '');
const sources = tracked.filter(
  (f) =>
    /^(packages|test|bench)\//.test(f) &&
    /\.(ts|js|mjs|sh)$/.test(f) &&
    !/(^|\/)(dist|node_modules)\//.test(f) &&
    f !== SELF,
);

/** Per docs/providers/ file: its headings (without the #s) and its numbered sections (`## 2. …`). */
const docs = new Map<string, { headings: Set<string>; sections: Set<string> }>();
for (const name of readdirSync(join(ROOT, PROVIDERS)).filter((f) => f.endsWith('.md'))) {
  const headings = new Set<string>();
  const sections = new Set<string>();
  for (const m of readFileSync(join(ROOT, PROVIDERS, name), 'utf8').matchAll(/^#+ +(.+?)\s*$/gm)) {
    const text = m[1] ?? '';
    headings.add(text);
    const n = /^(\d+(?:\.\d+)*)\.? /.exec(text)?.[1];
    if (n !== undefined) sections.add(n);
  }
  docs.set(name, { headings, sections });
}

const URL_RE = /\b(?:https?|file):\/\/[^\s'"`)>\]]*/g;
const SEED_RE = /\bS00\d\b|\bseeds? 00\d\b/i;
const OUTSIDE_RE = /\b(?:DESIGN|STYLE)\.md\b|\bhabit \d+\b/;
/** The last thing a `§` can belong to: an RFC/ISO standard, or a docs/providers/ file. */
const ANCHOR_RE = /\b(?:RFC|ISO(?:\/IEC)?)[ -]?\d+|docs\/providers\/([\w-]+\.md)/g;
const MD_RE = /(?<![\w./-])((?:\.{1,2}\/|[\w.-]+\/)*[\w.-]+\.md)\b/g;
const HEADING_RE = /docs\/providers\/([\w-]+\.md)\s*,?\s*((?:"[^"]+"(?:,\s*)?)+)/g;

function sectionProblem(line: string, previous: string): string | undefined {
  for (const m of line.matchAll(/§\s*(\d+(?:\.\d+)*)?/g)) {
    const anchors = [...line.slice(0, m.index).matchAll(ANCHOR_RE)];
    const anchor = anchors[anchors.length - 1];
    if (anchor === undefined) {
      // `RFC 5322` at the end of one comment line, `§3.4` at the start of the next.
      if (m.index === line.search(/\S/) + (line.trimStart().startsWith('*') ? 2 : 0)) {
        if (/\b(?:RFC|ISO)[ -]?\d+\s*$/.test(previous)) continue;
      }
      return `a § that is neither an RFC/ISO section nor a numbered section of a ${PROVIDERS}/ file`;
    }
    const file = anchor[1];
    if (file === undefined) continue;
    const number = m[1];
    if (number === undefined || docs.get(file)?.sections.has(number) !== true) {
      return `${PROVIDERS}/${file} has no numbered section §${number ?? ''}`;
    }
  }
  return undefined;
}

/**
 * A path names a file of the repository, from the root (or, written `./`/`../`, from the file
 * that names it); a bare name of a docs/providers/ file must be written with its path. Other bare
 * names (`README.md`, a report's `--out file.md`) cannot be resolved and are left alone, as are
 * the benchmark's own outputs under bench/results/, which is ignored by git.
 */
function mdProblem(path: string, file: string): string | undefined {
  if (!path.includes('/')) {
    return docs.has(path) ? `a bare ${path}: write ${PROVIDERS}/${path}` : undefined;
  }
  if (file.startsWith('bench/') && /^(bench\/)?results\//.test(path)) return undefined;
  const target = path.startsWith('.') ? resolve(ROOT, dirname(file), path) : resolve(ROOT, path);
  return target.startsWith(ROOT) && existsSync(target)
    ? undefined
    : `${path} is not a file of the repository`;
}

function headingProblems(line: string): string[] {
  const problems: string[] = [];
  for (const m of line.matchAll(HEADING_RE)) {
    const file = m[1] ?? '';
    for (const q of (m[2] ?? '').matchAll(/"([^"]+)"/g)) {
      const heading = q[1] ?? '';
      if (docs.get(file)?.headings.has(heading) !== true) {
        problems.push(`${PROVIDERS}/${file} has no heading "${heading}"`);
      }
    }
  }
  return problems;
}

function problemsOf(file: string): string[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const found: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(URL_RE, ' ');
    const problems: string[] = [];
    if (SEED_RE.test(line)) problems.push('cites a seed manual, which is not in the repository');
    if (OUTSIDE_RE.test(line))
      problems.push('cites DESIGN.md/STYLE.md, which are not in the repository');
    const section = sectionProblem(line, (lines[i - 1] ?? '').replace(URL_RE, ' '));
    if (section !== undefined) problems.push(section);
    for (const m of line.matchAll(MD_RE)) {
      const problem = mdProblem(m[1] ?? '', file);
      if (problem !== undefined) problems.push(problem);
    }
    problems.push(...headingProblems(line));
    for (const p of problems) found.push(`${file}:${i + 1}: ${p}\n    ${raw.trim()}`);
  });
  return found;
}

describe('comment citations', () => {
  it('reads the tracked sources under packages/, test/ and bench/', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(docs.size).toBeGreaterThan(3);
  });

  it('cite public URLs or files in the repository, with headings that exist', () => {
    const offending = sources.flatMap(problemsOf);
    expect(offending, `${offending.length} lines:\n${offending.join('\n')}`).toEqual([]);
  });
});
