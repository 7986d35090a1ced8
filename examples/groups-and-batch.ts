/**
 * Recipient groups and a provider-side batch send, on DirectMail. `groups.addRecipients`
 * streams recipients from an (async) iterable and uploads them in chunks of the provider's
 * per-call limit (500 for DirectMail's SaveReceiverDetail, 20,000 for Tencent), reporting
 * progress after each call, so a million-row export never sits in memory. Lists are async
 * iterators over pages: stop early and no further page is fetched. `sendBatch` then asks the
 * provider to send a stored template to every member, each filled with that member's data.
 * DirectMail refers to groups and templates by name; batches need a `batch`-type sender.
 *
 * Run: `node --import tsx examples/groups-and-batch.ts`
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Recipient } from '@mailbridge/core';
import { startEmulator } from '@mailbridge/emulator';

const MEMBERS = 1_200;

/** Members as they might come from a database cursor: one at a time. */
async function* customers(): AsyncGenerator<Recipient> {
  for (let i = 1; i <= MEMBERS; i++) {
    yield { address: `customer-${i}@example.com`, data: { UserName: `Customer ${i}` } };
  }
}

const emu = await startEmulator();
const [key] = emu.credentials.aliyun;
if (!key) throw new Error('the emulator made no DirectMail key');
const mailer = createMailer(
  aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: key }),
);
try {
  const group = await mailer.groups.create({ name: 'customers', description: 'all customers' });
  console.log(`created group ${group.id}`);

  const upload = await mailer.groups.addRecipients(group.id, customers(), {
    onProgress: (p) => console.log(`  uploaded ${p.added} recipients in ${p.calls} call(s)`),
  });
  console.log(`added ${upload.added} recipients in ${upload.calls} calls`);

  const firstFew: string[] = [];
  for await (const member of mailer.groups.listRecipients(group.id)) {
    firstFew.push(member.address);
    if (firstFew.length === 3) break; // no further page is requested
  }
  console.log(`first members: ${firstFew.join(', ')}`);

  const batch = await mailer.sendBatch({
    from: 'batch@mail.example.com',
    group: group.id,
    template: { id: 'welcome' },
  });
  const copies = emu.outbox.filter((m) => m.taskId === batch.batchId);
  console.log(`batch ${batch.batchId}: ${copies.length} copies delivered`);
  console.log(`first copy: "${copies[0]?.subject}" to ${copies[0]?.to}`);
} finally {
  await mailer.close();
  await emu.close();
}
