/**
 * Same role, same name (issue 14): both adapters have the same source files and the same public
 * export names, once the provider's own prefix is set aside (`aliyunDm` / `tencentSes`,
 * `AliyunDmConfig` / `TencentSesConfig`, `ALIYUN_DM_REGIONS` / `TENCENT_SES_REGIONS`). What one
 * provider has and the other cannot have is in the allow-lists below, each with its reason; an
 * entry that is no longer a difference fails too, so the lists stay true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../packages/', import.meta.url));
const ADAPTERS = ['aliyun-dm', 'tencent-ses'] as const;
type Adapter = (typeof ADAPTERS)[number];

/** Source files only one adapter has (a folder ends in `/`). */
const PROVIDER_ONLY_FILES: Readonly<Record<string, readonly [Adapter, string]>> = {
  'encode.ts': [
    'aliyun-dm',
    'RPC signatures percent-encode every parameter; TC3 hashes a JSON body',
  ],
  'receiver-ids.ts': [
    'aliyun-dm',
    'BatchSendMail names a list but the list actions take ids: a name -> ReceiverId map',
  ],
  'replay.ts': [
    'aliyun-dm',
    'a scheduled DirectMail send replays one pinned signed request, refused a second time per AccessKey; SES has no nonce to pin',
  ],
  'smtp/': [
    'aliyun-dm',
    'the DirectMail API takes no attachments, so they go over its SMTP interface; SES SendEmail carries them',
  ],
  'limits.ts': [
    'tencent-ses',
    'the per-action table of documented limits (limit-rules.ts builds them); DirectMail writes its limits into each action schema (actions-*.ts)',
  ],
  'portable.ts': [
    'tencent-ses',
    'the `/portable` entry point: a pure-JS SHA-256 for TC3 where node:crypto is absent',
  ],
  'scheduled-tasks.ts': [
    'tencent-ses',
    'SES keeps scheduled batches natively (ListSendTasks); DirectMail has no scheduled send',
  ],
};

/** Each provider's action table is split by the sections of its own API reference. */
const ACTION_TABLE_PART = /^actions-[a-z-]+\.ts$/;

/** Modules whose exports are one provider's own algorithm or fact, whatever their names. */
const PROVIDER_ONLY_MODULES: Readonly<Record<string, string>> = {
  'signer.ts': 'ACS RPC v1 / v3 and TC3-HMAC-SHA256 are different algorithms with different inputs',
  'encode.ts': 'see PROVIDER_ONLY_FILES',
  'smtp/config.ts': 'see PROVIDER_ONLY_FILES',
  'smtp/errors.ts': 'see PROVIDER_ONLY_FILES',
  'time.ts':
    'DirectMail event times are zone-less per region (EVENT_REGION_ZONES); SES writes every time in UTC+8 (formatChinaTime)',
};

/** Export names (prefix set aside as `<P>`) only one adapter has. */
const PROVIDER_ONLY_EXPORTS: Readonly<Record<string, readonly [Adapter, string]>> = {
  RATE_LIMITS: [
    'aliyun-dm',
    'DirectMail documents a fixed per-action QPS table; SES limits follow config',
  ],
  ParseEventsOptions: ['aliyun-dm', 'the region whose zone reads zone-less event times'],
  '<p>Capabilities': ['tencent-ses', 'SES capabilities depend on config (`allowRawContent`, rate)'],
  API_VERSION: [
    'tencent-ses',
    'SES fixes its version per request header; DirectMail takes `version` in config',
  ],
  '<P>Site': ['tencent-ses', 'SES has two sites (china / intl) with their own hosts and accounts'],
  UNSUBSCRIBE_LANGUAGES: ['tencent-ses', 'SES adds an unsubscribe footer in a chosen language'],
  UnsubscribeLanguage: ['tencent-ses', 'as UNSUBSCRIBE_LANGUAGES'],
  getDeliveryStatus: [
    'tencent-ses',
    'GetSendEmailStatus by message id over the raw client; both adapters answer mailer.status',
  ],
  deliveryState: ['tencent-ses', 'as getDeliveryStatus'],
  DeliveryState: ['tencent-ses', 'as getDeliveryStatus'],
  DeliveryStatus: ['tencent-ses', 'as getDeliveryStatus'],
  StatusQuery: ['tencent-ses', 'as getDeliveryStatus'],
};

