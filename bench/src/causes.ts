/**
 * The analysis behind each missed target (by target id), from the CPU profiles and the
 * footprint walk; rendered under "Causes of the misses" only when that target misses.
 */
export const CAUSES: Readonly<Record<string, string>> = {
  'throughput-raw': `The budget, at steady state, on a machine whose speed moves with the minute. Raw undici
(a Tencent SendEmail with no signing, no validation and no answer parsing) costs 41–47 µs of CPU per
send here (the median of each run; single repetitions range wider), and at its pace it gets more
answers per socket read, so it runs further ahead. Signing alone takes most of the 0.55x allowance:
over four runs of this tree (the committed one among them) \`raw-undici+tc3\` ran at 0.58–0.69x of raw
undici and \`raw-undici+rpc\` at 0.55–0.66x (the figures beside each row). DirectMail is held to the
Tencent-shaped ceiling, and its own request costs more before any signing: the same form unsigned
(\`raw-undici DirectMail form\`) ran at 0.65–0.75x. mailbridge, which also validates and normalises
the message, checks it against the capabilities, runs the executor and reads the answer, landed at
0.56–0.68x (Tencent, all four runs at or above the line) and 0.47–0.56x (DirectMail, one run in
four). Work that allocates costs more beside the socket than in a tight loop: building the unsigned
DirectMail form takes about 5 µs in-process, yet that driver spends 15–20 µs more per send than raw
undici over the socket, while a busy loop of 18 µs added to raw undici adds 15 µs (one-off runs
against this mock, not in the tables). So mailbridge's 22–24 µs in-process come to 25–45 µs
(Tencent) and 35–70 µs (DirectMail) more than raw undici per send over the socket. Where the send path's own CPU goes is in the table "CPU per operation on the send path"
below.`,
  'throughput-sdk': `Out of reach for \`@alicloud/pop-core\` on this mock, for any DirectMail client: the DirectMail form
with no signature and no library at all (\`raw-undici DirectMail form\`) ran at only 1.60–2.05x
pop-core over the same runs (the last figure beside the row), so 2x pop-core would ask a signed,
validated send to cost no more than a bare unsigned request. mailbridge ran at 1.28–1.42x. pop-core is
Alibaba Cloud's V1.0 Node.js SDK, which Alibaba Cloud marks "not recommended" in favour of the
V2.0 per-product SDK \`@alicloud/dm20151123\`
(https://alibabacloud.com/help/en/sdk/developer-reference/get-started-with-alibaba-cloud-classic-sdk-for-node-js):
a minimal RPC client with no validation, no retries and no typed answers, over Node's http. Against
the recommended SDKs mailbridge ran at 2.40–3.11x \`@alicloud/dm20151123\` and at 2.20–3.92x
\`tencentcloud-sdk-nodejs-ses\`, every run (earlier trees: 1.4–2.2x the Tencent SDK, whose own cost
per send holds level while the machine slows everything else).`,
  'throughput-signed': `What remains is ours and is the price of the checks. The baselines sign as a careful
hand-written client would (the TC3 day key kept; the RPC parameters assigned, not spread, which V8
writes on a slow path); \`bench/test/drivers.test.ts\` holds every driver's requests to the emulator's
signature checks, so no baseline is faster for skipping work. Over four runs of this tree mailbridge
ran at 0.78–0.93x of \`raw-undici+tc3\` and 0.78–0.95x of \`raw-undici+rpc\`. The fixes the profiles pointed
at are in: TC3 signing on node:crypto with the day's signing key kept and the two SHA-256 digests
through \`crypto.hash\` where the runtime has it; DirectMail's timestamp formatted once a second, its
string-to-sign encoded by \`encodeURIComponent\` alone (the canonical query holds none of \`!'()*\`);
no zod re-parse of request parameters the neutral mapping built from a validated message; the usual
send answers of both providers (\`{RequestId, EnvId}\`, \`{MessageId, RequestId}\`) read without
their zod schemas, to the same output; no per-request AbortController without a caller signal, no
await on a rate limiter with nothing to wait for, no async wrapper around an ungated send;
response headers decoded as latin1 in one pass; p-retry given all of its options (V8's slow path
otherwise: the micro table's "p-retry" rows); DirectMail's signer without object spreads. What is left
costs 22–24 µs per send with no socket under it (the "answered in-process" rows of the micro
table, over the four runs), against raw undici's 41–47 µs for the HTTP exchange alone. By the table
and the profiles: signing (TC3 about 4 µs; RPC about 8 µs, most of it percent-encoding and the
HMAC), message normalisation (about 5 µs: the one zod/mini schema and the address parsing: RFC 5322
display names, IDN domains), then the executor's promise chain (about 25 promises a send), the
capability check and reading the answer, a µs or two each. Measured and not taken: a hand-built
HMAC over \`crypto.hash\` (slower than \`createHmac\`); zod classic's generated object parser, which
saves about 0.5 µs on the message's top level but builds code with \`new Function\` and is not part
of zod/mini; a synchronous build for static credentials, which would change the adapter kit's
async credentials and signer contracts for about 1 µs. Dropping any check would drop a promise
(every input checked before any request, one error model, safe retries).`,
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
  process that imports only its own client, sends the warm-up (N sends, at most 5,000: the figures
  are steady state, after V8 has optimised each client's send path), then N single emails with C in
  flight, each awaited to the parsed provider id. sends/s = N / wall time; p50/p99 over the N latencies;
  CPU/send = \`process.cpuUsage()\` (user+system) over the N sends / N; peak RSS = \`resourceUsage().maxRSS\`.
  - \`raw-undici\`: Tencent \`SendEmail\` JSON over an undici \`Agent\` with the core's pool settings, no
    signing (the ceiling). \`raw-undici+tc3\`: the same plus a minimal node:crypto TC3-HMAC-SHA256
    signature (\`src/tc3.ts\`). \`raw-undici+rpc\`: DirectMail \`SingleSendMail\` as a node:crypto RPC v1
    (HMAC-SHA1) signed form (\`src/rpc.ts\`); \`raw-undici DirectMail form\`: the same form unsigned
    (DirectMail's request shape, without signing). \`test/drivers.test.ts\` sends through every driver
    into the emulator: the signed ones are accepted, the unsigned ones refused for their signature.
  - \`mailbridge …\`: \`createMailer(adapter({ endpoint: mock, credentials }), { rateLimits: false })\` and
    \`mailer.send(message)\`: validation, capability check, retry layer, signing, undici, parsing.
    Tencent sends a stored template (template-only is the account default); DirectMail an html body.
  - Official SDKs, unchanged but for endpoint and protocol (as test/interop points them at the
    emulator): \`tencentcloud-sdk-nodejs-ses\` 4.1.76, \`@alicloud/dm20151123\` 1.9.0 (default V3 signing),
    \`@alicloud/pop-core\` 1.8.0 (POST).
- **Ratios** are taken within a repetition (same C), then the median over repetitions (five in
  \`--quick\`: on a shared machine one driver's run can land in a slow spell).
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
