/**
 * A deliberately cheap mock of both providers for the benchmark, run in its own process so its
 * CPU never counts against a driver. It answers the few actions the bench calls with canned
 * success envelopes (DirectMail `{RequestId, EnvId}`; Tencent `{"Response":{MessageId,
 * RequestId}}`) and verifies no signature: the point is to measure the clients, not a server.
 * The shapes follow https://www.alibabacloud.com/help/en/direct-mail/api-dm-2015-11-23-singlesendmail
 * and docs/providers/tencent-ses.md "Response envelope".
 *
 * Prints `{"port":N}` on stdout once listening on 127.0.0.1 port 0; exits on SIGTERM or when
 * stdin closes (so an orphaned mock never outlives its runner).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

let counter = 0;
/** A unique-enough request id without the cost of randomUUID on every call. */
const requestId = () => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;

/** Tencent SES answers by `X-TC-Action`; unknown actions still succeed (RequestId only). */
function tencent(action: string): Record<string, unknown> {
  const id = requestId();
  switch (action) {
    case 'SendEmail':
      return { Response: { MessageId: `qcloudses-30-bench-${counter}`, RequestId: id } };
    case 'CreateReceiver':
      return { Response: { ReceiverId: 100000 + counter, RequestId: id } };
    default:
      // CreateReceiverDetail(WithData): counts are optional in the envelope ("Recipient groups").
      return { Response: { RequestId: id } };
  }
}

/** DirectMail answers by `Action` (RPC v1 body/query, or the V3 `x-acs-action` header). */
function directMail(action: string): string {
  const id = requestId();
  switch (action) {
    case 'SingleSendMail':
      // EnvId is a JSON number above 2^53, as the real API (and the emulator) writes it.
      return `{"RequestId":"${id}","EnvId":${600000000000000000 + counter}}`;
    case 'CreateReceiver':
      return `{"RequestId":"${id}","ReceiverId":"r${counter}"}`;
    case 'SaveReceiverDetail':
      return `{"RequestId":"${id}","ErrorCount":0,"Data":{"Detail":[]}}`;
    default:
      return `{"RequestId":"${id}"}`;
  }
}

const ACTION_IN_FORM = /(?:^|[?&])Action=([A-Za-z]+)/;

function respond(res: ServerResponse, body: string): void {
  res.writeHead(200, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  const tcAction = req.headers['x-tc-action'];
  if (typeof tcAction === 'string') {
    respond(res, JSON.stringify(tencent(tcAction)));
    return;
  }
  const acsAction = req.headers['x-acs-action'];
  const action =
    typeof acsAction === 'string'
      ? acsAction
      : (ACTION_IN_FORM.exec(req.url ?? '')?.[1] ?? ACTION_IN_FORM.exec(body)?.[1] ?? 'Unknown');
  respond(res, directMail(action));
}

/** Connections accepted so far: `GET /__connections` answers it (how well a client pools). */
let connections = 0;

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  if (req.method === 'GET' && req.url === '/__connections') {
    respond(res, JSON.stringify({ connections }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    // Only a form body can carry the Action; a large JSON upload is never decoded.
    const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form');
    handle(req, res, isForm ? Buffer.concat(chunks).toString('latin1') : '');
  });
});
server.on('connection', () => {
  connections += 1;
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
