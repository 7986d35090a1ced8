import { defineConfig } from 'tsup';
import { library } from '../../tsup.library.js';

export default defineConfig(
  library({
    entry: ['src/index.ts'],
    // better-sqlite3 is an optional peer, loaded only by sqliteStore.
    external: ['better-sqlite3'],
    shims: true,
  }),
);
