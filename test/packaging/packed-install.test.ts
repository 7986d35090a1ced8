/**
 * What a user of one provider installs: core and that adapter, packed and installed from their
 * tarballs into an empty project, as `npm install @mailbridge/core @mailbridge/<adapter>` would.
 * Core bundles the part of zod it uses (`zod/mini`) and the adapters use core's copy, so no zod
 * is installed, for core alone or with an adapter; from there both entries load as
 * ESM and CJS, send through the emulator and the testing provider, refuse bad input in our own
 * words, and type-check under `--strict --skipLibCheck false`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  assertOk,
  installConsumer,
  type Manifest,
  pack,
  publishablePackages,
  REPO_ROOT,
  type RunResult,
  readManifest,
  run,
} from './helpers.js';
import { tsconfig } from './probes.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

const FIXTURES = join(REPO_ROOT, 'test', 'packaging', 'fixtures');
const TSC = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
const CJS_FLOOR = ['--no-experimental-require-module'];
const ADAPTERS = ['aliyun-dm', 'tencent-ses'] as const;
type Adapter = (typeof ADAPTERS)[number];

const byName = new Map(publishablePackages().map((pkg) => [pkg.manifest.name, pkg]));
const pkgOf = (name: string) => {
  const pkg = byName.get(name);
  if (pkg === undefined) throw new Error(`${name} is not a publishable package`);
  return pkg;
};

let work = '';
let emu: Emulator | undefined;
const projects = new Map<'core' | Adapter, string>();
const typeChecks = new Map<'core' | Adapter, Promise<RunResult>>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mailbridge-packed-install-'));
  const dest = join(work, 'tarballs');
  await mkdir(dest);
  const [core, ...adapters] = await Promise.all(
    ['@mailbridge/core', ...ADAPTERS.map((a) => `@mailbridge/${a}`)].map((name) =>
      pack(pkgOf(name), dest),
    ),
  );
  const installs: ['core' | Adapter, string[]][] = [
    ['core', [core as string]],
    ...ADAPTERS.map((a, i): [Adapter, string[]] => [a, [core as string, adapters[i] as string]]),
  ];
  await Promise.all(
    installs.map(async ([key, tarballs]) => {
      const dir = join(work, key);
      await installConsumer(dir, tarballs);
      projects.set(key, dir);
    }),
  );
  emu = await startEmulator();
  // The three type-checks (the slowest steps) run at once, while the other tests go on.
  const userApi = await readFile(join(FIXTURES, 'packed-user.ts'), 'utf8');
  typeChecks.set('core', typeCheck('core', 'user.mts', userApi));
  for (const adapter of ADAPTERS)
    typeChecks.set(adapter, typeCheck(adapter, 'program.mts', adapterProgram(adapter)));
}, 240_000);

afterAll(async () => {
  await Promise.all(typeChecks.values());
  await emu?.close();
  if (work !== '') await rm(work, { recursive: true, force: true });
});

const project = (key: 'core' | Adapter) => projects.get(key) as string;
const installed = (key: 'core' | Adapter, name: string) =>
  existsSync(join(project(key), 'node_modules', name, 'package.json'));

async function typeCheck(key: 'core' | Adapter, file: string, source: string): Promise<RunResult> {
  const dir = join(project(key), 'types');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, file), source);
  await writeFile(
    join(dir, 'tsconfig.json'),
    tsconfig(REPO_ROOT, 'nodenext', 'nodenext', [file], false),
  );
  return run(TSC, ['-p', 'tsconfig.json'], { cwd: dir, timeoutMs: 150_000 });
}

/** A program using one adapter, for `tsc`; the ts-expect-error proves its config is typed. */
function adapterProgram(adapter: Adapter): string {
  const factory = adapter === 'aliyun-dm' ? 'aliyunDm' : 'tencentSes';
  const region = adapter === 'aliyun-dm' ? 'cn-hangzhou' : 'ap-guangzhou';
  return [
    `import { createMailer, isMailError, type Mailer } from '@mailbridge/core';`,
    `import { ${factory} } from '@mailbridge/${adapter}';`,
    `export const mailer: Mailer = createMailer(${factory}({ region: '${region}' }));`,
    `export const send = () => mailer.send({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', html: 'x' })`,
    `  .catch((error: unknown) => (isMailError(error) ? error.code : 'other'));`,
    `// @ts-expect-error: not a config key`,
    `${factory}({ region: '${region}', retrys: 1 });`,
    '',
  ].join('\n');
}

