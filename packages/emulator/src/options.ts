/**
 * `startEmulator` options checked before anything starts: an unknown (misspelt) key or a value
 * of the wrong shape is a `TypeError` naming it, rather than an option silently not applied (a
 * key without a secret would refuse every signed request; a misspelt `prot` would be ignored).
 */
import type { EmulatorOptions } from './api.js';

/** Every option, so that a key added to `EmulatorOptions` and not here fails to compile. */
const KEYS: readonly string[] = Object.keys({
  host: true,
  port: true,
  aliyunKeys: true,
  tencentKeys: true,
  seed: true,
  defaultSeed: true,
  startTime: true,
  authSkewMs: true,
  callbacks: true,
} satisfies Record<keyof EmulatorOptions, true>);

const PROVIDERS: readonly string[] = ['aliyun-dm', 'tencent-ses'];

function fail(key: string, what: string): never {
  throw new TypeError(`@mailbridge/emulator: ${key} ${what}`);
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';

function checkKeys(name: string, keys: unknown): void {
  if (keys === undefined) return;
  if (!Array.isArray(keys) || keys.length === 0) fail(name, 'must be a non-empty array');
  keys.forEach((key: unknown, i) => {
    const k = key as { id?: unknown; secret?: unknown } | null;
    if (typeof k !== 'object' || k === null || !nonEmpty(k.id) || !nonEmpty(k.secret))
      fail(`${name}[${i}]`, 'must be { id, secret } with non-empty strings');
  });
}

/** Throw a `TypeError` naming the first option that is unknown or of the wrong shape. */
export function checkOptions(options: EmulatorOptions): void {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  for (const key of Object.keys(options)) if (!KEYS.includes(key)) fail(key, 'is not an option');
  const { host, port, defaultSeed, authSkewMs, callbacks } = options;
  if (host !== undefined && !nonEmpty(host)) fail('host', 'must be a non-empty string');
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535))
    fail('port', 'must be an integer from 0 to 65535');
  checkKeys('aliyunKeys', options.aliyunKeys);
  checkKeys('tencentKeys', options.tencentKeys);
  if (defaultSeed !== undefined && typeof defaultSeed !== 'boolean')
    fail('defaultSeed', 'must be a boolean');
  if (authSkewMs !== undefined && !Number.isFinite(authSkewMs))
    fail('authSkewMs', 'must be a finite number of ms');
  if (callbacks !== undefined) {
    if (typeof callbacks !== 'object' || callbacks === null) fail('callbacks', 'must be an object');
    for (const [provider, url] of Object.entries(callbacks)) {
      if (!PROVIDERS.includes(provider))
        fail(`callbacks.${provider}`, `is not a provider (${PROVIDERS.join(', ')})`);
      if (url !== undefined && !nonEmpty(url)) fail(`callbacks.${provider}`, 'must be a URL');
    }
  }
}
