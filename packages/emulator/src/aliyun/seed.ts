import { randomUUID } from 'node:crypto';
import type { DmState, SendType, TemplateStatus } from './state.js';

/**
 * Resources `seed()` adds to the emulated DirectMail account. Every list is optional; names
 * that already exist are replaced.
 */
export interface AliyunSeed {
  readonly domains?: readonly { readonly name: string; readonly verified?: boolean }[];
  readonly senders?: readonly {
    readonly address: string;
    readonly type: SendType;
    readonly frozen?: boolean;
    readonly replyAddress?: string;
    readonly replyVerified?: boolean;
    /** The SMTP password set for this address (the console's "Set SMTP Password"). */
    readonly smtpPassword?: string;
  }[];
  readonly templates?: readonly {
    readonly name: string;
    readonly subject: string;
    readonly html?: string;
    readonly text?: string;
    readonly status?: TemplateStatus;
  }[];
  readonly receivers?: readonly {
    readonly name: string;
    readonly alias?: string;
    readonly desc?: string;
    readonly members?: readonly {
      readonly email: string;
      readonly data?: Readonly<Record<string, string>>;
    }[];
  }[];
  readonly tags?: readonly { readonly name: string; readonly description?: string }[];
  /** Addresses on the account's invalid-address list (sending to them: InvalidToAddress.Spam). */
  readonly invalidAddresses?: readonly string[];
}

/**
 * The account every emulator starts with. Template variables use DirectMail's `{Name}` syntax
 * (the "Create email templates" help page: `{EAddr}`, `{UserName}`, `{NickName}`, `{Gender}`,
 * `{Birthday}`, `{Mobile}`; CustomDetail keys work the same way).
 */
export const ALIYUN_DEFAULT_SEED: AliyunSeed = {
  domains: [{ name: 'mail.example.com', verified: true }],
  senders: [
    {
      address: 'noreply@mail.example.com',
      type: 'trigger',
      replyAddress: 'support@mail.example.com',
      replyVerified: true,
      // Lets the emulator's SMTP endpoint (smtp/) take attachments out of the box.
      smtpPassword: 'emulator-smtp-password',
    },
    { address: 'batch@mail.example.com', type: 'batch' },
  ],
  templates: [
    {
      name: 'welcome',
      subject: 'Welcome {UserName}',
      html: '<p>Hello {UserName}, welcome aboard. We will write to {EAddr}.</p>',
      text: 'Hello {UserName}, welcome aboard.',
      status: 'approved',
    },
    {
      name: 'pending',
      subject: 'Pending review',
      html: '<p>Not approved yet</p>',
      status: 'pending',
    },
  ],
  tags: [{ name: 'demo', description: 'Default demo tag' }],
};

type Json = Record<string, unknown>;

function bad(path: string, what: string): never {
  throw new TypeError(`aliyun seed: ${path} must be ${what}`);
}

function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(path, 'an object');
  return value as Json;
}

function list(value: unknown, path: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) bad(path, 'an array');
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') bad(path, 'a non-empty string');
  return value;
}

function optText(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : text(value, path);
}

function flag(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') bad(path, 'a boolean');
  return value;
}

function oneOf<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) bad(path, allowed.join(' | '));
  return value as T;
}

function strings(value: unknown, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined) return out;
  for (const [key, item] of Object.entries(record(value, path))) {
    if (typeof item !== 'string') bad(`${path}.${key}`, 'a string');
    out[key] = item;
  }
  return out;
}

function seedDomains(state: DmState, items: readonly unknown[], now: number): void {
  items.forEach((item, i) => {
    const r = record(item, `domains[${i}]`);
    const name = text(r['name'], `domains[${i}].name`).toLowerCase();
    const verified = flag(r['verified'], `domains[${i}].verified`, true);
    state.domains.set(name, { id: state.nextId(), name, verified, createTime: now });
  });
}

