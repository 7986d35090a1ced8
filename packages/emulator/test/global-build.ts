/** Builds the emulator first when `dist` is stale: the bin test runs the built `dist/bin.js`. */
import { buildWhenStale } from '../../../test/helpers/build-when-stale.js';

export default function setup(): Promise<void> {
  return buildWhenStale(
    new URL('..', import.meta.url),
    ['dist/bin.js', 'dist/index.js', 'dist/index.d.ts'],
    '@mailbridge/emulator for the bin test',
  );
}
