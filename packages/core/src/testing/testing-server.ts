/**
 * The in-process "server" behind the testing provider: verifies each request's signature,
 * applies injected faults, and keeps groups and an outbox in memory.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { type Delivery, MailError, type MailErrorCode } from '../errors.js';
import type { HttpRequest, HttpResponse } from '../provider/provider.js';
import { sleep } from '../run/sleep.js';

/** A fault for the next `count` (default 1) requests of `action` (default: any action). */
export type TestingFault = { readonly action?: string; readonly count?: number } & (
  | {
      readonly kind: 'error';
      readonly code: MailErrorCode;
      readonly retryable?: boolean;
      readonly delivery?: Delivery;
      readonly retryAfterMs?: number;
    }
  /**
   * Process the request, then fail as if the connection dropped before the answer. Like
   * `refuse`, it throws an already-classified MailError: tests on it check retry decisions, not
   * HTTP classification (that is tested on real sockets: core's http-written.test.ts,
   * test/reliability/socket-faults.test.ts).
   */
  | { readonly kind: 'drop' }
  /** Fail before processing, as if the connection was refused (already classified, see drop). */
  | { readonly kind: 'refuse' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'malformed' }
);

/** One delivered copy. */
export interface TestingOutboxEntry {
  readonly action: string;
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly html?: string;
  readonly text?: string;
  readonly template?: unknown;
  readonly tags?: readonly string[];
  readonly group?: string;
}

interface StoredGroup {
  readonly id: string;
  readonly name: string;
  readonly recipients: { address: string; name?: string; data?: Record<string, string> }[];
}

type Body = Record<string, unknown>;

export class TestingServer {
  outbox: TestingOutboxEntry[] = [];
  delivered = 0;
  requests: Record<string, number> = {};
  signatures: string[] = [];
  private faults: { fault: TestingFault; left: number }[] = [];
  private groups = new Map<string, StoredGroup>();
  private sequence = 0;

  constructor(
    private readonly secret: string,
    private readonly keepOutbox: boolean,
  ) {}

  inject(fault: TestingFault): void {
    this.faults.push({ fault, left: fault.count ?? 1 });
  }

  reset(): void {
    this.outbox = [];
    this.delivered = 0;
    this.requests = {};
    this.signatures = [];
    this.faults = [];
    this.groups.clear();
  }

  async dispatch(request: HttpRequest, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const action = new URL(request.url).pathname.slice(1);
    const body = typeof request.body === 'string' ? request.body : '';
    this.requests[action] = (this.requests[action] ?? 0) + 1;
    if (!this.verify(action, request, body)) {
      return this.answer(401, {
        error: {
          code: 'auth',
          message: 'signature does not match',
          retryable: false,
          delivery: 'not_sent',
        },
      });
    }
    const fault = this.takeFault(action);
    if (fault?.kind === 'refuse') throw network('refused the connection', 'not_sent');
    if (fault?.kind === 'delay') await sleep(fault.ms, signal);
    if (fault?.kind === 'error') return this.answer(400, { error: faultError(fault) });
    const response = this.process(action, JSON.parse(body) as Body);
    if (fault?.kind === 'drop') throw network('dropped the connection after processing', 'unknown');
    if (fault?.kind === 'malformed') return { status: 200, headers: {}, body: '{"truncated": ' };
    return response;
  }

  private verify(action: string, request: HttpRequest, body: string): boolean {
    const { authorization = '', 'x-timestamp': ts = '', 'x-nonce': nonce = '' } = request.headers;
    const expected = createHmac('sha256', this.secret)
      .update(`${action}\n${ts}\n${nonce}\n${body}`)
      .digest('hex');
    if (authorization !== `HMAC ${expected}`) return false;
    if (this.keepOutbox) this.signatures.push(expected);
    return true;
  }

  private takeFault(action: string): TestingFault | undefined {
    const entry = this.faults.find(
      (f) => f.left > 0 && (f.fault.action === undefined || f.fault.action === action),
    );
    if (!entry) return undefined;
    entry.left -= 1;
    this.faults = this.faults.filter((f) => f.left > 0);
    return entry.fault;
  }