function seedSenders(state: DmState, items: readonly unknown[], now: number): void {
  items.forEach((item, i) => {
    const r = record(item, `senders[${i}]`);
    const address = text(r['address'], `senders[${i}].address`).toLowerCase();
    state.senders.set(address, {
      id: state.nextId(),
      address,
      sendType: oneOf(r['type'], `senders[${i}].type`, ['trigger', 'batch'], 'trigger'),
      frozen: flag(r['frozen'], `senders[${i}].frozen`, false),
      replyAddress: optText(r['replyAddress'], `senders[${i}].replyAddress`),
      replyVerified: flag(r['replyVerified'], `senders[${i}].replyVerified`, false),
      createTime: now,
      ...smtpPasswordOf(r['smtpPassword'], `senders[${i}].smtpPassword`),
    });
  });
}

function smtpPasswordOf(value: unknown, path: string): { smtpPassword?: string } {
  const password = optText(value, path);
  return password === undefined ? {} : { smtpPassword: password };
}

const STATUSES: readonly TemplateStatus[] = ['draft', 'pending', 'approved', 'rejected'];

function seedTemplates(state: DmState, items: readonly unknown[], now: number): void {
  items.forEach((item, i) => {
    const r = record(item, `templates[${i}]`);
    const name = text(r['name'], `templates[${i}].name`);
    const old = state.templateByName(name);
    if (old) state.templates.delete(old.id);
    const id = state.nextId();
    state.templates.set(id, {
      id,
      name,
      subject: text(r['subject'], `templates[${i}].subject`),
      html: optText(r['html'], `templates[${i}].html`),
      text: optText(r['text'], `templates[${i}].text`),
      status: oneOf(r['status'], `templates[${i}].status`, STATUSES, 'approved'),
      createTime: now,
    });
  });
}

function seedReceivers(state: DmState, items: readonly unknown[], now: number): void {
  items.forEach((item, i) => {
    const path = `receivers[${i}]`;
    const r = record(item, path);
    const name = text(r['name'], `${path}.name`);
    const old = state.receiverByName(name);
    if (old) state.receivers.delete(old.id);
    const id = randomUUID().replace(/-/g, '');
    const members = new Map<
      string,
      { email: string; data: Record<string, string>; createTime: number }
    >();
    list(r['members'], `${path}.members`).forEach((m, j) => {
      const member = record(m, `${path}.members[${j}]`);
      const email = text(member['email'], `${path}.members[${j}].email`);
      const data = strings(member['data'], `${path}.members[${j}].data`);
      members.set(email.toLowerCase(), { email, data, createTime: now });
    });
    const alias = optText(r['alias'], `${path}.alias`) ?? name;
    const desc = optText(r['desc'], `${path}.desc`) ?? '';
    state.receivers.set(id, {
      id,
      name,
      alias,
      desc,
      createTime: now,
      members,
      lastBatchAt: undefined,
    });
  });
}

function seedTags(state: DmState, items: readonly unknown[]): void {
  items.forEach((item, i) => {
    const r = record(item, `tags[${i}]`);
    const name = text(r['name'], `tags[${i}].name`);
    const old = state.tagByName(name);
    if (old) state.tags.delete(old.id);
    const id = state.nextId();
    state.tags.set(id, {
      id,
      name,
      description: optText(r['description'], `tags[${i}].description`) ?? '',
    });
  });
}

/** Add the resources in `data` (an AliyunSeed, checked at run time) to the state. */
export function applySeed(state: DmState, data: unknown, now: number): void {
  const r = record(data, 'seed');
  seedDomains(state, list(r['domains'], 'domains'), now);
  seedSenders(state, list(r['senders'], 'senders'), now);
  seedTemplates(state, list(r['templates'], 'templates'), now);
  seedReceivers(state, list(r['receivers'], 'receivers'), now);
  seedTags(state, list(r['tags'], 'tags'));
  list(r['invalidAddresses'], 'invalidAddresses').forEach((a, i) => {
    state.invalidAddresses.add(text(a, `invalidAddresses[${i}]`).toLowerCase());
  });
}
