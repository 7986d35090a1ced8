/**
 * DirectMail's list calls take a `ReceiverId`, but BatchSendMail names the list, so a group's
 * neutral id is its `ReceiversName`. This map turns names into ids: filled by `create` and `list`,
 * and for a name it has not seen, by QueryReceiverByParam run through the pipeline of the
 * attempt that needs it (`attempt.execute`: that mailer's retries, limits, hooks and sockets).
 * The map is shared by every mailer over one provider; the lookups are not.
 */
import { MailError } from '@mailbridge/core';
import type { AttemptContext } from '@mailbridge/core/provider';
import type { AliyunDmResponse } from './actions.js';
import { actionOperation, type ClientContext } from './client.js';
import { PROVIDER_ID } from './config.js';

/** One page of QueryReceiverByParam, as the table normalises it. */
export type ListsPage = AliyunDmResponse<'QueryReceiverByParam'>;

/** Pages scanned when resolving a name (50 lists each). */
const MAX_LOOKUP_PAGES = 40;

/** The name -> ReceiverId map and the lookup of unknown names. */
export class ReceiverIds {
  private readonly ids = new Map<string, string>();

  /** The context the lookups are signed with. */
  constructor(private readonly ctx: ClientContext) {}

  /** Record a list's id (from CreateReceiver or a listing). */
  remember(name: string, id: string): void {
    this.ids.set(name, id);
  }

  /** Drop a deleted list, so a list later created under the same name is looked up afresh. */
  forget(name: string): void {
    this.ids.delete(name);
  }

  /** The ReceiverId of a list name; `not_found` when no list has that exact name. */
  async resolve(name: string, attempt: AttemptContext): Promise<string> {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    for (let pageNo = 1; pageNo <= MAX_LOOKUP_PAGES; pageNo++) {
      const page = await attempt.execute(
        actionOperation(this.ctx, 'QueryReceiverByParam', {
          KeyWord: name,
          PageNo: pageNo,
          PageSize: 50,
        }),
        { signal: attempt.signal },
      );
      this.rememberPage(page);
      const id = this.ids.get(name);
      if (id !== undefined) return id;
      if (nextPage(page, pageNo, 50) === undefined) break;
    }
    throw new MailError(`${PROVIDER_ID}: no recipient list named '${name}'`, {
      code: 'not_found',
      provider: PROVIDER_ID,
      action: 'QueryReceiverByParam',
      issues: [{ path: ['group'], message: `no recipient list named '${name}'` }],
    });
  }

  /** Record every name -> id pair of a QueryReceiverByParam page. */
  rememberPage(page: ListsPage): void {
    for (const list of page.data?.receiver ?? []) {
      if (list.ReceiversName !== undefined && list.ReceiverId !== undefined) {
        this.remember(list.ReceiversName, list.ReceiverId);
      }
    }
  }
}

/** The next PageNo, from TotalCount when given, else from a full page. */
export function nextPage(page: ListsPage, pageNo: number, pageSize: number): number | undefined {
  const count = page.data?.receiver?.length ?? 0;
  if (count === 0) return undefined;
  if (page.TotalCount !== undefined)
    return pageNo * pageSize < page.TotalCount ? pageNo + 1 : undefined;
  return count >= pageSize ? pageNo + 1 : undefined;
}
