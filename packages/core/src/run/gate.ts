/**
 * The executor's side of an `AttemptGate` (schedule/contract.ts): tell the gate when an
 * attempt's request is over, and whether a copy of it could still reach the provider.
 */
import { isMailError } from '../errors.js';
import type { HttpResponse } from '../provider/provider.js';

/** The response of `sending`, after telling `release` (when given) how the attempt ended. */
export function answered(
  sending: Promise<HttpResponse>,
  release: ((settled: boolean) => void) | undefined,
): Promise<HttpResponse> {
  // Without a gate the promise is passed on as it is: an async wrapper would cost three turns.
  return release === undefined ? sending : released(sending, release);
}

async function released(
  sending: Promise<HttpResponse>,
  release: (settled: boolean) => void,
): Promise<HttpResponse> {
  try {
    const response = await sending;
    release(true);
    return response;
  } catch (error) {
    // No answer: the request may still reach the provider, unless it certainly never left.
    release(isMailError(error) && error.delivery === 'not_sent');
    throw error;
  }
}
