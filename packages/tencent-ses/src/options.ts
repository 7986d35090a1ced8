/**
 * `providerOptions['tencent-ses']`: the SendEmail and BatchSendEmail fields with no neutral
 * equivalent (docs/providers/tencent-ses.md), typed through core's `ProviderOptionsRegistry`.
 */
import { MailError } from '@mailbridge/core';
import { lineProblem } from '@mailbridge/core/provider';
import { dataRecord, optionsParser, z } from '@mailbridge/core/schema';
import { PROVIDER_ID } from './config.js';

/**
 * Unsubscribe-link languages and their `Unsubscribe` digits, in the Chinese/SDK order (the intl
 * BatchSendEmail page swaps 1 and 2; docs/providers/tencent-ses.md says to trust this order).
 */
export const UNSUBSCRIBE_LANGUAGES = {
  none: 0,
  'zh-CN': 1,
  en: 2,
  'zh-TW': 3,
  es: 4,
  fr: 5,
  de: 6,
  ja: 7,
  ko: 8,
  ar: 9,
  th: 10,
  id: 11,
  vi: 12,
} as const;

/** An unsubscribe-link language. */
export type UnsubscribeLanguage = keyof typeof UNSUBSCRIBE_LANGUAGES;

/** Options for SendEmail and BatchSendEmail. */
export interface TencentSesSendOptions {
  /** Add an unsubscribe link in this language (`Unsubscribe`). */
  readonly unsubscribe?: UnsubscribeLanguage;
  /**
   * `transactional` (TriggerType 1: codes, receipts; the fast channel) or `bulk` (0, the
   * provider default). SendEmail only.
   */
  readonly triggerType?: 'transactional' | 'bulk';
  /** `SmtpMessageId`: the Message-Id header (unique, RFC 5322). SendEmail only. */
  readonly smtpMessageId?: string;
  /** `SmtpHeaders`: provider-formatted extra headers, passed as given (format unconfirmed). */
  readonly smtpHeaders?: string;
  /** `HeaderFrom`: the From header; its domain should match the sender's. SendEmail only. */
  readonly headerFrom?: string;
  /** `TemplateData` for a batch, merged with per-recipient data (BatchSendEmail only). */
  readonly templateData?: Readonly<Record<string, string>>;
  /** `ADLocation`: advertising mark before (`before`) or after (`after`) the subject. Batch only. */
  readonly adLocation?: 'before' | 'after';
}

declare module '@mailbridge/core' {
  interface ProviderOptionsRegistry {
    'tencent-ses': TencentSesSendOptions;
  }
}

/**
 * A value SES writes into a header line (`Message-Id`, `From`): one line, since a CR, LF or NUL
 * would start another header (header injection).
 */
const headerValue = z.string().check(
  z.minLength(1),
  z.superRefine((value: string, ctx) => {
    const problem = lineProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

const schema = z.strictObject({
  unsubscribe: z.optional(
    z.enum(Object.keys(UNSUBSCRIBE_LANGUAGES) as [UnsubscribeLanguage, ...UnsubscribeLanguage[]]),
  ),
  triggerType: z.optional(z.enum(['transactional', 'bulk'])),
  smtpMessageId: z.optional(headerValue),
  smtpHeaders: z.optional(z.string().check(z.minLength(1))),
  headerFrom: z.optional(headerValue),
  templateData: z.optional(dataRecord(z.string(), z.string())),
  adLocation: z.optional(z.enum(['before', 'after'])),
});
// Every TencentSesSendOptions a user can write is one the schema takes (the published type needs no zod).
true satisfies TencentSesSendOptions extends z.input<typeof schema> ? true : false;

const NO_OPTIONS: TencentSesSendOptions = Object.freeze({});

/** The provider's `options`: core parses `providerOptions['tencent-ses']` once per send. */
export const parseOptions = optionsParser(PROVIDER_ID, schema);

/** This provider's options of a message or batch, as core parsed them (`parseOptions`). */
export function readSendOptions(
  providerOptions: Readonly<Record<string, unknown>>,
): TencentSesSendOptions {
  return (providerOptions[PROVIDER_ID] as TencentSesSendOptions | undefined) ?? NO_OPTIONS;
}

/** The `Unsubscribe` digit string of a language. */
export function unsubscribeDigit(language: UnsubscribeLanguage): string {
  return String(UNSUBSCRIBE_LANGUAGES[language]);
}

/**
 * `unsupported` for options of the other operation (a BatchSendEmail field on a message, or a
 * SendEmail field on a batch): they have no place in that request.
 */
export function misplacedOptions(message: string, issue: string): MailError {
  return new MailError(`${PROVIDER_ID}: ${message}`, {
    code: 'unsupported',
    provider: PROVIDER_ID,
    issues: [{ path: ['providerOptions', PROVIDER_ID], message: issue }],
  });
}
