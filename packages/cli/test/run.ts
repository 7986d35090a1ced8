/**
 * Run the BUILT `mailbridge` bin (dist/cli.js) as a subprocess, as a user's shell would, with
 * an environment holding only what the test passes (no MAIL_URL or keys from the outer shell).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Emulator, startEmulator } from '@mailbridge/emulator';

export const BIN = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** What a finished run printed and returned. */
export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A started run: the child, its output so far, and its end. */
export interface Running {
  readonly child: ChildProcess;
  output(): { stdout: string; stderr: string };
  readonly done: Promise<Ran>;
}

/** The emulator package's own bin, `mailbridge-emulator` (dist/bin.js next to its entry). */
export const EMULATOR_BIN = fileURLToPath(
  new URL(
    './bin.js',
    pathToFileURL(createRequire(import.meta.url).resolve('@mailbridge/emulator')),
  ),
);

/** Start `mailbridge ...args` with `env` (plus PATH). */
export function start(args: readonly string[], env: Record<string, string> = {}): Running {
  return spawnScript(BIN, args, env);
}

/** Start `mailbridge-emulator ...args` with `env` (plus PATH), to compare with `mailbridge emulator`. */
export function spawnBin(args: readonly string[], env: Record<string, string> = {}): Running {
  return spawnScript(EMULATOR_BIN, args, env);
}

function spawnScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Running {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const done = new Promise<Ran>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, output: () => ({ stdout, stderr }), done };
}

/** Run to the end (killed after `timeoutMs`). */
export async function run(
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Ran> {
  const running = start(args, env);
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs);
  try {
    return await running.done;
  } finally {
    clearTimeout(timer);
  }
}

/** The single JSON document a `--json` run printed. */
export function json(ran: Ran): Record<string, unknown> {
  const lines = ran.stdout.trim().split('\n');
  if (lines.length !== 1)
    throw new Error(`expected one JSON line, got:\n${ran.stdout}\n${ran.stderr}`);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

/** Poll `check` every 50 ms until it returns true (or fail after `ms`). */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An emulator holding one Tencent SES key, and the environment that points the CLI at it. */
export async function tencentEmulator(key: {
  readonly id: string;
  readonly secret: string;
}): Promise<{ emu: Emulator; env: Record<string, string> }> {
  const emu = await startEmulator({ tencentKeys: [key] });
  const env = {
    MAIL_URL: `tencent-ses://ap-guangzhou?endpoint=${emu.url}`,
    TENCENTCLOUD_SECRET_ID: key.id,
    TENCENTCLOUD_SECRET_KEY: key.secret,
  };
  return { emu, env };
}
