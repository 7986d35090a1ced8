import { randomBytes } from 'node:crypto';
import type { Credential, ProviderId } from './types.js';

/**
 * A random key pair shaped like the provider's own (Aliyun `LTAI…` AccessKey ids, Tencent
 * `AKID…` SecretIds), so an adapter's format checks accept it.
 */
export function randomCredential(provider: ProviderId): Credential {
  if (provider === 'aliyun-dm') {
    return { id: `LTAI${hex(10)}`, secret: hex(15) };
  }
  return { id: `AKID${hex(16)}`, secret: hex(16) };
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * Parse a `ID:SECRET` or `ID:SECRET:TOKEN` value of the command-line `flag`. The secret may not
 * contain `:`; a token (STS) is everything after the second colon. A refusal names the flag and
 * echoes no part of the value: without its colon it may be a secret pasted alone.
 */
export function parseKeyFlag(value: string, flag: string): Credential {
  const first = value.indexOf(':');
  if (first <= 0) throw new Error(`${flag} must be ID:SECRET (the key id, a colon, the secret)`);
  const id = value.slice(0, first);
  const rest = value.slice(first + 1);
  const second = rest.indexOf(':');
  const secret = second < 0 ? rest : rest.slice(0, second);
  if (secret === '') throw new Error(`${flag} must be ID:SECRET: the secret of ${id} is empty`);
  if (second < 0) return { id, secret };
  return { id, secret, token: rest.slice(second + 1) };
}
