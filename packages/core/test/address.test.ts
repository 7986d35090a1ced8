import { describe, expect, it } from 'vitest';
import {
  addrSpecProblem,
  formatAddress,
  parseAddress,
  parseAddressResult,
} from '../src/message/address.js';
import { utf8Length } from '../src/message/text.js';

describe('parseAddress: valid mailboxes', () => {
  it.each([
    ['a@b.com', { address: 'a@b.com' }],
    ['  a@b.com  ', { address: 'a@b.com' }],
    ['<a@b.com>', { address: 'a@b.com' }],
    ['Ann <ann@example.com>', { address: 'ann@example.com', name: 'Ann' }],
    ['"Doe, John" <john@example.com>', { address: 'john@example.com', name: 'Doe, John' }],
    ['"Say \\"hi\\"" <a@b.com>', { address: 'a@b.com', name: 'Say "hi"' }],
    ['"a <b>" <a@b.com>', { address: 'a@b.com', name: 'a <b>' }],
    ['John Q. Public <jqp@example.com>', { address: 'jqp@example.com', name: 'John Q. Public' }],
    ['张三 <zhang@example.cn>', { address: 'zhang@example.cn', name: '张三' }],
    ['山田 太郎 <taro@example.jp>', { address: 'taro@example.jp', name: '山田 太郎' }],
    ['Ünïcødé Nâme <u@example.de>', { address: 'u@example.de', name: 'Ünïcødé Nâme' }],
    // IDN domains come back in their ASCII (xn--) form, which providers accept.
    ['用户@例子.中国', { address: '用户@xn--fsqu00a.xn--fiqs8s' }],
    ['a@bücher.de', { address: 'a@xn--bcher-kva.de' }],
    ['"john doe"@example.com', { address: '"john doe"@example.com' }],
    ['"a@b"@example.com', { address: '"a@b"@example.com' }],
    ["o'brien+tag@sub.example.co.uk", { address: "o'brien+tag@sub.example.co.uk" }],
    ['x@xn--mller-kva.de', { address: 'x@xn--mller-kva.de' }],
    ['"" <a@b.com>', { address: 'a@b.com' }],
    [`${'l'.repeat(64)}@example.com`, { address: `${'l'.repeat(64)}@example.com` }],
    // 80 bytes of UTF-8, but DNS and the providers get the 46-character A-label.
    [`a@${'ä'.repeat(40)}.de`, { address: `a@xn--4c${'a'.repeat(40)}.de` }],
  ])('%s', (text, expected) => {
    expect(parseAddress(text)).toEqual(expected);
  });
});

describe('addrSpecProblem: invalid addresses and why', () => {
  it.each([
    ['', 'empty'],
    ['ab.com', 'no "@"'],
    ['@b.com', 'before the "@"'],
    ['a@', 'no domain'],
    ['a b@c.com', 'space'],
    ['a@b c.com', 'other than letters'],
    ['a..b@c.com', 'consecutive dots'],
    ['.a@c.com', 'starts or ends with a dot'],
    ['a.@c.com', 'starts or ends with a dot'],
    ['a@b..com', 'empty label'],
    ['a@.b.com', 'empty label'],
    ['a@b.com.', 'empty label'],
    ['a@localhost', 'no dot'],
    ['a@-b.com', 'hyphen'],
    ['a@b-.com', 'hyphen'],
    ['a@b_c.com', 'other than letters'],
    ['a@1.2.3.4', 'all digits'],
    ['a@[192.0.2.1]', 'literals'],
    ['a@b@c.com', 'more than one "@"'],
    ['a(b)@c.com', 'must be quoted'],
    ['"unterminated@c.com', 'no closing quote'],
    ['"a"b"@c.com', 'unescaped quote'],
    ['""@c.com', 'empty'],
    ['"a\rb"@c.com', 'control character'],
    ['a\u3000b@c.com', 'space or control'],
    [`${'l'.repeat(65)}@example.com`, 'longer than 64 bytes'],
    [`${'é'.repeat(33)}@example.com`, 'longer than 64 bytes'],
    [`a@${'d'.repeat(64)}.com`, 'longer than 63 bytes'],
    [`a@${'abcdefghi.'.repeat(25)}com`, 'longer than 254 bytes'],
    ['a\uD800@b.com', 'lone UTF-16 surrogate'],
  ])('%j: %s', (spec, reason) => {
    expect(addrSpecProblem(spec)).toContain(reason);
  });
});