describe('core alone, installed from its tarball', () => {
  it('brings no zod: its manifest has zod only as an optional peer, and npm installed none', () => {
    const manifest: Manifest & { peerDependenciesMeta?: Record<string, { optional?: boolean }> } =
      readManifest(join(project('core'), 'node_modules', '@mailbridge', 'core', 'package.json'));
    expect(manifest.dependencies?.['zod']).toBeUndefined();
    expect(manifest.peerDependenciesMeta?.['zod']?.optional).toBe(true);
    expect(installed('core', 'zod')).toBe(false);
  });

  it('type-checks the user API with --strict and --skipLibCheck false, zod absent', async () => {
    assertOk('tsc (core)', (await typeChecks.get('core')) as RunResult);
  });
});

describe.each(ADAPTERS)('core + %s, installed from their tarballs', (adapter) => {
  it('installs no zod: the adapter uses the copy bundled in core', () => {
    const manifest = readManifest(
      join(project(adapter), 'node_modules', '@mailbridge', adapter, 'package.json'),
    );
    expect(manifest.dependencies?.['zod']).toBeUndefined();
    expect(installed(adapter, 'zod')).toBe(false);
  });

  it.each(['esm', 'cjs'] as const)(
    'loads, sends and refuses bad input in our words (%s)',
    async (format) => {
      const dir = project(adapter);
      await copyFile(join(FIXTURES, 'packed-sample.mjs'), join(dir, 'packed-sample.mjs'));
      const e = emu as Emulator;
      const key = (adapter === 'aliyun-dm' ? e.credentials.aliyun : e.credentials.tencent)[0];
      const endpoint = adapter === 'aliyun-dm' ? e.aliyunEndpoint : e.tencentEndpoint;
      const result = assertOk(
        `packed-sample ${format} ${adapter}`,
        await run(
          process.execPath,
          [...(format === 'cjs' ? CJS_FLOOR : []), 'packed-sample.mjs', format, adapter],
          {
            cwd: dir,
            timeoutMs: 30_000,
            env: {
              ...process.env,
              MB_ENDPOINT: endpoint,
              MB_KEY_ID: key?.id,
              MB_KEY_SECRET: key?.secret,
            },
          },
        ),
      );
      const line = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(line).toMatchObject({ format, adapter, sent: 'string', testing: 'string', outbox: 1 });
      expect(line['kit']).toEqual([
        'extra: unknown field "extra"',
        'pool: expected one of "a", "b"',
      ]);
      expect(line['badMessage']).toEqual({
        code: 'invalid_input',
        issues: [
          'to: expected an email address: "a@b.com", "Name <a@b.com>" or { address, name }',
          'subject: is required',
          ': a body is required: html, text or template',
        ],
      });
      const badConfig = line['badConfig'] as { code: string; issues: string[] };
      expect(badConfig.code).toBe('invalid_input');
      expect(badConfig.issues).toEqual(expect.arrayContaining(["retrys: unknown key 'retrys'"]));
      expect(badConfig.issues.some((issue) => issue.startsWith('timeoutMs: '))).toBe(true);
    },
  );

  it('type-checks a program using it with --strict and --skipLibCheck false', async () => {
    const result = await typeChecks.get(adapter);
    assertOk(`tsc (${adapter})`, result as RunResult);
  });
});
