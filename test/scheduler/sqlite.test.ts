import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, sqliteStore } from '@mailbridge/scheduler';
import { afterAll } from 'vitest';
import { testScheduler } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'mailbridge-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

testScheduler({
  name: 'sqlite',
  create: ({ hooks }) =>
    createScheduler({
      store: sqliteStore(join(dir, `jobs-${n++}.sqlite`)),
      pollMs: 50,
      ...(hooks ? { hooks } : {}),
    }),
});
