/**
 * `mailbridge groups upload` with a 50,000-row CSV against the emulator: progress with rate
 * and ETA on stderr, the process killed half way (SIGKILL, no chance to clean up), and a
 * second run that resumes after the last chunk Tencent SES acknowledged, ending with every row
 * stored exactly once.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, run, start, tencentEmulator, until } from './run.js';

const ROWS = 50_000;
const KEY = { id: 'AKIDuploadtest', secret: 'upload-secret-0123456789abcdef' };
let emu: Emulator;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  ({ emu, env } = await tencentEmulator(KEY));
  dir = mkdtempSync(join(tmpdir(), 'mb-upload-'));
});
afterAll(async () => {
  await emu?.close();
});

interface TcGroupSnapshot {
  id: number;
  count: number;
  recipients: { email: string }[];
}

function storedRows(id: string): { email: string }[] {
  const groups = (emu.state()['tencent-ses'] as { groups: TcGroupSnapshot[] }).groups;
  return groups.find((g) => String(g.id) === id)?.recipients ?? [];
}

describe('mailbridge groups upload', () => {
  it('uploads 50,000 CSV rows with progress, resumes after a kill, stores each row once', async () => {
    const file = join(dir, 'customers.csv');
    const lines = ['address,name,city'];
    for (let i = 1; i <= ROWS; i++) lines.push(`user${i}@example.com,User ${i},City ${i % 7}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const state = `${file}.mailbridge-upload.json`;
    const created = json(await run(['--json', 'groups', 'create', 'big'], env));
    const id = String((created.group as { id: string }).id);

    // The first chunk goes through; the second hangs (a 2-minute delay), so the kill lands
    // with exactly one chunk acknowledged. The delayed request never executes: it is still
    // waiting when the emulator closes.
    let chunks = 0;
    const off = emu.onRequest((record) => {
      if (record.action?.startsWith('CreateReceiverDetail') && ++chunks === 1) {
        emu.inject({
          provider: 'tencent-ses',
          action: record.action,
          fault: { kind: 'delay', ms: 120_000 },
        });
      }
    });
    const first = start(['groups', 'upload', id, file], env);
    await until(() => existsSync(state), 60_000, 'the first acknowledged chunk');
    const saved = JSON.parse(readFileSync(state, 'utf8')) as {
      acknowledged: number;
      group: string;
    };
    expect(saved.group).toBe(id);
    expect(saved.acknowledged).toBeGreaterThan(0);
    expect(saved.acknowledged).toBeLessThan(ROWS);
    await until(
      () => first.output().stderr.includes(`| ${saved.acknowledged} rows |`),
      10_000,
      'progress',
    );
    first.child.kill('SIGKILL');
    const killed = await first.done;
    off();
    expect(killed.code).toBeNull(); // killed, not finished
    expect(killed.stderr).toMatch(/rows\/s/);
    expect(killed.stderr).toMatch(/ETA/);
    expect(storedRows(id)).toHaveLength(saved.acknowledged);
    emu.clearFaults();

    const resumed = await run(['groups', 'upload', id, file], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resuming after row ${saved.acknowledged}`);
    expect(resumed.stdout).toContain(`uploaded ${ROWS - saved.acknowledged} rows`);
    expect(resumed.stderr).toContain(`100% | ${ROWS} rows |`);
    const rows = storedRows(id);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r.email)).size).toBe(ROWS);
    expect(existsSync(state)).toBe(false); // a completed upload forgets its resume point
  });

  it('refuses a state file from another upload, and --restart ignores it', async () => {
    const file = join(dir, 'two.csv');
    writeFileSync(file, 'email\nx1@example.com\nx2@example.com\n');
    const state = join(dir, 'custom-state.json');
    writeFileSync(
      state,
      JSON.stringify({
        provider: 'tencent-ses',
        group: 'other',
        file,
        size: 1,
        mtimeMs: 1,
        acknowledged: 1,
      }),
    );
    const refused = await run(['--json', 'groups', 'upload', '1', file, '--state', state], env);
    expect(refused.code).toBe(2);
    expect(json(refused)).toMatchObject({
      error: { message: expect.stringContaining('--restart') },
    });
    const created = json(await run(['--json', 'groups', 'create', 'two'], env));
    const id = String((created.group as { id: string }).id);
    const ok = await run(
      ['--json', 'groups', 'upload', id, file, '--state', state, '--restart'],
      env,
    );
    expect(ok.code).toBe(0);
    expect(json(ok)).toMatchObject({ rows: 2, resumedFrom: 0 });
    expect(storedRows(id).map((r) => r.email)).toEqual(['x1@example.com', 'x2@example.com']);
  });

  it('a bad row after a stored chunk exits 4 (may have been stored), not 2 (nothing sent)', async () => {
    const file = join(dir, 'bad-row.csv');
    const lines = ['address'];
    for (let i = 1; i <= 20_001; i++) lines.push(`ok${i}@example.com`);
    lines.push('not an address');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const created = json(await run(['--json', 'groups', 'create', 'bad-row'], env));
    const id = String((created.group as { id: string }).id);
    const failed = await run(['--json', 'groups', 'upload', id, file, '--no-progress'], env);
    // The first 20,000 rows are in the group: uploading the file again would store them twice.
    expect(storedRows(id)).toHaveLength(20_000);
    expect(json(failed)).toMatchObject({ error: { code: 'invalid_input', delivery: 'unknown' } });
    expect(failed.code).toBe(4);
    // The row of the file (the header aside), not its place in the stream: the same on resume.
    const message = (json(failed).error as { message: string }).message;
    expect(message).toContain(`row 20002: ${file}: address: invalid email address`);
    const resumed = await run(['--json', 'groups', 'upload', id, file, '--no-progress'], env);
    expect(resumed.code).toBe(2);
    const again = (json(resumed).error as { message: string }).message;
    expect(again).toContain(`row 20002: ${file}: address: invalid email address`);
  });

  it('refuses a directory given as FILE with exit 2, naming it, before any request', async () => {
    const before = emu.requestCount();
    const ran = await run(['--json', 'groups', 'upload', '1', dir, '--no-progress'], env);
    expect(ran.code).toBe(2);
    expect(json(ran)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(dir) },
    });
    expect(emu.requestCount()).toBe(before);
  });

  it.each([
    ['a CSV header alone', 'header-only.csv', 'address,name\n'],
    ['a CSV header and blank lines', 'header-blank.csv', 'email\n\n\n'],
    ['an empty CSV file', 'empty.csv', ''],
    ['an empty JSON-lines file', 'empty.jsonl', '\n'],
  ])(
    'refuses %s with exit 2 ("no rows", naming the file), before any request',
    async (_what, name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      const before = emu.requestCount();
      const ran = await run(['--json', 'groups', 'upload', '1', file, '--no-progress'], env);
      expect(ran.code).toBe(2);
      const out = json(ran) as { error: { code: string; message: string } };
      expect(out.error.code).toBe('invalid_input');
      expect(out.error.message).toContain(file);
      expect(out.error.message).toContain('no rows');
      expect(emu.requestCount()).toBe(before);
      expect(existsSync(`${file}.mailbridge-upload.json`)).toBe(false);
    },
  );

  it.each([
    ['in a folder that does not exist', (d: string) => join(d, 'missing', 'state.json')],
    ['that is a directory', (d: string) => d],
  ])('refuses a --state path %s with exit 2, before any request', async (_what, stateOf) => {
    // Unsaved, the upload could not resume: an interrupted run would store its rows twice.
    const file = join(dir, 'state-path.csv');
    writeFileSync(file, 'address\ns1@example.com\n');
    const state = stateOf(dir);
    const before = emu.requestCount();
    const args = ['--json', 'groups', 'upload', '1', file, '--state', state, '--restart'];
    const ran = await run(args, env);
    expect(ran.code).toBe(2);
    expect(json(ran)).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining(`--state ${state}`) },
    });
    expect(emu.requestCount()).toBe(before);
  });

  it('refuses a provider URL that is no URL with exit 2, as send does', async () => {
    const file = join(dir, 'url.csv');
    writeFileSync(file, 'address\nu@example.com\n');
    const ran = await run(['--json', '--url', 'garbage', 'groups', 'upload', '1', file], env);
    expect(ran.code).toBe(2);
    expect(json(ran)).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('not a URL') },
    });
  });
});
