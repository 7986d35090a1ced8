/**
 * Receive delivery events in a plain Node server. One `node:http` server mounts one receiver per
 * provider: Tencent SES posts to `/events/tencent-ses/<token>` (register that URL, on port 8080,
 * 8081 or 8082, in the SES console), DirectMail's EventBridge HTTP target to
 * `/events/aliyun-dm/<token>`. Neither provider signs its events: the token in the URL is the
 * shared secret. Hard bounces, complaints and unsubscribes go into a suppression store that the
 * mailer checks before every send.
 *
 * By default the program runs the whole loop offline: it starts the emulator, points its event
 * push at this server, sends to an ordinary address and to `bounce@…`, prints the events, asks
 * `mailer.status`, and shows the next send to the bounced address being refused.
 * With `--serve` it only listens (PORT, default 8080; EVENTS_TOKEN required) and logs events.
 *
 * Run: `node --import tsx examples/receive-events.ts` (or `… --serve`)
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aliyunDm, parseEvents as parseAliyunEvents } from '@mailbridge/aliyun-dm';
import {
  createEventReceiver,
  createMailer,
  isMailError,
  type MailEvent,
  memorySuppression,
  suppressFromEvent,
  toNodeListener,
} from '@mailbridge/core';
import { startEmulator } from '@mailbridge/emulator';
import { parseEvents as parseTencentEvents, tencentSes } from '@mailbridge/tencent-ses';

const serveOnly = process.argv.includes('--serve');
const token = process.env.EVENTS_TOKEN ?? (serveOnly ? '' : 'example-token-0123456789');
const suppression = memorySuppression();

async function onEvent(event: MailEvent): Promise<void> {
  const bounce = event.bounce ? `(${event.bounce})` : '';
  console.log(`event ${event.provider} ${event.kind}${bounce} ${event.recipient ?? '?'}`);
  await suppressFromEvent(suppression, event);
}

// One receiver per provider, each with its provider's parser; both share the token.
const receivers = {
  'tencent-ses': createEventReceiver({ token, parse: parseTencentEvents, onEvent }),
  'aliyun-dm': createEventReceiver({ token, parse: (body) => parseAliyunEvents(body), onEvent }),
};
const server = createServer((req, res) => {
  const provider = /^\/events\/([^/]+)\//.exec(req.url ?? '')?.[1];
  const receiver = receivers[provider as keyof typeof receivers];
  if (receiver) return toNodeListener(receiver.handle)(req, res);
  res.writeHead(404).end();
});
server.listen(
  serveOnly ? Number(process.env.PORT ?? 8080) : 0,
  serveOnly ? '0.0.0.0' : '127.0.0.1',
);
await once(server, 'listening');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(`listening on ${base} (POST /events/tencent-ses/<token>, /events/aliyun-dm/<token>)`);

if (!serveOnly) {
  await offlineLoop();
  server.close();
}

/** Both providers against the emulator: send, receive, ask, and refuse a suppressed address. */
async function offlineLoop(): Promise<void> {
  const emu = await startEmulator();
  emu.events.setCallback('tencent-ses', `${base}/events/tencent-ses/${token}`);
  emu.events.setCallback('aliyun-dm', `${base}/events/aliyun-dm/${token}`);
  const tc = emu.credentials.tencent[0];
  const dm = emu.credentials.aliyun[0];
  if (!tc || !dm) throw new Error('the emulator made no keys');
  const mailers = [
    createMailer(tencentSes({ region: 'ap-guangzhou', endpoint: emu.url, credentials: tc }), {
      suppression,
    }),
    createMailer(aliyunDm({ region: 'cn-hangzhou', endpoint: emu.url, credentials: dm }), {
      suppression,
    }),
  ];
  const message = (to: string) => ({
    from: 'noreply@mail.example.com',
    to,
    subject: 'Welcome',
    template: { id: 100001, data: { name: 'Ann' } },
  });
  try {
    const [tencent, aliyun] = mailers as [(typeof mailers)[0], (typeof mailers)[1]];
    await tencent.send(message('ann@example.com'));
    await tencent.send(message('bounce@example.com'));
    await aliyun.send({
      from: 'noreply@mail.example.com',
      to: 'bob@example.com',
      subject: 'Welcome',
      html: '<p>Hi Bob</p>',
    });
    await emu.events.flush();
    for (const s of suppression.list()) console.log(`suppressed: ${s.address} (${s.reason})`);
    for (const row of await tencent.status({ recipient: 'ann@example.com' })) {
      console.log(`status ${row.provider} ${row.recipient}: ${row.kind}`);
    }
    for (const row of await aliyun.status({ recipient: 'bob@example.com' })) {
      console.log(`status ${row.provider} ${row.recipient}: ${row.kind}`);
    }
    await tencent.send(message('bounce@example.com')).catch((error: unknown) => {
      if (!isMailError(error)) throw error;
      console.log(`next send to bounce@example.com: ${error.code}, ${error.delivery}`);
    });
  } finally {
    for (const m of mailers) await m.close();
    await emu.close();
  }
}
