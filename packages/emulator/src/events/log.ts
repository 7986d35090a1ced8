/**
 * The emulator's delivery events: every accepted copy gets a delivery event (and a feedback event
 * when its address asks, see outcome.ts), opens and clicks are added through `open`/`click`, and
 * each is recorded here and POSTed to the callback URL set for its provider, in that provider's
 * shape (payloads.ts). The status queries (GetSendEmailStatus, SenderStatisticsDetailByParam)
 * answer from the same outcomes, so a push and a query never disagree.
 */
import { redactUrl } from '../inbox/redact.js';
import type { OutboxEntry, ProviderId } from '../types.js';
import { type EmulatedKind, type Outcome, outcomeFor } from './outcome.js';
import { aliyunPayload, type EventFacts, tencentPayload } from './payloads.js';

/** How the push of one event went. */
export interface PushState {
  /** `unsent`: no callback URL was set when the event happened. */
  readonly state: 'unsent' | 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  /** HTTP status of the last attempt. */
  readonly status?: number;
  readonly error?: string;
}

/** One event as the emulator recorded (and pushed) it. */
export interface RecordedEvent {
  readonly seq: number;
  readonly provider: ProviderId;
  readonly kind: EmulatedKind;
  /** The provider's type (`bounce`, `dm:Deliver:Fail`). */
  readonly type: string;
  readonly to: string;
  readonly messageId: string;
  /** Emulator clock, ms. */
  readonly time: number;
  /** The exact body pushed. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly push: PushState;
}

/** Which copies an open or click is for; at least one of `messageId` and `to`. */
export interface EventSelector {
  readonly provider?: ProviderId;
  readonly messageId?: string;
  readonly to?: string;
}

/** The events controls of a running emulator (`emulator.events`). */
export interface EmulatorEvents {
  /** POST this provider's events to `url` from now on (`undefined`: record only). */
  setCallback(provider: ProviderId, url: string | undefined): void;
  /** The callback URLs as shown: credentials in them (`?token=`) redacted; pushes use them whole. */
  callbacks(): Readonly<Record<ProviderId, string | undefined>>;
  /** Recorded events, oldest first, optionally filtered. */
  list(filter?: EventSelector): readonly RecordedEvent[];
  /** Record (and push) an open of the matching copies. */
  open(target: EventSelector, userAgent?: string): readonly RecordedEvent[];
  /** Record (and push) a click on `url` in the matching copies. */
  click(target: EventSelector, url: string, userAgent?: string): readonly RecordedEvent[];
  /** Resolves when every push started so far has finished (delivered or given up). */
  flush(): Promise<void>;
}

/** The log plus what the rest of the emulator calls. */
export interface EventLog extends EmulatorEvents {
  /** Called with every batch of accepted copies. */
  delivered(entries: readonly OutboxEntry[]): void;
  /** Opens, clicks and feedback recorded for one copy (for the status queries). */
  engagement(provider: ProviderId, messageId: string, to: string): Engagement;
  reset(): void;
  close(): void;
}

/** Engagement flags of one copy. */
export interface Engagement {
  readonly opened: boolean;
  readonly clicked: boolean;
  readonly unsubscribed: boolean;
  readonly complained: boolean;
}

const ATTEMPTS = 3;
const PUSH_TIMEOUT_MS = 5000;
const DEFAULT_UA = 'Mozilla/5.0 (mailbridge-emulator)';

/** Create the event log over the shared outbox and the emulator clock. */
export function createEventLog(
  outbox: readonly OutboxEntry[],
  now: () => number,
  initial: Partial<Record<ProviderId, string>> = {},
): EventLog {
  const urls: Record<ProviderId, string | undefined> = {
    'aliyun-dm': initial['aliyun-dm'],
    'tencent-ses': initial['tencent-ses'],
  };
  const events: { -readonly [K in keyof RecordedEvent]: RecordedEvent[K] }[] = [];
  // One chain per provider keeps pushes in order (a delivery before its complaint).
  const chains: Record<ProviderId, Promise<void>> = {
    'aliyun-dm': Promise.resolve(),
    'tencent-ses': Promise.resolve(),
  };
  let closed = false;

  const record = (facts: EventFacts) => {
    const provider = facts.entry.provider;
    const payload = provider === 'tencent-ses' ? tencentPayload(facts) : aliyunPayload(facts);
    const type = String(provider === 'tencent-ses' ? payload.event : payload.type);
    const url = urls[provider];
    const event = {
      seq: events.length + 1,
      provider,
      kind: facts.kind,
      type,
      to: facts.entry.to,
      messageId: facts.entry.messageId,
      time: facts.time,
      payload,
      push: { state: url ? 'pending' : 'unsent', attempts: 0 } as PushState,
    };
    events.push(event);
    if (url) {
      chains[provider] = chains[provider].then(() =>
        push(url, payload, () => closed).then((state) => {
          event.push = state;
        }),
      );
    }
    return event;
  };

  const matching = (target: EventSelector) => {
    if (target.messageId === undefined && target.to === undefined) {
      throw new TypeError('give messageId and/or to');
    }
    const found = outbox.filter((e) => same(e, target));
    if (found.length === 0) throw new TypeError('no copy in the outbox matches');
    return found;
  };

  const engage = (kind: 'opened' | 'clicked', target: EventSelector, url?: string, ua?: string) =>
    matching(target).map((entry) =>
      record({
        kind,
        entry,
        outcome: outcomeFor(entry.to),
        time: now(),
        ...(url ? { url } : {}),
        userAgent: ua ?? DEFAULT_UA,
      }),
    );

  return {
    setCallback(provider, url) {
      if (url !== undefined) new URL(url);
      urls[provider] = url;
    },
    callbacks: () => ({
      'aliyun-dm': shown(urls['aliyun-dm']),
      'tencent-ses': shown(urls['tencent-ses']),
    }),
    list: (filter = {}) => events.filter((e) => same(e, filter)),
    open: (target, userAgent) => engage('opened', target, undefined, userAgent),
    click: (target, url, userAgent) => engage('clicked', target, url, userAgent),
    async flush() {
      await Promise.all(Object.values(chains));
    },
    delivered(entries) {
      for (const entry of entries) {
        const outcome = outcomeFor(entry.to);
        const time = now();
        record({ kind: outcome.delivery, entry, outcome, time });
        if (outcome.feedback) record({ kind: outcome.feedback, entry, outcome, time });
      }
    },
    engagement(provider, messageId, to) {
      const kinds = new Set(
        events
          .filter((e) => e.provider === provider && e.messageId === messageId && e.to === to)
          .map((e) => e.kind),
      );
      return {
        opened: kinds.has('opened'),
        clicked: kinds.has('clicked'),
        unsubscribed: kinds.has('unsubscribed'),
        complained: kinds.has('complained'),
      };
    },
    reset() {
      events.length = 0;
    },
    close() {
      closed = true;
    },
  };
}

function same(
  e: { readonly provider: ProviderId; readonly messageId: string; readonly to: string },
  t: EventSelector,
): boolean {
  return (
    (t.provider === undefined || e.provider === t.provider) &&
    (t.messageId === undefined || e.messageId === t.messageId) &&
    (t.to === undefined || e.to.toLowerCase() === t.to.toLowerCase())
  );
}

function shown(url: string | undefined): string | undefined {
  return url === undefined ? undefined : redactUrl(url);
}

/**
 * POST one payload, up to 3 attempts; a failure is recorded, never thrown, and its error text
 * shows the URL as `callbacks()` does (a fetch error may quote the URL it was given).
 */
async function push(url: string, payload: unknown, closed: () => boolean): Promise<PushState> {
  let last: PushState = { state: 'failed', attempts: 0 };
  for (let attempt = 1; attempt <= ATTEMPTS && !closed(); attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'mailbridge-emulator' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { state: 'delivered', attempts: attempt, status: response.status };
      last = { state: 'failed', attempts: attempt, status: response.status };
    } catch (error) {
      last = {
        state: 'failed',
        attempts: attempt,
        error: String(error).split(url).join(redactUrl(url)),
      };
    }
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
  return last;
}

export type { Outcome };
