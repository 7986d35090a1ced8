/**
 * Per-operation CPU costs of the pieces the profiles point at, in one fresh process:
 * `node dist/micro.js`. Each operation runs a warm-up, then a timed loop; prints
 * `{"rows":[{"name","usPerOp"}]}`. Sizes the proposed fixes (signer, encoder, validation).
 */
import { signerV1 } from '@mailbridge/aliyun-dm';
import { normalizeMessage } from '@mailbridge/core/provider';
import { createTc3Signer, NodeSha256 } from '@mailbridge/tencent-ses';
import { Sha256Js } from '@mailbridge/tencent-ses/portable';
import pRetry from 'p-retry';
import type { Dispatcher } from 'undici';
import { FROM, HTML, KEY, SUBJECT, TEMPLATE_ID } from './drivers/driver.js';
import { createMailbridgeAliyun } from './drivers/mailbridge-aliyun.js';
import { createMailbridgeTencent } from './drivers/mailbridge-tencent.js';
import { rpcFormBody } from './rpc.js';
import { tc3Authorization } from './tc3.js';

const ITERATIONS = 20_000;
// Steady state, as for the sends (run.ts): V8 optimises a send path over its first few thousand calls.
const WARMUP = 5_000;

async function time(
  name: string,
  op: (i: number) => unknown,
): Promise<{ name: string; usPerOp: number }> {
  for (let i = 0; i < WARMUP; i++) await op(i);
  // CPU time, not wall time: on a shared machine the process may wait for a core.
  const start = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) await op(i);
  const used = process.cpuUsage(start);
  return { name, usPerOp: (used.user + used.system) / ITERATIONS };
}

const body = JSON.stringify({
  FromEmailAddress: FROM,
  Destination: ['user1@example.com'],
  Subject: SUBJECT,
  Template: { TemplateID: TEMPLATE_ID, TemplateData: '{"name":"Ann"}' },
});
const tc3Input = {
  body,
  contentType: 'application/json; charset=utf-8',
  host: '127.0.0.1:8080',
  secretId: KEY.id,
  secretKey: KEY.secret,
  timestamp: 1_700_000_000,
};
const dmParams = {
  AccountName: FROM,
  AddressType: '1',
  ReplyToAddress: 'false',
  ToAddress: 'user1@example.com',
  Subject: SUBJECT,
  HtmlBody: HTML,
  FromAlias: 'Shop',
};
const message = {
  from: `Shop <${FROM}>`,
  to: 'user1@example.com',
  subject: SUBJECT,
  template: { id: TEMPLATE_ID, data: { name: 'Ann' } },
};

// The executor runs every attempt, the first included, inside p-retry (core/src/run/executor.ts):
// what that costs a send that succeeds first time, with all of p-retry's options given (as the
// executor does) and with only some (p-retry then adds the rest to its copy of them).
const succeed = async () => 1;
const noop = () => {};
const yes = () => true;
const retryAll = () =>
  pRetry(succeed, {
    retries: 3,
    factor: 2,
    minTimeout: 200,
    maxTimeout: 5_000,
    maxRetryTime: Number.POSITIVE_INFINITY,
    randomize: true,
    signal: undefined,
    onFailedAttempt: noop,
    shouldConsumeRetry: yes,
    shouldRetry: () => true,
  });
const retrySome = () =>
  pRetry(succeed, { retries: 3, minTimeout: 200, maxTimeout: 5_000, shouldRetry: () => true });

/**
 * An undici dispatcher that answers every request in-process on the next microtask, with the
 * mock's answer: a whole `mailer.send` (validation, capability check, executor, signing, answer
 * parsing) with no socket, no HTTP parser and no mock under it.
 */
function answering(answer: (n: number) => string): Dispatcher {
  let n = 0;
  const dispatcher = {
    dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      const body = Buffer.from(answer(++n));
      queueMicrotask(() => {
        handler.onConnect?.(() => {});
        const headers = ['content-type', 'application/json', 'content-length', `${body.length}`];
        handler.onHeaders?.(
          200,
          headers.map((h) => Buffer.from(h)),
          () => {},
          'OK',
        );
        handler.onData?.(body);
        handler.onComplete?.([]);
      });
      return true;
    },
  };
  return dispatcher as unknown as Dispatcher;
}

// Never contacted: the dispatcher answers. http: is allowed for loopback endpoints only.
const endpoint = 'http://127.0.0.1:9';
const tencent = createMailbridgeTencent(
  endpoint,
  answering((n) => `{"Response":{"MessageId":"qcloudses-30-bench-${n}","RequestId":"r-${n}"}}`),
);
const aliyun = createMailbridgeAliyun(
  endpoint,
  answering((n) => `{"RequestId":"r-${n}","EnvId":${600000000000000000 + n}}`),
);

const direct = createTc3Signer();
const nodeChecksum = createTc3Signer(NodeSha256);
const portable = createTc3Signer(Sha256Js);
const rows = [
  await time('TC3 sign: adapter default (node:crypto, signing key kept)', () =>
    direct.sign(tc3Input),
  ),
  await time('TC3 sign: adapter over a node:crypto Checksum', () => nodeChecksum.sign(tc3Input)),
  await time('TC3 sign: adapter over @aws-crypto/sha256-js', () => portable.sign(tc3Input)),
  await time('TC3 sign: bench minimal node:crypto (src/tc3.ts)', () =>
    tc3Authorization({ ...tc3Input, hostname: '127.0.0.1' }),
  ),
  await time('RPC v1 sign: adapter signerV1 (sorted, percent-encoded form)', (i) =>
    signerV1.sign({
      method: 'POST',
      host: '127.0.0.1:8080',
      action: 'SingleSendMail',
      version: '2015-11-23',
      regionId: 'cn-hangzhou',
      params: dmParams,
      credentials: KEY,
      timestamp: 1_700_000_000_000,
      nonce: `nonce-${i}`,
    }),
  ),
  await time('RPC v1 sign: bench encodeURIComponent-based (src/rpc.ts)', () =>
    rpcFormBody('SingleSendMail', dmParams, KEY),
  ),
  await time('core normalizeMessage, templated message', () => normalizeMessage(message)),
  await time('mailer.send, tencent-ses, answered in-process (no socket)', (i) => tencent.send(i)),
  await time('mailer.send, aliyun-dm, answered in-process (no socket)', (i) => aliyun.send(i)),
  await time('p-retry around an attempt that succeeds: the attempt alone (reference)', succeed),
  await time('p-retry around an attempt that succeeds: every option given (executor)', retryAll),
  await time('p-retry around an attempt that succeeds: some options given', retrySome),
  await time('JSON.stringify of the SendEmail body (reference)', () =>
    JSON.stringify(JSON.parse(body)),
  ),
];
process.stdout.write(`${JSON.stringify({ rows })}\n`);
