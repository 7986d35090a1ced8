import { describe, expect, it } from 'vitest';
import { isMailError } from '../src/errors.js';
import {
  normalizeBatch,
  normalizeGroupInput,
  normalizeMessage,
  normalizeRecipient,
} from '../src/message/validate.js';
import { thrownMailError } from '../src/testing/mail-errors.js';

const base = { from: 'shop@example.com', to: 'ann@example.com', subject: 'Hi', text: 'Hello' };
const MB = 1024 * 1024;

function throwingGetter(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('getter exploded');
      },
    },
  );
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;
const revoked = Proxy.revocable({}, {});
revoked.revoke();

const garbage: readonly (readonly [string, unknown])[] = [
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a string', 'a@b.com'],
  ['a boolean', true],
  ['a symbol', Symbol('x')],
  ['a bigint', 10n],
  ['a function', () => base],
  ['an array', [base]],
  ['a Date', new Date()],
  ['a Map', new Map(Object.entries(base))],
  ['a Proxy whose getters throw', throwingGetter()],
  [
    'a Proxy whose ownKeys throws',
    new Proxy(
      { ...base },
      {
        ownKeys: () => {
          throw new Error('keys exploded');
        },
      },
    ),
  ],
  ['a revoked Proxy', revoked.proxy],
  [
    'a getter that throws on subject',
    Object.defineProperty({ ...base }, 'subject', {
      get: () => {
        throw new Error('no');
      },
      enumerable: true,
    }),
  ],
  ['a throwing list', { ...base, to: throwingGetter() }],
  [
    'an array Proxy that throws',
    {
      ...base,
      to: new Proxy(['a@b.com'], {
        get: () => {
          throw new Error('no');
        },
      }),
    },
  ],
  ['providerOptions 10,000 levels deep', { ...base, providerOptions: nested(10_000) }],
  ['cyclic providerOptions', { ...base, providerOptions: cyclic }],
  [
    'deeply nested arrays as to',
    { ...base, to: JSON.parse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`) },
  ],
  ['a 1 MB address', { ...base, to: `${'a'.repeat(MB)}@b.com` }],
  ['a 1 MB display name with a newline', { ...base, to: `"${'n'.repeat(MB)}\n" <a@b.com>` }],
  ['a 1 MB header name', { ...base, headers: { ['X'.repeat(MB)]: 'v' } }],
  ['a 1 MB header value ending in LF', { ...base, headers: { 'X-A': `${'v'.repeat(MB)}\n` } }],
  ['a 1 MB string of lone surrogates', { ...base, subject: '\uD800'.repeat(MB) }],
  [
    '1 MB of base64 garbage',
    { ...base, attachments: [{ filename: 'a', content: '!'.repeat(MB), encoding: 'base64' }] },
  ],
];

describe('validation never throws anything but a MailError', () => {
  const normalizers = {
    normalizeMessage,
    normalizeBatch,
    normalizeRecipient,
    normalizeGroupInput,
  } as const;
  for (const [name, normalize] of Object.entries(normalizers)) {
    it.each(garbage)(`${name}: %s`, (_, input) => {
      try {
        normalize(input as never);
      } catch (error) {
        expect(isMailError(error), String(error)).toBe(true);
        expect(error).toMatchObject({
          code: 'invalid_input',
          delivery: 'not_sent',
          retryable: false,
        });
      }
    });
  }

  it('reports a throwing getter as unreadable input, keeping the cause', () => {
    const error = thrownMailError(() => normalizeMessage(throwingGetter()));
    expect(error.message).toBe('Invalid input: the message could not be read');
    expect((error.cause as Error).message).toBe('getter exploded');
  });

  it('reports over-deep and cyclic providerOptions as an issue', () => {
    for (const providerOptions of [nested(100), cyclic]) {
      const error = thrownMailError(() => normalizeMessage({ ...base, providerOptions }));
      expect(error.issues[0]?.message).toContain('nested more than 32 levels');
      expect(error.issues[0]?.path[0]).toBe('providerOptions');
    }
  });

  it('accepts 1 MB values that are legitimately large (size limits are per provider)', () => {
    const big = 'x'.repeat(MB);
    const message = normalizeMessage({
      ...base,
      subject: big,
      html: `<p>${big}</p>`,
      headers: { 'X-Big': big },
    });
    expect(message.subject).toHaveLength(MB);
  });
});
