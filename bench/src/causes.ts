/**
 * The analysis behind each missed target (by target id), from the CPU profiles and the
 * footprint walk; rendered under "Causes of the misses" only when that target misses.
 */
export const CAUSES: Readonly<Record<string, string>> = {
  'throughput-raw': `Mostly the budget, partly ours. At C=64 on two cores shared with the mock, CPU per
send bounds sends/s. Signing alone takes most of the 0.55x allowance: \`raw-undici+tc3\` runs at about
0.67x of raw undici and \`raw-undici+rpc\` at about 0.53x (DirectMail's RPC signature percent-encodes
and sorts the whole form), so a client that signs can spend only a few tens of µs more per send and
still pass. mailbridge spends more than that on what the raw drivers do not do: message validation
and normalisation, the capability check, the adapter's own checks and mapping, the executor (retry
decisions, hooks, redaction bookkeeping), and reading the answer through a schema. The split is under
throughput-signed and in the breakdown table at the end.`,
  'throughput-sdk': `Partly the premise. Against a loopback mock the official SDKs are thin: the ceiling of
any client, raw undici with no signing, no validation and no answer parsing, is only 2–3x
\`tencentcloud-sdk-nodejs-ses\` and \`@alicloud/dm20151123\` and under 2x \`@alicloud/pop-core\` (the
"raw undici itself" figures in the targets table; they move by a few tenths between quiet runs).
2x the Tencent SDK therefore asks a full client for 0.75–1x of raw undici, about what raw undici
with TC3 signing alone achieves. What mailbridge gets, in the quiet runs of this tree (load
average 1–2): 1.5–1.6x the Tencent SDK and 1.7–1.9x \`@alicloud/dm20151123\` in sends/s, at
0.55–0.7x of their CPU per send; against \`@alicloud/pop-core\` (a minimal RPC client: no
validation, no retries, no typed answers, Node's http with one socket per request in flight)
1.1–1.2x, at about its CPU per send. The send path's own costs are under throughput-signed.`,
  'throughput-signed': `What remains is ours and is the price of the checks; the four fixes the
profiles pointed at are in (commit "Send path: …"):

1. *Done.* TC3 signing on node:crypto directly (strings in, hex out), with the day's signing key
   (kDate → kService → kSigning) kept while secret and date stay the same: 14 µs per signature
   against 54 µs for the earlier @aws-crypto/sha256-js default (micro table).
2. *Done.* No zod re-parse of request parameters the neutral mapping built from a validated message
   (both adapters; the raw clients still validate what users write, and tests hold the mapping's
   output to the request schemas); DirectMail's usual \`{RequestId, EnvId}\` answer read without zod.
   (The hand-written fast path for \`normalizeMessage\` is gone: issue 14 wants one definition of a
   message; with zod/mini the normaliser costs about 6.5 µs per message against 1.4–2.4 µs for the
   fast path, a few per cent of a send.)
3. *Done.* No per-request AbortController or timer without a caller signal, a one-shot body read,
   the endpoint check once per URL. Every attempt, the first included, runs inside p-retry, given
   all of its options: about 0.5 µs per send, against about 10 µs when p-retry has to add the
   missing ones to its copy (V8's slow path again; micro table, "p-retry" rows).
4. *Done.* DirectMail's signer and mapping without object spreads after which V8 writes every
   property on a slow path (about 15 µs per send in the signer alone).

Left, from the profiles and the breakdown (Tencent, C=64): message normalisation (the one zod/mini
schema and the address parsing: RFC 5322 display names, IDN domains), the capability check and
the adapter's checks (a few µs each), the Tencent response read through its zod schema, and the
executor's bookkeeping. None of them is large on its own; dropping any of them would drop a promise
(every input checked before any request, one error model, safe retries). DirectMail is at
0.88–1x of \`raw-undici+rpc\`, Tencent further from \`raw-undici+tc3\` (0.67–0.85x) because that baseline's signing
is cheap (two hashes and four HMACs in a few lines), so the same fixed overhead weighs more.`,
  rss: `Met after the allocation fixes above (no per-request timer, no re-parsed parameters, no
spread copies); earlier runs had DirectMail at +56 MB.`,
  import: `Measured from the packed install, fresh processes, round-robin. Core loads undici only on
the first request, so "core + adapter" is core (with its bundled zod/mini) and the adapter against
undici's own load. On a loaded machine wall times swing by a hundred ms between samples; the CPU
column is the steadier figure.`,
  size: `Core bundles zod/mini (what its schemas use, about 80 KB per module format) and the adapters
use that copy through \`@mailbridge/core/schema\`, so no zod is installed; no source maps are
published. What is left is undici (about 2.3 MB on disk), core and the adapter.`,
  upload: `Nothing is retained: with a collection every 20,000 rows ("retained memory" rows) the peak
stays flat from 100,000 to 1,000,000 recipients on both providers, so the generator is consumed one
chunk at a time as intended. The default-GC growth on Tencent is heap sizing: a Tencent chunk is
20,000 rows (the API maximum) and lives across the await of its request in several forms at once
(normalised recipients, rows, the ~1.5 MB JSON body and its bytes), so chunks are promoted to the old
generation and V8 grows the old space between mark-compacts. DirectMail's 500-row chunks die young.
*Not done:* smaller Tencent chunks (2,000–5,000 rows) would keep them young at the price of 4–10x the
requests; a Tencent group holds at most 50,000 recipients, so a real upload is at most three chunks
and this curve (drawn to 1,000,000) only matters for the emulator.`,
};

