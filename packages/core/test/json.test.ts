import { describe, expect, it } from 'vitest';
import { parseJson } from '../src/provider/index.js';

describe('parseJson', () => {
  it('keeps integers above 2^53 exact as strings', () => {
    expect(parseJson('{"EnvId":600000000000000123,"n":42}')).toEqual({
      EnvId: '600000000000000123',
      n: 42,
    });
    expect(parseJson('[-9007199254740993, 9007199254740991]')).toEqual([
      '-9007199254740993',
      9007199254740991,
    ]);
  });
  it('leaves digits inside strings and non-integers alone', () => {
    expect(
      parseJson(
        '{"a":"12345678901234567890","b":1.2345678901234567e3,"c":"x\\"99999999999999999"}',
      ),
    ).toEqual({
      a: '12345678901234567890',
      b: 1234.5678901234567,
      c: 'x"99999999999999999',
    });
  });
  it('throws SyntaxError on malformed JSON', () => {
    expect(() => parseJson('<html>502</html>')).toThrow(SyntaxError);
  });
});
