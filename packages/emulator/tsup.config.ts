import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: { entry: 'src/index.ts' },
    clean: ['index.*'],
    // inbox/assets.ts finds the page files from import.meta.url, in the CommonJS build too.
    shims: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    // The bin runs as a program: it needs the shebang, and neither type declarations nor a
    // CommonJS twin (`bin` points at dist/bin.js; a second copy would only double the tarball).
    entry: ['src/bin.ts'],
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    // Each config cleans only its own outputs: the two builds run side by side.
    // bin.ts loads the server lazily, so the bin build also writes its chunks.
    clean: ['bin.*', 'chunk-*', 'server-*'],
    shims: true,
    sourcemap: true,
    target: 'node20',
  },
]);
