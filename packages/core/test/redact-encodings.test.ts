/**
 * Redaction of secrets in the encodings a proxy or gateway may use when it echoes a request
 * back into an error: HTML entities, `\u` escapes, base64 of the whole echoed text at any
 * alignment, besides raw, percent-encoded and JSON-escaped.
 */
import { describe, expect, it } from 'vitest';
import { MailError } from '../src/index.js';
import { redactSecrets } from '../src/provider/index.js';
import { redactError } from '../src/run/redact.js';

const SECRET = 'k3y/Se+cr=et&<"quoted">\'x';
const KEY_ID = 'LTAI5tAccessKeyId0001';

function html(text: string, mode: 'named' | 'decimal' | 'hex'): string {
  return text.replace(/[^A-Za-z0-9]/g, (c) => {
    const code = c.charCodeAt(0);
    if (mode === 'decimal') return `&#${code};`;
    if (mode === 'hex') return `&#x${code.toString(16)};`;
    return (
      (
        { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' } as Record<
          string,
          string
        >
      )[c] ?? `&#${code};`
    );
  });
}

describe('redaction in echo encodings', () => {
  it.each([
    ['HTML named entities', html(SECRET, 'named')],
    ['HTML decimal entities', html(SECRET, 'decimal')],
    ['HTML hex entities', html(SECRET, 'hex')],
    [
      '\\u escapes (lower)',
      SECRET.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    ],
    [
      '\\u escapes (upper)',
      SECRET.replace(
        /[^A-Za-z0-9]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
      ),
    ],
  ])('%s', (_name, encoded) => {
    const text = `gateway said: <pre>secret=${encoded}</pre>`;
    expect(redactSecrets(text, [SECRET])).not.toContain(encoded);
    expect(redactSecrets(text, [SECRET])).toContain('[redacted]');
  });

  it.each([0, 1, 2, 3, 4, 5])(
    'base64 of an echoed request with %i bytes before the secret',
    (pad) => {
      const request = `${'p'.repeat(pad)}AccessKeySecret=${SECRET}&AccessKeyId=${KEY_ID}&x=1`;
      for (const alphabet of ['base64', 'base64url'] as const) {
        const echoed = Buffer.from(request).toString(alphabet);
        const redacted = redactSecrets(`echo: ${echoed}`, [SECRET, KEY_ID]);
        // Whatever is left decodes to text without either secret.
        const left = redacted.replace('echo: ', '').split('[redacted]');
        for (const part of left) {
          const decoded = Buffer.from(part, alphabet).toString('latin1');
          expect(decoded).not.toContain(SECRET);
          expect(decoded).not.toContain(KEY_ID);
        }
        expect(redacted).toContain('[redacted]');
      }
    },
  );

  it('an error quoting the access key id loses it', () => {
    const error = new MailError(`gateway: bad request AccessKeyId=${KEY_ID}`, {
      code: 'provider_unavailable',
      providerMessage: `echo ${html(KEY_ID, 'hex')}`,
    });
    const clean = redactError(error, [KEY_ID]);
    expect(JSON.stringify(clean)).not.toContain(KEY_ID);
    expect(clean.message).not.toContain(KEY_ID);
    expect(clean.providerMessage).not.toContain(html(KEY_ID, 'hex'));
  });
});
