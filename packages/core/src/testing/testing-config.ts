/**
 * The testing provider chosen by configuration, as Symfony's `null://` transport and Laravel's
 * `array` mailer are: pass `testing` to `fromConfig` beside the real adapters and
 * `MAIL_URL=testing://` gives a `TestingProvider` with no code change.
 */
import * as z from 'zod/mini';
import { invalidInput } from '../errors.js';
import type { AdapterFactory } from '../provider/config.js';
import { urlQuery } from '../provider/config.js';
import { parseConfig } from '../provider/config-schema.js';
import { createTestingProvider, type TestingProvider } from './testing.js';

const booleanText = z.union([
  z.boolean(),
  z.pipe(
    z.enum(['true', 'false']),
    z.transform((v: 'true' | 'false') => v === 'true'),
  ),
]);

/** What `testing://` (or `{ provider: 'testing' }`) accepts; any other key fails, named. */
const testingConfigSchema = z.strictObject({
  id: z.optional(z.string().check(z.minLength(1))),
  keepOutbox: z.optional(booleanText),
});

/** The config `testing(...)` takes from `fromConfig`: `?id=` and `?keepOutbox=false`. */
export interface TestingConfig {
  /** The provider id the testing provider reports (default `testing`). */
  readonly id?: string | undefined;
  /** Keep sent messages in the outbox (default true); `'false'` as a URL query value. */
  readonly keepOutbox?: boolean | 'true' | 'false' | undefined;
}

function testingFactory(config?: TestingConfig): TestingProvider {
  const { id, keepOutbox } = parseConfig('testing', testingConfigSchema, config);
  return createTestingProvider({
    ...(id === undefined ? {} : { id }),
    ...(keepOutbox === undefined ? {} : { keepOutbox }),
  });
}

/**
 * The testing provider as an adapter factory for `fromConfig`: `testing://` (query keys `id`,
 * `keepOutbox`) or `{ provider: 'testing' }`.
 *
 * @example
 * ```ts
 * import { createMailer, fromConfig } from '@mailbridge/core';
 * import { testing } from '@mailbridge/core/testing';
 *
 * // MAIL_URL=testing:// in tests, tencent-ses://ap-guangzhou in production
 * const mailer = createMailer(fromConfig(process.env.MAIL_URL, [tencentSes, testing]));
 * ```
 */
export const testing: AdapterFactory & ((config?: TestingConfig) => TestingProvider) =
  Object.assign(testingFactory, {
    id: 'testing' as const,
    fromUrl: (url: URL): Record<string, unknown> => {
      // `testing://` has nothing to put in a host; one given is a mistake, not something to drop.
      if (url.host !== '' || (url.pathname !== '' && url.pathname !== '/')) {
        throw invalidInput(
          [
            {
              path: ['url'],
              message: 'testing:// takes no host or path, only ?id= and ?keepOutbox=',
            },
          ],
          'testing',
        );
      }
      return urlQuery(url);
    },
  });
