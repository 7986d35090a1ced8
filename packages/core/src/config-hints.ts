/**
 * The message `fromConfig` gives for a config object without a usable `provider` key: which key
 * is missing, which keys it did not know (a typo such as `providr` is named as one), and which
 * providers are installed, instead of "unknown provider 'undefined'".
 */

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
