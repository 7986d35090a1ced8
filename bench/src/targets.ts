/**
 * The targets of issues 6 and 14, evaluated from one run's figures. Throughput ratios are taken per
 * repetition (same repetition, same concurrency) and then the median over repetitions, so load
 * drift between repetitions cancels out.
 */
import { packedTargets } from './packed-report.js';
import type { RunResults, SendRow } from './results.js';
import { median } from './stats.js';

/** One target line of the report. */
export interface TargetRow {
  readonly id: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean | undefined;
}

/** Median over repetitions of `a / b` sends/s at concurrency `c`. */
export function ratio(sends: readonly SendRow[], a: string, b: string, c: number): number {
  const reps = [...new Set(sends.map((s) => s.rep))];
  const per = reps.flatMap((rep) => {
    const x = sends.find((s) => s.rep === rep && s.c === c && s.driver === a);
    const y = sends.find((s) => s.rep === rep && s.c === c && s.driver === b);
    return x && y ? [x.sendsPerSec / y.sendsPerSec] : [];
  });
  return median(per);
}

function medianOf(
  sends: readonly SendRow[],
  driver: string,
  c: number,
  key: keyof SendRow,
): number {
  return median(sends.filter((s) => s.driver === driver && s.c === c).map((s) => Number(s[key])));
}

const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');
const verdict = (ok: boolean, value: number) => (Number.isFinite(value) ? ok : undefined);

/**
 * `shape`: the provider's own request unsigned, where raw undici (a Tencent SendEmail) is not it,
 * so the report can tell what the provider's request shape costs from what signing costs.
 */
const ADAPTERS = [
  {
    mb: 'mailbridge tencent-ses',
    signed: 'raw-undici+tc3',
    shape: undefined,
    sdks: ['tencentcloud-sdk-nodejs-ses'],
  },
  {
    mb: 'mailbridge aliyun-dm',
    signed: 'raw-undici+rpc',
    shape: 'raw-undici DirectMail form',
    sdks: ['@alicloud/dm20151123', '@alicloud/pop-core'],
  },
] as const;

function sendTargets(sends: readonly SendRow[], c: number): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const a of ADAPTERS) {
    const raw = ratio(sends, a.mb, 'raw-undici', c);
    // What signing alone leaves of the budget: the same request, hand-signed, nothing else.
    const signedOnly = ratio(sends, a.signed, 'raw-undici', c);
    const shape =
      a.shape === undefined
        ? ''
        : `; ${a.shape} itself: ${x(ratio(sends, a.shape, 'raw-undici', c))}`;
    rows.push({
      id: 'throughput-raw',
      target: `${a.mb} send at C=${c} ≥ 0.55x raw undici`,
      measured: `${x(raw)} (${a.signed} itself: ${x(signedOnly)}${shape})`,
      pass: verdict(raw >= 0.55, raw),
    });
    for (const sdk of a.sdks) {
      const r = ratio(sends, a.mb, sdk, c);
      // The ceiling in the same terms: no client can beat raw undici's ratio to the SDK.
      const ceiling = ratio(sends, 'raw-undici', sdk, c);
      const own =
        a.shape === undefined ? '' : `; ${a.shape} itself: ${x(ratio(sends, a.shape, sdk, c))}`;
      rows.push({
        id: 'throughput-sdk',
        target: `${a.mb} ≥ 2x ${sdk} (C=${c}, same run)`,
        measured: `${x(r)} (raw undici itself: ${x(ceiling)}${own})`,
        pass: verdict(r >= 2, r),
      });
    }
    const signed = ratio(sends, a.mb, a.signed, c);
    rows.push({
      id: 'throughput-signed',
      target: `${a.mb} within 10% of ${a.signed} (≥ 0.90x, C=${c})`,
      measured: x(signed),
      pass: verdict(signed >= 0.9, signed),
    });
  }
  return rows;
}

function rssTargets(sends: readonly SendRow[], concurrency: readonly number[]): TargetRow[] {
  return ADAPTERS.map((a) => {
    const deltas = concurrency.map(
      (c) => medianOf(sends, a.mb, c, 'peakRssMb') - medianOf(sends, 'raw-undici', c, 'peakRssMb'),
    );
    const worst = Math.max(...deltas);
    return {
      id: 'rss',
      target: `${a.mb} peak RSS ≤ raw undici + 20 MB (worst C)`,
      measured: `+${worst.toFixed(1)} MB (C=${concurrency.map((c, i) => `${c}: ${(deltas[i] ?? Number.NaN).toFixed(1)}`).join(', ')})`,
      pass: verdict(worst <= 20, worst),
    };
  });
}

/**
 * Flat = the largest upload peaks within 20 MB of the one ten times smaller. (Below one provider
 * chunk, 20,000 rows on Tencent, a smaller upload also holds a smaller chunk, so the smallest
 * size is shown but not the reference.)
 */
function uploadTargets(results: RunResults): TargetRow[] {
  const providers = [...new Set(results.uploads.map((u) => u.provider))];
  return providers.flatMap((p) => [false, true].map((gc) => uploadTarget(results, p, gc)));
}

function uploadTarget(results: RunResults, p: string, gc: boolean): TargetRow {
  const rows = results.uploads
    .filter((u) => u.provider === p && u.gc === gc)
    .sort((a, b) => a.count - b.count);
  const first = rows.at(-2) ?? rows[0];
  const last = rows.at(-1);
  const growth = first && last ? last.peakRssMb - first.peakRssMb : Number.NaN;
  const what = gc ? 'retained memory (GC every 20,000 rows)' : 'peak RSS';
  return {
    id: 'upload',
    target: `${p} upload ${what} flat: ${last?.count ?? '?'} recipients within 20 MB of ${first?.count ?? '?'}`,
    measured: `${first?.peakRssMb.toFixed(1)} → ${last?.peakRssMb.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)})`,
    pass: verdict(growth <= 20, growth),
  };
}

/** Every target this run has figures for. */
export function evaluateTargets(results: RunResults): TargetRow[] {
  const top = Math.max(...results.meta.concurrency);
  return [
    ...(results.sends.length > 0 ? sendTargets(results.sends, top) : []),
    ...(results.sends.length > 0 ? rssTargets(results.sends, results.meta.concurrency) : []),
    // Issue 14's import and size targets are measured on the packed install (packed.ts); the
    // workspace-resolved tables stay for the comparison with the official SDKs.
    ...(results.packed ? packedTargets(results.packed) : []),
    ...(results.uploads.length > 0 ? uploadTargets(results) : []),
  ];
}
