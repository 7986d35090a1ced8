/** Builds the CLI first when `dist` is stale: its tests run the built bin (`dist/cli.js`). */
import { buildWhenStale } from '../../../test/helpers/build-when-stale.js';

export default function setup(): Promise<void> {
  return buildWhenStale(
    new URL('..', import.meta.url),
    ['dist/cli.js', 'dist/index.js'],
    '@mailbridge/cli for its bin tests',
  );
}