/** Every source file of an adapter, relative to its `src/`. */
function sourceFiles(adapter: Adapter): string[] {
  const root = join(PACKAGES, adapter, 'src');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

/** A file's allow-list key: its folder (`smtp/`) for a file in one, else its name. */
const fileKey = (file: string) => (file.includes('/') ? `${file.split('/')[0]}/` : file);

/** The public names of an adapter's index.ts, each with the module it comes from. */
function publicExports(adapter: Adapter): Map<string, string> {
  const text = readFileSync(join(PACKAGES, adapter, 'src', 'index.ts'), 'utf8');
  expect(text, `${adapter}: named exports only`).not.toMatch(/export \*/);
  const names = new Map<string, string>();
  for (const m of text.matchAll(/export (?:type )?\{([^}]*)\} from '\.\/([^']+)\.js';/g)) {
    for (const item of (m[1] ?? '').split(',')) {
      const name = item
        .trim()
        .replace(/^type /, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.set(name, `${m[2]}.ts`);
    }
  }
  return names;
}

/** A name with the adapter's own prefix replaced, so that both adapters' names compare. */
function neutral(name: string): string {
  return name
    .replace(/^(ALIYUN_DM|TENCENT_SES)_/, '<P_>_')
    .replace(/(AliyunDm|TencentSes)/, '<P>')
    .replace(/^(aliyunDm|tencentSes)/, '<p>');
}

/** Allow-list entries that are not (or no longer) a difference: on their adapter only. */
function stale(
  list: Readonly<Record<string, readonly [Adapter, string]>>,
  has: Record<Adapter, ReadonlySet<string>>,
): string[] {
  const other = (adapter: Adapter): Adapter =>
    adapter === 'aliyun-dm' ? 'tencent-ses' : 'aliyun-dm';
  return Object.entries(list)
    .filter(([key, [adapter]]) => !has[adapter].has(key) || has[other(adapter)].has(key))
    .map(([key]) => key);
}

describe('both adapters have the same shape', () => {
  const files = Object.fromEntries(ADAPTERS.map((a) => [a, sourceFiles(a)])) as Record<
    Adapter,
    string[]
  >;

  it('the same source files, except the provider-only ones listed with their reason', () => {
    const keys = (a: Adapter) => new Set(files[a].map(fileKey));
    const [dm, ses] = [keys('aliyun-dm'), keys('tencent-ses')];
    const unexplained: string[] = [];
    for (const [adapter, own, other] of [
      ['aliyun-dm', dm, ses],
      ['tencent-ses', ses, dm],
    ] as const) {
      for (const key of own) {
        if (other.has(key) || ACTION_TABLE_PART.test(key)) continue;
        if (PROVIDER_ONLY_FILES[key]?.[0] !== adapter) unexplained.push(`${adapter}/src/${key}`);
      }
    }
    expect(unexplained, 'a file one adapter has and the other lacks').toEqual([]);
    expect(
      stale(PROVIDER_ONLY_FILES, { 'aliyun-dm': dm, 'tencent-ses': ses }),
      'allow-listed files that are no longer provider-only',
    ).toEqual([]);
  });

  it('the same public export names, except the provider-only ones listed with their reason', () => {
    const exported = Object.fromEntries(ADAPTERS.map((a) => [a, publicExports(a)])) as Record<
      Adapter,
      Map<string, string>
    >;
    const neutralNames = (a: Adapter) => new Set([...exported[a].keys()].map(neutral));
    const [dm, ses] = [neutralNames('aliyun-dm'), neutralNames('tencent-ses')];
    const unexplained: string[] = [];
    for (const [adapter, other] of [
      ['aliyun-dm', ses],
      ['tencent-ses', dm],
    ] as const) {
      for (const [name, module] of exported[adapter]) {
        const key = neutral(name);
        if (other.has(key) || PROVIDER_ONLY_MODULES[module] !== undefined) continue;
        if (PROVIDER_ONLY_EXPORTS[key]?.[0] !== adapter) unexplained.push(`${adapter}: ${name}`);
      }
    }
    expect(unexplained, 'an export one adapter has and the other lacks').toEqual([]);
    expect(
      stale(PROVIDER_ONLY_EXPORTS, { 'aliyun-dm': dm, 'tencent-ses': ses }),
      'allow-listed exports that are no longer provider-only',
    ).toEqual([]);
  });

  it('reads what the packages export at runtime (the parse above misses nothing)', async () => {
    const modules = {
      'aliyun-dm': await import('@mailbridge/aliyun-dm'),
      'tencent-ses': await import('@mailbridge/tencent-ses'),
    };
    for (const adapter of ADAPTERS) {
      const parsed = publicExports(adapter);
      for (const name of Object.keys(modules[adapter])) expect(parsed.has(name), name).toBe(true);
    }
  });
});