  private answer(status: number, body: Body): HttpResponse {
    return {
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: randomUUID(), ...body }),
    };
  }

  private record(entry: TestingOutboxEntry): void {
    this.delivered += 1;
    if (this.keepOutbox) this.outbox.push(entry);
  }

  private process(action: string, body: Body): HttpResponse {
    const handler = this.handlers[action];
    if (!handler)
      return this.answer(404, {
        error: {
          code: 'not_found',
          message: `unknown action ${action}`,
          retryable: false,
          delivery: 'not_sent',
        },
      });
    try {
      return this.answer(200, handler(body));
    } catch (error) {
      const e = error as MailError;
      return this.answer(400, {
        error: { code: e.code, message: e.message, retryable: false, delivery: 'not_sent' },
      });
    }
  }

  private group(id: unknown): StoredGroup {
    const group = this.groups.get(String(id));
    if (!group) throw new MailError(`group ${String(id)} not found`, { code: 'not_found' });
    return group;
  }

  private readonly handlers: Record<string, (body: Body) => Body> = {
    send: (b) => {
      const messageId = `msg-${++this.sequence}`;
      const to = [
        ...(b['to'] as { address: string }[]),
        ...(b['cc'] as { address: string }[]),
        ...(b['bcc'] as { address: string }[]),
      ];
      this.record({
        action: 'send',
        messageId,
        from: (b['from'] as { address: string }).address,
        to: to.map((a) => a.address),
        subject: String(b['subject']),
        ...(typeof b['html'] === 'string' ? { html: b['html'] } : {}),
        ...(typeof b['text'] === 'string' ? { text: b['text'] } : {}),
        ...(b['template'] === undefined ? {} : { template: b['template'] }),
        tags: b['tags'] as string[],
      });
      return { messageId };
    },
    sendBatch: (b) => {
      const group = this.group(b['group']);
      if (group.recipients.length === 0)
        throw new MailError(`group ${group.id} is empty`, { code: 'invalid_input' });
      const batchId = `batch-${++this.sequence}`;
      if (b['schedule'] === undefined) {
        for (const r of group.recipients) {
          this.record({
            action: 'sendBatch',
            messageId: batchId,
            from: (b['from'] as { address: string }).address,
            to: [r.address],
            subject: String(b['subject'] ?? ''),
            template: b['template'],
            group: group.id,
          });
        }
      }
      return { batchId };
    },
    createGroup: (b) => {
      const id = `group-${++this.sequence}`;
      this.groups.set(id, { id, name: String(b['name']), recipients: [] });
      return { id, name: String(b['name']) };
    },
    listGroups: (b) =>
      this.page(
        [...this.groups.values()].map((g) => ({
          id: g.id,
          name: g.name,
          count: g.recipients.length,
        })),
        b,
      ),
    addRecipients: (b) => {
      const recipients = b['recipients'] as StoredGroup['recipients'];
      this.group(b['group']).recipients.push(...recipients);
      return { added: recipients.length };
    },
    listRecipients: (b) => this.page(this.group(b['group']).recipients, b),
    removeRecipient: (b) => {
      const group = this.group(b['group']);
      const at = group.recipients.findIndex((r) => r.address === b['address']);
      if (at >= 0) group.recipients.splice(at, 1);
      return {};
    },
    deleteGroup: (b) => {
      this.group(b['group']);
      this.groups.delete(String(b['group']));
      return {};
    },
  };

  private page<T>(all: readonly T[], b: Body): Body {
    const start = Number(b['cursor'] ?? 0);
    const size = Number(b['pageSize'] ?? 100);
    const next = start + size < all.length ? String(start + size) : undefined;
    return { items: all.slice(start, start + size), ...(next === undefined ? {} : { next }) };
  }
}

function faultError(fault: Extract<TestingFault, { kind: 'error' }>) {
  const retryable =
    fault.retryable ?? (fault.code === 'rate_limited' || fault.code === 'provider_unavailable');
  return {
    code: fault.code,
    message: `injected ${fault.code}`,
    retryable,
    delivery: fault.delivery ?? 'not_sent',
    ...(fault.retryAfterMs === undefined ? {} : { retryAfterMs: fault.retryAfterMs }),
  };
}

function network(what: string, delivery: Delivery): MailError {
  return new MailError(`testing provider ${what}`, { code: 'network', retryable: true, delivery });
}
