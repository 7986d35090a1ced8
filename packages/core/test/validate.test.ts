import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../src/message/validate.js';
import { thrownMailError } from '../src/testing/mail-errors.js';
import { expectIssue, issuesOf } from './helpers/issues.js';

const base = { from: 'shop@example.com', to: 'ann@example.com', subject: 'Hi', text: 'Hello' };
const bytes = (...values: number[]) => new Uint8Array(values);

type Case = readonly [string, Record<string, unknown>, readonly (string | number)[], string];

/** Each row: what is wrong, the fields that differ from `base`, the issue path, words of the message. */
const invalid: readonly Case[] = [
  // required fields
  ['missing from', { from: undefined }, ['from'], 'is required'],
  ['no recipient at all', { to: undefined }, ['to'], 'at least one recipient'],
  ['empty recipient arrays', { to: [], cc: [], bcc: [] }, ['to'], 'at least one recipient'],
  ['missing subject', { subject: undefined }, ['subject'], 'is required'],
  ['blank subject', { subject: '  ' }, ['subject'], 'must not be empty'],
  ['no body', { text: undefined }, [], 'a body is required: html, text or template'],
  ['empty html', { text: undefined, html: '' }, ['html'], 'must not be empty'],
  ['template and a body', { template: { id: 1 } }, ['template'], 'either a template or html/text'],
  // malformed addresses
  [
    'from without @',
    { from: 'shop.example.com' },
    ['from'],
    'invalid email address: it has no "@"',
  ],
  [
    'third to malformed',
    { to: ['a@x.com', 'b@x.com', 'c@@x.com'] },
    ['to', 2],
    'invalid email address',
  ],
  ['single to with a space', { to: 'a b@x.com' }, ['to'], 'space'],
  ['consecutive dots', { cc: 'a..b@x.com' }, ['cc'], 'consecutive dots'],
  ['bad domain label', { bcc: ['x@-bad.com'] }, ['bcc', 0], 'hyphen'],
  ['dotless domain', { to: 'a@localhost' }, ['to'], 'no dot'],
  [
    'address over 254 bytes',
    { to: `a@${'abcdefghi.'.repeat(25)}com` },
    ['to'],
    'longer than 254 bytes',
  ],
  ['local part over 64', { to: `${'x'.repeat(65)}@x.com` }, ['to'], 'longer than 64 bytes'],
  ['unquoted comma in name', { to: 'Doe, John <j@x.com>' }, ['to'], 'must be in double quotes'],
  [
    'object address malformed',
    { to: [{ address: 'nope' }] },
    ['to', 0, 'address'],
    'invalid email address',
  ],
  ['object address missing', { to: [{ name: 'Ann' }] }, ['to', 0, 'address'], 'is required'],
  ['address of wrong type', { to: 5 }, ['to'], 'expected an email address'],
  ['null in a list', { to: ['a@x.com', null] }, ['to', 1], 'expected an email address'],
  ['replyTo malformed', { replyTo: 'x' }, ['replyTo'], 'invalid email address'],
  // header injection
  ['CR LF in subject', { subject: 'Hi\r\nBcc: evil@x.com' }, ['subject'], 'header injection'],
  ['NUL in subject', { subject: 'Hi\0' }, ['subject'], 'header injection'],
  [
    'LF in a display name',
    { from: '"Shop\nBcc: e@x.com" <shop@example.com>' },
    ['from'],
    'header injection',
  ],
  [
    'LF in an object name',
    { to: [{ address: 'a@x.com', name: 'A\nB' }] },
    ['to', 0, 'name'],
    'header injection',
  ],
  [
    'CR in a header value',
    { headers: { 'X-Foo': 'a\rb' } },
    ['headers', 'X-Foo'],
    'header injection',
  ],
  [
    'CRLF in a header name',
    { headers: { 'X-A\r\nBcc': 'x' } },
    ['headers', 'X-A\r\nBcc'],
    'header injection',
  ],
  ['colon in a header name', { headers: { 'X:Foo': 'a' } }, ['headers', 'X:Foo'], 'RFC 5322 ftext'],
  [
    'space in a header name',
    { headers: { 'X Foo': 'a' } },
    ['headers', 'X Foo'],
    'printable ASCII',
  ],
  ['non-ASCII header name', { headers: { 'X-Ünï': 'a' } }, ['headers', 'X-Ünï'], 'printable ASCII'],
  ['empty header name', { headers: { '': 'a' } }, ['headers', ''], 'must not be empty'],
  ['header twice', { headers: { 'X-Foo': 'a', 'x-foo': 'b' } }, ['headers', 'x-foo'], 'twice'],
  [
    'LF in a filename',
    { attachments: [{ filename: 'a\n.txt', content: 'x' }] },
    ['attachments', 0, 'filename'],
    'header injection',
  ],
  // duplicates across to/cc/bcc, case-insensitive
  [
    'duplicate in to',
    { to: ['a@x.com', 'A@X.COM'] },
    ['to', 1],
    'duplicate recipient: already in to[0]',
  ],
  ['cc repeats to', { cc: 'Ann <ANN@example.com>' }, ['cc'], 'already in to'],
  [
    'bcc repeats cc',
    { cc: ['c@x.com'], bcc: [{ address: 'C@x.com' }] },
    ['bcc', 0],
    'already in cc[0]',
  ],
  // attachments
  [
    'empty string content',
    { attachments: [{ filename: 'a.txt', content: '' }] },
    ['attachments', 0, 'content'],
    'empty (0 bytes)',
  ],
  [
    'zero-byte content',
    { attachments: [{ filename: 'a.bin', content: bytes() }] },
    ['attachments', 0, 'content'],
    'empty (0 bytes)',
  ],
  [
    'empty filename',
    { attachments: [{ filename: '', content: 'x' }] },
    ['attachments', 0, 'filename'],
    'must not be empty',
  ],
  [
    'bad base64',
    { attachments: [{ filename: 'a', content: 'abc!', encoding: 'base64' }] },
    ['attachments', 0, 'content'],
    'not valid base64',
  ],
  [
    'encoding on bytes',
    { attachments: [{ filename: 'a', content: bytes(1), encoding: 'utf8' }] },
    ['attachments', 0, 'content'],
    'encoding applies only to string content',
  ],
  [
    'unknown encoding',
    { attachments: [{ filename: 'a', content: 'x', encoding: 'hex' }] },
    ['attachments', 0, 'encoding'],
    '"utf8" or "base64"',
  ],
  [
    'content of wrong type',
    { attachments: [{ filename: 'a', content: 42 }] },
    ['attachments', 0, 'content'],
    'a string or a Uint8Array',
  ],
  [
    'bad content type',
    { attachments: [{ filename: 'a', content: 'x', contentType: 'pdf' }] },
    ['attachments', 0, 'contentType'],
    'media type',
  ],
  [
    'attachments not an array',
    { attachments: { filename: 'a', content: 'x' } },
    ['attachments'],
    'expected an array, got an object',
  ],
  // lone surrogates anywhere
  ['surrogate in subject', { subject: 'a\uD800' }, ['subject'], 'lone UTF-16 surrogate'],
  ['surrogate in text', { text: '\uDC00x' }, ['text'], 'lone UTF-16 surrogate'],
  [
    'surrogate in a name',
    { to: [{ address: 'a@x.com', name: 'A\uD83D' }] },
    ['to', 0, 'name'],
    'lone UTF-16 surrogate',
  ],
  ['surrogate in an address', { to: 'a\uD800@x.com' }, ['to'], 'lone UTF-16 surrogate'],
  [
    'surrogate in a header value',
    { headers: { 'X-A': '\uD800' } },
    ['headers', 'X-A'],
    'lone UTF-16 surrogate',
  ],
  ['surrogate in a tag', { tags: ['t\uDFFF'] }, ['tags', 0], 'lone UTF-16 surrogate'],
  [
    'surrogate in template data',
    { text: undefined, template: { id: 1, data: { k: '\uD800' } } },
    ['template', 'data', 'k'],
    'lone UTF-16 surrogate',
  ],
  [
    'surrogate in utf8 attachment',
    { attachments: [{ filename: 'a', content: 'x\uD800' }] },
    ['attachments', 0, 'content'],
    'lone UTF-16 surrogate',
  ],
  // unknown fields, at every level
  ['unknown top-level field', { reply_to: 'a@x.com' }, ['reply_to'], 'unknown field "reply_to"'],
  [
    'unknown address field',
    { to: [{ address: 'a@x.com', nme: 'A' }] },
    ['to', 0, 'nme'],
    'unknown field "nme"',
  ],
  ['unknown tracking field', { tracking: { open: true } }, ['tracking', 'open'], 'unknown field'],
  [
    'unknown template field',
    { text: undefined, template: { id: 1, vars: {} } },
    ['template', 'vars'],
    'unknown field',
  ],
  [
    'unknown attachment field',
    { attachments: [{ filename: 'a', content: 'x', size: 1 }] },
    ['attachments', 0, 'size'],
    'unknown field',
  ],
  // wrong types
  ['subject a number', { subject: 42 }, ['subject'], 'expected a string, got a number'],
  ['html an object', { html: {} }, ['html'], 'expected a string, got an object'],
  ['tags a string', { tags: 'news' }, ['tags'], 'expected an array, got a string'],
  ['empty tag', { tags: ['ok', ''] }, ['tags', 1], 'must not be empty'],
  ['tag a number', { tags: [1] }, ['tags', 0], 'expected a string'],
  [
    'tracking not boolean',
    { tracking: { opens: 'yes' } },
    ['tracking', 'opens'],
    'expected a boolean',
  ],
  [
    'template id an object',
    { text: undefined, template: { id: {} } },
    ['template', 'id'],
    'template name or id',
  ],
  [
    'template id negative',
    { text: undefined, template: { id: -1 } },
    ['template', 'id'],
    'non-negative integer',
  ],
  [
    'template id fractional',
    { text: undefined, template: { id: 1.5 } },
    ['template', 'id'],
    'non-negative integer',
  ],
  [
    'template id empty',
    { text: undefined, template: { id: '' } },
    ['template', 'id'],
    'must not be empty',
  ],
  [
    'template data nested',
    { text: undefined, template: { id: 1, data: { k: { a: 1 } } } },
    ['template', 'data', 'k'],
    'a string, a finite number or a boolean',
  ],
  [
    'template data NaN',
    { text: undefined, template: { id: 1, data: { k: Number.NaN } } },
    ['template', 'data', 'k'],
    'finite number',
  ],
  [
    'an IDN address object whose A-label is over 63 characters',
    {
      // 63 bytes of UTF-8 (21 CJK characters), but a 67-character A-label on the wire.
      to: {
        address: `a@${Array.from({ length: 21 }, (_, i) => String.fromCodePoint(0x4e00 + i * 1000)).join('')}.com`,
      },
    },
    ['to', 'address'],
    'longer than 63 bytes in its ASCII (xn--) form',
  ],
  ['headers an array', { headers: ['X-A'] }, ['headers'], 'expected an object'],
  ['providerOptions a string', { providerOptions: 'x' }, ['providerOptions'], 'expected an object'],
];

