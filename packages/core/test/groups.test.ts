/**
 * Stored groups through the Mailer and the testing provider: uploads stream from (async)
 * iterables in chunks of the provider's per-call limit with progress after each call, lists
 * page lazily, and what the provider cannot do is `unsupported` before any request.
 */
import { describe, expect, it } from 'vitest';
import {
  createMailer,
  type Provider,
  type RecipientInput,
  type UploadProgress,
} from '../src/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { createTestingProvider, TESTING_CAPABILITIES } from '../src/testing/testing.js';

const smallChunks = {
  groups: { ...TESTING_CAPABILITIES.groups, uploadChunk: 3, pageSize: 2 },
};

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('groups', () => {
  it('create, upload, list, list recipients, remove, delete', async () => {
    const testing = createTestingProvider({ capabilities: smallChunks });
    const mailer = createMailer(testing);
    const group = await mailer.groups.create({ name: 'newsletter', description: 'weekly' });
    expect(group).toMatchObject({ name: 'newsletter' });
    await mailer.groups.create({ name: 'other' });
    await mailer.groups.create({ name: 'third' });

    const upload = await mailer.groups.addRecipients(group.id, [
      'a@example.com',
      { address: 'b@example.com', name: 'B', data: { plan: 'pro' } },
      '用户 <user@例子.中国>',
    ]);
    expect(upload).toEqual({ added: 3, calls: 1 });

    // pageSize 2: three groups take two list calls, consumed as one iterator.
    const names = (await all(mailer.groups.list())).map((g) => g.name);
    expect(names).toEqual(['newsletter', 'other', 'third']);
    expect(testing.requests['listGroups']).toBe(2);

    const recipients = await all(mailer.groups.listRecipients(group.id));
    expect(recipients.map((r) => r.address)).toEqual([
      'a@example.com',
      'b@example.com',
      'user@xn--fsqu00a.xn--fiqs8s',
    ]);
    expect(recipients[1]).toMatchObject({ name: 'B', data: { plan: 'pro' } });

    expect(await mailer.groups.removeRecipients(group.id, ['a@example.com'])).toEqual({
      removed: 1,
    });
    expect((await all(mailer.groups.listRecipients(group.id))).map((r) => r.address)).toEqual([
      'b@example.com',
      'user@xn--fsqu00a.xn--fiqs8s',
    ]);

    await mailer.groups.delete(group.id);
    expect((await all(mailer.groups.list())).map((g) => g.name)).toEqual(['other', 'third']);
    const gone = await rejectedMailError(mailer.groups.delete(group.id));
    expect(gone.code).toBe('not_found');
  });

  it('streams an async iterable in provider-sized chunks, reporting progress after each call', async () => {
    const testing = createTestingProvider({ capabilities: smallChunks });
    const mailer = createMailer(testing);
    const group = await mailer.groups.create({ name: 'stream' });
    let pulled = 0;
    const pulledAtProgress: number[] = [];
    async function* source(): AsyncGenerator<RecipientInput> {
      for (let i = 0; i < 10; i++) {
        pulled += 1;
        yield `user${i}@example.com`;
      }
    }
    const progress: UploadProgress[] = [];
    const result = await mailer.groups.addRecipients(group.id, source(), {
      onProgress: (p) => {
        progress.push(p);
        pulledAtProgress.push(pulled);
      },
    });
    expect(result).toEqual({ added: 10, calls: 4 });
    expect(progress).toEqual([
      { group: group.id, added: 3, calls: 1 },
      { group: group.id, added: 6, calls: 2 },
      { group: group.id, added: 9, calls: 3 },
      { group: group.id, added: 10, calls: 4 },
    ]);
    // Streaming: each call went out as soon as its chunk was full, not after reading everything.
    expect(pulledAtProgress).toEqual([3, 6, 9, 10]);
    expect(testing.requests['addRecipients']).toBe(4);
  });

  it('takes a plain iterable (a generator) as well as an array', async () => {
    const testing = createTestingProvider({ capabilities: smallChunks });
    const mailer = createMailer(testing);
    const group = await mailer.groups.create({ name: 'sync' });
    function* source() {
      for (let i = 0; i < 7; i++) yield `s${i}@example.com`;
    }
    expect(await mailer.groups.addRecipients(group.id, source())).toEqual({ added: 7, calls: 3 });
  });

  it('a failed chunk says how far the upload got', async () => {
    const testing = createTestingProvider({ capabilities: smallChunks });
    const mailer = createMailer(testing, { retry: { retries: 0 } });
    const group = await mailer.groups.create({ name: 'partial' });
    const recipients = Array.from({ length: 9 }, (_, i) => `p${i}@example.com`);
    // The second call fails: the first chunk of 3 is stored, the rest is not.
    const error = await rejectedMailError(
      mailer.groups.addRecipients(group.id, recipients, {
        onProgress: (p) => {
          if (p.calls === 1) {
            testing.inject({ action: 'addRecipients', kind: 'error', code: 'quota_exceeded' });
          }
        },
      }),
    );
    expect(error.code).toBe('quota_exceeded');
    expect(error.message).toContain('after 3 recipients in 1 calls');
    expect(await all(mailer.groups.listRecipients(group.id))).toHaveLength(3);
  });

  it('an invalid recipient mid-stream fails naming its index and how far the upload got', async () => {
    const testing = createTestingProvider({ capabilities: smallChunks });
    const mailer = createMailer(testing);
    const group = await mailer.groups.create({ name: 'bad' });
    const error = await rejectedMailError(
      mailer.groups.addRecipients(group.id, [
        'a@example.com',
        'b@example.com',
        'c@example.com',
        'd@example.com',
        'not an address',
      ]),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path[0]).toBe(4);
    expect(error.message).toContain('after 3 recipients in 1 calls');
    expect(testing.requests['addRecipients']).toBe(1);
  });

  it('stops an upload when aborted, before the next chunk', async () => {
    const testing = createTestingProvider({ capabilities: smallChunks });
    const mailer = createMailer(testing);
    const group = await mailer.groups.create({ name: 'abort' });
    const controller = new AbortController();
    const error = await rejectedMailError(
      mailer.groups.addRecipients(
        group.id,
        Array.from({ length: 9 }, (_, i) => `x${i}@example.com`),
        { signal: controller.signal, onProgress: () => controller.abort() },
      ),
    );
    expect(error.code).toBe('aborted');
    expect(testing.requests['addRecipients']).toBe(1);
  });

  it('removeRecipients is unsupported, before any request, when the provider cannot', async () => {
    const testing = createTestingProvider({
      id: 'noremove',
      capabilities: { groups: { ...TESTING_CAPABILITIES.groups, removeRecipients: false } },
    });
    const mailer = createMailer(testing);
    const error = await rejectedMailError(
      mailer.groups.removeRecipients('group-1', ['a@example.com']),
    );
    expect(error).toMatchObject({ code: 'unsupported', provider: 'noremove' });
    expect(error.message).toContain('noremove');
    expect(testing.requests['removeRecipient']).toBeUndefined();
  });

  it('refuses an empty group id and bad addresses before any request', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    expect((await rejectedMailError(mailer.groups.delete(''))).code).toBe('invalid_input');
    expect(
      (await rejectedMailError(mailer.groups.addRecipients('  ', ['a@example.com']))).issues[0],
    ).toMatchObject({
      path: ['group'],
    });
    const bad = await rejectedMailError(
      mailer.groups.removeRecipients('g', ['a@example.com', 'nope']),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.issues[0]?.path[0]).toBe(1);
    expect(
      (await rejectedMailError(mailer.groups.create({ name: 'x', size: 3 } as never))).code,
    ).toBe('invalid_input');
    expect(Object.keys(testing.requests)).toEqual([]);
  });

  it('a page cursor that does not advance ends the listing with an error, not a loop', async () => {
    const base = createTestingProvider({ id: 'stuck' });
    const stuck: Provider = {
      ...base,
      groups: {
        ...base.groups,
        list: (cursor, size) => ({
          ...base.groups.list(cursor, size),
          parse: () => ({ items: [{ id: 'g', name: 'g' }], next: 'page-2' }),
        }),
      },
    };
    const mailer = createMailer(stuck);
    const seen: string[] = [];
    const error = await rejectedMailError(
      (async () => {
        for await (const group of mailer.groups.list()) seen.push(group.id);
      })(),
    );
    expect(error).toMatchObject({ code: 'provider_unavailable', provider: 'stuck' });
    expect(seen).toEqual(['g', 'g']);
  });
});
