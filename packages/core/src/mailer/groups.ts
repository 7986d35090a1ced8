/**
 * Recipient groups: lists as async iterators over pages, and uploads that stream from an
 * (async) iterable, chunked to the provider's per-call limit, with progress after each call.
 */
import { isMailError, MailError } from '../errors.js';
import type { Recipient, RecipientInput } from '../message/message.js';
import { normalizeGroupInput, normalizeRecipient } from '../message/validate.js';
import type {
  CallOptions,
  Group,
  GroupInput,
  Operation,
  Page,
  Provider,
} from '../provider/provider.js';
import { allPages, type Run } from '../resources/pages.js';
import { emit } from '../run/hooks.js';
import {
  checkGroupCount,
  checkGroupInput,
  checkGroupRecipient,
  checkGroupSize,
} from './group-limits.js';
import { iterateSource, type Source } from './source.js';

/** Progress of an upload, reported after each provider call. */
export interface UploadProgress {
  readonly group: string;
  /** Recipients accepted so far. */
  readonly added: number;
  /** Provider calls made so far. */
  readonly calls: number;
}

/** Options of `groups.addRecipients`. */
export interface UploadOptions {
  readonly signal?: AbortSignal;
  /** Called after each provider call; what it throws or rejects with is ignored. */
  readonly onProgress?: (progress: UploadProgress) => void;
}

/** The result of an upload. */
export interface UploadResult {
  readonly added: number;
  readonly calls: number;
}

/** Group management over the provider's stored recipient lists. */
export interface Groups {
  create(input: GroupInput, options?: CallOptions): Promise<Group>;
  list(options?: CallOptions): AsyncIterable<Group>;
  addRecipients(
    group: string,
    recipients: Source<RecipientInput>,
    options?: UploadOptions,
  ): Promise<UploadResult>;
  listRecipients(group: string, options?: CallOptions): AsyncIterable<Recipient>;
  removeRecipients(
    group: string,
    addresses: readonly string[],
    options?: CallOptions,
  ): Promise<{ readonly removed: number }>;
  delete(group: string, options?: CallOptions): Promise<void>;
}

/** Build the neutral group operations over a provider. */
export function createGroups(provider: Provider, run: Run): Groups {
  const { groups: ops, capabilities: caps } = provider;
  const pageSize = caps.groups.pageSize;

  const pages = <T>(
    page: (cursor: string | undefined) => Operation<Page<T>>,
    signal?: AbortSignal,
  ) => allPages(provider.id, run, page, signal);

  return {
    async create(input, options) {
      const group = normalizeGroupInput(input);
      checkGroupInput(caps, group);
      if (caps.groups.maxGroups !== undefined) {
        checkGroupCount(
          caps,
          await countGroups(
            pages((cursor) => ops.list(cursor, pageSize), options?.signal),
            caps.groups.maxGroups,
          ),
        );
      }
      return (await run(ops.create(group), options?.signal)).value;
    },
    list: (options) => pages((cursor) => ops.list(cursor, pageSize), options?.signal),
    listRecipients: (group, options) =>
      pages((cursor) => ops.listRecipients(requireGroup(group), cursor, pageSize), options?.signal),
    async addRecipients(group, recipients, options) {
      const id = requireGroup(group);
      if (Array.isArray(recipients)) checkGroupSize(caps, recipients.length);
      return uploadAll(ops, caps, run, id, recipients, options);
    },
    async removeRecipients(group, addresses, options) {
      const remove = ops.removeRecipient;
      if (!remove || !caps.groups.removeRecipients) {
        throw new MailError(`${provider.id} has no way to remove single recipients from a group`, {
          code: 'unsupported',
          provider: provider.id,
          issues: [{ path: ['removeRecipients'], message: 'not supported by the provider API' }],
        });
      }
      const id = requireGroup(group);
      if (!Array.isArray(addresses)) {
        throw new MailError('Invalid input: addresses: expected an array of addresses', {
          code: 'invalid_input',
          issues: [{ path: ['addresses'], message: 'expected an array of addresses' }],
        });
      }
      const valid = addresses.map((address, i) => normalizeRecipient(address, i).address);
      for (const address of valid) await run(remove(id, address), options?.signal);
      return { removed: valid.length };
    },
    async delete(group, options) {
      await run(ops.delete(requireGroup(group)), options?.signal);
    },
  };
}

/**
 * Stream recipients into a group: validate each as it is pulled, send a call per full chunk, and
 * report progress after each call. Any failure says how far the upload got, because the chunks
 * before it are stored and a retry of the whole upload would add them again (Tencent SES appends
 * without de-duplication): once a call was stored the upload is `unknown`, never `not_sent`,
 * and not retryable as a whole.
 */
async function uploadAll(
  ops: Provider['groups'],
  caps: Provider['capabilities'],
  run: Run,
  id: string,
  recipients: Source<RecipientInput>,
  options: UploadOptions | undefined,
): Promise<UploadResult> {
  let added = 0;
  let calls = 0;
  const upload = async (chunk: Recipient[]) => {
    const { value } = await run(ops.addRecipients(id, chunk), options?.signal);
    added += value.added;
    calls += 1;
    emit(options?.onProgress, { group: id, added, calls });
  };
  try {
    let chunk: Recipient[] = [];
    let index = 0;
    let first: Recipient | undefined;
    const source = iterateSource<RecipientInput>(recipients, 'recipients', options?.signal);
    for await (const input of { [Symbol.asyncIterator]: () => source }) {
      checkGroupSize(caps, index + 1);
      const recipient = normalizeRecipient(input, index);
      first ??= recipient;
      checkGroupRecipient(caps, recipient, index++, first);
      chunk.push(recipient);
      if (chunk.length === caps.groups.uploadChunk) {
        await upload(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await upload(chunk);
  } catch (error) {
    if (!isMailError(error) || calls === 0) throw error;
    throw error.with({
      message: `${error.message} (after ${added} recipients in ${calls} calls)`,
      delivery: 'unknown',
      retryable: false,
    });
  }
  return { added, calls };
}

/** How many groups exist, counting no further than `max` (enough to know the account is full). */
async function countGroups(groups: AsyncIterable<Group>, max: number): Promise<number> {
  let count = 0;
  for await (const _ of groups) if (++count >= max) break;
  return count;
}

function requireGroup(group: unknown): string {
  if (typeof group === 'string' && group.trim() !== '') return group;
  throw new MailError('Invalid input: group: expected a non-empty group id', {
    code: 'invalid_input',
    issues: [{ path: ['group'], message: 'expected a non-empty group id' }],
  });
}
