import { describe, expect, it } from 'vitest';
import { percentEncode } from '../src/encode.js';

describe('percentEncode (RFC 3986, docs/providers/aliyun-dm.md "Signatures" step 3)', () => {
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

  it('every ASCII character: unreserved kept, all others %XX (upper-case hex)', () => {
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      const expected = /[A-Za-z0-9\-_.~]/.test(char)
        ? char
        : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
      expect(percentEncode(char), `code ${code}`).toBe(expected);
    }
  });

  it('matches a byte-by-byte UTF-8 reference across the planes', () => {
    const reference = (text: string) =>
      [...new TextEncoder().encode(text)]
        .map((b) =>
          /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) && b < 128
            ? String.fromCharCode(b)
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join('');
    const samples: string[] = [];
    for (let cp = 0x80; cp < 0x3000; cp += 37) samples.push(String.fromCodePoint(cp));
    for (let cp = 0xe000; cp < 0x110000; cp += 4099) samples.push(String.fromCodePoint(cp));
    const text = samples.join("a!'()*~ ");
    expect(percentEncode(text)).toBe(reference(text));
  });

  it('encodes a body at the 8 MB limit whole', () => {
    // Speed is measured in bench/, not here; this pins correctness at the size limit.
    const unit = "测试😀 !'()*";
    const body = unit.repeat(700_000); // about 8 MB of UTF-8
    const encoded = percentEncode(body);
    expect(encoded).toBe(percentEncode(unit).repeat(700_000));
  }, 60_000);

  it('uses upper-case hex', () => {
    expect(percentEncode('\u00ff')).toBe('%C3%BF');
  });

  it('refuses a lone surrogate instead of signing bytes it would not send', () => {
    expect(() => percentEncode('a\uD83D')).toThrow(URIError);
    expect(() => percentEncode('\uDE00b')).toThrow(URIError);
  });
});
