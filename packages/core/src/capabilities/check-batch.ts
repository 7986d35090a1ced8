/**
 * Capability checks of a provider-side batch (a stored template to a stored group), before
 * any request: scheduling support, the subject and sender rules of batches, and the shapes of
 * template and group references. Throws like `checkMessage`.
 */
import { needsSmtpUtf8 } from '../message/address.js';
import type { Batch } from '../message/message.js';
import { isCronRule, nativeFits } from '../schedule/rule.js';
import type { Capabilities } from './capabilities.js';
import {
  checkFromName,
  checkName,
  checkReference,
  checkSubject,
  checkTags,
  checkTemplateRef,
  checkTracking,
  localPartWhy,
} from './fields.js';
import { charLength, Findings } from './findings.js';

/**
 * A batch's schedule must be one the provider holds itself (`nativeFits`): the mailer sends
 * every other rule to the scheduler before this check, so this speaks to a direct caller.
 */
function checkSchedule(f: Findings, batch: Batch, caps: Capabilities): void {
  const { schedule } = batch;
  if (schedule === undefined || nativeFits(schedule, caps)) return;
  const recurring = 'every' in schedule && schedule.times !== 1;
  const note = caps.schedule.note === undefined ? '' : ` (${caps.schedule.note})`;
  if (!caps.schedule.timed && !caps.schedule.recurring) {
    f.cannot(
      'schedule',
      `it has no native scheduling${note}; send at the chosen time yourself, or configure a scheduler`,
    );
  } else if (isCronRule(schedule)) {
    f.cannot('schedule.cron', `it has no native cron scheduling${note}`);
  } else if (recurring && caps.schedule.recurring) {
    f.cannot(
      'schedule.times',
      `its recurring tasks repeat until stopped, with no run count${note}`,
    );
  } else if (recurring && !caps.schedule.recurring) {
    f.cannot('schedule', `it has no native recurring scheduling (timed sends only)${note}`);
  } else if (!recurring && !caps.schedule.timed) {
    f.cannot('schedule', `it has no native timed scheduling (recurring sends only)${note}`);
  }
}

function checkBatchSubject(f: Findings, batch: Batch, caps: Capabilities): void {
  const rule = caps.batch?.subject;
  if (rule === false) {
    if (batch.subject !== undefined)
      f.cannot('subject', "it sends a batch with the stored template's subject");
    return;
  }
  checkSubject(f, batch.subject, rule?.maxLength ?? caps.subject.maxLength);
  const length = batch.subject === undefined ? 0 : charLength(batch.subject, 0);
  if (rule !== undefined && length < rule.minLength)
    f.issue(
      ['subject'],
      `${f.provider} needs a batch subject of at least ${rule.minLength} characters`,
    );
}

/**
 * Check a normalised batch against a provider's capabilities: scheduling support, the
 * template reference kind (`'id'` needs a numeric id, `'name'` a non-empty string) and shape,
 * the group reference shape, sender and reply-to local parts (SMTPUTF8) and names, subject, tags
 * and tracking.
 *
 * @example
 * ```ts
 * checkBatch(normalizeBatch(input), provider.capabilities);
 * ```
 */
export function checkBatch(batch: Batch, caps: Capabilities): void {
  const f = new Findings(caps.provider);
  if (caps.recipients.unicodeLocalPart !== true) {
    if (needsSmtpUtf8(batch.from.address)) f.cannot('from', localPartWhy);
    if (batch.replyTo && needsSmtpUtf8(batch.replyTo.address)) f.cannot('replyTo', localPartWhy);
  }
  if (caps.batch?.fromName === false && batch.from.name)
    f.cannot('from.name', 'it has no sender display name on batches');
  else checkFromName(f, batch.from, caps);
  if (batch.replyTo !== undefined) {
    if (caps.replyTo.max === 0) f.cannot('replyTo', 'it has no reply-to address');
    else checkName(f, 'replyTo', batch.replyTo, caps.replyTo.name, caps.replyTo.nameMaxLength);
  }
  checkBatchSubject(f, batch, caps);
  const kind = caps.content.batchTemplate;
  checkTemplateRef(f, ['template', 'id'], batch.template.id, kind, caps.batch?.template);
  checkReference(f, ['group'], batch.group, caps.batch?.group);
  checkTags(f, batch.tags, caps);
  checkTracking(f, batch.tracking, caps);
  checkSchedule(f, batch, caps);
  f.throwIfAny();
}
