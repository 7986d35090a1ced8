/**
 * RFC 3986 percent-encoding as DirectMail's RPC signature uses it (docs/providers/aliyun-dm.md
 * "Signatures" step 3): UTF-8 bytes; `A-Z a-z 0-9 - _ . ~` kept; every other byte `%XX` with
 * uppercase hex, so space is `%20`, `*` is `%2A`, `+` is `%2B` and `!'()` are encoded too. Written
 * byte by byte rather than on top of `encodeURIComponent`, so it cannot inherit that function's
 * exceptions.
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

/** The encoding of every byte value, computed once: kept as itself or `%XX`. */
const TABLE: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  isUnreserved(byte) ? String.fromCharCode(byte) : `%${HEX[byte >> 4]}${HEX[byte & 0x0f]}`,
);

/** Percent-encode the DirectMail way (`pe` in docs/providers/aliyun-dm.md "Signatures"). */
export function percentEncode(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  // Runs of unreserved bytes are copied in one slice; only the other bytes go through the
  // table. Building the string byte by byte takes seconds on a multi-megabyte body.
  const parts: string[] = [];
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (isUnreserved(byte)) continue;
    if (run < i) parts.push(bytes.toString('latin1', run, i));
    parts.push(TABLE[byte] as string);
    run = i + 1;
  }
  if (run < bytes.length) parts.push(bytes.toString('latin1', run));
  return parts.join('');
}
