/**
 * Recipients written as one comma-separated string, the way Nodemailer users write them: each
 * mailbox of an RFC 5322 address-list is validated and sent on its own, a quoted display name
 * with a comma stays one mailbox, and a bad entry is named by its position.
 */
import { describe, expect, it } from 'vitest';
import { createMailer } from '../src/index.js';
import { splitAddressList } from '../src/message/address-list.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { createTestingProvider } from '../src/testing/testing.js';

describe('splitAddressList', () => {
  it.each([
    ['a@example.com', undefined],
    ['"Doe, John" <j@example.com>', undefined],
    ['a@example.com, b@example.com', ['a@example.com', 'b@example.com']],
    ['Ann <a@x.com>,Bob <b@y.com>', ['Ann <a@x.com>', 'Bob <b@y.com>']],
    ['"Doe, John" <j@y.com>, c@z.com', ['"Doe, John" <j@y.com>', 'c@z.com']],
    ['"a \\" , b" <q@y.com>, c@z.com', ['"a \\" , b" <q@y.com>', 'c@z.com']],
    ['Ann (work, home) <a@x.com>, b@y.com', ['Ann (work, home) <a@x.com>', 'b@y.com']],
    ['a@x.com,', ['a@x.com', '']],
    ['Doe, John <j@x.com>', undefined],
  ])('%j -> %j', (text, parts) => {
    expect(splitAddressList(text)).toEqual(parts);
  });
});

describe('a comma-separated recipient string', () => {
  const from = 'Shop <noreply@example.com>';
  it('sends to every mailbox of the list, in to, cc, bcc and replyTo', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    await mailer.send({
      from,
      to: 'a@example.com, b@example.com',
      cc: 'Ann <ann@x.com>, "Doe, John" <john@y.com>',
      bcc: 'c@example.com',
      replyTo: 'r1@example.com, r2@example.com',
      subject: 'Hi',
      text: 'Hello',
    });
    expect(testing.outbox[0]?.to).toEqual([
      'a@example.com',
      'b@example.com',
      'ann@x.com',
      'john@y.com',
      'c@example.com',
    ]);
  });

  it('names the bad entry by its position, before any request', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    const error = await rejectedMailError(
      mailer.send({ from, to: 'a@example.com, not an address', subject: 'Hi', text: 'x' }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('to.1');
    const empty = await rejectedMailError(
      mailer.send({ from, to: 'a@example.com,', subject: 'Hi', text: 'x' }),
    );
    expect(empty.message).toContain('to.1');
    const unquoted = await rejectedMailError(
      mailer.send({ from, to: 'Doe, John <j@x.com>', subject: 'Hi', text: 'x' }),
    );
    expect(unquoted.message).toContain('must be in double quotes');
    expect(testing.requests['send'] ?? 0).toBe(0);
  });

  it('counts each mailbox against the recipient cap', async () => {
    const testing = createTestingProvider({
      capabilities: {
        recipients: { to: 2, cc: 2, bcc: 2, toVisibleToEachOther: true, bccMayOverlapTo: false },
      },
    });
    const error = await rejectedMailError(
      createMailer(testing).send({
        from,
        to: 'a@x.com, b@x.com, c@x.com',
        subject: 'Hi',
        text: 'x',
      }),
    );
    expect(error.message).toMatch(/to/);
    expect(testing.requests['send'] ?? 0).toBe(0);
  });
});
