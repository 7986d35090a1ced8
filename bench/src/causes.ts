/**
 * The analysis behind each missed target (by target id), from the CPU profiles and the
 * footprint walk; rendered under "Causes of the misses" only when that target misses.
 */
export const CAUSES: Readonly<Record<string, string>> = {
  'throughput-raw': `mailbridge spends 2–3x the CPU per send of raw undici + signing (compare the
"CPU µs/send" columns and the profiles below); with 2 cores shared with the mock, CPU per send is
what bounds sends/s at C=64. The hot spots and fixes are listed under throughput-signed.`,
  'throughput-sdk': `Partly the premise: against a loopback mock the official SDKs are thin. Both
\`tencentcloud-sdk-nodejs-ses\` and \`@alicloud/pop-core\` sign with node:crypto and reuse Node's
keep-alive sockets (one per request in flight, see "connections"), so the "raw undici itself"
figure, the ceiling of any client, is itself near or below 2.5x for them: mailbridge would have to
run at raw-undici speed to pass. The rest is ours: mailbridge's CPU per send (throughput-signed)
puts it level with or below the SDKs instead of above them.`,
  'throughput-signed': `Ours. From \`node --cpu-prof\` of \`send.js\` at C=64 (profiles below; shares of all samples):

1. **TC3 signing on \`@aws-crypto/sha256-js\` (tencent-ses, ~17%).** \`createTc3Signer()\` defaults to the
   pure-JS SHA-256: 6 hashes per request (body, canonical request, 4-step HMAC key chain), each
   a new \`Sha256\` object. *Fix (packages/tencent-ses/src/signer.ts, client.ts):* as DESIGN.md
   "Signing" foresees once the benchmark shows signing holding the send path back, make the Node
   default a node:crypto signer: ideally a direct one (strings in, \`digest('hex')\` out, as
   \`bench/src/tc3.ts\`), since going through the \`Checksum\` interface (TextEncoder, async digests,
   hex loop) keeps about half the cost (micro table: sha256-js vs node:crypto \`Checksum\` vs direct).
   Keep the injectable \`ChecksumConstructor\` for other runtimes. This also drops @aws-crypto/sha256-js and its 7
   transitive packages from the adapter's dependencies (install size, cold import).
2. **zod on the hot path (~9–12%).** Each send runs \`normalizeMessage\` (a zod \`safeParse\` of the
   whole \`MessageInput\`, core/src/validate.ts), then the adapter re-parses the request parameters it
   has just built from that validated message with the action's zod schema
   (tencent-ses \`actionOperation\` and aliyun-dm \`envelopeOperation\`: \`spec.request.safeParse\`), then
   parses the response with a zod schema. *Fix:* (a) in the adapters, skip \`spec.request.safeParse\` for
   parameters produced by the neutral mapping (keep it for the raw client, where the user wrote
   them); (b) in core, a hand-written fast path for the common message shape (strings / string
   arrays / template object), with zod only to build the issues when the fast check fails;
   (c) parse the two hot responses (SendEmail, SingleSendMail) by hand (\`MessageId\`/\`EnvId\` +
   \`RequestId\`), zod for the rest.
3. **Per-request deadline and retry wrapper (core, ~5% and ~3.5%).** \`startDeadline\` creates an
   \`AbortController\` and a timer for every request and the signal is threaded into undici; every
   call also enters \`pRetry\` (option objects, signal checks) even when the first attempt succeeds.
   *Fix (core/src/http.ts, executor.ts):* rely on the Agent's \`headersTimeout\`/\`bodyTimeout\`
   (already set to the same timeout) and create a signal only when the caller passes one; run the
   first attempt directly and enter \`pRetry\` only after a retryable failure.
4. **Reading the body (core \`readBody\`, ~5%).** A \`for await\` over the stream into a chunk array
   and \`Buffer.concat\`, for answers of a few hundred bytes. *Fix:* when \`content-length\` is present
   and under the cap, \`await body.text()\`; keep the streaming cap when it is absent.
5. Smaller: \`requestUrl\`/\`endpointProblem\` re-validate the endpoint URL on every request
   (core/src/http.ts, ~2%): validate once per origin when the client is created.
6. Not a cause: DirectMail RPC v1 signing costs about what the bench's minimal node:crypto
   signer costs (micro table), so the DirectMail gap is items 2–5.

Even with a node:crypto \`Checksum\`, the typed client's signing is ~15% of its CPU (the \`Checksum\`
indirection), which is why item 1 proposes a direct node:crypto signer.`,
  rss: `Two parts. Code: the cold-import table's "RSS after" column shows core + adapter loaded
against undici alone (zod, every action's schemas, our modules: about 9 MB; about 5 MB of it
heap). Headroom: V8 grows the young generation with the allocation rate, and a mailbridge send
allocates several times what a raw request does (normalised message, zod results and issues
arrays, per-request AbortController and timer, sha256-js buffers; see the GC share in the
profiles). *Fixes:* the allocation fixes under throughput-signed (items 1–3) cut the second part;
lazily built action schemas (under import) cut the first.`,
  import: `Ours. \`@mailbridge/core\` imports undici (so it can never be below "undici alone"), then zod 4
(classic API: 95 ESM files resolved, compiled and evaluated), p-retry, and its own module. The
adapters then build every action's zod schemas at module load (35 Tencent actions, 39 DirectMail
actions), and tencent-ses loads the CommonJS chain of @aws-crypto/sha256-js (tslib, @smithy/*,
@aws-sdk/types). *Fixes:* (1) node:crypto signer (above) removes the sha256-js chain;
(2) build action schemas lazily on first use (a memoised getter per action), so importing an
adapter costs only the schemas of the actions called; (3) bundle the used part of zod into
core's dist (tsup \`noExternal: ['zod']\`, tree-shaken) so Node resolves one file instead of 95 —
also the size fix below.`,
  size: `zod 4 is ~6 MB installed (it ships v3, v4, v4-mini, locales, sources and both module
formats); with undici (~1.7 MB) core's dependencies alone exceed 4 MB whatever our own dist weighs.
tencent-ses adds @aws-crypto/sha256-js and 7 transitive packages. *Fixes:* bundle the used part of
zod into the published dist (tsup \`noExternal: ['zod']\`; the bundle stays tree-shaken, the runtime
dependency goes away), switch the TC3 default signer to node:crypto, and stop publishing source
maps (\`*.map\` is about half of each dist). Without zod the figure is about 3.6 MB.`,
  upload: `Nothing is retained: with a collection every 20,000 rows ("retained memory" rows) the
peak stays flat from 100,000 to 1,000,000 recipients, so the generator is consumed one chunk at
a time as intended. The default-GC growth on Tencent is heap sizing: a Tencent chunk is 20,000 rows
(the API maximum) and lives across the await of its request, and each chunk exists in several
copies at once (normalised recipients, \`rowsOf\` rows, the zod-parsed request, the ~1.5 MB JSON
body, its \`TextEncoder\` bytes for the signer), so each chunk is promoted to the old generation and
V8 grows the old space between mark-compacts. DirectMail's 500-row chunks die young and stay flat.
*Fixes (tencent-ses):* skip the request re-validation for mapped params (throughput-signed 2a) and
hash the body string with node:crypto (item 1) to drop two copies; and upload in chunks of
2,000–5,000 rows (capabilities \`uploadChunk\`): still far under the 20 requests/s limit, and
each chunk then dies young. CPU of a large upload is per recipient: a zod \`safeParse\` per row
in \`normalizeRecipient\` (~30% of an upload's CPU) and the pure-JS SHA-256 of each multi-MB body
(~13%).`,
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
