/**
 * The full fuzz run: every property of fuzz-properties.ts at 10,000 cases per provider (or
 * `--runs N`), then the counts in the fuzz section of test/reliability/RESULTS.md (`--write`).
 *
 *   node --import tsx test/reliability/fuzz-full.ts [--runs 10000] [--write]
 *
 * A violated property stops the run with fast-check's report (seed and counterexample).
 */
import { parseArgs } from 'node:util';
import { startEmulator } from '@mailbridge/emulator';
import {
  type Counts,
  fuzzErrorBodies,
  fuzzMessages,
  fuzzPercentEncode,
  fuzzSigner,
} from './fuzz-properties.js';
import { RESULTS_FILE, table, writeSection } from './results.js';
import { TARGETS } from './targets.js';

const { values } = parseArgs({
  // pnpm passes a `--` separator through to the script: not an argument.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    runs: { type: 'string', default: '10000' },
    write: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const rows: string[][] = [];

async function record(property: string, provider: string, run: () => Promise<Counts> | Counts) {
  const started = performance.now();
  const counts = await run();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const outcomes = Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  rows.push([property, provider, total.toLocaleString('en-US'), outcomes, `${seconds} s`]);
  process.stdout.write(`${property} ${provider}: ${total} cases, ${outcomes} (${seconds} s)\n`);
}

const emu = await startEmulator();
try {
  for (const target of TARGETS) {
    await record('(a) message inputs', target.id, () => fuzzMessages(target, emu, runs));
    await record('(b) signer into emulator', target.id, () => fuzzSigner(target, emu, runs));
    if (target.id === 'aliyun-dm')
      await record('(b) signer into emulator', 'aliyun-dm (V3)', () =>
        fuzzSigner(target, emu, runs, 'v3'),
      );
    await record('(d) random error bodies', target.id, () => fuzzErrorBodies(target, runs));
  }
  await record('(c) percentEncode vs RFC 3986 reference', 'aliyun-dm', () =>
    fuzzPercentEncode(runs * 2),
  );
} finally {
  await emu.close();
}

if (values.write) {
  const body = `## Fuzzing

\`node --import tsx test/reliability/fuzz-full.ts --runs ${runs} --write\` at the repository
root, ${new Date().toISOString().slice(0, 16)}Z (CI runs the same properties at FUZZ_RUNS,
default 150, in \`fuzz.test.ts\`). Every property held for every case; the outcome columns
count what the cases did.

- (a) random message inputs (valid, and with one to three broken fields: CR/LF, NUL, lone
  surrogates, oversize and wrong-typed values, unknown and unsupported fields) sent with
  \`mailer.send\`: accepted with exactly one request and a copy in the outbox, or
  \`invalid_input\`/\`unsupported\` with zero requests. Internationalised and quoted addresses
  are kept out of this property: they are finding 1 (\`findings.test.ts\`); the DirectMail
  cases counted as "known bug" are finding 2.
- (b) random parameter values (CJK, emoji, RFC 3986 reserved characters, empty values, bodies
  up to 16 K CJK characters) through the raw clients, so through each signer, into the
  emulator, which verifies every signature: one send and one query per case, all accepted.
- (c) \`percentEncode\` against \`encodeURIComponent\` plus \`!'()*\`, on random UTF-16 (lone
  surrogates included: both refuse them) and grapheme strings; also decodes back to the input.
- (d) random error bodies and statuses from a loopback server: every failure is a well-formed
  \`MailError\` (known code, boolean retryable, delivery, attempts 1, provider and action,
  a message, JSON without the secret). The Tencent case counted as "known bug" is finding 3.

${table(['property', 'provider', 'cases', 'outcomes', 'time'], rows)}`;
  writeSection(RESULTS_FILE, 'fuzz', body);
}
