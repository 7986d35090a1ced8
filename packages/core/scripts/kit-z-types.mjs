/**
 * The declarations of the kit's `z` (src/provider/zod.ts), written after tsup: its declaration
 * bundler cannot re-export a namespace of external names (it rewrites it into code), so the
 * build keeps `./provider/zod.js` external and this writes that file for both module formats.
 * The source is nothing but re-exports from `zod/mini`, which is a valid declaration file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const source = readFileSync('src/provider/zod.ts', 'utf8');
mkdirSync('dist/provider', { recursive: true });
writeFileSync('dist/provider/zod.d.ts', source);
writeFileSync('dist/provider/zod.d.cts', source);
// The CJS declarations must reach the CJS twin, as `require` would.
const cts = readFileSync('dist/schema.d.cts', 'utf8');
if (!cts.includes("'./provider/zod.js'"))
  throw new Error('schema.d.cts no longer imports ./provider/zod.js');
writeFileSync('dist/schema.d.cts', cts.replace("'./provider/zod.js'", "'./provider/zod.cjs'"));
