/**
 * What a user installs, checked the way a user meets it: every publishable package is
 * `pnpm pack`ed (workspace ranges become real versions), the tarballs are installed together
 * into a temporary npm project, and from there each package is imported as ESM and required as
 * CJS, sends through the emulator, type-checks under `node16` and `bundler`, and passes publint
 * and arethetypeswrong. Builds come from turbo (`pnpm test` builds first).
 */
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  assertOk,
  describeRun,
  entryPoints,
  installConsumer,
  type Manifest,
  pack,
  publishablePackages,
  REPO_ROOT,
  type RunResult,
  readManifest,
  referencedFiles,
  run,
  specifier,
} from './helpers.js';
import {
  bareImports,
  binsOf,
  exportsScript,
  firstLine,
  packageOf,
  shippedFiles,
  tsconfig,
} from './probes.js';

// Every step is a child process (pack, npm, tsc, attw) on a machine that may be busy: generous
// bounds here, and each child process has its own kill timeout besides.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const PACKAGES = publishablePackages();
const NAMES = PACKAGES.map((pkg) => pkg.manifest.name);
const FIXTURES = join(REPO_ROOT, 'test', 'packaging', 'fixtures');
const TSC = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
const ATTW = join(REPO_ROOT, 'test', 'node_modules', '.bin', 'attw');

/** Direct dependencies a published package must never have: the official SDKs. */
const OFFICIAL_SDK = [
  /^tencentcloud-sdk-/,
  /^@tencentcloud\//,
  /^@alicloud\//,
  /^@alibabacloud\//,
  /^alibabacloud-/,
  /^@aliyun/,
  /^aliyun-/,
  /^@aws-sdk\/client-/,
];

/** The exports a user reaches for first, per entry point; each must be a function. */
const KEY_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  '@mailbridge/core': ['createMailer', 'isMailError', 'MailError', 'fromConfig'],
  '@mailbridge/core/provider': ['defineProvider', 'checkEndpoint', 'endpointOrigin'],
  '@mailbridge/core/schema': ['parseConfig', 'optionsParser', 'schemaIssues'],
  '@mailbridge/core/testing': ['createTestingProvider'],
  '@mailbridge/aliyun-dm': ['aliyunDm', 'createAliyunDmClient'],
  '@mailbridge/tencent-ses': ['tencentSes', 'createTencentSesClient'],
  '@mailbridge/tencent-ses/portable': ['Sha256Js'],
  '@mailbridge/emulator': ['startEmulator'],
  '@mailbridge/cli': ['createProgram'],
};

/** The range tencent-ses asks of the optional peer behind `@mailbridge/tencent-ses/portable`. */
const PORTABLE_RANGE = '^5.2.0';

/** The package.json inside a tarball, as npm and pnpm read it at install time. */
async function tarballManifest(name: string): Promise<Manifest> {
  const result = assertOk(
    `tar ${name}`,
    await run('tar', ['-xzOf', tarballs.get(name) as string, 'package/package.json'], {
      cwd: work,
      timeoutMs: 30_000,
    }),
  );
  return JSON.parse(result.stdout) as Manifest;
}

let work = '';
let consumer = '';
const tarballs = new Map<string, string>();
let attw: Promise<Map<string, RunResult>> | undefined;
const timings: Record<string, number> = {};

