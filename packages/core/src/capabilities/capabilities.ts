/**
 * What a provider can do, as data. The core checks every message and batch against it before
 * any request (check.ts), and the README renders the providers side by side from these objects.
 */
import type { ResourceCapabilities } from '../resources/contract.js';

/** A documented client-side rate limit for one provider action. */
export interface RateLimit {
  /** Requests allowed per `perMs` window. */
  readonly requests: number;
  readonly perMs: number;
  /** Where the number comes from (doc page, SDK, assumption). */
  readonly source: string;
}

/** A shape a provider requires of a reference (template id, group), with the words for errors. */
export interface ReferencePattern {
  readonly pattern: RegExp;
  /** What the pattern means, for the error: "a numeric id of 1 to 15 digits". */
  readonly description: string;
}

/** What a provider-side batch send accepts beyond the single-send rules. */
export interface BatchCapabilities {
  /**
   * `false`: the batch uses the stored template's subject, so a subject is `unsupported`;
   * otherwise a subject is required, within these lengths in characters.
   */
  readonly subject: false | { readonly minLength: number; readonly maxLength: number };
  /** A display name on the batch sender. */
  readonly fromName: boolean;
  /** The shape of a batch's template reference. */
  readonly template?: ReferencePattern;
  /** The shape of a group reference. */
  readonly group?: ReferencePattern;
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
    /** A recipient may appear in both `to` and `bcc` (when `false`, core refuses the overlap). */
    readonly bccMayOverlapTo: boolean;
    /**
     * Display names on `to`, `cc` and `bcc` (default `true`); `false` means the provider takes
     * bare addresses only, so a name is `unsupported` rather than dropped.
     */
    readonly names?: boolean;
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
    /**
     * The shape a sender display name must have (characters the provider refuses in it), on
     * sends, batches and `senders.create`.
     */
    readonly namePattern?: ReferencePattern;
  };
  readonly replyTo: {
    /** Most reply-to addresses (0 = unsupported). */
    readonly max: number;
    readonly name: boolean;
    /** Longest reply-to display name in characters, if limited. */
    readonly nameMaxLength?: number;
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
    /** The shape of a template id, beyond the reference kind (e.g. at most 15 digits). */
    readonly templateId?: ReferencePattern;
    /**
     * Why raw html/text is refused when `html`/`text` is `false` (e.g. a permission to ask
     * for), quoted in the `unsupported` error.
     */
    readonly rawContentNote?: string;
    /** Max bytes of html, text and attachments together, when the provider bounds the sum. */
    readonly messageMaxBytes?: number;
  };
  /** `false`, or the attachment limits. */
  readonly attachments:
    | false
    | {
        readonly maxCount: number;
        readonly maxTotalBytes: number;
        /** Longest file name in characters, if limited. */
        readonly filenameMaxLength?: number;
        /**
         * Each attachment's media type is sent (default `true`); `false`: the provider infers it
         * from the file name, so a given `contentType` is `unsupported` rather than dropped.
         */
        readonly contentType?: boolean;
      };
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
    /** Why native scheduling is missing or limited, quoted in the `unsupported` error. */
    readonly note?: string;
  };
  /** Batch-only rules (defaults: a subject is optional, a sender name allowed). */
  readonly batch?: BatchCapabilities;
  readonly groups: {
    /** Most recipients per upload call (addRecipients chunks to this). */
    readonly uploadChunk: number;
    /** Most recipients per group, if documented (checked by `groups.addRecipients`). */
    readonly maxPerGroup?: number;
    /** Most groups per account, if documented (checked by `groups.create`). */
    readonly maxGroups?: number;
    /** Longest group name in characters (code points), if documented. */
    readonly nameMaxLength?: number;
    /** Longest group description in characters (code points), if documented. */
    readonly descriptionMaxLength?: number;
    readonly removeRecipients: boolean;
    /** Per-recipient template data. */
    readonly recipientData: boolean;
    /**
     * Display names on group recipients (default `true`); `false`: the provider stores bare
     * addresses, so a name is `unsupported` (naming the recipient) rather than dropped.
     */
    readonly recipientNames?: boolean;
    /**
     * The template variable a recipient's display name is stored as, when the provider keeps
     * it among the recipient's data (DirectMail: `UserName`). A recipient giving a name and a
     * different value under that key is refused: one of the two would be lost.
     */
    readonly recipientNameKey?: string;
    /**
     * What the provider requires of recipients' data in a group, when it has rules: `sameKeys`,
     * every recipient of one upload carries data with the same keys (or none carries data);
     * `maxJsonBytes`, one recipient's data as JSON at most this many bytes; `plainText`, values
     * without HTML markup.
     */
    readonly recipientDataRules?: {
      readonly sameKeys: boolean;
      readonly maxJsonBytes?: number;
      readonly plainText: boolean;
    };
    /** Page size used by list iterators. */
    readonly pageSize: number;
  };
  /** The account-resource operations (resources/contract.ts); absent: none. */
  readonly resources?: ResourceCapabilities;
  /** Client-side rate limits per provider action. */
  readonly rateLimits: Readonly<Record<string, RateLimit>>;
}
