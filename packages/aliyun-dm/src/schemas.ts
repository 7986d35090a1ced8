/**
 * zod building blocks for DirectMail's drifting responses (docs/providers/aliyun-dm.md
 * "Responses"): keys matched case-insensitively onto one canonical spelling, numbers that arrive as strings,
 * ids that arrive as numbers (or above 2^53, as strings from `parseJson`), booleans as `"true"`,
 * and `data.<list>` wrappers whose casing changes between actions.
 */
import { z } from '@mailbridge/core/schema';

/** A number sent as a number or a decimal string. */
export const num = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^-?\d+(\.\d+)?$/))]),
  z.transform((value) => Number(value)),
);

/** An id or counter kept as a string, whatever the JSON type (EnvId exceeds 2^53). */
export const str = z.pipe(
  z.union([z.string(), z.number(), z.bigint()]),
  z.transform((value) => String(value)),
);

/** `true`, `"true"`, `1`, `"1"` -> true (the DirectMail API reference's ModifyPWByDomain returns `"Success":"true"`). */
export const bool = z.pipe(
  z.union([z.boolean(), z.string(), z.number()]),
  z.transform((value) => value === true || value === 'true' || value === 1 || value === '1'),
);

type Shape = Record<string, z.ZodMiniType>;

/**
 * An object whose keys are matched case-insensitively onto `shape`'s spelling
 * (`mailAddressId` -> `MailAddressId`, `faildCount` -> `FaildCount`, `UtcCreatetime` ->
 * `UtcCreateTime`); fields are optional, since the docs disagree on which are sent. Unknown keys
 * are kept as they came. `aliases` maps other names a source uses for a field onto it (the DirectMail statistics API doc's
 * `TrackList` for the SDK's `data`).
 */
export function dmObject<S extends Shape>(
  shape: S,
  aliases: Readonly<Record<string, keyof S & string>> = {},
) {
  const canonical = new Map<string, string>([
    ...Object.entries(aliases).map(([alias, key]): [string, string] => [alias.toLowerCase(), key]),
    ...Object.keys(shape).map((key): [string, string] => [key.toLowerCase(), key]),
  ]);
  const optional = Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [k, z.optional(v)]),
  ) as {
    [K in keyof S]: z.ZodMiniOptional<S[K]>;
  };
  return z.pipe(
    z.transform((value) => rekey(value, canonical)),
    z.looseObject(optional),
  );
}

function rekey(value: unknown, canonical: ReadonlyMap<string, string>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const target = canonical.get(key.toLowerCase()) ?? key;
    if (field !== null) out[target] = field;
  }
  return out;
}

/** A plain list (the newer actions' `Ips`, `ConfigSets`): a missing one is empty, a lone object a list of one. */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.transform((value) => {
      if (value === undefined || value === null) return [];
      return Array.isArray(value) ? value : [value];
    }),
    z.array(item),
  );
}

/**
 * A list wrapped as `data: { <key>: [...] }` (any casing of `data` and `<key>`), returned as
 * `{ data: { [key]: items } }`; a missing wrapper is an empty list, a lone object a list of one.
 * With `bare`, a wrapper that is itself the array (the DirectMail statistics API doc's GetIpfilterList) is read as the list.
 */
export function wrappedList<K extends string, T extends z.ZodMiniType>(
  key: K,
  item: T,
  options: { readonly bare?: boolean } = {},
) {
  const list = listOf(item);
  const wrapper = dmObject({ [key]: list } as { [P in K]: typeof list });
  if (!options.bare) return wrapper;
  return z.pipe(
    z.transform((value) => (Array.isArray(value) ? { [key]: value } : value)),
    wrapper,
  );
}

/** Every DirectMail response carries a `RequestId`. */
export const base = { RequestId: z.string() };

/** Paging fields of the `…ByParam` listings. */
export const paging = { TotalCount: num, PageNumber: num, PageSize: num };

/**
 * A string request parameter (the wire carries every value as a string,
 * docs/providers/aliyun-dm.md "Signatures" step 1).
 */
export const reqStr = z.string();
/** A string of 1 to `max` characters, counted in code points as DirectMail counts them. */
export const reqChars = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.refine((value) => [...value].length <= max, `at most ${max} characters`),
  );
/** A counter or page request parameter: a non-negative integer, sent in decimal. */
export const reqNum = z.int().check(z.nonnegative());
