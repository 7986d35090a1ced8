/**
 * The emulator in its own process (the `mailbridge-emulator` bin), driven through its admin
 * API, so a load test measures the client alone and the emulator's memory stays out of it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FaultRule, OutboxEntry } from '@mailbridge/emulator';

/** What the bin prints on start. */
interface Started {
  readonly aliyunEndpoint: string;
  readonly tencentEndpoint: string;
  readonly credentials: {
    readonly aliyun: readonly { id: string; secret: string }[];
    readonly tencent: readonly { id: string; secret: string }[];
  };
}

/** A running emulator process. */
export interface EmulatorProcess {
  readonly url: string;
  readonly credentials: Started['credentials'];
  readonly pid: number;
  inject(rule: FaultRule): Promise<void>;
  outbox(): Promise<readonly OutboxEntry[]>;
  /** Fault rules not yet consumed. */
  pendingFaults(): Promise<number>;
  /** Resident set size of the emulator process, in bytes (Linux /proc; 0 elsewhere). */
  rss(): number;
  stop(): Promise<void>;
}

const STARTUP_MS = 15_000;

/** Start `mailbridge-emulator --port 0` and wait for its JSON line. */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@mailbridge/emulator/package.json'));
  const child = spawn(process.execPath, [join(root, 'dist/bin.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = await firstLine(child);
  const url = started.aliyunEndpoint;
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/__emulator/${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    url,
    credentials: started.credentials,
    pid: child.pid ?? 0,
    inject: async (rule) => void (await admin('POST', 'faults', rule)),
    outbox: async () => (await admin('GET', 'outbox'))['outbox'] as OutboxEntry[],
    pendingFaults: async () => ((await admin('GET', 'state'))['faults'] as unknown[]).length,
    rss: () => processRss(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function firstLine(child: ChildProcess): Promise<Started> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the emulator did not start within ${STARTUP_MS} ms`));
    }, STARTUP_MS);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      try {
        resolve(JSON.parse(line) as Started);
      } catch (error) {
        reject(error);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with code ${code} before starting`));
    });
  });
}

function processRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}