describe('parseAddress: invalid mailboxes', () => {
  it.each([
    'not an address',
    'Doe, John <john@example.com>',
    'Name <a@b.com',
    'Name a@b.com>',
    '"Unclosed <a@b.com>',
    '"Name" trailing <a@b.com>',
    '"Evil\r\nBcc: x@y.com" <a@b.com>',
    'Name\u0000 <a@b.com>',
    '<a@b.com> trailing',
    '',
    '   ',
  ])('%j', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });

  it('refuses an IDN label whose A-label (the form sent) is over 63 characters', () => {
    // 21 distinct CJK characters: 63 bytes of UTF-8, 67 characters as an A-label.
    const label = Array.from({ length: 21 }, (_, i) => String.fromCodePoint(0x4e00 + i * 1000));
    const text = `a@${label.join('')}.com`;
    expect(addrSpecProblem(text)).toBeUndefined();
    expect(parseAddress(text)).toBeUndefined();
    expect(parseAddressResult(text)).toContain('longer than 63 bytes in its ASCII (xn--) form');
  });

  it('refuses an IDN address longer than 254 bytes in the form sent', () => {
    // 227 bytes of UTF-8; 255 with four 61-character A-labels.
    const label = Array.from({ length: 18 }, (_, i) => String.fromCodePoint(0x4e00 + i * 2000));
    const text = `aaa@${`${label.join('')}.`.repeat(4)}com`;
    expect(addrSpecProblem(text)).toBeUndefined();
    expect(parseAddressResult(text)).toContain('longer than 254 bytes with its domain in ASCII');
  });

  it('returns undefined for non-strings instead of throwing', () => {
    expect(parseAddress(42 as unknown as string)).toBeUndefined();
  });

  it('stays linear on pathological input (100 KB each, bounded by count)', () => {
    const inputs = [
      `${'a.'.repeat(50_000)}@b.com`,
      `"${'\\'.repeat(100_000)}" <a@b.com>`,
      `${'<'.repeat(100_000)}a@b.com>`,
      `${'a'.repeat(100_000)}@${'b.'.repeat(50_000)}com`,
      `${'x '.repeat(50_000)}<a@b.com>`,
      `a@${'-'.repeat(100_000)}`,
    ];
    for (const input of inputs)
      expect(parseAddress(input)?.address ?? 'rejected').toBeTypeOf('string');
    expect(parseAddress(`${'x '.repeat(50_000)}<a@b.com>`)?.address).toBe('a@b.com');
    expect(parseAddress(`${'a.'.repeat(50_000)}@b.com`)).toBeUndefined();
  });
});

describe('formatAddress', () => {
  it.each([
    [{ address: 'a@b.com' }, 'a@b.com'],
    [{ address: 'a@b.com', name: 'Ann' }, 'Ann <a@b.com>'],
    [{ address: 'a@b.com', name: 'Doe, John' }, '"Doe, John" <a@b.com>'],
    [{ address: 'a@b.com', name: 'Say "hi" \\o/' }, '"Say \\"hi\\" \\\\o/" <a@b.com>'],
    [{ address: 'a@b.com', name: '张三' }, '张三 <a@b.com>'],
    [{ address: 'a@b.com', name: 'J. Doe' }, '"J. Doe" <a@b.com>'],
  ])('%j -> %s', (address, text) => {
    expect(formatAddress(address)).toBe(text);
  });

  it('round-trips through parseAddress for awkward names', () => {
    const names = [
      'Doe, John',
      'a "quoted" word',
      'back\\slash',
      '<angle>',
      'semi;colon',
      '用户 名',
      'x@y',
      'trailing.',
      '(comment)',
    ];
    for (const name of names) {
      expect(parseAddress(formatAddress({ address: 'a@b.com', name }))).toEqual({
        address: 'a@b.com',
        name,
      });
    }
  });
});

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['中', 3],
    ['😀', 4],
    ['a😀中é', 10],
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
