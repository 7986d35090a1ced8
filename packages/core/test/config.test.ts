import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromConfig, type Provider } from '../src/index.js';
import { type AdapterFactory, resolveCredentials, urlQuery } from '../src/provider/index.js';
import {
  credentialsSchema,
  z as kitZ,
  parseConfig,
  transportConfigShape,
} from '../src/provider/schema.js';
import { thrownMailError } from '../src/testing/mail-errors.js';
import { createTestingProvider } from '../src/testing/testing.js';

const schema = z.object({ region: z.enum(['r1', 'r2']), ...transportConfigShape }).strict();
const fake = Object.assign(
  (config?: unknown): Provider => {
    parseConfig('fake', schema, config);
    return createTestingProvider({ id: 'fake' });
  },
  { id: 'fake', fromUrl: (url: URL) => ({ region: url.hostname, ...urlQuery(url) }) },
) as unknown as AdapterFactory;

describe('configuration', () => {
  it('resolves a URL or an object against the installed adapters', () => {
    expect(fromConfig('fake://r1?timeoutMs=5000', [fake]).id).toBe('fake');
    expect(fromConfig({ provider: 'fake', region: 'r2' }, [fake]).id).toBe('fake');
  });

  it('names an unknown provider, an unknown key and a bad value', () => {
    expect(thrownMailError(() => fromConfig('other://x', [fake])).message).toContain(
      "unknown provider 'other'",
    );
    const unknownKey = thrownMailError(() =>
      fromConfig({ provider: 'fake', region: 'r1', regoin: 'x' }, [fake]),
    );
    expect(unknownKey.code).toBe('invalid_input');
    expect(unknownKey.message).toContain("'regoin'");
    const badValue = thrownMailError(() => fromConfig('fake://r9', [fake]));
    expect(badValue.message).toContain('region');
    expect(thrownMailError(() => fromConfig(undefined, [fake])).message).toContain('no provider');
  });

  it('takes credentials from config, the official env vars, or an async function', async () => {
    const env = { id: 'X_ID', secret: 'X_SECRET', token: 'X_TOKEN' };
    expect(await resolveCredentials('p', { id: 'a', secret: 'b' }, env, {})()).toEqual({
      id: 'a',
      secret: 'b',
    });
    expect(
      await resolveCredentials('p', undefined, env, { X_ID: 'i', X_SECRET: 's', X_TOKEN: 't' })(),
    ).toEqual({
      id: 'i',
      secret: 's',
      token: 't',
    });
    let n = 0;
    const rotating = resolveCredentials('p', async () => ({ id: 'i', secret: `s${++n}` }), env, {});
    expect((await rotating()).secret).toBe('s1');
    expect((await rotating()).secret).toBe('s2');
    const missing = thrownMailError(() => resolveCredentials('p', undefined, env, {}));
    expect(missing.message).toContain('X_ID');
  });

  it('takes what credentialsSchema parsed as it is (no cast; type-checked with exactOptionalPropertyTypes)', async () => {
    // The README's "Writing an adapter": parseConfig with credentialsSchema, then resolveCredentials.
    const acme = kitZ.strictObject({ credentials: kitZ.optional(credentialsSchema) });
    const env = { id: 'X_ID', secret: 'X_SECRET', token: 'X_TOKEN' };
    for (const credentials of [
      { id: 'a', secret: 'b' },
      { id: 'a', secret: 'b', token: 't' },
      { id: 'a', secret: 'b', token: undefined },
    ]) {
      const parsed = parseConfig('acme', acme, { credentials });
      const resolved = await resolveCredentials('acme', parsed.credentials, env, {})();
      expect(resolved).toMatchObject({ id: 'a', secret: 'b' });
      expect(resolved.token).toBe(credentials.token);
      // A resolved `Credentials` holds `token` only when there is one (exactOptionalPropertyTypes).
      expect(Object.keys(resolved)).toEqual([
        'id',
        'secret',
        ...(credentials.token ? ['token'] : []),
      ]);
    }
  });

  it('names a missing required key, and swaps provider from an env var without code changes', () => {
    const missing = thrownMailError(() => fromConfig({ provider: 'fake' }, [fake]));
    expect(missing.code).toBe('invalid_input');
    expect(missing.message).toContain('region');
    expect(missing.issues[0]?.path).toEqual(['region']);
    const env: Record<string, string | undefined> = { MAIL_URL: 'fake://r2?retries=1' };
    expect(fromConfig(env['MAIL_URL'], [fake]).id).toBe('fake');
    const notUrl = thrownMailError(() => fromConfig('just words', [fake]));
    expect(notUrl.message).toContain('not a URL');
  });

  it('a credentials function returning garbage fails as auth, without echoing it', async () => {
    const env = { id: 'X_ID', secret: 'X_SECRET', token: 'X_TOKEN' };
    const broken = resolveCredentials(
      'p',
      async () => ({ id: 'i', secret: '', leaked: 'hunter2-secret' }) as never,
      env,
      {},
    );
    const error = await broken().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth', provider: 'p' });
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(String((error as Error).message)).not.toContain('hunter2');
  });
});