/** How the figures are taken; rendered at the end of every report. */
export const METHOD = `## Method

- **Mock** (\`src/mock.ts\`): one node:http server in its own process on 127.0.0.1 port 0, keep-alive,
  answering DirectMail \`SingleSendMail\` / \`CreateReceiver\` / \`SaveReceiverDetail\` and Tencent
  \`SendEmail\` / \`CreateReceiver\` / \`CreateReceiverDetail(WithData)\` with canned success JSON and
  verifying no signature, so its cost is the same for every client and never counts in a driver's CPU.
- **Drivers** (\`src/drivers/\`): each run is a fresh \`node dist/send.js <driver> <port> <N> <C> <warmup>\`
  process that imports only its own client, sends the warm-up, then N single emails with C in flight,
  each awaited to the parsed provider id. sends/s = N / wall time; p50/p99 over the N latencies;
  CPU/send = \`process.cpuUsage()\` (user+system) over the N sends / N; peak RSS = \`resourceUsage().maxRSS\`.
  - \`raw-undici\`: Tencent \`SendEmail\` JSON over an undici \`Agent\` with the core's pool settings, no
    signing (the ceiling). \`raw-undici+tc3\`: the same plus a minimal node:crypto TC3-HMAC-SHA256
    signature (\`src/tc3.ts\`). \`raw-undici+rpc\`: DirectMail \`SingleSendMail\` as a node:crypto RPC v1
    (HMAC-SHA1) signed form (\`src/rpc.ts\`).
  - \`mailbridge …\`: \`createMailer(adapter({ endpoint: mock, credentials }), { rateLimits: false })\` and
    \`mailer.send(message)\`: validation, capability check, retry layer, signing, undici, parsing.
    Tencent sends a stored template (template-only is the account default); DirectMail an html body.
  - Official SDKs, unchanged but for endpoint and protocol (as test/interop points them at the
    emulator): \`tencentcloud-sdk-nodejs-ses\` 4.1.76, \`@alicloud/dm20151123\` 1.9.0 (default V3 signing),
    \`@alicloud/pop-core\` 1.8.0 (POST).
- **Ratios** are taken within a repetition (same C), then the median over repetitions.
- **Packed install** (\`src/packed.ts\`, \`src/disk.ts\`): \`pnpm pack\` of core and each adapter, then
  \`npm install --prefer-offline --omit=dev\` of core + one adapter (and of undici alone, at core's range)
  into empty projects under the OS temp directory; "on disk" is allocated blocks (\`du\`), "apparent"
  the sum of file sizes. Issue 14's size target is on disk.
- **Cold import from the packed install** (\`src/packed-import.ts\`): in those projects, a fresh
  \`node probe.mjs|probe.cjs <specifiers>\` per sample (ESM \`import()\` / CJS \`require()\`), timing
  the imports only, round-robin over candidates; medians. Issue 14's import target is on wall time.
- **Cold import** (\`src/import-probe.ts\`): a fresh \`node dist/import-probe.js <specifiers>\`; the time of
  the dynamic imports only (Node's own start-up is common to all), round-robin over candidates.
- **Installed size** (\`src/footprint.ts\`): the production dependency graph (dependencies, optional and
  required peer dependencies) walked through the pnpm install; store packages count their whole
  published contents, our packages what their \`files\` publishes (what \`npm install\` of the packed
  tarballs installs); apparent bytes, not disk blocks.
- **Group upload** (\`src/upload.ts\`): a fresh process creates a group and streams recipients (address +
  one data field) from an async generator through \`mailer.groups.addRecipients\`; peak RSS as above.
- The machine is shared: figures taken while other processes run are noisy; the load averages above
  say how busy it was. Compare ratios within a run rather than absolute figures across runs.
`;
