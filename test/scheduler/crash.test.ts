/**
 * Never twice, never lost: a worker process is killed with SIGKILL at random points while it
 * sends scheduled jobs (every provider request is held by the emulator for a random time, so a
 * kill usually lands with sends in flight, some already executed by the provider). After the
 * kills, one last worker recovers and finishes. Then, for every job: the emulator's outbox holds
 * its message exactly once, or the job says `unknown` (it holds it at most once); never two
 * copies, and no job is left pending or sending.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, sqliteStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dmMessage, sesMessage, uniqueTo, until } from './conformance.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const JOBS = 40;
const WORKER = fileURLToPath(new URL('./crash-worker.mjs', import.meta.url));

let emu: Emulator;
const dir = mkdtempSync(join(tmpdir(), 'mailbridge-crash-'));
const db = join(dir, 'jobs.sqlite');
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(): Promise<ChildProcess> {
  const config = {
    db,
    aliyunEndpoint: emu.aliyunEndpoint,
    tencentEndpoint: emu.tencentEndpoint,
    aliyun: emu.credentials.aliyun[0],
    tencent: emu.credentials.tencent[0],
  };
  const child = spawn(process.execPath, [WORKER, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

function holdSends(): void {
  emu.clearFaults();
  for (const [provider, action] of [
    ['aliyun-dm', 'SingleSendMail'],
    ['tencent-ses', 'SendEmail'],
  ] as const) {
    emu.inject({ provider, action, count: 1000, fault: { kind: 'delay', ms: random(50, 500) } });
  }
}

it(`kill -9 at random points of a send, ${KILLS} times: every job once or unknown`, {
  timeout: 300_000,
}, async () => {
  // Jobs due across the whole run, so each kill interrupts different sends.
  const setup = createScheduler({ store: sqliteStore(db) });
  const spacing = 700;
  const start = Date.now() + 500;
  const byJob = new Map<string, string>();
  for (let i = 0; i < JOBS; i++) {
    const dm = i % 2 === 0;
    const to = uniqueTo(dm ? 'crash-dm' : 'crash-ses');
    const job = await setup.schedule({
      provider: dm ? 'aliyun-dm' : 'tencent-ses',
      payload: { kind: 'send', message: normalizeMessage(dm ? dmMessage(to) : sesMessage(to)) },
      rule: { at: new Date(start + i * spacing) },
    });
    byJob.set(job.id, to);
  }
  await setup.close();

  for (let kill = 0; kill < KILLS; kill++) {
    holdSends();
    const worker = await startWorker();
    await new Promise((resolve) => setTimeout(resolve, random(100, 900)));
    await killed(worker);
  }

  // A last worker recovers what was in flight and sends what is still due.
  emu.clearFaults();
  const last = await startWorker();
  const reader = sqliteStore(db);
  try {
    const jobs = await until(
      () => {
        const all = reader.list();
        return all.every((job) => job.state !== 'pending' && job.state !== 'sending') && all;
      },
      120_000,
      'every job final',
    );
    check(jobs, byJob);
  } finally {
    reader.close();
    await killed(last);
  }
});

function check(jobs: Job[], byJob: Map<string, string>): void {
  expect(jobs).toHaveLength(JOBS); // never a job that vanished
  const tally = { sent: 0, unknown: 0, recovered: 0, unknownDelivered: 0 };
  for (const job of jobs) {
    const to = byJob.get(job.id) as string;
    const copies = emu.outbox.filter((entry) => entry.to === to).length;
    expect(copies, `job ${job.id} (${job.provider}, ${job.state})`).toBeLessThanOrEqual(1);
    expect(['sent', 'unknown']).toContain(job.state);
    if (job.state === 'sent') expect(copies, `sent job ${job.id} (${job.provider})`).toBe(1);
    tally[job.state as 'sent' | 'unknown'] += 1;
    if (job.state === 'unknown') tally.unknownDelivered += copies;
    if (job.runs.some((run) => run.recovered)) tally.recovered += 1;
  }
  // The kills must have landed inside sends, or this test proved nothing.
  expect(tally.recovered).toBeGreaterThan(0);
  console.log(`crash test: ${KILLS} kills, ${JSON.stringify(tally)}`);
}
