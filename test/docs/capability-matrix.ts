/**
 * The README's capability matrix, generated from the adapters' exported capabilities objects
 * so it cannot drift from what the core enforces. `capability-matrix.test.ts` fails when the
 * README differs from `renderMatrix()`; `node --import tsx test/docs/capability-matrix.ts
 * --write` rewrites the README between the markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { capabilities as aliyunDmCapabilities } from '@mailbridge/aliyun-dm';
import type { Capabilities, RateLimit } from '@mailbridge/core';
import { tencentSesCapabilities } from '@mailbridge/tencent-ses';

/** The markers around the generated block in README.md. */
export const START = '<!-- capabilities:start -->';
export const END = '<!-- capabilities:end -->';
/** The root README's path. */
export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** A column: a provider's default capabilities and, for Tencent, the raw-content variant. */
export interface Column {
  readonly title: string;
  readonly base: Capabilities;
  /** Capabilities under a config switch, and how to name it when a cell differs. */
  readonly variant?: { readonly caps: Capabilities; readonly label: string };
  /** The provider actions behind send, batch and group upload (rate-limit rows). */
  readonly actions: { readonly send: string; readonly batch: string; readonly upload: string };
}

/** One row: its label, the capability paths it renders (for the coverage test), a cell. */
export interface MatrixRow {
  readonly label: string;
  readonly covers: readonly string[];
  cell(caps: Capabilities, column: Column): string;
}

/** One column per provider, from the capabilities objects the adapters export. */
export const COLUMNS: readonly Column[] = [
  {
    title: 'Tencent Cloud SES (`@mailbridge/tencent-ses`)',
    base: tencentSesCapabilities({}),
    variant: { caps: tencentSesCapabilities({ allowRawContent: true }), label: 'allowRawContent' },
    actions: { send: 'SendEmail', batch: 'BatchSendEmail', upload: 'CreateReceiverDetailWithData' },
  },
  {
    title: 'Alibaba Cloud DirectMail (`@mailbridge/aliyun-dm`)',
    base: aliyunDmCapabilities,
    actions: { send: 'SingleSendMail', batch: 'BatchSendMail', upload: 'SaveReceiverDetail' },
  },
];

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const number = (n: number) => n.toLocaleString('en-US');
const count = (n: number) => (n === 0 ? 'no' : number(n));
const bytes = (n: number) =>
  n >= 1024 * 1024 && n % (1024 * 1024) === 0
    ? `${n / (1024 * 1024)} MiB`
    : n >= 1024 && n % 1024 === 0
      ? `${n / 1024} KiB`
      : `${n} bytes`;
const template = (kind: 'name' | 'id' | false) =>
  kind === false ? 'no' : kind === 'id' ? 'by numeric id' : 'by name';

function rate(limit: RateLimit | undefined): string {
  if (!limit) return 'not limited client-side';
  const per =
    limit.perMs === 1_000 ? 's' : limit.perMs === 60_000 ? 'min' : `${limit.perMs / 1000} s`;
  return `${limit.requests}/${per}`;
}

const row = (
  label: string,
  covers: readonly string[],
  cell: (caps: Capabilities, column: Column) => string,
): MatrixRow => ({ label, covers, cell });

