import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // better-sqlite3 is an optional peer, loaded only by sqliteStore.
  external: ['better-sqlite3'],
  shims: true,
});
