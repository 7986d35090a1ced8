/**
 * Tencent Cloud API 3.0 errors and envelopes (docs/providers/tencent-ses.md "Response envelope"):
 * success `{"Response":{…,"RequestId"}}`, failure `{"Response":{"Error":{"Code","Message"},
 * "RequestId"}}`, both with HTTP 200 (the Node SDK reads bodies only on 200).
 */
import type { EmuResponse } from '../types.js';

/** A documented Tencent error, thrown inside a handler and answered in the envelope. */
export class TcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TcError';
  }
}

/** Throw a documented error code with a message that says what was wrong. */
export function fail(code: string, message: string): never {
  throw new TcError(code, message);
}

/** Response headers: echo the caller's trace id, as the SDK reads `x-tc-traceid` back. */
function headers(traceId: string | undefined): Record<string, string> {
  const out: Record<string, string> = { 'content-type': 'application/json' };
  if (traceId !== undefined) out['x-tc-traceid'] = traceId;
  return out;
}

/** A success envelope around `fields`. */
export function successResponse(
  fields: Readonly<Record<string, unknown>>,
  requestId: string,
  traceId?: string,
): EmuResponse {
  const body = JSON.stringify({ Response: { ...fields, RequestId: requestId } });
  return { status: 200, headers: headers(traceId), body };
}

/** An error envelope; HTTP 200 unless a status is forced (fault injection). */
export function errorResponse(
  code: string,
  message: string,
  requestId: string,
  traceId?: string,
  status = 200,
): EmuResponse {
  const body = JSON.stringify({
    Response: { Error: { Code: code, Message: message }, RequestId: requestId },
  });
  return { status, headers: headers(traceId), body };
}
