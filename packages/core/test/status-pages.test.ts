/**
 * `mailer.status` reads every page of the provider's answer. A provider (or adapter) that hands
 * back the cursor it was given would be asked the same page again and again: the listing of
 * resources stops that at the second ask, and so must the status query.
 */
import { afterEach, expect, it } from 'vitest';
import { createMailer, type RecipientStatus } from '../src/index.js';
import { defineProvider } from '../src/provider/index.js';
import { type EchoServer, echoProvider, op, startEchoServer } from './helpers/http-provider.js';

const servers: EchoServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

it('a status cursor that does not move is an error after the second ask, not 10,000 requests', async () => {
  const server = await startEchoServer();
  servers.push(server);
  const provider = defineProvider({
    ...echoProvider(server.origin),
    status: (_query, cursor) =>
      op(
        server.origin,
        'status',
        { cursor },
        () => {
          const row: RecipientStatus = {
            provider: 'echo',
            recipient: 'ann@example.com',
            kind: 'delivered',
            accepted: true,
            providerStatus: 'delivered',
          };
          return { items: [row], next: 'page-2' };
        },
        'read',
      ),
  });
  const mailer = createMailer(provider);
  try {
    const error = await mailer.status({ recipient: 'ann@example.com' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'provider_unavailable', action: 'status' });
    expect(server.received).toHaveLength(2);
  } finally {
    await mailer.close();
  }
});