async function timed<T>(label: string, task: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await task();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

/** attw on each tarball, two at a time (it is CPU-bound), offline (no DefinitelyTyped look-up). */
async function runAttw(): Promise<Map<string, RunResult>> {
  const results = new Map<string, RunResult>();
  const queue = [...tarballs];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [name, tarball] = next;
      const args = [tarball, '--format', 'json', '--profile', 'strict', '--no-definitely-typed'];
      results.set(name, await run(ATTW, args, { cwd: work, timeoutMs: 90_000 }));
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

beforeAll(async () => {
  const started = performance.now();
  work = await mkdtemp(join(tmpdir(), 'mailbridge-packaging-'));
  consumer = join(work, 'consumer');
  const dest = join(work, 'tarballs');
  await mkdir(dest);
  const packed = await timed('pack', () => Promise.all(PACKAGES.map((pkg) => pack(pkg, dest))));
  PACKAGES.forEach((pkg, i) => {
    tarballs.set(pkg.manifest.name, packed[i] as string);
  });
  // attw reads only the tarballs: it runs while npm installs. It never rejects (see `run`).
  attw = timed('attw', runAttw);
  // The portable SHA-256 is an optional peer: installed here as a user of `/portable` would.
  await timed('npm install', () =>
    installConsumer(consumer, [...packed, `@aws-crypto/sha256-js@${PORTABLE_RANGE}`]),
  );
  timings['setup'] = Math.round(performance.now() - started);
}, 240_000);

afterAll(async () => {
  await attw;
  if (work !== '') await rm(work, { recursive: true, force: true });
  console.info(`packaging timings (ms): ${JSON.stringify(timings)}`);
}, 120_000);

const installedDir = (name: string) => join(consumer, 'node_modules', name);
const installedManifest = (name: string) => readManifest(join(installedDir(name), 'package.json'));

describe.each(NAMES)('%s as published', (name) => {
  it('ships only dist/, its bin launcher, the emulator inbox ui/, README.md, LICENSE and package.json, and every file its manifest names', async () => {
    const files = await shippedFiles(installedDir(name));
    const stray = files.filter(
      (file) =>
        !/^(package\.json|README\.md|LICENSE(\.md)?|bin\/[a-z-]+\.js|dist\/.+\.(c?js|d\.c?ts|map)|ui\/[a-z-]+\.(html|css|js))$/.test(
          file,
        ),
    );
    expect(stray).toEqual([]);
    expect(files).toContain('README.md');
    const missing = referencedFiles(installedManifest(name)).filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
  });

  it('has real dependency ranges, no official SDK, sideEffects false and engines node >=20.18.1', () => {
    const manifest = installedManifest(name);
    const deps = {
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    };
    expect(Object.entries(deps).filter(([, range]) => range.startsWith('workspace:'))).toEqual([]);
    expect(Object.keys(deps).filter((dep) => OFFICIAL_SDK.some((re) => re.test(dep)))).toEqual([]);
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.engines?.['node']).toBe('>=20.18.1');
    expect(manifest.type).toBe('module');
  });

  it("the tarball's package.json has no workspace range, and an adapter peer-depends on core", async () => {
    const manifest = await tarballManifest(name);
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    // core itself, the emulator (it imports nothing of the library) and the CLI (an application,
    // installed on its own, that brings the core it was built with) take no peer.
    if (['@mailbridge/core', '@mailbridge/emulator', '@mailbridge/cli'].includes(name)) return;
    // One copy of core in an application: the adapters and schedulers take the user's, as
    // Upyo's adapters do.
    expect(manifest.dependencies?.['@mailbridge/core']).toBeUndefined();
    expect(manifest.peerDependencies?.['@mailbridge/core']).toBe(
      `^${installedManifest('@mailbridge/core').version}`,
    );
  });

  it.runIf(name === '@mailbridge/tencent-ses')(
    'the portable SHA-256 is an optional peer, so only users of /portable install it',
    async () => {
      const manifest = (await tarballManifest(name)) as Manifest & {
        peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      };
      expect(manifest.dependencies?.['@aws-crypto/sha256-js']).toBeUndefined();
      expect(manifest.peerDependencies?.['@aws-crypto/sha256-js']).toBe(PORTABLE_RANGE);
      expect(manifest.peerDependenciesMeta?.['@aws-crypto/sha256-js']?.optional).toBe(true);
    },
  );

  it('loads (and its declarations import) only Node built-ins and declared dependencies', async () => {
    const manifest = installedManifest(name);
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const code = (await shippedFiles(installedDir(name)))
      .filter((file) => /\.(c?js|d\.c?ts)$/.test(file))
      .map((file) => readFile(join(installedDir(name), file), 'utf8'));
    const loaded = new Set((await Promise.all(code)).flatMap(bareImports).map(packageOf));
    const undeclared = [...loaded].filter(
      (id) => !id.startsWith('node:') && !builtinModules.includes(id) && !declared.has(id),
    );
    // A phantom dependency works in the workspace (hoisting) and breaks for a user; in a
    // declaration file it silently turns the user's types into \`any\` under skipLibCheck.
    expect(undeclared).toEqual([]);
  });

  it('passes publint (strict: warnings count as errors)', async () => {
    const tarball = await readFile(tarballs.get(name) as string);
    const { messages, pkg } = await publint({
      pack: { tarball: new Uint8Array(tarball).buffer },
      strict: true,
      level: 'warning',
    });
    expect(messages.map((message) => formatMessage(message, pkg) ?? message.code)).toEqual([]);
  });

  it('passes arethetypeswrong (strict profile: node10, node16 CJS and ESM, bundler)', async () => {
    const result = (await attw)?.get(name);
    if (result === undefined) throw new Error('attw did not run');
    let problems: unknown;
    try {
      problems = (JSON.parse(result.stdout) as { analysis: { problems: unknown } }).analysis
        .problems;
    } catch {
      throw new Error(describeRun('attw', result));
    }
    expect(problems).toEqual([]);
    expect(result.code, describeRun('attw', result)).toBe(0);
  });
});

describe('the installed project', () => {
  it('has no official SDK anywhere in its dependency tree', async () => {
    const top = await readdir(join(consumer, 'node_modules'));
    const scoped = await Promise.all(
      top
        .filter((dir) => dir.startsWith('@'))
        .map(async (scope) =>
          (await readdir(join(consumer, 'node_modules', scope))).map((n) => `${scope}/${n}`),
        ),
    );
    const installed = [...top.filter((dir) => !dir.startsWith('@')), ...scoped.flat()];
    expect(installed).toEqual(expect.arrayContaining(NAMES));
    expect(installed.filter((dep) => OFFICIAL_SDK.some((re) => re.test(dep)))).toEqual([]);
  });
});

const BINS = PACKAGES.flatMap((pkg) => binsOf(pkg.manifest));
const SPECIFIERS = PACKAGES.flatMap((pkg) =>
  entryPoints(pkg.manifest).map((entry) => specifier(pkg.manifest, entry)),
);

/**
 * Node >= 20.19 can `require()` ES modules, so on this machine a CJS build that requires an
 * ESM-only dependency would still load; on Node 20.18.1 (our `engines` floor) it throws
 * ERR_REQUIRE_ESM. The CJS runs turn that feature off to behave like the floor.
 */
const CJS_FLOOR = ['--no-experimental-require-module'];

async function loadExports(format: 'esm' | 'cjs'): Promise<Record<string, Record<string, string>>> {
  const args =
    format === 'esm'
      ? ['--input-type=module', '-e']
      : [...CJS_FLOOR, '--input-type=commonjs', '-e'];
  const result = assertOk(
    `node (${format})`,
    await run(process.execPath, [...args, exportsScript(format, SPECIFIERS)], {
      cwd: consumer,
      timeoutMs: 30_000,
    }),
  );
  return JSON.parse(result.stdout) as Record<string, Record<string, string>>;
}

describe('runtime', () => {
  it.each(['esm', 'cjs'] as const)(
    'loads every entry point from %s with its key exports',
    async (format) => {
      const loaded = await loadExports(format);
      expect(Object.keys(loaded).sort()).toEqual([...SPECIFIERS].sort());
      for (const [id, names] of Object.entries(KEY_EXPORTS)) {
        for (const key of names) expect(loaded[id]?.[key], `${id} ${key}`).toBe('function');
      }
    },
  );

  it('exports the same names from the ESM and the CJS build', async () => {
    const [esm, cjs] = await Promise.all([loadExports('esm'), loadExports('cjs')]);
    expect(cjs).toEqual(esm);
  });

  it.each(['esm', 'cjs'] as const)(
    'sends through both adapters and the testing provider (%s)',
    async (format) => {
      await copyFile(join(FIXTURES, 'smoke.mjs'), join(consumer, 'smoke.mjs'));
      const result = assertOk(
        `smoke ${format}`,
        await run(process.execPath, [...(format === 'cjs' ? CJS_FLOOR : []), 'smoke.mjs', format], {
          cwd: consumer,
          timeoutMs: 30_000,
        }),
      );
      expect(JSON.parse(result.stdout)).toEqual({
        format,
        providers: ['aliyun-dm', 'tencent-ses', 'testing'],
        messageIds: ['string', 'string', 'string'],
        emulatorOutbox: 2,
        testingOutbox: 1,
        errorCode: 'unsupported',
        isMailError: true,
        instanceOfMailError: true,
      });
    },
  );
});

describe('types', () => {
  it.each([
    ['node16', 'node16', ['consumer.mts', 'consumer.cts'], ['index.d.ts', 'index.d.cts'], false],
    ['esnext', 'bundler', ['consumer.ts'], ['index.d.ts'], true],
  ] as const)(
    'type-checks a consumer with module %s, moduleResolution %s',
    async (module, resolution, files, declarations, skipLibCheck) => {
      const dir = join(consumer, `types-${resolution}`);
      await mkdir(dir, { recursive: true });
      await Promise.all(
        files.map((file) => copyFile(join(FIXTURES, 'consumer.ts'), join(dir, file))),
      );
      await writeFile(
        join(dir, 'tsconfig.json'),
        tsconfig(REPO_ROOT, module, resolution, files, skipLibCheck),
      );
      const result = await run(TSC, ['-p', 'tsconfig.json', '--listFiles'], {
        cwd: dir,
        timeoutMs: 120_000,
      });
      assertOk(`tsc (${resolution})`, result);
      // The consumer saw the declarations of the installed tarballs, in the expected formats.
      const seen = result.stdout
        .split('\n')
        .filter((f) => f.includes('/node_modules/@mailbridge/'));
      for (const name of NAMES) {
        // The CLI is a command: a program installs it, but imports nothing from it.
        if (name === '@mailbridge/cli') continue;
        for (const file of declarations) {
          expect(
            seen.some((f) => f.endsWith(`${name}/dist/${file}`)),
            `${name} ${file}`,
          ).toBe(true);
        }
      }
    },
  );
});

describe('bins', () => {
  it('the emulator declares its bin', () => {
    expect(BINS.map(([, command]) => command)).toContain('mailbridge-emulator');
  });

  it.each(BINS)('%s installs %s as an executable node script', async (name, command, file) => {
    const link = join(consumer, 'node_modules', '.bin', command);
    expect(await realpath(link)).toBe(await realpath(join(installedDir(name), file)));
    expect((await stat(link)).mode & 0o111).not.toBe(0);
    expect((await readFile(link, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('mailbridge-emulator prints its usage and serves until SIGTERM', async () => {
    const bin = join(consumer, 'node_modules', '.bin', 'mailbridge-emulator');
    const help = assertOk(
      '--help',
      await run(bin, ['--help'], { cwd: consumer, timeoutMs: 15_000 }),
    );
    expect(help.stdout).toMatch(/^Usage: mailbridge-emulator/);
    const usage = await run(bin, ['--port', 'nope'], { cwd: consumer, timeoutMs: 15_000 });
    expect(usage.code).toBe(2);

    const { child, line, exited } = firstLine(bin, ['--port', '0'], consumer, 15_000);
    try {
      const started = JSON.parse(await line) as { tencentEndpoint: string };
      expect(started.tencentEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The emulator answers on that port (any HTTP answer will do: the wire tests live elsewhere).
      const response = await fetch(started.tencentEndpoint, { signal: AbortSignal.timeout(5_000) });
      expect(response.status).toBeGreaterThanOrEqual(200);
      await response.body?.cancel();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
