/**
 * RFC 3986 percent-encoding as DirectMail's RPC signature needs it (aliyun-dm.md §2 step 3):
 * UTF-8 bytes, `A-Z a-z 0-9 - _ . ~` kept, every other byte `%XX` in upper-case hex. So space is
 * `%20` (never `+`), `*` is `%2A`, `~` stays, and `!'()` are encoded, which JavaScript's
 * `encodeURIComponent` leaves alone (the waliyun#6 `SignatureDoesNotMatch` bug).
 */

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HEX = '0123456789ABCDEF';
const encoder = new TextEncoder();

/**
 * Percent-encode a string for the DirectMail signature and the form body.
 *
 * Throws `URIError` for a lone UTF-16 surrogate, which has no UTF-8 form: signing bytes other
 * than the ones sent would fail as `SignatureDoesNotMatch` at the provider instead.
 *
 * @see https://www.alibabacloud.com/help/en/directmail/latest/request-signatures
 */
export function percentEncode(value: string): string {
  if (UNRESERVED.test(value)) return value;
  if (LONE_SURROGATE.test(value)) throw new URIError('percentEncode: lone UTF-16 surrogate');
  let out = '';
  for (const byte of encoder.encode(value)) {
    if (isUnreserved(byte)) out += String.fromCharCode(byte);
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x5f || // _
    byte === 0x2e || // .
    byte === 0x7e // ~
  );
}
