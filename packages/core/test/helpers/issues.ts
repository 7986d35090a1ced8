import { expect } from 'vitest';
import type { Issue, MailErrorCode } from '../../src/errors.js';
import { thrownMailError } from '../../src/testing/mail-errors.js';

/** The issues of the `code` error `run` throws. */
export function issuesOf(
  run: () => unknown,
  code: MailErrorCode = 'invalid_input',
): readonly Issue[] {
  const error = thrownMailError(run);
  expect(error.code).toBe(code);
  return error.issues;
}

/** Asserts one issue has exactly `path` and a message containing `words`. */
export function expectIssue(
  issues: readonly Issue[],
  path: readonly (string | number)[],
  words: string,
): void {
  const match = issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
  expect(match, `no issue at ${JSON.stringify(path)} in ${JSON.stringify(issues)}`).toBeDefined();
  expect(match?.message).toContain(words);
}
