/**
 * The in-memory DirectMail account: domains, sender addresses, templates, recipient lists,
 * tags, batch tasks and the invalid-address list. Times are emulator-clock milliseconds.
 */

export type SendType = 'trigger' | 'batch';
/** DescTemplate codes (docs/providers/aliyun-dm.md "Other actions"): 0 draft … 3 rejected. */
export type TemplateStatus = 'draft' | 'pending' | 'approved' | 'rejected';

export const TEMPLATE_STATUS_CODE: Readonly<Record<TemplateStatus, string>> = {
  draft: '0',
  pending: '1',
  approved: '2',
  rejected: '3',
};

export interface DmDomain {
  readonly id: string;
  readonly name: string;
  verified: boolean;
  readonly createTime: number;
}

export interface DmSender {
  readonly id: string;
  readonly address: string;
  readonly sendType: SendType;
  frozen: boolean;
  /** The console-configured reply-to address, used when `ReplyToAddress=true`. */
  replyAddress: string | undefined;
  replyVerified: boolean;
  readonly createTime: number;
  /** SMTP password (seeded); the SMTP endpoint (smtp/) logs this address in with it. */
  readonly smtpPassword?: string;
}

export interface DmTemplate {
  readonly id: string;
  readonly name: string;
  readonly subject: string;
  readonly html: string | undefined;
  readonly text: string | undefined;
  status: TemplateStatus;
  readonly createTime: number;
}

export interface DmMember {
  readonly email: string;
  /** Template variables: UserName, NickName, Gender, Birthday, Mobile and custom keys. */
  readonly data: Readonly<Record<string, string>>;
  readonly createTime: number;
}

export interface DmReceiver {
  readonly id: string;
  readonly name: string;
  readonly alias: string;
  readonly desc: string;
  readonly createTime: number;
  /** Members by lowercased address, in upload order. */
  readonly members: Map<string, DmMember>;
  /**
   * Emulator time of the last BatchSendMail that used this list (docs/providers/aliyun-dm.md
   * "Recipient lists").
   */
  lastBatchAt: number | undefined;
}

export interface DmTag {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface DmTask {
  /** The batch EnvId (decimal). */
  readonly id: string;
  readonly templateName: string;
  readonly receiversName: string;
  readonly tagName: string;
  readonly addressType: string;
  readonly requestCount: number;
  readonly createTime: number;
}

/** Everything one emulated DirectMail account holds. */
export class DmState {
  readonly domains = new Map<string, DmDomain>();
  readonly senders = new Map<string, DmSender>();
  readonly templates = new Map<string, DmTemplate>();
  readonly receivers = new Map<string, DmReceiver>();
  readonly tags = new Map<string, DmTag>();
  readonly tasks: DmTask[] = [];
  /** Addresses on the invalid-address list: sending to them gives InvalidToAddress.Spam. */
  readonly invalidAddresses = new Set<string>();
  private counter = 100000;
  /** EnvIds are above 2^53 on purpose (docs/providers/aliyun-dm.md "Responses"). */
  private envId = 600000000000000000n;

  /** A fresh numeric id (domains, senders, templates, tags). */
  nextId(): string {
    this.counter += 1;
    return String(this.counter);
  }

  /** A fresh EnvId, as a decimal string (above 2^53). */
  nextEnvId(): string {
    this.envId += 1n;
    return this.envId.toString();
  }

  senderByAddress(address: string): DmSender | undefined {
    return this.senders.get(address.toLowerCase());
  }

  receiverByName(name: string): DmReceiver | undefined {
    for (const receiver of this.receivers.values()) if (receiver.name === name) return receiver;
    return undefined;
  }

  templateByName(name: string): DmTemplate | undefined {
    for (const template of this.templates.values()) if (template.name === name) return template;
    return undefined;
  }

  tagByName(name: string): DmTag | undefined {
    for (const tag of this.tags.values()) if (tag.name === name) return tag;
    return undefined;
  }
}
