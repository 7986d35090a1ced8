/**
 * The build every published package shares: ESM and CommonJS with declarations and source maps
 * for Node 20. A package's tsup.config.ts passes its entries and what is its own (externals,
 * shims, bundled dependencies) with the reason beside it.
 */
import type { Options } from 'tsup';

/** tsup options of a library package: these defaults, then the package's own `options`. */
export function library(options: Options): Options {
  return {
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    ...options,
  };
}