describe('normalizeMessage rejects', () => {
  it.each(invalid)('%s', (_, change, path, words) => {
    const input = { ...base, ...change };
    for (const [key, value] of Object.entries(change))
      if (value === undefined) delete (input as Record<string, unknown>)[key];
    const error = thrownMailError(() => normalizeMessage(input));
    expect(error.code).toBe('invalid_input');
    expect(error.delivery).toBe('not_sent');
    expectIssue(error.issues, path, words);
    expect(error.message).toMatch(/^Invalid input: /);
  });

  it('lists every problem at once, each with its own path', () => {
    const issues = issuesOf(() =>
      normalizeMessage({
        from: 'bad',
        to: ['ok@x.com', 'a@@b.com', 'OK@x.com'],
        cc: 'ok@X.COM',
        subject: 7,
        headers: { 'X:A': 'v', 'X-B': 'a\nb' },
        attachments: [{ filename: '', content: '' }],
        tags: [''],
        extra: true,
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        ['from'],
        ['to', 1],
        ['to', 2],
        ['cc'],
        ['subject'],
        ['headers', 'X:A'],
        ['headers', 'X-B'],
        ['attachments', 0, 'filename'],
        ['attachments', 0, 'content'],
        ['tags', 0],
        ['extra'],
        [],
      ]),
    );
    expect(issues).toHaveLength(12);
  });

  it('names the first problem and the count in the error message', () => {
    const error = thrownMailError(() =>
      normalizeMessage({ ...base, to: ['a@x.com', 'nope'], subject: '' }),
    );
    expect(error.message).toBe(
      'Invalid input: to.1: invalid email address: it has no "@" (and 1 more)',
    );
  });
});

