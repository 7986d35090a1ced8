/**
 * `fromConfig` with a list: several providers or accounts from outside, as one composite. Each
 * entry is a URL or an object as for one provider; a member is named by a URL's fragment
 * (`aliyun-dm://cn-hangzhou#backup`) or an object's `name`, and objects may carry a `weight`:
 * when every entry has one, the list is a `roundRobin`, else a `failover` in list order.
 */

import { invalidInput } from '../errors.js';
import type { AdapterFactory, ConfigValue } from '../provider/config.js';
import type { Provider } from '../provider/provider.js';
import { type CompositeProvider, failover, roundRobin } from './composite.js';

/** Resolves one config value (config.ts's `fromConfig`, passed in to keep imports one way). */
type Resolve = (value: ConfigValue, adapters: readonly AdapterFactory[]) => Provider;

interface Entry {
  readonly provider: Provider;
  readonly name?: string;
  readonly weight?: number;
}

/** Whether a config value is a list (`Array.isArray` does not narrow readonly arrays). */
export function isConfigList(value: unknown): value is readonly ConfigValue[] {
  return Array.isArray(value);
}

/** One composite over the configs in `values`. */
export function compositeFromConfig(
  values: readonly ConfigValue[],
  adapters: readonly AdapterFactory[],
  resolve: Resolve,
): CompositeProvider {
  if (values.length === 0) {
    throw invalidInput([{ path: ['provider'], message: 'an empty list of providers' }]);
  }
  const entries = values.map((value, i) => entryOf(value, i, adapters, resolve));
  const weighted = entries.filter((e) => e.weight !== undefined).length;
  if (weighted === 0) return failover(entries);
  if (weighted < entries.length) {
    throw invalidInput([
      { path: ['weight'], message: 'give every entry a weight (round-robin) or none (failover)' },
    ]);
  }
  return roundRobin(entries.map((e) => ({ ...e, weight: e.weight as number })));
}

function entryOf(
  value: ConfigValue,
  index: number,
  adapters: readonly AdapterFactory[],
  resolve: Resolve,
): Entry {
  if (typeof value === 'string' || value instanceof URL) {
    const hash =
      value instanceof URL ? value.hash : value.slice(value.indexOf('#') + 1 || value.length);
    const name = decodeURIComponent(hash.replace(/^#/, ''));
    return { provider: resolve(value, adapters), ...(name ? { name } : {}) };
  }
  const { name, weight, ...config } = value as Record<string, unknown> & { provider: string };
  if (name !== undefined && typeof name !== 'string') {
    throw invalidInput([{ path: [index, 'name'], message: 'expected a string' }]);
  }
  const parsedWeight = weight === undefined ? undefined : Number(weight);
  if (parsedWeight !== undefined && !(parsedWeight > 0 && Number.isFinite(parsedWeight))) {
    throw invalidInput([{ path: [index, 'weight'], message: 'expected a number > 0' }]);
  }
  return {
    provider: resolve(config, adapters),
    ...(name === undefined ? {} : { name }),
    ...(parsedWeight === undefined ? {} : { weight: parsedWeight }),
  };
}
