/**
 * The checks every send and batch passes before any request, in one order: normalise the
 * input, parse the provider's own options once, check the capabilities, then the adapter's
 * own rules (those capabilities cannot express). Each rule lives in one of these steps only.
 */

import { checkMessage } from '../capabilities/check.js';
import { checkBatch } from '../capabilities/check-batch.js';
import type { Batch, Message } from '../message/message.js';
import { normalizeBatch, normalizeMessage } from '../message/validate.js';
import type { Provider } from '../provider/provider.js';
import type { ScheduleRule } from '../schedule/rule.js';

/** A normalised message, checked for `provider`, its options parsed. */
export function prepareMessage(provider: Provider, input: unknown): Message {
  const message = withOptions(provider, normalizeMessage(input));
  checkMessage(message, provider.capabilities);
  provider.validate?.(message);
  return message;
}

/**
 * A normalised batch, checked for `provider` at time `now`, its options parsed. `schedule`:
 * the rule the scheduling part already normalised, when the provider holds it natively.
 */
export function prepareBatch(
  provider: Provider,
  input: unknown,
  now: number,
  schedule?: ScheduleRule,
): Batch {
  const normalized = normalizeBatch(input);
  const scheduled = schedule === undefined ? normalized : { ...normalized, schedule };
  const batch = withOptions(provider, scheduled);
  checkBatch(batch, provider.capabilities);
  provider.validateBatch?.(batch, now);
  return batch;
}

/** The value with `providerOptions[provider.id]` replaced by the provider's parse of it. */
function withOptions<T extends Message | Batch>(provider: Provider, value: T): T {
  const parse = provider.options;
  if (parse === undefined) return value;
  const given = value.providerOptions[provider.id];
  const parsed = parse(given);
  if (parsed === given) return value;
  const providerOptions = Object.freeze({ ...value.providerOptions, [provider.id]: parsed });
  // The same kind of value with one field replaced: the spread keeps every other field.
  return Object.freeze({ ...value, providerOptions } as Message | Batch) as T;
}
