/**
 * The developer's inbox inside the emulator: the request journal, the page and its JSON and
 * live-stream routes. server.ts hands it each request first; what it does not serve goes on to
 * the provider dispatch unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutboxEntry, ProviderModule } from '../types.js';
import { createJournal } from './journal.js';
import { createInboxListener, servesInbox } from './routes.js';

export type { RequestListener, RequestRecord } from './journal.js';
export { formatRequestLine } from './log.js';
export { INBOX_ROUTES } from './routes.js';

/** What the inbox reads from the emulator core. */
export interface InboxOptions {
  readonly modules: readonly ProviderModule[];
  readonly outbox: readonly OutboxEntry[];
  now(): number;
  faultCount(): number;
}

/** The inbox: `handle` serves or observes a request; `journal` lists and streams requests. */
export function createInbox(options: InboxOptions) {
  const journal = createJournal(options);
  const routes = createInboxListener({ ...options, journal });
  return {
    journal,
    /**
     * Serve the request when it is the inbox's (true); otherwise start journaling it and
     * return false, and the caller dispatches it as before.
     */
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      if (servesInbox(req)) {
        void routes.listener(req, res);
        return true;
      }
      // The admin API is the page's own traffic: not journaled, not logged.
      if (!req.url?.startsWith('/__emulator/')) journal.observe(req, res);
      return false;
    },
    close: routes.close,
  };
}
