/**
 * The zod schemas behind `normalizeMessage` and friends (validate.ts): strict objects, so an
 * unknown or misspelt field is an issue rather than silently ignored, and transforms that
 * normalise loose input (address strings, attachment encodings) while they validate. Built
 * once at module load: they run on every send.
 */
import * as z from 'zod/mini';
import { addrSpecProblem, asciiDomain, nameProblem, parseAddressResult } from './address.js';
import { expandAddressList } from './address-list.js';
import { headerProblem } from './headers.js';
import type { Address, Attachment, Recipient } from './message.js';
import { lineProblem, textProblem } from './text.js';

type Problem = (value: string) => string | undefined;
type Payload = z.core.ParsePayload;

/** Report a problem from inside a transform (zod/mini's payload has no `addIssue`). */
function report(ctx: Payload, message: string, input: unknown, path: PropertyKey[] = []): void {
  ctx.issues.push({ code: 'custom', message, input, path });
}

/** A string refined by `problem`, reported as one issue with the reason. */
function checked(problem: Problem) {
  return z.string().check(
    z.superRefine((value: string, ctx) => {
      const reason = problem(value);
      if (reason !== undefined) ctx.addIssue({ code: 'custom', message: reason, input: value });
    }),
  );
}

const notEmpty =
  (then: Problem): Problem =>
  (value) =>
    value.trim() === '' ? 'must not be empty' : then(value);

/** Any text (a body, a template value): only lone surrogates are refused. */
export const text = checked(textProblem);
/** Text that ends up in a header line: no CR, LF or NUL. */
export const line = checked(lineProblem);
/** Why a string cannot be a required header-line value (blank, CR/LF/NUL), or `undefined`. */
export const requiredLineProblem: Problem = notEmpty(lineProblem);
/** Why a string cannot be a required body (blank, lone surrogate), or `undefined`. */
export const requiredTextProblem: Problem = notEmpty(textProblem);
/** A required header-line value: not blank, no CR, LF or NUL. */
export const requiredLine = checked(requiredLineProblem);
/** A required body: not blank, no lone surrogate. */
export const requiredText = checked(requiredTextProblem);

/**
 * `z.record`, except that a "__proto__" key is an issue: zod drops it (assigning it would
 * replace the prototype), and nothing the user wrote may be silently dropped. The adapter kit
 * exports it as `dataRecord`, for provider options that take user data.
 */
export function record<K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(
  key: K,
  value: V,
) {
  const noProto = z.unknown().check(
    z.superRefine((input: unknown, ctx) => {
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
        ctx.addIssue({
          code: 'custom',
          path: ['__proto__'],
          message: 'the key "__proto__" is not allowed',
          input,
        });
      }
    }),
  );
  return z.pipe(noProto, z.record(key, value));
}

const ADDRESS_HELP = 'expected an email address: "a@b.com", "Name <a@b.com>" or { address, name }';

/** An address string (`"Name <a@b.com>"`) parsed into a frozen `Address`. */
export const addressString = z.pipe(
  z.string(),
  z.transform((value: string, ctx): Address => {
    const result = parseAddressResult(value);
    if (typeof result !== 'string') return Object.freeze(result);
    report(ctx, result, value);
    return z.NEVER;
  }),
);

/** Where a problem of an `{ address, name }` object lies, and what it is. */
type MailboxReport = (field: 'address' | 'name', message: string) => void;

/**
 * The frozen `Address` that an `{ address, name }` object describes: a bare address (its IDN
 * domain as A-labels), the name trimmed and dropped when blank. `undefined` when either is
 * invalid, after telling `report` each problem.
 */
export function mailbox(
  address: string,
  name: string | undefined,
  report?: MailboxReport,
): Address | undefined {
  const spec = address.trim();
  const invalid = addrSpecProblem(spec);
  const ascii = invalid === undefined ? asciiDomain(spec) : { problem: invalid };
  const problem = typeof ascii === 'string' ? undefined : ascii.problem;
  if (problem) report?.('address', `invalid email address: ${problem}`);
  const badName = name === undefined ? undefined : nameProblem(name);
  if (badName) report?.('name', badName);
  if (typeof ascii !== 'string' || badName) return undefined;
  const trimmed = name?.trim();
  return Object.freeze(trimmed ? { address: ascii, name: trimmed } : { address: ascii });
}

/** `{ address, name }` with a bare address; the name is trimmed and dropped when blank. */
const addressObject = z.pipe(
  z.strictObject({ address: z.string(), name: z.optional(z.string()) }),
  z.transform(
    (value: { address: string; name?: string | undefined }, ctx): Address =>
      mailbox(value.address, value.name, (field, message) =>
        report(ctx, message, value[field], [field]),
      ) ?? z.NEVER,
  ),
);

