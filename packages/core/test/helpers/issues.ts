import { expect } from 'vitest';
import { type Issue, isMailError, type MailError, type MailErrorCode } from '../../src/errors.js';

/** The MailError `run` throws; fails the test when it returns or throws anything else. */
export function mailErrorOf(run: () => unknown): MailError {
  try {
    run();
  } catch (error) {
    if (!isMailError(error))
      throw new Error(`expected a MailError, got ${String(error)}`, { cause: error });
    return error;
  }
  throw new Error('expected a MailError, but nothing was thrown');
}

/** The issues of the `code` error `run` throws. */
export function issuesOf(
  run: () => unknown,
  code: MailErrorCode = 'invalid_input',
): readonly Issue[] {
  const error = mailErrorOf(run);
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
