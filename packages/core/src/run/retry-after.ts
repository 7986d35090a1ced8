/**
 * The standard HTTP `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * DirectMail's own `x-acs-retry-after` (milliseconds) is read by its adapter; this one applies to
 * any provider or gateway, and only when the adapter set no `retryAfterMs` of its own.
 * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */

/**
 * Milliseconds to wait (at most `Number.MAX_SAFE_INTEGER`), or undefined when the value is absent
 * or not one of the two forms.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    // Too many seconds to count in ms is still a wait, the longest there is: it must end the
    // retries (`maxRetryAfterMs`), never read as no wait at all.
    return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  }
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/GMT$/.test(text)) return undefined;
  return Math.max(0, at - now);
}
