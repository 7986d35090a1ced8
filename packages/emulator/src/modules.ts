/**
 * The provider modules the server runs, and how seeds reach them. The one place that knows
 * which providers exist.
 */
import { ALIYUN_DEFAULT_SEED, aliyunModule } from './aliyun/index.js';
import type { EmulatorSeed } from './api.js';
import { tencentModule } from './tencent/index.js';
import { TENCENT_DEFAULT_SEED } from './tencent/seed.js';
import type { Credential, ProviderModule } from './types.js';

/** What every module factory receives. */
export interface ModuleOptions {
  readonly credentials: {
    readonly aliyun: readonly Credential[];
    readonly tencent: readonly Credential[];
  };
  /** Wall clock (plus skew) for signature timestamps; not the emulator clock. */
  readonly authNow: () => number;
  /** The emulator clock. */
  readonly now: () => number;
}

/** One module per provider. Tencent first: its match (an X-TC-Action header) is the narrowest. */
export function createModules(options: ModuleOptions): ProviderModule[] {
  return [
    tencentModule({
      credentials: options.credentials.tencent,
      authNow: options.authNow,
      now: options.now,
    }),
    aliyunModule({ credentials: options.credentials.aliyun, authNow: options.authNow }),
  ];
}

/**
 * Apply the default seeds (when asked) and then `seed`, each to its provider's module. All or
 * nothing: every part is checked before any is applied, so a refused entry (in either provider)
 * leaves both states as they were.
 */
export function seedModules(
  modules: readonly ProviderModule[],
  withDefaults: boolean,
  seed: EmulatorSeed | undefined,
): void {
  checkSeedKeys(seed);
  const parts: [ProviderModule, unknown][] = [];
  for (const m of modules) {
    const tencent = m.id === 'tencent-ses';
    if (withDefaults) parts.push([m, tencent ? TENCENT_DEFAULT_SEED : ALIYUN_DEFAULT_SEED]);
    const own = tencent ? seed?.tencent : seed?.aliyun;
    if (own !== undefined) parts.push([m, own]);
  }
  for (const [m, data] of parts) m.checkSeed(data);
  for (const [m, data] of parts) m.seed(data);
}

/** A seed is keyed by provider; a stray key (`{"senders": …}`) would otherwise do nothing. */
function checkSeedKeys(seed: unknown): void {
  if (seed === undefined) return;
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed)) {
    throw new TypeError('seed must be an object {"aliyun": {...}, "tencent": {...}}');
  }
  const unknown = Object.keys(seed).filter((k) => k !== 'aliyun' && k !== 'tencent');
  if (unknown.length > 0) {
    throw new TypeError(
      `seed: unknown key ${unknown.join(', ')} (expected "aliyun" and/or "tencent")`,
    );
  }
}
