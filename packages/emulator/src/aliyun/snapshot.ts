import type { DmState } from './state.js';

/** A JSON-friendly view of the DirectMail account, for the admin API. */
export function snapshotOf(state: DmState): unknown {
  return {
    domains: [...state.domains.values()].map((d) => ({
      id: d.id,
      name: d.name,
      verified: d.verified,
    })),
    senders: [...state.senders.values()].map((s) => ({
      id: s.id,
      address: s.address,
      type: s.sendType,
      frozen: s.frozen,
      replyAddress: s.replyAddress ?? null,
      replyVerified: s.replyVerified,
    })),
    templates: [...state.templates.values()].map((t) => ({
      id: t.id,
      name: t.name,
      subject: t.subject,
      html: t.html ?? null,
      text: t.text ?? null,
      status: t.status,
    })),
    receivers: [...state.receivers.values()].map((r) => ({
      id: r.id,
      name: r.name,
      alias: r.alias,
      desc: r.desc,
      members: [...r.members.values()].map((m) => ({ email: m.email, data: m.data })),
    })),
    tags: [...state.tags.values()].map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
    })),
    tasks: state.tasks.map((t) => ({ ...t })),
    invalidAddresses: [...state.invalidAddresses],
  };
}