/** One address: a string or `{ address, name }`. */
export const address = z.union([addressString, addressObject], { error: ADDRESS_HELP });
/** A group recipient object: `{ address, name?, data? }` with string template data. */
const recipientFields = z.strictObject({
  address: z.string(),
  name: z.optional(z.string()),
  data: z.optional(record(requiredLine, text)),
});
export const recipientObject = z.pipe(
  recipientFields,
  z.transform((value: z.output<typeof recipientFields>, ctx): Recipient => {
    const { data, address, name } = value;
    const parsed = mailbox(address, name, (field, message) =>
      report(ctx, message, value[field], [field]),
    );
    if (parsed === undefined) return z.NEVER;
    if (data === undefined) return parsed;
    // zod's record output is a fresh object, and "__proto__" keys were refused above.
    return Object.freeze({ ...parsed, data: Object.freeze(data) });
  }),
);

/** One address, a comma-separated list of them, or an array of them. */
export const addressList = z.pipe(
  z.transform(expandAddressList),
  z.union([z.array(address), address], {
    error: `${ADDRESS_HELP}, a comma-separated list of them, or an array of them`,
  }),
);

const TEMPLATE_ID_HELP =
  'expected a template name or id: a non-empty string or a non-negative integer';
/** A template name (non-empty line) or numeric id (non-negative integer). */
export const templateId = z.union(
  [
    requiredLine,
    z.int({ error: TEMPLATE_ID_HELP }).check(z.nonnegative({ error: TEMPLATE_ID_HELP })),
  ],
  { error: TEMPLATE_ID_HELP },
);

const templateValue = z.union([text, z.number(), z.boolean()], {
  error: 'expected a string, a finite number or a boolean',
});

/** `{ id, data? }`: a stored template and its values. */
export const template = z.strictObject({
  id: templateId,
  data: z.optional(record(requiredLine, templateValue)),
});

/** Tags: non-empty header-safe strings. */
export const tags = z.array(requiredLine);

/** `{ opens?, clicks? }`. */
export const tracking = z.strictObject({
  opens: z.optional(z.boolean()),
  clicks: z.optional(z.boolean()),
});

/** Options per provider id, parsed by that provider (provider/options.ts). */
export const providerOptions = record(z.string(), z.unknown());

/** Extra headers: RFC 5322 names, single-line values, no name given twice in any case. */
export const headers = record(checked(headerProblem), line).check(
  z.superRefine((record: Record<string, string>, ctx) => {
    const seen = new Set<string>();
    for (const name of Object.keys(record)) {
      const key = name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `header "${name}" is given twice (names are case-insensitive)`,
          input: name,
        });
      seen.add(key);
    }
  }),
);

const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:;[^\r\n\0]*)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const WHITESPACE = /\s+/g;
const utf8 = new TextEncoder();
const EMPTY_ATTACHMENT = 'the attachment is empty (0 bytes)';

/** The attachment's bytes, or the reason its content cannot be decoded. */
function decodeContent(
  content: string | Uint8Array,
  encoding: 'utf8' | 'base64' | undefined,
): Uint8Array | string {
  // Copies, so that a later change to the caller's buffer cannot alter a message being sent.
  if (content instanceof Uint8Array)
    return encoding === undefined
      ? new Uint8Array(content)
      : 'encoding applies only to string content';
  if (encoding !== 'base64') return textProblem(content) ?? utf8.encode(content);
  const compact = content.replace(WHITESPACE, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return 'content is not valid base64';
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

const attachmentFields = z.strictObject({
  filename: requiredLine,
  content: z
    .union([z.string(), z.instanceof(Uint8Array)], { error: 'expected a string or a Uint8Array' })
    .check(
      z.superRefine((content: string | Uint8Array, ctx) => {
        // Not trimmed: text of white space only is a file of those bytes. Base64 of white space
        // only decodes to nothing, which the transform below reports.
        const size = typeof content === 'string' ? content.length : content.byteLength;
        if (size === 0) ctx.addIssue({ code: 'custom', message: EMPTY_ATTACHMENT, input: content });
      }),
    ),
  encoding: z.optional(z.enum(['utf8', 'base64'], { error: 'expected "utf8" or "base64"' })),
  contentType: z.optional(
    checked((value) =>
      CONTENT_TYPE.test(value) ? undefined : 'expected a media type such as "application/pdf"',
    ),
  ),
});

/** An attachment, its content decoded to a private copy of the bytes. */
export const attachment = z.pipe(
  attachmentFields,
  z.transform((value: z.output<typeof attachmentFields>, ctx): Attachment => {
    const bytes = decodeContent(value.content, value.encoding);
    const problem =
      typeof bytes === 'string' ? bytes : bytes.byteLength === 0 ? EMPTY_ATTACHMENT : undefined;
    if (problem !== undefined || typeof bytes === 'string') {
      report(ctx, problem ?? EMPTY_ATTACHMENT, value.content, ['content']);
      return z.NEVER;
    }
    const { filename, contentType } = value;
    return Object.freeze(
      contentType === undefined
        ? { filename, content: bytes }
        : { filename, content: bytes, contentType },
    );
  }),
);
