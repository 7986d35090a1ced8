/**
 * What a capability check found (check.ts): every problem is collected, then thrown as one
 * `MailError`, so a caller sees all of them at once. Plus the two length measures providers
 * state their limits in.
 */

import { type Issue, invalidInput, type MailError, unsupported } from '../errors.js';
import { utf8Length } from '../message/text.js';

interface Unsupported {
  readonly field: string;
  readonly why: string;
}

/** Every problem found, thrown at the end; `unsupported` wins, as no value change can fix it. */
export class Findings {
  readonly unsupported: Unsupported[] = [];
  readonly issues: Issue[] = [];
  constructor(readonly provider: string) {}

  cannot(field: string, why: string): void {
    this.unsupported.push({ field, why });
  }

  /** `invalid_input` issue: "at most 100 recipients in to for aliyun-dm (got 101)". */
  over(path: Issue['path'], limit: string, got: number | string): void {
    const field = path.join('.');
    this.issues.push({
      path,
      message: `at most ${limit} in ${field} for ${this.provider} (got ${got})`,
    });
  }

  issue(path: Issue['path'], message: string): void {
    this.issues.push({ path, message });
  }

  throwIfAny(): void {
    const [first, ...more] = this.unsupported;
    if (first) throw allUnsupported(this.provider, first, more);
    if (this.issues.length > 0) throw invalidInput(this.issues, this.provider);
  }
}

function allUnsupported(
  provider: string,
  first: Unsupported,
  more: readonly Unsupported[],
): MailError {
  const error = unsupported(provider, first.field, first.why);
  if (more.length === 0) return error;
  return error.with({
    message: `${error.message} (and ${more.length} more)`,
    issues: [first, ...more].map(({ field, why }) => ({ path: field.split('.'), message: why })),
  });
}

/** Length in characters (code points), the unit providers state their text limits in. */
export function charLength(text: string, limit: number): number {
  if (text.length <= limit) return text.length; // code points <= UTF-16 units: the common case
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** UTF-8 size, skipping the count when the UTF-16 length already decides it. */
export function byteLength(text: string, limit: number): number {
  return text.length * 3 <= limit ? text.length : utf8Length(text, limit);
}
