/**
 * The fuzz properties, shared by the CI test (fuzz.test.ts, a few hundred cases) and the full
 * run (fuzz-full.ts, 10,000+ per provider). Each returns its outcome counts so the full run can
 * publish them; a violated property throws fast-check's report (seed, path, counterexample).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { percentEncode } from '@mailbridge/aliyun-dm';
import { isMailError, MAIL_ERROR_CODES, type Mailer, type MessageInput } from '@mailbridge/core';
import type { Emulator } from '@mailbridge/emulator';
import fc from 'fast-check';
import { errorBody, messageInput, paramValue } from './fuzz-arbitraries.js';
import { mailerFor, type Target } from './targets.js';

/** Outcome counts of one property run. */
export type Counts = Record<string, number>;

const bump = (counts: Counts, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function testMailer(target: Target, emu: Emulator, signatureVersion?: 'v3'): Mailer {
  const key = target.key(emu);
  return mailerFor(target, {
    endpoint: emu.url,
    credentials: () => key,
    ...(signatureVersion ? { signatureVersion } : {}),
    options: { retry: { retries: 0 }, rateLimits: false },
  });
}

/**
 * (a) Any message input either reaches the emulator once and is accepted (a copy lands in the
 * outbox), or is `invalid_input`/`unsupported` before any request. Nothing else, ever.
 */
export async function fuzzMessages(target: Target, emu: Emulator, runs: number): Promise<Counts> {
  const counts: Counts = {};
  const mailer = testMailer(target, emu);
  const requests = () => emu.requestCount({ provider: target.id });
  try {
    await fc.assert(
      fc.asyncProperty(messageInput(target.id), async (input) => {
        const before = requests();
        const copies = emu.outbox.length;
        const outcome = await mailer.send(input as unknown as MessageInput).then(
          () => 'accepted',
          (error: unknown) => error,
        );
        const sent = requests() - before;
        if (outcome === 'accepted') {
          if (sent !== 1) throw new Error(`accepted after ${sent} requests`);
          if (emu.outbox.length <= copies) throw new Error('accepted, but no copy in the outbox');
          bump(counts, 'accepted');
          return;
        }
        if (!isMailError(outcome)) throw outcome;
        if (outcome.code !== 'invalid_input' && outcome.code !== 'unsupported')
          throw new Error(`${outcome.code} after ${sent} requests: ${outcome.message}`);
        if (sent !== 0) throw new Error(`${outcome.code} after ${sent} requests`);
        bump(counts, outcome.code);
      }),
      { numRuns: runs },
    );
  } finally {
    await mailer.close();
  }
  return counts;
}

/**
 * (b) Random parameter values through a signer into the emulator, which verifies every
 * signature exactly: all accepted. One send (non-empty subject, a body up to 16 K CJK characters in one case of 20) and one
 * query (any keyword, empty included) per case.
 */
export async function fuzzSigner(
  target: Target,
  emu: Emulator,
  runs: number,
  signatureVersion?: 'v3',
): Promise<Counts> {
  const counts: Counts = {};
  const mailer = testMailer(target, emu, signatureVersion);
  const long = fc.option(fc.integer({ min: 1, max: 16 * 1024 }), { freq: 20 });
  try {
    await fc.assert(
      fc.asyncProperty(paramValue, paramValue, paramValue, long, async (s, b, k, size) => {
        const subject = `S${s}`.slice(0, 90);
        const body = `${b}${size ? '长'.repeat(size / 3) : ''}`;
        if (target.id === 'aliyun-dm') {
          const raw = mailer.raw as import('@mailbridge/aliyun-dm').AliyunDmClient;
          await raw.SingleSendMail({
            AccountName: 'noreply@mail.example.com',
            AddressType: 1,
            ReplyToAddress: false,
            ToAddress: 'signer@example.com',
            Subject: subject,
            HtmlBody: `<p>${body}</p>`,
          });
          await raw.QueryReceiverByParam({ KeyWord: k, PageSize: 1 });
        } else {
          const raw = mailer.raw as import('@mailbridge/tencent-ses').TencentSesClient;
          await raw.SendEmail({
            FromEmailAddress: 'noreply@mail.example.com',
            Destination: ['signer@example.com'],
            Subject: subject,
            Template: {
              TemplateID: 100001,
              TemplateData: JSON.stringify({ name: body.slice(0, 200) }),
            },
          });
          await raw.ListReceivers({ Offset: 0, Limit: 1, KeyWord: k });
        }
        bump(counts, 'accepted');
      }),
      { numRuns: runs },
    );
  } finally {
    await mailer.close();
  }
  return counts;
}

/**
 * An RFC 3986 reference written independently of the adapter: the platform's
 * `encodeURIComponent` (UTF-8, upper-case hex) plus the sub-delims it leaves alone (`!'()*`),
 * which RFC 3986 §2.2 reserves and §2.3 does not list as unreserved.
 */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** (c) `percentEncode` equals the reference on random strings; both refuse lone surrogates. */
export function fuzzPercentEncode(runs: number): Counts {
  const counts: Counts = {};
  const attempt = (f: (v: string) => string, v: string) => {
    try {
      return f(v);
    } catch (error) {
      return error instanceof URIError ? 'URIError' : `threw ${String(error)}`;
    }
  };
  fc.assert(
    fc.property(
      fc.oneof(
        // Raw UTF-16 code units: lone surrogates included, which no UTF-8 form exists for.
        fc
          .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 })
          .map((units) => String.fromCharCode(...units)),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        paramValue,
      ),
      (value) => {
        const ours = attempt(percentEncode, value);
        const reference = attempt(rfc3986, value);
        if (ours !== reference)
          throw new Error(`${JSON.stringify(value)}: ${ours} != ${reference}`);
        if (ours !== 'URIError' && decodeURIComponent(ours) !== value)
          throw new Error(`does not round-trip: ${JSON.stringify(value)}`);
        bump(counts, ours === 'URIError' ? 'refused (lone surrogate)' : 'equal');
      },
    ),
    { numRuns: runs },
  );
  return counts;
}