describe('normalizeMessage accepts and normalises', () => {
  it('parses every address form, including CJK names, IDN domains and quoted commas', () => {
    const message = normalizeMessage({
      from: '商店 <shop@例子.中国>',
      to: [
        '"Doe, John" <john@example.com>',
        { address: '用户@例子.中国', name: '  用户 ' },
        'a@bücher.de',
      ],
      cc: { address: 'c@example.com' },
      bcc: '<b@example.com>',
      replyTo: ['"山田, 太郎" <taro@example.jp>'],
      subject: '欢迎',
      html: '<p>你好</p>',
    });
    expect(message.from).toEqual({ address: 'shop@xn--fsqu00a.xn--fiqs8s', name: '商店' });
    expect(message.to).toEqual([
      { address: 'john@example.com', name: 'Doe, John' },
      { address: '用户@xn--fsqu00a.xn--fiqs8s', name: '用户' },
      { address: 'a@xn--bcher-kva.de' },
    ]);
    expect(message.cc).toEqual([{ address: 'c@example.com' }]);
    expect(message.bcc).toEqual([{ address: 'b@example.com' }]);
    expect(message.replyTo).toEqual([{ address: 'taro@example.jp', name: '山田, 太郎' }]);
  });

  it('fills defaults and keeps optional fields absent rather than undefined', () => {
    const message = normalizeMessage(base);
    expect(message).toEqual({
      from: { address: 'shop@example.com' },
      to: [{ address: 'ann@example.com' }],
      cc: [],
      bcc: [],
      replyTo: [],
      subject: 'Hi',
      text: 'Hello',
      attachments: [],
      headers: {},
      tags: [],
      tracking: {},
      providerOptions: {},
    });
    expect('html' in message).toBe(false);
    expect('template' in message).toBe(false);
  });

  it('accepts cc or bcc alone, a template instead of a body, and template data', () => {
    const message = normalizeMessage({
      from: base.from,
      bcc: ['x@example.com'],
      subject: 'T',
      template: { id: '12345', data: { name: 'Ann', count: 3, vip: true } },
    });
    expect(message.template).toEqual({ id: '12345', data: { name: 'Ann', count: 3, vip: true } });
  });

  it('decodes attachment content from utf8, base64 (with line breaks) and bytes, copying bytes', () => {
    const source = bytes(1, 2, 3);
    const message = normalizeMessage({
      ...base,
      attachments: [
        { filename: 'a.txt', content: 'héllo' },
        {
          filename: 'b.bin',
          content: 'AAEC\r\n/w==',
          encoding: 'base64',
          contentType: 'application/octet-stream',
        },
        { filename: 'c.bin', content: source },
      ],
    });
    const [a, b, c] = message.attachments;
    expect(a?.content).toEqual(new TextEncoder().encode('héllo'));
    expect(b).toEqual({
      filename: 'b.bin',
      content: bytes(0, 1, 2, 255),
      contentType: 'application/octet-stream',
    });
    source[0] = 9;
    expect(c?.content).toEqual(bytes(1, 2, 3));
  });

  it('keeps a text attachment of only white space: a line break is a 1-byte file, not an empty one', () => {
    const message = normalizeMessage({
      ...base,
      attachments: [
        { filename: 'blank.txt', content: '\n' },
        { filename: 'spaces.txt', content: '  ', encoding: 'utf8' },
      ],
    });
    expect(message.attachments.map((a) => a.content)).toEqual([bytes(10), bytes(32, 32)]);
    // Base64 of white space only decodes to nothing: that one is empty.
    const error = thrownMailError(() =>
      normalizeMessage({
        ...base,
        attachments: [{ filename: 'a.bin', content: ' \r\n ', encoding: 'base64' }],
      }),
    );
    expectIssue(error.issues, ['attachments', 0, 'content'], 'empty (0 bytes)');
  });

  it('returns a deeply frozen message and leaves the input unfrozen', () => {
    const input = {
      ...base,
      to: [{ address: 'a@x.com', name: 'A' }],
      headers: { 'X-A': '1' },
      tags: ['t'],
      tracking: { opens: true },
      template: undefined,
      attachments: [{ filename: 'a', content: 'x' }],
      providerOptions: { 'aliyun-dm': { clickTrace: '1', nested: [{ deep: true }] } },
    };
    const message = normalizeMessage(input);
    const nested = message.providerOptions['aliyun-dm'] as { nested: { deep: boolean }[] };
    for (const part of [
      message,
      message.to,
      message.to[0],
      message.headers,
      message.tags,
      message.tracking,
      message.attachments,
      message.attachments[0],
      message.providerOptions,
      nested,
      nested.nested,
      nested.nested[0],
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(Object.isFrozen(input.to[0])).toBe(false);
    expect(Object.isFrozen(input.providerOptions['aliyun-dm'])).toBe(false);
    expect(() => {
      (message.to as unknown as unknown[]).push({ address: 'b@x.com' });
    }).toThrow(TypeError);
  });

  it('refuses a "__proto__" key it would otherwise drop, and keeps nested ones as data', () => {
    const headers = JSON.parse('{"__proto__": "x", "X-A": "1"}') as Record<string, string>;
    expectIssue(
      issuesOf(() => normalizeMessage({ ...base, headers })),
      ['headers', '__proto__'],
      'not allowed',
    );
    const options = JSON.parse('{"p": {"__proto__": {"polluted": true}}}') as Record<
      string,
      unknown
    >;
    const message = normalizeMessage({ ...base, providerOptions: options });
    expect(Object.keys(message.providerOptions.p as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(message.providerOptions.p)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
