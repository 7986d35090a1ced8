/**
 * Tencent SES seed data: what exists before the first request (verified domains and senders,
 * approved templates, filled recipient groups) and the account knobs (`allowSimple`, limits).
 */
import { readRowData, variablesMismatch } from './row-data.js';
import type { TcRecipient, TemplateStatus, TencentState } from './state.js';

/** A template to create; `html`/`text` are plain (not base64); variables are `{{name}}`. */
export interface TencentSeedTemplate {
  readonly id?: number;
  readonly name: string;
  readonly html?: string;
  readonly text?: string;
  /** Default `approved`. */
  readonly status?: 'approved' | 'pending' | 'rejected';
}

/** A group recipient: an address, or an address with its template data (string values). */
export type TencentSeedRecipient =
  | string
  | { readonly email: string; readonly data?: Readonly<Record<string, string>> };

/** A recipient group (ReceiverId), filled and fully uploaded. */
export interface TencentSeedGroup {
  readonly id?: number;
  readonly name: string;
  readonly desc?: string;
  readonly recipients?: readonly TencentSeedRecipient[];
}

/** Resources and settings for the Tencent SES half. Seeding adds; it never removes. */
export interface TencentSeed {
  /** Sender domains; a string is a verified domain. */
  readonly domains?: readonly (string | { readonly name: string; readonly verified?: boolean })[];
  /** Sender addresses; a string is a verified address. Their domain is added if missing. */
  readonly senders?: readonly (
    | string
    | { readonly address: string; readonly alias?: string; readonly verified?: boolean }
  )[];
  readonly templates?: readonly TencentSeedTemplate[];
  readonly groups?: readonly TencentSeedGroup[];
  /** Allow `Simple` (raw HTML/text) sends; default false (FailedOperation.WithOutPermission). */
  readonly allowSimple?: boolean;
  /** Emulator ms an upload stays in ReceiversStatus 2 (uploading); default 0. */
  readonly uploadDelayMs?: number;
  /** Emulator ms before a created template is approved; `null` = never; default 0. */
  readonly templateReviewMs?: number | null;
  readonly limits?: { readonly receivers?: number; readonly templates?: number };
}

/**
 * The default Tencent seed: verified domain `mail.example.com`, verified sender
 * `noreply@mail.example.com` (an alias may be used: `Shop <noreply@mail.example.com>`), and two
 * approved templates: 100001 `welcome` (`<p>Hello {{name}}</p>` / `Hello {{name}}`) and
 * 100002 `newsletter` (`{{title}}`, `{{body}}`).
 */
export const TENCENT_DEFAULT_SEED: TencentSeed = {
  domains: [{ name: 'mail.example.com', verified: true }],
  senders: [{ address: 'noreply@mail.example.com', verified: true }],
  templates: [
    {
      id: 100001,
      name: 'welcome',
      html: '<p>Hello {{name}}</p>',
      text: 'Hello {{name}}',
      status: 'approved',
    },
    {
      id: 100002,
      name: 'newsletter',
      html: '<h1>{{title}}</h1><div>{{body}}</div>',
      text: '{{title}}\n\n{{body}}',
      status: 'approved',
    },
  ],
};

const STATUS: Readonly<Record<string, TemplateStatus>> = { approved: 0, pending: 1, rejected: 2 };

/** Apply a seed (possibly from JSON) to the state; throws a TypeError naming a bad field. */
export function applySeed(state: TencentState, data: unknown, now: number): void {
  const seed = obj(data, 'tencent seed') as TencentSeed;
  applySettings(state, seed);
  list(seed.domains, 'domains').forEach((d, i) => {
    const domain = typeof d === 'string' ? { name: d } : entry(d, `domains[${i}]`, 'a string or');
    const name = str(domain.name, `domains[${i}].name`).toLowerCase();
    state.domains.set(name, { name, verified: domain.verified ?? true });
  });
  list(seed.senders, 'senders').forEach((s, i) => {
    const sender =
      typeof s === 'string' ? { address: s } : entry(s, `senders[${i}]`, 'a string or');
    const address = str(sender.address, `senders[${i}].address`);
    const domain = address.slice(address.indexOf('@') + 1).toLowerCase();
    const verified = sender.verified ?? true;
    if (!address.includes('@')) {
      throw new TypeError(`tencent seed: senders[${i}].address has no @`);
    }
    if (!state.domains.has(domain)) state.domains.set(domain, { name: domain, verified });
    state.senders.set(address.toLowerCase(), {
      address,
      ...(sender.alias === undefined ? {} : { alias: sender.alias }),
      verified,
      createdAt: now,
    });
  });
  list(seed.templates, 'templates').forEach((t, i) => {
    seedTemplate(state, entry(t, `templates[${i}]`), `templates[${i}]`, now);
  });
  list(seed.groups, 'groups').forEach((g, i) => {
    seedGroup(state, entry(g, `groups[${i}]`), `groups[${i}]`, now);
  });
}

