/**
 * The resume point of `groups upload`: a small JSON file beside the input
 * (`FILE.mailbridge-upload.json` unless `--state` names another) holding how many rows the
 * provider acknowledged. It is rewritten (write, then rename) after every acknowledged chunk,
 * so a killed upload resumes after the last chunk the provider accepted, and removed when the
 * upload completes. It identifies the file by path, size and modification time, and the group,
 * so it is never applied to another upload.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './exit.js';

/** What the state file records. */
export interface UploadState {
  readonly provider: string;
  readonly group: string;
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Rows the provider acknowledged, counted from the top of the file. */
  readonly acknowledged: number;
}

/** The default state path for an input file. */
export function statePathOf(file: string, flag: string | undefined): string {
  return resolve(flag ?? `${file}.mailbridge-upload.json`);
}

/** The identity of this upload (everything but the count). */
export function uploadIdentity(
  provider: string,
  group: string,
  file: string,
): Omit<UploadState, 'acknowledged'> {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  // A directory stats fine but fails the first read (EISDIR, exit 1): refuse it here.
  if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
  return { provider, group, file: resolve(file), size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * Rows to skip: the saved count when the state file belongs to this upload, 0 otherwise. A
 * state file for another group or another version of the file is an error unless `restart`.
 */
export function resumePoint(
  path: string,
  identity: Omit<UploadState, 'acknowledged'>,
  restart: boolean,
): number {
  if (restart || !existsSync(path)) return 0;
  let saved: UploadState;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as UploadState;
  } catch {
    throw new UsageError(`${path} is not an upload state file; pass --restart to start over`);
  }
  const same = (Object.keys(identity) as (keyof typeof identity)[]).every(
    (k) => saved[k] === identity[k],
  );
  if (!same) {
    throw new UsageError(
      `${path} belongs to another upload (group or file changed); pass --restart to start over`,
    );
  }
  return saved.acknowledged;
}

/**
 * Refuse, before any request, a state path where `saveState` cannot write: the core ignores what
 * a progress callback throws, so the upload would go on without a resume point, and an
 * interrupted run would start over and store its rows again.
 */
export function checkStateWritable(path: string): void {
  const refuse = (why: string) =>
    new UsageError(`--state ${path}: ${why}; pass --state FILE in a folder you can write`);
  if (existsSync(path) && !statSync(path).isFile()) throw refuse('not a file');
  const temp = `${path}.tmp`;
  try {
    writeFileSync(temp, '');
    rmSync(temp, { force: true });
  } catch {
    throw refuse('cannot write the resume state there');
  }
}

/** Record a new acknowledged count atomically. */
export function saveState(path: string, state: UploadState): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`);
  renameSync(temp, path);
}

/** The upload completed: forget the resume point. */
export function clearState(path: string): void {
  rmSync(path, { force: true });
}
