/**
 * A small reader of V8 `.cpuprofile` files (`node --cpu-prof`): self time by package and the
 * hottest functions, so RESULTS.md can name where a mailbridge send spends its CPU.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self-time shares (percent of all samples). */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly byPackage: readonly { readonly name: string; readonly percent: number }[];
  readonly hottest: readonly { readonly name: string; readonly percent: number }[];
}

/** `zod@4.6.7`, `mailbridge/core`, `node:internal`, `(garbage collector)`… */
function packageOf(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (!url) return node.callFrame.functionName || '(native)';
  const store = /\.pnpm\/([^/]+)\//.exec(url);
  if (store?.[1]) return store[1].replace(/\+/g, '/');
  const ours = /\/packages\/([^/]+)\//.exec(url);
  if (ours?.[1]) return `mailbridge/${ours[1]}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url.includes('/bench/')) return 'bench';
  return url;
}

function location(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^.*\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^file:\/\/\/work\/main\//, '');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function top(map: Map<string, number>, total: number, count: number) {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, percent: (100 * us) / total }));
}

/** Summarise the first `.cpuprofile` in a directory. */
export function summariseProfile(dir: string, count = 12): ProfileSummary {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    byPackage.set(packageOf(node), (byPackage.get(packageOf(node)) ?? 0) + us);
    byFunction.set(location(node), (byFunction.get(location(node)) ?? 0) + us);
  }
  return {
    totalMs: total / 1000,
    byPackage: top(byPackage, total, count),
    hottest: top(byFunction, total, count),
  };
}