function applySettings(state: TencentState, seed: TencentSeed): void {
  const s = state.settings;
  if (seed.allowSimple !== undefined) s.allowSimple = seed.allowSimple === true;
  if (seed.uploadDelayMs !== undefined) s.uploadDelayMs = num(seed.uploadDelayMs, 'uploadDelayMs');
  if (seed.templateReviewMs !== undefined) {
    s.templateReviewMs =
      seed.templateReviewMs === null ? null : num(seed.templateReviewMs, 'templateReviewMs');
  }
  if (seed.limits?.receivers !== undefined) s.maxReceivers = num(seed.limits.receivers, 'limits');
  if (seed.limits?.templates !== undefined) s.maxTemplates = num(seed.limits.templates, 'limits');
}

function seedTemplate(
  state: TencentState,
  t: TencentSeedTemplate,
  path: string,
  now: number,
): void {
  const id = t.id === undefined ? state.ids.template : num(t.id, `${path}.id`);
  const status = STATUS[t.status ?? 'approved'];
  if (status === undefined) throw new TypeError(`tencent seed: ${path}.status is unknown`);
  if (t.html === undefined && t.text === undefined) {
    throw new TypeError(`tencent seed: ${path} needs html or text`);
  }
  state.templates.set(id, {
    id,
    name: str(t.name, `${path}.name`),
    ...(t.html === undefined ? {} : { html: str(t.html, `${path}.html`) }),
    ...(t.text === undefined ? {} : { text: str(t.text, `${path}.text`) }),
    status,
    reviewReason: status === 2 ? 'rejected by seed' : '',
    createdAt: now,
  });
  state.ids.template = Math.max(state.ids.template, id + 1);
}

function seedGroup(state: TencentState, g: TencentSeedGroup, path: string, now: number): void {
  const id = g.id === undefined ? state.ids.receiver : num(g.id, `${path}.id`);
  // The group's variable names, as CreateReceiverDetailWithData keeps them (row-data.ts).
  let dataKeys: readonly string[] | undefined;
  const rows: TcRecipient[] = list(g.recipients, `${path}.recipients`).map((r, j) => {
    const at = `${path}.recipients[${j}]`;
    const row = typeof r === 'string' ? { email: r } : entry(r, at, 'a string or');
    const email = str(row.email, `${at}.email`);
    const data = row.data === undefined ? undefined : templateData(row.data, `${at}.data`);
    const mismatch = variablesMismatch(j > 0, dataKeys, data?.keys);
    if (mismatch !== undefined) {
      throw new TypeError(`tencent seed: ${data === undefined ? at : `${at}.data`} ${mismatch}`);
    }
    dataKeys = data?.keys;
    const emailId = state.ids.emailId++;
    return {
      emailId,
      email,
      ...(data === undefined ? {} : { data: data.text }),
      createdAt: now,
      valid: true,
      reason: '',
    };
  });
  state.groups.set(id, {
    id,
    name: str(g.name, `${path}.name`),
    desc: g.desc ?? '',
    createdAt: now,
    rows,
    ...(dataKeys === undefined ? {} : { dataKeys }),
    uploadingUntil: now,
  });
  state.ids.receiver = Math.max(state.ids.receiver, id + 1);
}

/**
 * A recipient's `data`, stored as the TemplateData string an upload would hold, and checked by
 * the rules an upload's row is (row-data.ts): an object of string values, at most 800 bytes of
 * JSON, no HTML. Answers the text and its variable names.
 */
function templateData(value: unknown, path: string): { text: string; keys: readonly string[] } {
  const data = entry(value, path) as Record<string, unknown>;
  const text = JSON.stringify(data);
  const read = readRowData(text);
  if (read.ok) return { text, keys: read.keys };
  // The rule is readRowData's; this only names the value it refused.
  const key = Object.keys(data).find((k) => typeof data[k] !== 'string');
  const where = read.code.endsWith('TemplateDataError') && key !== undefined;
  throw new TypeError(
    `tencent seed: ${where ? `${path}.${key} must be a string` : `${path} ${read.problem}`}`,
  );
}

function obj(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

/**
 * One entry of a seed list: an object (or, where `or` says so, a string the caller handled), as
 * the DirectMail seed words it: `tencent seed: templates[0] must be an object`.
 */
function entry<T>(value: T, path: string, or?: string): Exclude<T, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`tencent seed: ${path} must be ${or ? `${or} ` : ''}an object`);
  }
  return value as Exclude<T, string>;
}

function list<T>(value: readonly T[] | undefined, name: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`tencent seed: ${name} must be an array`);
  return value;
}

function str(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`tencent seed: ${name} must be a non-empty string`);
  }
  return value;
}

function num(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`tencent seed: ${name} must be an integer >= 0`);
  }
  return value;
}
