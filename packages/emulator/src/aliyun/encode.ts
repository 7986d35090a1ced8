/**
 * RFC 3986 percent-encoding as DirectMail's RPC signature uses it (aliyun-dm.md §2 step 3):
 * UTF-8 bytes; `A-Z a-z 0-9 - _ . ~` kept; every other byte `%XX` with uppercase hex, so space is
 * `%20`, `*` is `%2A`, `+` is `%2B` and `!'()` are encoded too. Written byte by byte rather than
 * on top of `encodeURIComponent`, so it cannot inherit that function's exceptions.
 */
const HEX = '0123456789ABCDEF';

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

/** Percent-encode a string the DirectMail way (`pe()` in aliyun-dm.md §2). */
export function percentEncode(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  let out = '';
  for (const byte of bytes) {
    if (isUnreserved(byte)) {
      out += String.fromCharCode(byte);
    } else {
      out += `%${HEX[byte >> 4]}${HEX[byte & 0x0f]}`;
    }
  }
  return out;
}
