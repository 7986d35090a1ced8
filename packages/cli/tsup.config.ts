import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // program.ts reads package.json through import.meta.url, in the CommonJS build too.
    shims: true,
    dts: { entry: 'src/index.ts' },
    clean: ['index.*'],
    sourcemap: true,
    target: 'node20',
  },
  {
    // The bin runs as a program: the shebang, no declarations.
    entry: ['src/cli.ts'],
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    clean: ['cli.*'],
    sourcemap: true,
    target: 'node20',
  },
]);
