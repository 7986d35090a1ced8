/**
 * The declarative action table of @mailbridge/tencent-ses against the official models
 * (tencentcloud-sdk-nodejs-ses 4.1.76, `ses_models.d.ts`): every action is there, and every
 * request field has the SDK's name and required-ness, nested structures included; every
 * response field the SDK names is read. The one deliberate difference is listed and explained.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { actions as TENCENT_SES_ACTIONS, type TencentSesAction } from '@mailbridge/tencent-ses';
import { describe, expect, it } from 'vitest';

const TENCENT_SES_ACTION_NAMES = Object.keys(TENCENT_SES_ACTIONS) as TencentSesAction[];

interface SdkField {
  readonly required: boolean;
  /** The interface a field holds (`Template`, `Array<Attachment>` -> `Attachment`), if any. */
  readonly nested?: string;
}

// The package has no exports map: its package.json resolves, and the models sit beside it.
const sdkRoot = dirname(
  createRequire(import.meta.url).resolve('tencentcloud-sdk-nodejs-ses/package.json'),
);
const dts = readFileSync(
  join(sdkRoot, 'tencentcloud/services/ses/v20201002/ses_models.d.ts'),
  'utf8',
);

/** `export interface X { Field?: Type; ... }` blocks of the d.ts, by name. */
const models = new Map<string, Map<string, SdkField>>();
for (const block of dts.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
  const fields = new Map<string, SdkField>();
  for (const f of (block[2] ?? '').matchAll(/^\s+(\w+)(\??): (?:Array<(\w+)>|(\w+));/gm)) {
    const type = f[3] ?? f[4] ?? '';
    fields.set(f[1] ?? '', {
      required: f[2] !== '?',
      ...(/^[A-Z]/.test(type) ? { nested: type } : {}),
    });
  }
  models.set(block[1] ?? '', fields);
}

/**
 * Newer than Node SDK 4.1.76: the current SendEmail doc and the Go SDK make Destination
 * optional when Cc or Bcc is given (docs/providers/tencent-ses-limits.md "The limits", 51034).
 */
const OPTIONAL_ON_PURPOSE = new Set(['SendEmailRequest.Destination']);

/** Structural view of a zod schema through its `def` (optional, array, pipe, object). */
interface SchemaLike {
  readonly shape?: Record<string, SchemaLike>;
  readonly def?: {
    readonly innerType?: SchemaLike;
    readonly element?: SchemaLike;
    readonly out?: SchemaLike;
  };
  safeParse(value: unknown): { readonly success: boolean };
}

function objectOf(schema: SchemaLike): Record<string, SchemaLike> {
  let current: SchemaLike | undefined = schema;
  for (let depth = 0; current && depth < 6; depth++) {
    if (current.shape) return current.shape;
    current = current.def?.innerType ?? current.def?.element ?? current.def?.out;
  }
  throw new Error('not an object schema');
}

/** Differences between an SDK interface and one of our request schemas, recursively. */
function requestDiffs(model: string, schema: SchemaLike): string[] {
  const sdk = models.get(model);
  if (!sdk) return [`${model}: not in the SDK`];
  const ours = objectOf(schema);
  const diffs: string[] = [];
  for (const [name, field] of sdk) {
    const mine = ours[name];
    if (!mine) {
      diffs.push(`${model}.${name}: missing`);
      continue;
    }
    const optional = mine.safeParse(undefined).success;
    if (optional === field.required && !OPTIONAL_ON_PURPOSE.has(`${model}.${name}`))
      diffs.push(`${model}.${name}: required ${field.required}, ours optional ${optional}`);
    if (field.nested && models.has(field.nested)) diffs.push(...requestDiffs(field.nested, mine));
  }
  for (const name of Object.keys(ours))
    if (!sdk.has(name)) diffs.push(`${model}.${name}: not an SDK field`);
  return diffs;
}

describe('action table against the official SDK models', () => {
  it('has exactly the SDK actions', () => {
    const sdkActions = [...models.keys()]
      .filter((name) => name.endsWith('Request'))
      .map((name) => name.slice(0, -'Request'.length))
      .sort();
    // ListEmailAddress takes no parameters, so the SDK declares no request interface for it.
    expect([...TENCENT_SES_ACTION_NAMES].sort()).toEqual(
      [...sdkActions, 'ListEmailAddress'].sort(),
    );
    expect(TENCENT_SES_ACTION_NAMES).toHaveLength(35);
  });

  it.each(TENCENT_SES_ACTION_NAMES.filter((a) => a !== 'ListEmailAddress'))(
    '%s: request fields and required-ness, nested structures included',
    (action) => {
      const spec = TENCENT_SES_ACTIONS[action];
      expect(requestDiffs(`${action}Request`, spec.request as unknown as SchemaLike)).toEqual([]);
    },
  );

  it.each(TENCENT_SES_ACTION_NAMES)(
    '%s: every response field the SDK names is read, and no other',
    (action) => {
      const sdk = models.get(`${action}Response`);
      // The model must exist: a missing one would make both lists below trivially empty.
      expect(sdk, `${action}Response not found in the SDK models`).toBeDefined();
      expect(sdk?.has('RequestId')).toBe(true);
      const ours = objectOf(TENCENT_SES_ACTIONS[action].response as unknown as SchemaLike);
      const named = [...(sdk?.keys() ?? [])].filter((f) => f !== 'RequestId');
      expect(named.filter((f) => !(f in ours))).toEqual([]);
      // Responses with only a RequestId (15 of the 35) are held to reading nothing invented.
      expect(Object.keys(ours).filter((f) => f !== 'RequestId' && !named.includes(f))).toEqual([]);
    },
  );

  it('found the models it compares (the parser did not silently match nothing)', () => {
    expect(models.get('SendEmailRequest')?.get('Template')).toEqual({
      required: false,
      nested: 'Template',
    });
    expect(models.get('CycleEmailParam')?.has('IntervalTime')).toBe(true);
  });
});
