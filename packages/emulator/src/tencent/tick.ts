/**
 * Time-driven work: template auto-review, and batch tasks that fire on the emulator clock.
 * Also the admin snapshot of the state.
 */
import type { EmuContext, OutboxEntry } from '../types.js';
import { readTemplateData, render } from './content.js';
import { intervalMs } from './schedule.js';
import { groupStatus, type TcTask, type TencentState } from './state.js';
import { formatCst, messageId } from './time.js';

/** Approve templates whose (emulated) review time has passed. */
export function refresh(state: TencentState, now: number): void {
  for (const t of state.templates.values()) {
    if (t.status === 1 && t.reviewAt !== undefined && t.reviewAt <= now) {
      t.status = 0;
      delete t.reviewAt;
    }
  }
}

/** Fire every due firing, earliest first (bounded, so a tiny interval cannot spin forever). */
export function fireDue(state: TencentState, ctx: EmuContext): void {
  for (let guard = 0; guard < 100_000; guard++) {
    let next: TcTask | undefined;
    for (const task of state.tasks.values()) {
      if (
        task.nextAt !== undefined &&
        task.nextAt <= ctx.now() &&
        (next?.nextAt ?? Infinity) > task.nextAt
      ) {
        next = task;
      }
    }
    if (next?.nextAt === undefined) return;
    fireTask(state, ctx, next, next.nextAt);
  }
}

/** One firing of a task at emulator time `at`: one copy per valid group recipient. */
export function fireTask(state: TencentState, ctx: EmuContext, task: TcTask, at: number): void {
  const group = state.groups.get(task.receiverId);
  const template = task.template === undefined ? undefined : state.templates.get(task.template.id);
  task.updatedAt = at;
  if (group === undefined || (task.template !== undefined && template === undefined)) {
    // The group or template was deleted after the task was created: the task fails (status 7).
    task.status = 7;
    task.errMsg = group === undefined ? 'recipient group was deleted' : 'template was deleted';
    delete task.nextAt;
    return;
  }
  const base = readTemplateData(task.template?.data || '{}');
  const shared = base.ok ? base.data : {};
  const valid = group.rows.filter((r) => r.valid);
  const entries = valid.map((row): OutboxEntry => {
    const rowData = row.data === undefined ? undefined : readTemplateData(row.data);
    const data = { ...shared, ...(rowData?.ok ? rowData.data : {}) };
    const html = template?.html ?? task.simple?.html;
    const text = template?.text ?? task.simple?.text;
    return {
      provider: 'tencent-ses',
      action: 'BatchSendEmail',
      ...senderFields(task.from),
      to: row.email,
      ...(task.replyTo === undefined ? {} : { replyTo: task.replyTo }),
      subject: render(task.subject, data),
      ...(html === undefined ? {} : { html: render(html, data) }),
      ...(text === undefined ? {} : { text: render(text, data) }),
      ...(task.template === undefined ? {} : { templateId: String(task.template.id) }),
      ...(task.template === undefined ? {} : { templateData: data }),
      time: at,
      requestId: task.requestId,
      messageId: messageId(at),
      taskId: String(task.id),
    };
  });
  ctx.deliver(entries);
  task.firings += 1;
  task.requestCount += group.rows.length;
  task.sendCount += valid.length;
  const recurring = task.type === 3 && task.cycle?.TermCycle !== 1;
  if (recurring) {
    task.status = 5;
    task.nextAt = at + intervalMs(task);
  } else {
    task.status = 10;
    delete task.nextAt;
  }
}

function senderFields(from: string): { from: string; fromName?: string } {
  const m = /^(.*) <([^<>]+)>$/.exec(from);
  return m === null ? { from } : { from: m[2]!, fromName: m[1]! };
}

/** JSON view for the admin API and `emulator.state()`. */
export function snapshotState(state: TencentState, now: number): unknown {
  return {
    settings: state.settings,
    domains: [...state.domains.values()],
    senders: [...state.senders.values()],
    templates: [...state.templates.values()],
    groups: [...state.groups.values()].map((g) => ({
      id: g.id,
      name: g.name,
      desc: g.desc,
      status: groupStatus(g, now),
      count: g.rows.length,
      dataKeys: g.dataKeys ?? null,
      recipients: g.rows,
    })),
    tasks: [...state.tasks.values()].map((t) => ({
      ...t,
      nextAt: t.nextAt === undefined ? null : formatCst(t.nextAt),
    })),
  };
}