/** The rows, in reading order. */
export const ROWS: readonly MatrixRow[] = [
  row('`to` per message', ['recipients.to'], (c) => count(c.recipients.to)),
  row('`to` recipients see each other', ['recipients.toVisibleToEachOther'], (c) =>
    yesNo(c.recipients.toVisibleToEachOther),
  ),
  row('`cc` per message', ['recipients.cc'], (c) => count(c.recipients.cc)),
  row('`bcc` per message', ['recipients.bcc'], (c) => count(c.recipients.bcc)),
  row('`bcc` may repeat a `to` address', ['recipients.bccMayOverlapTo'], (c) =>
    yesNo(c.recipients.bccMayOverlapTo),
  ),
  row('recipient display names', ['recipients.names'], (c) => yesNo(c.recipients.names !== false)),
  row(
    'sender display name',
    ['from.name', 'from.nameMaxLength', 'from.namePattern.pattern', 'from.namePattern.description'],
    (c) =>
      c.from.name
        ? [
            'yes',
            c.from.nameMaxLength === undefined ? '' : `, up to ${c.from.nameMaxLength} characters`,
            c.from.namePattern === undefined ? '' : ` (${c.from.namePattern.description})`,
          ].join('')
        : 'no',
  ),
  row('`replyTo`', ['replyTo.max', 'replyTo.name', 'replyTo.nameMaxLength'], (c) =>
    c.replyTo.max === 0
      ? 'no'
      : `${c.replyTo.max} address, ${c.replyTo.name ? 'with' : 'without'} display name${
          c.replyTo.nameMaxLength === undefined ? '' : ` (up to ${c.replyTo.nameMaxLength})`
        }`,
  ),
  row('subject length', ['subject.maxLength'], (c) => `${c.subject.maxLength} characters`),
  row('raw `html`', ['content.html', 'content.rawContentNote'], (c) => yesNo(c.content.html)),
  row('raw `text`', ['content.text'], (c) => yesNo(c.content.text)),
  row('body size', ['content.bodyMaxBytes'], (c) => bytes(c.content.bodyMaxBytes)),
  row('whole message size', ['content.messageMaxBytes'], (c) =>
    c.content.messageMaxBytes === undefined ? '-' : bytes(c.content.messageMaxBytes),
  ),
  row(
    'template on a single send',
    ['content.template', 'content.templateId.pattern', 'content.templateId.description'],
    (c) =>
      `${template(c.content.template)}${c.content.templateId ? ` (${c.content.templateId.description})` : ''}`,
  ),
  row('template on a batch', ['content.batchTemplate'], (c) => template(c.content.batchTemplate)),
  row('template data size', ['content.templateDataMaxBytes'], (c) =>
    c.content.templateDataMaxBytes === undefined ? '-' : bytes(c.content.templateDataMaxBytes),
  ),
  row('attachments', ['attachments'], (c) =>
    c.attachments === false
      ? 'no'
      : `${c.attachments.maxCount}, ${bytes(c.attachments.maxTotalBytes)} in total`,
  ),
  row('attachment `contentType`', ['attachments.contentType'], (c) =>
    c.attachments === false
      ? '-'
      : c.attachments.contentType === false
        ? 'no (from the file name)'
        : 'yes',
  ),
  row('custom `headers`', ['headers'], (c) =>
    c.headers === false ? 'no' : `up to ${c.headers.max}`,
  ),
  row('`tags`', ['tags.max', 'tags.pattern', 'tags.maxLength'], (c) =>
    c.tags.max === 0
      ? 'no'
      : `${c.tags.max}${c.tags.pattern ? `, \`${c.tags.pattern.source.replaceAll('|', '\\|')}\`` : ''}`,
  ),
  row(
    'open / click tracking',
    ['tracking.opens', 'tracking.clicks'],
    (c) => `${yesNo(c.tracking.opens)} / ${yesNo(c.tracking.clicks)}`,
  ),
  row(
    'batch subject',
    ['batch.subject', 'batch.subject.minLength', 'batch.subject.maxLength'],
    (c) =>
      c.batch?.subject === false
        ? "no (the template's)"
        : c.batch?.subject
          ? `required, ${c.batch.subject.minLength}-${c.batch.subject.maxLength} characters`
          : 'optional',
  ),
  row('batch sender display name', ['batch.fromName'], (c) => yesNo(c.batch?.fromName !== false)),
  row(
    'batch references',
    [
      'batch.template.pattern',
      'batch.template.description',
      'batch.group.pattern',
      'batch.group.description',
    ],
    (c) =>
      [c.batch?.template?.description, c.batch?.group?.description].filter(Boolean).join('; ') ||
      '-',
  ),
  row('timed batch (`schedule.at`)', ['schedule.timed', 'schedule.note'], (c) =>
    yesNo(c.schedule.timed),
  ),
  row('recurring batch (`schedule.every`)', ['schedule.recurring'], (c) =>
    yesNo(c.schedule.recurring),
  ),
  row('group upload per call', ['groups.uploadChunk'], (c) => number(c.groups.uploadChunk)),
  row('recipients per group', ['groups.maxPerGroup'], (c) =>
    c.groups.maxPerGroup === undefined ? 'not documented' : number(c.groups.maxPerGroup),
  ),
  row('groups per account', ['groups.maxGroups'], (c) =>
    c.groups.maxGroups === undefined ? 'not documented' : number(c.groups.maxGroups),
  ),
  row('group name length', ['groups.nameMaxLength'], (c) =>
    c.groups.nameMaxLength === undefined
      ? 'not documented'
      : `${c.groups.nameMaxLength} characters`,
  ),
  row('group description length', ['groups.descriptionMaxLength'], (c) =>
    c.groups.descriptionMaxLength === undefined
      ? 'not documented'
      : `${c.groups.descriptionMaxLength} characters`,
  ),
  row('per-recipient template data', ['groups.recipientData'], (c) =>
    yesNo(c.groups.recipientData),
  ),
  row(
    "rules on group recipients' data",
    [
      'groups.recipientDataRules.sameKeys',
      'groups.recipientDataRules.maxJsonBytes',
      'groups.recipientDataRules.plainText',
    ],
    (c) => {
      const rules = c.groups.recipientDataRules;
      if (rules === undefined) return 'none';
      return [
        rules.sameKeys ? 'the same keys for every recipient of an upload' : undefined,
        rules.maxJsonBytes === undefined
          ? undefined
          : `at most ${rules.maxJsonBytes} bytes as JSON`,
        rules.plainText ? 'plain text (no HTML tags)' : undefined,
      ]
        .filter((part) => part !== undefined)
        .join('; ');
    },
  ),
  row(
    'display names on group recipients',
    ['groups.recipientNames', 'groups.recipientNameKey'],
    (c) =>
      c.groups.recipientNames === false
        ? 'no'
        : c.groups.recipientNameKey === undefined
          ? 'yes'
          : `yes, as the variable \`${c.groups.recipientNameKey}\``,
  ),
  row('remove one recipient from a group', ['groups.removeRecipients'], (c) =>
    yesNo(c.groups.removeRecipients),
  ),
  row('group listing page size', ['groups.pageSize'], (c) => String(c.groups.pageSize)),
  row(
    'templates: create, update, delete',
    ['resources.templates.create', 'resources.templates.update', 'resources.templates.delete'],
    (c) => {
      const t = c.resources?.templates;
      return t ? [t.create, t.update, t.delete].map(yesNo).join(', ') : 'no';
    },
  ),
  row(
    'sender addresses: create, delete, display name',
    ['resources.senders.create', 'resources.senders.delete', 'resources.senders.name'],
    (c) => {
      const s = c.resources?.senders;
      return s ? [s.create, s.delete, s.name].map(yesNo).join(', ') : 'no';
    },
  ),
  row(
    'sending domains: create, delete',
    ['resources.domains.create', 'resources.domains.delete'],
    (c) => {
      const d = c.resources?.domains;
      return d ? [d.create, d.delete].map(yesNo).join(', ') : 'no';
    },
  ),
  row(
    'suppression list: addresses per add, removal',
    ['resources.suppression.addChunk', 'resources.suppression.removeBy'],
    (c) => {
      const s = c.resources?.suppression;
      return s ? `${number(s.addChunk)}, by ${s.removeBy === 'id' ? 'entry id' : 'address'}` : 'no';
    },
  ),
  row(
    'daily stats: days per request, days back',
    ['resources.stats.maxSpanDays', 'resources.stats.maxAgeDays'],
    (c) => {
      const s = c.resources?.stats;
      return s ? `${s.maxSpanDays}, ${s.maxAgeDays}` : 'no';
    },
  ),
  row('resource listing page size', ['resources.pageSize'], (c) =>
    String(c.resources?.pageSize ?? 'no'),
  ),
  row(
    'rate limit: send',
    ['rateLimits'],
    (c, col) => `${col.actions.send} ${rate(c.rateLimits[col.actions.send])}`,
  ),
  row(
    'rate limit: batch',
    ['rateLimits'],
    (c, col) => `${col.actions.batch} ${rate(c.rateLimits[col.actions.batch])}`,
  ),
  row(
    'rate limit: group upload',
    ['rateLimits'],
    (c, col) => `${col.actions.upload} ${rate(c.rateLimits[col.actions.upload])}`,
  ),
];