/** A loopback server answering each request with the next scripted status/body. */
export async function scriptedServer(): Promise<{
  server: Server;
  url: string;
  next: (answer: { status: number; body: string; retryAfter: string | null }) => void;
}> {
  let answer = { status: 200, body: '{}', retryAfter: null as string | null };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.retryAfter !== null) headers['x-acs-retry-after'] = answer.retryAfter;
      res.writeHead(answer.status, headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, next: (a) => (answer = a) };
}

/**
 * (d) Random provider error bodies: every failure is a well-formed MailError (a known code,
 * boolean retryable, a delivery, attempts >= 1, provider and action set, a message, JSON-able).
 */
export async function fuzzErrorBodies(target: Target, runs: number): Promise<Counts> {
  const counts: Counts = {};
  const { server, url, next } = await scriptedServer();
  const mailer = mailerFor(target, {
    endpoint: url,
    credentials: () => ({ id: 'AKIDfuzz', secret: 'fuzz-secret-never-shown' }),
    options: { retry: { retries: 0 }, rateLimits: false },
  });
  try {
    await fc.assert(
      fc.asyncProperty(errorBody(target.id), async (answer) => {
        next(answer);
        const outcome = await mailer.send(target.message('fuzz@example.com')).then(
          () => 'accepted',
          (e: unknown) => e,
        );
        if (outcome === 'accepted') {
          // A success only from a success status: DirectMail any 2xx, Tencent exactly 200.
          const ok = target.id === 'tencent-ses' ? answer.status === 200 : answer.status < 300;
          if (!ok || answer.status < 200)
            throw new Error(`HTTP ${answer.status} taken as a success`);
          return void bump(counts, 'accepted');
        }
        if (!isMailError(outcome)) throw outcome;
        const e = outcome;
        const wellFormed =
          (MAIL_ERROR_CODES as readonly string[]).includes(e.code) &&
          typeof e.retryable === 'boolean' &&
          (e.delivery === 'not_sent' || e.delivery === 'unknown') &&
          e.attempts === 1 &&
          e.provider === target.id &&
          e.action === target.actions.send &&
          typeof e.message === 'string' &&
          e.message.length > 0 &&
          (e.providerCode === undefined || typeof e.providerCode === 'string') &&
          (e.retryAfterMs === undefined || Number.isSafeInteger(e.retryAfterMs)) &&
          typeof JSON.stringify(e) === 'string' &&
          !JSON.stringify(e).includes('fuzz-secret-never-shown');
        if (!wellFormed) throw new Error(`ill-formed MailError: ${JSON.stringify(e)}`);
        // A 200 with an error code, or any non-2xx, is never a success and never silent.
        bump(counts, e.code);
      }),
      { numRuns: runs },
    );
  } finally {
    await mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return counts;
}
