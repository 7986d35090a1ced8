import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMailError, MAIL_ERROR_CODES, MailError } from '../src/index.js';
import { invalidInput, unsupported } from '../src/provider/index.js';

describe('MailError', () => {
  it('has a stable name, the design fields and defaults', () => {
    const error = new MailError('throttled', {
      code: 'rate_limited',
      retryable: true,
      provider: 'p',
      providerCode: 'Throttling',
    });
    expect(error.name).toBe('MailError');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      delivery: 'not_sent',
      attempts: 0,
      issues: [],
    });
  });

  it('is recognised across package copies without instanceof', () => {
    const foreign = Object.assign(Object.create(null), {
      [Symbol.for('mailbridge.MailError')]: true,
    });
    expect(isMailError(foreign)).toBe(true);
    expect(isMailError(new Error('x'))).toBe(false);
    expect(isMailError(null)).toBe(false);
    expect(isMailError({ name: 'MailError', code: 'auth' })).toBe(false);
  });

  it('toJSON carries the fields but never the cause', () => {
    const cause = new Error('Authorization: TC3-HMAC-SHA256 Signature=deadbeef');
    const error = new MailError('failed', { code: 'network', cause, requestId: 'r1', attempts: 2 });
    const json = JSON.stringify(error);
    expect(json).not.toContain('deadbeef');
    expect(JSON.parse(json)).toMatchObject({
      name: 'MailError',
      code: 'network',
      requestId: 'r1',
      attempts: 2,
    });
    expect(error.cause).toBe(cause);
  });

  it('with() copies and changes fields immutably', () => {
    const error = new MailError('a', { code: 'timeout', retryable: true, delivery: 'unknown' });
    const changed = error.with({ attempts: 3, message: 'b' });
    expect(changed).toMatchObject({
      message: 'b',
      code: 'timeout',
      delivery: 'unknown',
      attempts: 3,
    });
    expect(error.attempts).toBe(0);
  });

  it('invalidInput and unsupported name the path, the field and the provider', () => {
    const a = invalidInput([
      { path: ['to', 1], message: 'not an email address' },
      { path: ['subject'], message: 'required' },
    ]);
    expect(a.message).toBe('Invalid input: to.1: not an email address (and 1 more)');
    expect(a.issues).toHaveLength(2);
    const b = unsupported('aliyun-dm', 'cc', 'DirectMail has no cc');
    expect(b).toMatchObject({ code: 'unsupported', provider: 'aliyun-dm' });
    expect(b.message).toContain('cc');
    expect(b.message).toContain('aliyun-dm');
  });

  it('the code set is closed and documented: exactly the README list, no duplicates', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const sentence = /`code` is one of ([^.]*?), decided/s.exec(readme)?.[1] ?? '';
    const documented = [...sentence.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(10);
    expect([...MAIL_ERROR_CODES].sort()).toEqual(documented.sort());
    expect(new Set(MAIL_ERROR_CODES).size).toBe(MAIL_ERROR_CODES.length);
  });
});
