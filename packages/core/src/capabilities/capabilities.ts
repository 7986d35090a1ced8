/**
 * What a provider can do, as data. The core checks every message and batch against it before
 * any request (check.ts), and the README renders the providers side by side from these objects.
 */

/** A documented client-side rate limit for one provider action. */
export interface RateLimit {
  /** Requests allowed per `perMs` window. */
  readonly requests: number;
  readonly perMs: number;
  /** Where the number comes from (doc page, SDK, assumption). */
  readonly source: string;
}

/** The capabilities of one provider. */
export interface Capabilities {
  readonly provider: string;
  readonly recipients: {
    /** Most addresses per field; 0 means the field is unsupported. */
    readonly to: number;
    readonly cc: number;
    readonly bcc: number;
    /** `to` recipients see each other's addresses (one message, many visible recipients). */
    readonly toVisibleToEachOther: boolean;
    /** A recipient may not appear in both `to` and `bcc`. */
    readonly bccMayOverlapTo: boolean;
    /**
     * Local parts outside ASCII or in quotes (`用户@example.com`, `"a b"@example.com`) are
     * accepted (SMTPUTF8). Default `false`: such addresses are `unsupported` before any request.
     */
    readonly unicodeLocalPart?: boolean;
  };
  readonly from: {
    /** Display name allowed, and its maximum length in characters. */
    readonly name: boolean;
    readonly nameMaxLength?: number;
  };
  readonly replyTo: {
    /** Most reply-to addresses (0 = unsupported). */
    readonly max: number;
    readonly name: boolean;
  };
  readonly subject: { readonly maxLength: number };
  readonly content: {
    /** Raw html/text bodies (`false` = template-only). */
    readonly html: boolean;
    readonly text: boolean;
    /** Max UTF-8 bytes of html or text. */
    readonly bodyMaxBytes: number;
    /** How a template is referenced on single sends; `false` = no template sends. */
    readonly template: 'name' | 'id' | false;
    /** How batches reference templates. */
    readonly batchTemplate: 'name' | 'id';
    /** Max bytes of serialised template data. */
    readonly templateDataMaxBytes?: number;
  };
  /** `false`, or the attachment limits. */
  readonly attachments: false | { readonly maxCount: number; readonly maxTotalBytes: number };
  /** `false`, or how many custom headers one message may carry. */
  readonly headers: false | { readonly max: number };
  /** Most tags per message (0 = unsupported), and the tag syntax. */
  readonly tags: { readonly max: number; readonly pattern?: RegExp; readonly maxLength?: number };
  readonly tracking: { readonly opens: boolean; readonly clicks: boolean };
  /**
   * Native batch scheduling: timed (`{ at }`) and recurring (`{ at, every }`, hours or days);
   * `runCount`: a recurring task can stop after `times` runs. Anything else goes to the scheduler.
   */
  readonly schedule: {
    readonly timed: boolean;
    readonly recurring: boolean;
    readonly runCount?: boolean;
  };
  readonly groups: {
    /** Most recipients per upload call (addRecipients chunks to this). */
    readonly uploadChunk: number;
    /** Most recipients per group, if documented. */
    readonly maxPerGroup?: number;
    /** Longest group name in characters (code points), if documented. */
    readonly nameMaxLength?: number;
    readonly removeRecipients: boolean;
    /** Per-recipient template data. */
    readonly recipientData: boolean;
    /** Page size used by list iterators. */
    readonly pageSize: number;
  };
  /** Client-side rate limits per provider action. */
  readonly rateLimits: Readonly<Record<string, RateLimit>>;
}
