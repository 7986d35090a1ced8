/**
 * Fault rules: "for the next N requests of (provider, action), do X". Kept in the server so
 * the same faults work for every provider. Rules are consumed in the order they were injected.
 */
import type { Fault, FaultRule, ProviderId } from './types.js';

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

/** The live list of injected fault rules. */
export interface FaultStore {
  inject(rule: FaultRule): void;
  /** The fault for this request, consuming one use of the first matching rule. */
  take(provider: ProviderId, action: string | undefined): Fault | undefined;
  clear(): void;
  /** Rules still pending, with their remaining counts (admin API). */
  list(): readonly (FaultRule & { readonly remaining: number })[];
}

export function createFaultStore(): FaultStore {
  let rules: ActiveRule[] = [];
  return {
    inject(rule) {
      const checked = parseFaultRule(rule);
      rules.push({ rule: checked, remaining: checked.count ?? 1 });
    },
    take(provider, action) {
      const found = rules.find(
        (r) =>
          (r.rule.provider === undefined || r.rule.provider === provider) &&
          (r.rule.action === undefined || r.rule.action === action),
      );
      if (found === undefined) return undefined;
      found.remaining -= 1;
      if (found.remaining <= 0) rules = rules.filter((r) => r !== found);
      return found.rule.fault;
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r.rule, remaining: r.remaining })),
  };
}

const PROVIDERS: readonly string[] = ['aliyun-dm', 'tencent-ses'];

/**
 * Check a fault rule that may come from JSON (admin API) or untyped JS. Throws a `TypeError`
 * naming the bad field, so a typo does not silently inject nothing.
 */
export function parseFaultRule(value: unknown): FaultRule {
  const obj = record(value, 'fault rule');
  const { provider, action, count } = obj;
  if (provider !== undefined && (typeof provider !== 'string' || !PROVIDERS.includes(provider))) {
    throw new TypeError(`fault rule: provider must be one of ${PROVIDERS.join(', ')}`);
  }
  if (action !== undefined && (typeof action !== 'string' || action === '')) {
    throw new TypeError('fault rule: action must be a non-empty string');
  }
  if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1)) {
    throw new TypeError('fault rule: count must be an integer >= 1');
  }
  return {
    ...(provider === undefined ? {} : { provider: provider as ProviderId }),
    ...(action === undefined ? {} : { action: action as string }),
    ...(count === undefined ? {} : { count: count as number }),
    fault: parseFault(obj.fault),
  };
}

function parseFault(value: unknown): Fault {
  const f = record(value, 'fault');
  switch (f.kind) {
    case 'error':
      return {
        kind: 'error',
        code: str(f.code, 'fault.code'),
        ...(f.message === undefined ? {} : { message: str(f.message, 'fault.message') }),
        ...(f.status === undefined ? {} : { status: status(f.status) }),
      };
    case 'status':
      return {
        kind: 'status',
        status: status(f.status),
        ...(f.body === undefined ? {} : { body: text(f.body, 'fault.body') }),
      };
    case 'delay':
      return { kind: 'delay', ms: nonNegative(f.ms, 'fault.ms') };
    case 'html':
      return { kind: 'html', ...(f.status === undefined ? {} : { status: status(f.status) }) };
    case 'oversize':
      return { kind: 'oversize', bytes: nonNegative(f.bytes, 'fault.bytes') };
    case 'drop':
    case 'reset':
    case 'malformed':
      return { kind: f.kind };
    default:
      throw new TypeError(
        'fault.kind must be one of error, status, delay, drop, reset, malformed, html, oversize',
      );
  }
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

function str(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  return value;
}

/** A body may be empty: a bare status is an answer too. */
function text(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  return value;
}

function status(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 100 || (value as number) > 599) {
    throw new TypeError('fault.status must be an HTTP status 100-599');
  }
  return value as number;
}

function nonNegative(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name} must be a number >= 0`);
  }
  return value;
}
