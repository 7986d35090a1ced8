import { describe, expect, it } from 'vitest';
import { percentEncode } from '../src/encode.js';

describe('percentEncode (RFC 3986, aliyun-dm.md §2 step 3)', () => {
  const table: [string, string][] = [
    ['', ''],
    ['AZaz09-_.~', 'AZaz09-_.~'],
    [' ', '%20'],
    ['*', '%2A'],
    ['~', '~'],
    ['!', '%21'],
    ["'", '%27'],
    ['(', '%28'],
    [')', '%29'],
    ['+', '%2B'],
    ['/', '%2F'],
    ['=', '%3D'],
    ['&', '%26'],
    ['%', '%25'],
    ['%20', '%2520'],
    ['\n', '%0A'],
    ['é', '%C3%A9'],
    ['测', '%E6%B5%8B'],
    ['验证码', '%E9%AA%8C%E8%AF%81%E7%A0%81'],
    ['😀', '%F0%9F%98%80'],
    ['a b+c*d~e', 'a%20b%2Bc%2Ad~e'],
  ];
  it.each(table)('%j -> %s', (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });

  it('uses upper-case hex', () => {
    expect(percentEncode('\u00ff')).toBe('%C3%BF');
  });

  it('refuses a lone surrogate instead of signing bytes it would not send', () => {
    expect(() => percentEncode('a\uD83D')).toThrow(URIError);
    expect(() => percentEncode('\uDE00b')).toThrow(URIError);
  });
});
