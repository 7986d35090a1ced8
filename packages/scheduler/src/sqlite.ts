/**
 * The durable store: one SQLite table through better-sqlite3 (an optional peer dependency,
 * loaded only here). Every call is one statement or one transaction, committed before it
 * returns, so a claim and its pin are in the database before the send starts and a `kill -9` at
 * any point leaves each job in the state it last reached. WAL journal with `synchronous = NORMAL`
 * by default: a commit survives a crash of the process (what the crash test kills); `FULL` adds
 * an fsync per commit so it also survives a power cut, at several times the cost per job
 * (bench/RESULTS.md, its scheduling-engines section).
 * One process per database file: jobs left in `sending` are recovered when a runner attaches.
 */
import { createRequire } from 'node:module';
import type { Job, JobState } from '@mailbridge/core';
import { MailError } from '@mailbridge/core';
import type BetterSqlite3 from 'better-sqlite3';
import { decodeJob, encodeJob } from './codec.js';
import type { JobStore } from './store.js';

/** Options of `sqliteStore`. */
export interface SqliteStoreOptions {
  /** `NORMAL` (default: durable across a crash of the process) or `FULL` (also across power loss). */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS mailbridge_jobs (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  state TEXT NOT NULL,
  due INTEGER,
  created INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mailbridge_jobs_due ON mailbridge_jobs (state, provider, due);
`;

function loadDriver(): typeof BetterSqlite3 {
  try {
    // A require, not an import: the peer stays optional and is read only by this store.
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new MailError(
      'sqliteStore needs the optional peer dependency better-sqlite3 (npm install better-sqlite3@12)',
      { code: 'unsupported', cause: error },
    );
  }
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/**
 * A durable store in an SQLite file (created if missing; `':memory:'` for a throwaway one). The
 * signature names no better-sqlite3 type, so a program that never opens a store type-checks
 * without the optional peer installed.
 *
 * @example
 * ```ts
 * import { createScheduler, sqliteStore } from '@mailbridge/scheduler';
 * const scheduler = createScheduler({ store: sqliteStore('./mail-jobs.sqlite') });
 * ```
 */
export function sqliteStore(file: string, options: SqliteStoreOptions = {}): JobStore {
  const db = new (loadDriver())(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.exec(SCHEMA);
  const row = (job: Job) => ({
    id: job.id,
    provider: job.provider,
    state: job.state,
    due: job.state === 'pending' && job.next ? job.next.due.getTime() : null,
    created: job.createdAt.getTime(),
    data: encodeJob(job),
  });
  const insert = db.prepare(
    `INSERT INTO mailbridge_jobs (id, provider, state, due, created, seq, data)
     VALUES (@id, @provider, @state, @due, @created,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM mailbridge_jobs), @data)`,
  );
  const get = db.prepare('SELECT data FROM mailbridge_jobs WHERE id = ?').pluck();
  const replace = db.prepare(
    `UPDATE mailbridge_jobs SET state = @state, due = @due, data = @data
     WHERE id = @id AND state = @expected`,
  );
  const decodeAll = (rows: unknown[]) => rows.map((data) => decodeJob(data as string));
  // Statements prepared once per SQL text (a few: one per filter or provider-list shape).
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string) => {
    let stmt = prepared.get(sql);
    if (stmt === undefined) {
      stmt = db.prepare(sql).pluck();
      prepared.set(sql, stmt);
    }
    return stmt;
  };
  return {
    name: 'sqlite',
    insert: (job) => void insert.run(row(job)),
    get(id) {
      const data = get.get(id) as string | undefined;
      return data === undefined ? undefined : decodeJob(data);
    },
    list(filter = {}) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.provider !== undefined) where.push('provider = ?') && args.push(filter.provider);
      if (filter.state !== undefined) where.push('state = ?') && args.push(filter.state);
      const sql = `SELECT data FROM mailbridge_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
      return decodeAll(statement(sql).all(...args));
    },
    replace: (job, expected: JobState) => replace.run({ ...row(job), expected }).changes === 1,
    due(providers, now, limit) {
      if (providers.length === 0) return [];
      const sql = `SELECT data FROM mailbridge_jobs WHERE state = 'pending' AND provider IN (${placeholders(providers)}) AND due <= ? ORDER BY due LIMIT ?`;
      return decodeAll(statement(sql).all(...providers, now, limit));
    },
    nextDue(providers) {
      if (providers.length === 0) return undefined;
      const sql = `SELECT MIN(due) FROM mailbridge_jobs WHERE state = 'pending' AND provider IN (${placeholders(providers)})`;
      const min = statement(sql).get(...providers) as number | null;
      return min ?? undefined;
    },
    inFlight(providers) {
      if (providers.length === 0) return [];
      const sql = `SELECT data FROM mailbridge_jobs WHERE state = 'sending' AND provider IN (${placeholders(providers)}) ORDER BY seq`;
      return decodeAll(statement(sql).all(...providers));
    },
    close() {
      if (db.open) db.close();
    },
  };
}
