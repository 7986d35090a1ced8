/**
 * The refusals `fromConfig` owns for every adapter: a config object without a usable `provider`
 * key (which key is missing, a typo such as `providr` named, the installed providers listed,
 * instead of "unknown provider 'undefined'"), and credentials written into a URL.
 */
import { MailError } from '../errors.js';

/**
 * One policy for every adapter: a URL never carries credentials. A URL is the value most often
 * printed, logged and pasted (a demo prints its `MAIL_URL`); keys come from the config's
 * `credentials`, a credentials function or the provider's official environment variables.
 * The message names neither the user nor the password.
 */
export function failUrlCredentials(url: URL): never {
  const provider = url.protocol.replace(/:$/, '');
  throw new MailError(
    `${provider} config: credentials do not belong in the URL; pass \`credentials\` or set the provider's environment variables`,
    { code: 'invalid_input', provider, issues: [{ path: ['url'], message: 'credentials in URL' }] },
  );
}

/** Edit distance of two short keys (Levenshtein), to spot a misspelt `provider`. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Why `value` names no provider, and what to write instead. */
export function missingProviderMessage(
  value: Readonly<Record<string, unknown>>,
  installed: readonly string[],
): string {
  const known = installed.join(', ') || 'none';
  const given = value['provider'];
  const what =
    given === undefined
      ? "no 'provider' key"
      : `'provider' must be a string naming the provider, got ${typeof given}`;
  const typo = Object.keys(value).find(
    (key) => key !== 'provider' && distance(key.toLowerCase(), 'provider') <= 2,
  );
  const hint = typo === undefined ? '' : ` (unknown key '${typo}': did you mean 'provider'?)`;
  return `mailbridge config: ${what}${hint}; name one of the installed providers: ${known}`;
}