function cell(matrixRow: MatrixRow, column: Column): string {
  const value = matrixRow.cell(column.base, column);
  if (!column.variant) return value;
  const other = matrixRow.cell(column.variant.caps, column);
  return other === value ? value : `${value} (${other} with \`${column.variant.label}\`)`;
}

/** The matrix as an aligned markdown table, framed by the markers. */
export function renderMatrix(): string {
  const lines = [
    ['capability', ...COLUMNS.map((c) => c.title)],
    ...ROWS.map((r) => [r.label, ...COLUMNS.map((c) => cell(r, c))]),
  ];
  const widths = (lines[0] ?? []).map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    `| ${cells.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  const [head = [], ...body] = lines;
  return [
    START,
    '<!-- generated by `node --import tsx test/docs/capability-matrix.ts --write`; do not edit -->',
    '',
    format(head),
    rule,
    ...body.map(format),
    '',
    END,
  ].join('\n');
}

/** The README's current block between the markers (markers included), if present. */
export function currentMatrix(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start);
  return start === -1 || end === -1 ? undefined : readme.slice(start, end + END.length);
}

/** Replace the block between the markers; throws when the README has no markers. */
export function withMatrix(readme: string): string {
  const current = currentMatrix(readme);
  if (current === undefined) throw new Error(`README.md has no ${START} … ${END} markers`);
  return readme.replace(current, () => renderMatrix());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    writeFileSync(README, withMatrix(readFileSync(README, 'utf8')));
    console.log(`updated the capability matrix in ${README}`);
  } else console.log(renderMatrix());
}
