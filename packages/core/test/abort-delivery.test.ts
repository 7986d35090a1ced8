/**
 * An abort reports what the attempts may have done: a request cut short after it was written
 * is `unknown`, even when an earlier attempt had failed `not_sent` and no retry was left.
 */
import { afterEach, expect, it } from 'vitest';
import { createMailer, MailError } from '../src/index.js';
import { defineProvider, type Operation } from '../src/provider/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { TESTING_CAPABILITIES } from '../src/testing/testing.js';
import { closeAll, serve } from './helpers/loopback.js';

afterEach(closeAll);

it('a last attempt aborted in flight is unknown, after a not_sent failure before it', async () => {
  // The first request is throttled (certainly not executed); the second never gets an answer,
  // and the caller gives up once the server holds it (so it was written, however busy the CPU).
  const controller = new AbortController();
  const server = await serve((_req, res) => {
    if (server.received.length === 1) res.writeHead(429).end('{}');
    else controller.abort();
  });
  const send: Operation<{ messageId: string }> = {
    action: 'send',
    kind: 'send',
    build: () => ({ method: 'POST', url: `${server.origin}/send`, headers: {}, body: '{}' }),
    parse: (response) => {
      if (response.status === 429) {
        throw new MailError('throttled', { code: 'rate_limited', retryable: true });
      }
      return { messageId: 'm1' };
    },
  };
  const provider = defineProvider({
    id: 'acme',
    origin: server.origin,
    capabilities: { ...TESTING_CAPABILITIES, provider: 'acme' },
    send: () => send,
    sendBatch: () => {
      throw new Error('not used');
    },
    groups: undefined as never,
    raw: () => ({}),
  });
  const mailer = createMailer(provider, { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } });
  const error = await rejectedMailError(
    mailer.send(
      { from: 'noreply@example.com', to: 'ann@example.com', subject: 'Hi', text: 'x' },
      { signal: controller.signal },
    ),
  );
  await mailer.close();
  expect(server.received).toHaveLength(2);
  expect(error).toMatchObject({ code: 'aborted', delivery: 'unknown', attempts: 2 });
});
