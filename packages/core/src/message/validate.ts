/**
 * From loose input to the readonly, normalised values adapters receive: messages, batches,
 * group recipients. Each function reports every problem at once (`invalid_input` with one
 * issue per problem and its path) and throws nothing but a `MailError`.
 */
import * as z from 'zod/mini';
import { type Issue, invalidInput } from '../errors.js';
import type { GroupInput } from '../provider/provider.js';
import { normalizeRule } from '../schedule/rule.js';
import { crossCheck } from './cross-check.js';
import { detailedIssues, frozenCopy, guard, parse, throwIfAny } from './issues.js';
import type { Address, Batch, Message, Recipient, TemplateRef, Tracking } from './message.js';
import {
  address,
  addressList,
  addressString,
  attachment,
  headers,
  line,
  providerOptions,
  recipientObject,
  requiredLine,
  requiredText,
  tags,
  template,
  templateId,
  tracking,
} from './schema.js';

/** The rules of a message: the one description `normalizeMessage` parses with. */
const messageSchema = z.strictObject({
  from: address,
  to: z.optional(addressList),
  cc: z.optional(addressList),
  bcc: z.optional(addressList),
  replyTo: z.optional(addressList),
  subject: requiredLine,
  html: z.optional(requiredText),
  text: z.optional(requiredText),
  template: z.optional(template),
  attachments: z.optional(z.array(attachment)),
  headers: z.optional(headers),
  tags: z.optional(tags),
  tracking: z.optional(tracking),
  providerOptions: z.optional(providerOptions),
});

const EMPTY: readonly never[] = Object.freeze([]);
const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze({});

// zod's outputs are fresh objects and arrays (never the caller's), so freezing them in place
// is safe and saves a copy on every send.

function list(value: Address | Address[] | undefined): readonly Address[] {
  if (value === undefined) return EMPTY;
  return Object.freeze(Array.isArray(value) ? value : [value]);
}

function options(
  value: Record<string, unknown> | undefined,
  issues: Issue[],
): Readonly<Record<string, unknown>> {
  if (value === undefined) return EMPTY_RECORD;
  return frozenCopy(value, ['providerOptions'], issues) as Readonly<Record<string, unknown>>;
}

type TrackingData = { opens?: boolean | undefined; clicks?: boolean | undefined };

function trackingOf(value: TrackingData | undefined): Tracking {
  if (value === undefined) return EMPTY_RECORD;
  const out: { -readonly [K in keyof Tracking]: Tracking[K] } = {};
  if (value.opens !== undefined) out.opens = value.opens;
  if (value.clicks !== undefined) out.clicks = value.clicks;
  return Object.freeze(out);
}

function templateOf(ref: {
  id: string | number;
  data?: Record<string, string | number | boolean> | undefined;
}): TemplateRef {
  return Object.freeze(
    ref.data === undefined ? { id: ref.id } : { id: ref.id, data: Object.freeze(ref.data) },
  );
}

/** A message as `messageSchema` outputs it: addresses parsed, not yet frozen into lists. */
type MessageData = z.output<typeof messageSchema>;

function buildMessage(data: MessageData, issues: Issue[]): Message {
  const message: { -readonly [K in keyof Message]: Message[K] } = {
    from: data.from,
    to: list(data.to),
    cc: list(data.cc),
    bcc: list(data.bcc),
    replyTo: list(data.replyTo),
    subject: data.subject,
    attachments: data.attachments === undefined ? EMPTY : Object.freeze(data.attachments),
    headers: data.headers === undefined ? EMPTY_RECORD : Object.freeze(data.headers),
    tags: data.tags === undefined ? EMPTY : Object.freeze(data.tags),
    tracking: trackingOf(data.tracking),
    providerOptions: options(data.providerOptions, issues),
  };
  if (data.html !== undefined) message.html = data.html;
  if (data.text !== undefined) message.text = data.text;
  if (data.template !== undefined) message.template = templateOf(data.template);
  return Object.freeze(message);
}

/**
 * Validate and normalise a message as users write it (`MessageInput`) into the deeply frozen
 * `Message` adapters receive: addresses parsed into `{ address, name }` lists, attachment
 * content decoded to bytes, defaults filled in. Throws `invalid_input` listing every problem.
 *
 * @example
 * ```ts
 * const message = normalizeMessage({
 *   from: 'Shop <noreply@example.com>',
 *   to: ['"Doe, John" <john@example.com>', { address: '用户@例子.中国', name: '用户' }],
 *   subject: 'Welcome',
 *   text: 'Hello',
 * });
 * message.to[0]; // { address: 'john@example.com', name: 'Doe, John' }
 * ```
 */
export function normalizeMessage(input: unknown): Message {
  return guard(
    'message',
    () => {
      const data = parseMessage(input);
      const issues = crossCheck(data, true);
      const message = buildMessage(data, issues);
      throwIfAny(issues);
      return message;
    },
    input,
  );
}

function parseMessage(input: unknown): MessageData {
  const parsed = z.safeParse(messageSchema, input);
  if (parsed.success) return parsed.data;
  throw invalidInput([...detailedIssues(messageSchema, input), ...crossCheck(input, false)]);
}

const batchSchema = z.strictObject({
  from: address,
  group: requiredLine,
  template: z.strictObject({ id: templateId }),
  subject: z.optional(requiredLine),
  replyTo: z.optional(address),
  tags: z.optional(tags),
  tracking: z.optional(tracking),
  schedule: z.optional(z.unknown()),
  providerOptions: z.optional(providerOptions),
});

/**
 * Validate and normalise a provider-side batch send (`BatchInput`): a stored template sent to
 * a stored group, optionally scheduled. Whether a schedule lies in the past is the mailer's
 * check (it owns the clock); where it runs (natively or on the scheduler) is the mailer's too.
 */
export function normalizeBatch(input: unknown): Batch {
  return guard(
    'batch',
    () => {
      const data = parse(batchSchema, input);
      const issues: Issue[] = [];
      const batch: Batch = Object.freeze({
        from: data.from,
        group: data.group,
        template: Object.freeze({ id: data.template.id }),
        ...(data.subject === undefined ? {} : { subject: data.subject }),
        ...(data.replyTo === undefined ? {} : { replyTo: data.replyTo }),
        tags: data.tags === undefined ? EMPTY : Object.freeze(data.tags),
        tracking: trackingOf(data.tracking),
        ...(data.schedule === undefined ? {} : { schedule: normalizeRule(data.schedule) }),
        providerOptions: options(data.providerOptions, issues),
      });
      throwIfAny(issues);
      return batch;
    },
    input,
  );
}

const recipientSchema = z.union([addressString, recipientObject], {
  error: 'expected an email address or { address, name, data }',
});

/**
 * Validate one group recipient: `'a@b.com'`, `'Name <a@b.com>'` or `{ address, name?, data? }`
 * with string template data. `index` prefixes issue paths when it comes from a list.
 */
export function normalizeRecipient(input: unknown, index?: number): Recipient {
  return guard(
    'recipient',
    () => {
      return parse(recipientSchema, input, index === undefined ? [] : [index]);
    },
    input,
  );
}

const groupInputSchema = z.strictObject({ name: requiredLine, description: z.optional(line) });

/** Validate the input of `groups.create`: a non-empty name and an optional description. */
export function normalizeGroupInput(input: unknown): GroupInput {
  return guard(
    'group',
    () => {
      const { name, description } = parse(groupInputSchema, input);
      return Object.freeze(description === undefined ? { name } : { name, description });
    },
    input,
  );
}
