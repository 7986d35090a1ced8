/**
 * What the Tencent SES emulator stores: domains, sender addresses, templates, recipient groups
 * and batch tasks. Field meanings follow docs/providers/tencent-ses.md "Data types" (output types).
 */

/** TemplateStatus (docs/providers/tencent-ses.md "Templates and tasks"): 0 approved, 1 pending review, 2 rejected. */
export type TemplateStatus = 0 | 1 | 2;

export interface TcTemplate {
  readonly id: number;
  name: string;
  html?: string;
  text?: string;
  status: TemplateStatus;
  /** Emulator time at which a pending template becomes approved (auto review). */
  reviewAt?: number;
  reviewReason: string;
  readonly createdAt: number;
}

export interface TcDomain {
  readonly name: string;
  verified: boolean;
}

export interface TcSender {
  readonly address: string;
  alias?: string;
  verified: boolean;
  readonly createdAt: number;
}

/** One uploaded address (ReceiverDetail). */
export interface TcRecipient {
  readonly emailId: number;
  readonly email: string;
  /** TemplateData string uploaded with CreateReceiverDetailWithData. */
  readonly data?: string;
  readonly createdAt: number;
  readonly valid: boolean;
  readonly reason: string;
}

export interface TcGroup {
  readonly id: number;
  readonly name: string;
  readonly desc: string;
  readonly createdAt: number;
  readonly rows: TcRecipient[];
  /** Variable names of the per-recipient data; every row must use the same set (ReceiverInputData, "Data types"). */
  dataKeys?: readonly string[];
  /** Uploads are asynchronous ("Recipient groups"): the group is "uploading" until this emulator time. */
  uploadingUntil: number;
}

/** TaskStatus (SendTaskData, "Data types"): 1 pending, 5 sending, 6 paused, 7 send error, 10 finished. */
export type TaskStatus = 1 | 5 | 6 | 7 | 10;

export interface TcTask {
  readonly id: number;
  readonly from: string;
  readonly receiverId: number;
  readonly receiversName: string;
  readonly subject: string;
  readonly template?: { readonly id: number; readonly data: string };
  readonly simple?: { readonly html?: string; readonly text?: string };
  readonly replyTo?: string;
  readonly type: 1 | 2 | 3;
  readonly timed?: { readonly BeginTime: string };
  readonly cycle?: {
    readonly BeginTime: string;
    readonly IntervalTime: number;
    readonly TermCycle: number;
  };
  /** Emulator time of the next firing; undefined once the task is finished. */
  nextAt?: number;
  status: TaskStatus;
  requestCount: number;
  sendCount: number;
  firings: number;
  readonly createdAt: number;
  updatedAt: number;
  errMsg: string;
  /** RequestId of the BatchSendEmail that created the task (carried by its outbox copies). */
  readonly requestId: string;
}

/** Knobs a seed can set. */
export interface TcSettings {
  /** Accept `Simple` (raw HTML/text) sends; Tencent grants this only by special configuration. */
  allowSimple: boolean;
  /** Emulator ms an upload stays "uploading" (ReceiversStatus 2); 0 = complete at once. */
  uploadDelayMs: number;
  /** Emulator ms before a created/updated template is approved; null = stays pending. */
  templateReviewMs: number | null;
  maxReceivers: number;
  maxTemplates: number;
}

export interface TencentState {
  readonly domains: Map<string, TcDomain>;
  /** Keyed by lower-cased address. */
  readonly senders: Map<string, TcSender>;
  readonly templates: Map<number, TcTemplate>;
  readonly groups: Map<number, TcGroup>;
  readonly tasks: Map<number, TcTask>;
  readonly settings: TcSettings;
  readonly ids: { template: number; receiver: number; task: number; emailId: number };
}

/** Fresh, empty state with the default settings. */
export function createState(): TencentState {
  return {
    domains: new Map(),
    senders: new Map(),
    templates: new Map(),
    groups: new Map(),
    tasks: new Map(),
    settings: {
      allowSimple: false,
      uploadDelayMs: 0,
      templateReviewMs: 0,
      // Tencent documents these limits without numbers (LimitExceeded.ExceedReceiverLimit,
      // FailedOperation.ExceedTemplateLimit); the emulator picks generous defaults.
      maxReceivers: 1000,
      maxTemplates: 1000,
    },
    ids: { template: 100001, receiver: 200001, task: 300001, emailId: 1 },
  };
}

/** ReceiversStatus (ReceiverData, "Data types"): 1 awaiting upload, 2 uploading, 3 upload complete. */
export function groupStatus(group: TcGroup, now: number): 1 | 2 | 3 {
  if (now < group.uploadingUntil) return 2;
  return group.rows.length === 0 ? 1 : 3;
}
