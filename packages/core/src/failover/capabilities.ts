/**
 * The capabilities of a composite, derived from its members. A composite routes each message to
 * a member that can honour it (each member's own check decides), so its capabilities are what
 * *some* member can do: limits are the largest, switches are on when any member has them. The
 * core's checks against them therefore never refuse a message a member could send. Groups are
 * the primary member's (group calls go to it), and rate limits are listed per member.
 */
import type { Capabilities } from '../capabilities/capabilities.js';

/** A member as capabilities see it: its name and its provider's capabilities. */
export interface CapabilityMember {
  readonly name: string;
  readonly capabilities: Capabilities;
}

const max = (values: readonly number[]) => Math.max(...values);
const any = (values: readonly boolean[]) => values.some(Boolean);
const maxDefined = (values: readonly (number | undefined)[]): number | undefined => {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length > 0 ? max(defined) : undefined;
};

/** Capabilities of a composite named `id` over `members` (the first one is the primary). */
export function compositeCapabilities(
  id: string,
  members: readonly CapabilityMember[],
): Capabilities {
  const caps = members.map((m) => m.capabilities);
  const primary = caps[0] as Capabilities;
  const pick = <T>(f: (c: Capabilities) => T) => caps.map(f);
  const nameMaxLength = maxDefined(pick((c) => c.from.nameMaxLength));
  const templateDataMaxBytes = maxDefined(pick((c) => c.content.templateDataMaxBytes));
  const tagMaxLength = maxDefined(pick((c) => c.tags.maxLength));
  const attachments = caps.flatMap((c) => (c.attachments ? [c.attachments] : []));
  const headers = caps.flatMap((c) => (c.headers ? [c.headers] : []));
  return {
    provider: id,
    recipients: {
      to: max(pick((c) => c.recipients.to)),
      cc: max(pick((c) => c.recipients.cc)),
      bcc: max(pick((c) => c.recipients.bcc)),
      // A warning rather than a permission: true when any member shows `to` to each other.
      toVisibleToEachOther: any(pick((c) => c.recipients.toVisibleToEachOther)),
      bccMayOverlapTo: any(pick((c) => c.recipients.bccMayOverlapTo)),
      unicodeLocalPart: any(pick((c) => c.recipients.unicodeLocalPart ?? false)),
    },
    from: {
      name: any(pick((c) => c.from.name)),
      ...(nameMaxLength === undefined ? {} : { nameMaxLength }),
    },
    replyTo: { max: max(pick((c) => c.replyTo.max)), name: any(pick((c) => c.replyTo.name)) },
    subject: { maxLength: max(pick((c) => c.subject.maxLength)) },
    content: {
      html: any(pick((c) => c.content.html)),
      text: any(pick((c) => c.content.text)),
      bodyMaxBytes: max(pick((c) => c.content.bodyMaxBytes)),
      // How the primary references templates; other members take theirs from `perProvider`.
      template:
        primary.content.template ||
        (caps.find((c) => c.content.template)?.content.template ?? false),
      batchTemplate: primary.content.batchTemplate,
      ...(templateDataMaxBytes === undefined ? {} : { templateDataMaxBytes }),
    },
    attachments:
      attachments.length === 0
        ? false
        : {
            maxCount: max(attachments.map((a) => a.maxCount)),
            maxTotalBytes: max(attachments.map((a) => a.maxTotalBytes)),
          },
    headers: headers.length === 0 ? false : { max: max(headers.map((h) => h.max)) },
    // Tag syntax differs by member; each member checks its own.
    tags: {
      max: max(pick((c) => c.tags.max)),
      ...(tagMaxLength === undefined ? {} : { maxLength: tagMaxLength }),
    },
    tracking: {
      opens: any(pick((c) => c.tracking.opens)),
      clicks: any(pick((c) => c.tracking.clicks)),
    },
    schedule: {
      timed: any(pick((c) => c.schedule.timed)),
      recurring: any(pick((c) => c.schedule.recurring)),
    },
    groups: primary.groups,
    rateLimits: Object.fromEntries(
      members.flatMap((m) =>
        Object.entries(m.capabilities.rateLimits).map(([action, limit]) => [
          `${m.name}/${action}`,
          limit,
        ]),
      ),
    ),
  };
}
