/**
 * Worker processes (test/fixtures/worker.ts) for the multi-process tests and the bench: spawn,
 * follow their event lines, kill them (SIGKILL: no cleanup) or stop them (SIGTERM: graceful).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WorkerConfig } from '../fixtures/worker.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/worker.ts', import.meta.url));

/** One event line of a worker. */
export interface WorkerEvent {
  readonly event: string;
  readonly pid: number;
  readonly [key: string]: unknown;
}

/** A running worker process. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly events: WorkerEvent[];
  /** Resolves with the first event (from now on) that matches. */
  next(match: (e: WorkerEvent) => boolean, timeoutMs?: number): Promise<WorkerEvent>;
  /** kill -9: the process gets no chance to record anything. */
  kill(): Promise<void>;
  /** SIGTERM: the worker finishes its sends in flight, then exits. */
  stop(): Promise<void>;
  readonly exited: Promise<number | null>;
}

/** Spawn a worker and wait for its `ready` line. */
export async function spawnWorker(config: WorkerConfig): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, MB_WORKER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: WorkerEvent[] = [];
  const waiters = new Set<(e: WorkerEvent) => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let event: WorkerEvent;
    try {
      event = JSON.parse(line) as WorkerEvent;
    } catch {
      return; // not one of ours
    }
    events.push(event);
    for (const waiter of [...waiters]) waiter(event);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const next = (match: (e: WorkerEvent) => boolean, timeoutMs = 30_000) =>
    new Promise<WorkerEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`worker ${child.pid}: no matching event within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (e: WorkerEvent) => {
        if (!match(e)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(e);
      };
      waiters.add(waiter);
    });
  const worker: WorkerProcess = {
    child,
    events,
    next,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    exited,
  };
  // Starting compiles the sources with tsx: slow when several start at once on busy cores.
  await next((e) => e.event === 'ready', 150_000);
  return worker;
}
