/**
 * What any string must be to be sent: well-formed UTF-16 (so it has a UTF-8 form to sign and
 * deliver), and, where it becomes a header line, free of line breaks. Also its UTF-8 length,
 * which the limits count in.
 */
const LINE_BREAK_OR_NUL = /[\r\n\0]/;
/** Fallback for runtimes without `String.prototype.isWellFormed`: a lone surrogate, either half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type WellFormedString = string & { isWellFormed?: () => boolean };

/**
 * Why `text` cannot be sent, or `undefined`: a lone UTF-16 surrogate cannot be encoded as
 * UTF-8, so it could neither be signed nor delivered.
 */
export function textProblem(text: string): string | undefined {
  const s = text as WellFormedString;
  const ok = typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE_SURROGATE.test(text);
  return ok ? undefined : 'contains a lone UTF-16 surrogate, which cannot be encoded as UTF-8';
}

/**
 * Why `text` cannot go into a header line, or `undefined`. CR, LF and NUL would let a value
 * start a new header (header injection), so they are refused wherever a header is built from it.
 */
export function lineProblem(text: string): string | undefined {
  if (LINE_BREAK_OR_NUL.test(text))
    return 'contains a line break or NUL character (header injection)';
  return textProblem(text);
}

/** UTF-8 length of a well-formed string, without allocating; stops counting past `limit`. */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
