import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  // No source maps in the package (as core): they were half of its size, and the code is not
  // minified, so a stack trace still reads.
  sourcemap: false,
  target: 'node20',
});
