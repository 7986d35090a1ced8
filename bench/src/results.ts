/** The shape of one benchmark run, as saved to results/*.json and rendered to markdown. */
import type { SendResult } from './drivers/registry.js';
import type { Footprint } from './footprint.js';
import type { PackedResults } from './packed.js';
import type { ProfileSummary } from './profile.js';
import type { UploadResult } from './upload-types.js';

/** One send measurement plus where it sat in the run. */
export interface SendRow extends SendResult {
  readonly rep: number;
  /** Connections the mock accepted during the run (how the client pools). */
  readonly connections: number;
}

/** Cold import of one candidate: each fresh-process sample, and RSS after the import. */
export interface ImportRow {
  readonly label: string;
  readonly specifiers: readonly string[];
  readonly samplesMs: readonly number[];
  readonly rssMb: number;
}

export interface Meta {
  readonly mode: 'quick' | 'full' | 'custom';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly os: string;
  /** Commit measured, and whether packages/ had uncommitted changes. */
  readonly tree: string;
  readonly loadStart: readonly number[];
  readonly loadEnd: readonly number[];
  readonly command: string;
  readonly n: number;
  readonly reps: number;
  /** Repetitions of the send section that finished (fewer than `reps` if cut by --deadline). */
  readonly repsCompleted: number;
  /** Why the run differs from its settings, if it does. */
  readonly note: string;
  readonly concurrency: readonly number[];
  readonly warmup: number;
}

export interface RunResults {
  readonly meta: Meta;
  readonly sends: readonly SendRow[];
  readonly imports: readonly ImportRow[];
  readonly footprints: readonly Footprint[];
  readonly uploads: readonly UploadResult[];
  readonly profiles: readonly { readonly label: string; readonly summary: ProfileSummary }[];
  /** The proposed fixes measured through public APIs (highest C, one repetition). */
  readonly whatIf: readonly SendRow[];
  /** CPU µs per operation of the pieces on the send path (micro.js). */
  readonly micro: readonly { readonly name: string; readonly usPerOp: number }[];
  /** Packed tarballs installed by npm: size on disk and cold import (issue 14). */
  readonly packed?: PackedResults | undefined;
}
