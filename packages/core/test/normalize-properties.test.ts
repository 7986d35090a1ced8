/**
 * What `normalizeMessage` promises on any input, checked on generated messages (good ones and
 * ones wrong in every field): it returns a deeply frozen `Message` or throws a `MailError`
 * (`invalid_input` with issues) and nothing else; it gives the same answer twice; it never
 * freezes the caller's objects nor hands one of them back inside the result, so a caller that
 * changes its input afterwards cannot change a message being sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMailError } from '../src/errors.js';
import type { Message } from '../src/message/message.js';
import { normalizeMessage } from '../src/message/validate.js';
import { messageInput } from './helpers/message-arbitraries.js';

type Outcome = { readonly value: Message } | { readonly error: unknown };

function outcome(input: unknown): Outcome {
  try {
    return { value: normalizeMessage(input) };
  } catch (error) {
    return { error };
  }
}

/** Every object reachable through data properties, with whether it is frozen. */
function objectsOf(value: unknown, out = new Map<object, boolean>()): Map<object, boolean> {
  if (typeof value !== 'object' || value === null || out.has(value)) return out;
  out.set(value, Object.isFrozen(value));
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value)))
    if ('value' in descriptor) objectsOf(descriptor.value, out);
  return out;
}

const isPlainOrArray = (value: object) =>
  Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * Why the result's plain data is not deeply frozen. Other objects (a `Date` in provider
 * options, attachment bytes) are kept as they are: freezing cannot make them immutable.
 */
function unfrozen(value: unknown, path = '$'): string | undefined {
  if (typeof value !== 'object' || value === null || !isPlainOrArray(value)) return undefined;
  if (!Object.isFrozen(value)) return `${path} is not frozen`;
  for (const [key, item] of Object.entries(value)) {
    const inner = unfrozen(item, `${path}.${key}`);
    if (inner) return inner;
  }
  return undefined;
}

describe('normalizeMessage on generated input', () => {
  // 1,000 cases per run (NORMALIZE_RUNS for more); CI runs every package's tests at once on two
  // cores, so the time bound is generous.
  it('returns a frozen Message or throws invalid_input, the same twice, leaving the input alone', {
    timeout: 120_000,
  }, () => {
    const runs = Number(process.env['NORMALIZE_RUNS'] ?? 1000);
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(messageInput, (input) => {
        const before = objectsOf(input);
        const first = outcome(input);
        const again = outcome(input);
        for (const [object, frozen] of before) expect(Object.isFrozen(object)).toBe(frozen);
        if ('error' in first) {
          seen.invalid++;
          expect(isMailError(first.error) && first.error.code).toBe('invalid_input');
          if (!isMailError(first.error)) return;
          expect(first.error.issues.length).toBeGreaterThan(0);
          expect('error' in again && isMailError(again.error) && again.error.issues).toEqual(
            first.error.issues,
          );
          return;
        }
        seen.valid++;
        expect(unfrozen(first.value)).toBeUndefined();
        expect('value' in again && again.value).toEqual(first.value);
        for (const object of objectsOf(first.value).keys())
          expect(before.has(object) && isPlainOrArray(object)).toBe(false);
      }),
      { numRuns: runs },
    );
    // The generator must keep reaching both outcomes, or the property proves little.
    expect(seen.valid).toBeGreaterThan(runs * 0.25);
    expect(seen.invalid).toBeGreaterThan(runs * 0.2);
  });
});
