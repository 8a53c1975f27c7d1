/**
 * How much a snapshot reads, so that comparison cost per op stays flat as a store grows. Snapshots taken during a
 * run (at sync boundaries, on reopen, on reading a clone) read small syncs in full and big ones by sample: the first
 * page of every list at a bounded size, filter values sampled from those pages, and only the latest syncs. The
 * snapshot at the end of a run has no bounds: it compares everything once, so nothing a sample skipped goes unseen.
 */
import type { Stats } from '../../models/contract/api';

/** The bounds of a snapshot taken during a run. */
export interface SnapshotBounds {
  /** A sync (or the default target) with at most this many records is read in full. */
  readonly fullUpTo: number;
  /** Bigger ones are read by sample: one page of this many items per list (SPEC's largest page is 10,000). */
  readonly samplePage: number;
  /** At most this many syncs are read, the latest in `listSyncRuns` order. */
  readonly maxSyncs: number;
  /** At most this many values per filter, and `get`s per kind (the end of the run reads more). */
  readonly filterValues: number;
  readonly gets: number;
  /** Whether unfiltered lists are drained a second time at another page size (the end of the run always does). */
  readonly secondDrain: boolean;
}

/**
 * The bounds of snapshots during a run. 300 records keep every sync of an ordinary run (tens of records) fully read;
 * a sample page of 300 items costs about what a full read of such a sync costs, whatever the store's size; four syncs
 * cover a diff's base and applied syncs, a view and the current sync. Two filter values (and a near miss) per
 * filter, five gets per kind and one drain per list make a boundary a third of the end-of-run snapshot's cost; the
 * ops themselves read with every filter value and page size, and the end of the run reads six values, twenty gets
 * and two page sizes.
 */
export const DURING_RUN_BOUNDS: SnapshotBounds = { fullUpTo: 300, samplePage: 300, maxSyncs: 4, filterValues: 2, gets: 5, secondDrain: false };

/** The records a stats answer counts (assets included); 0 for anything that is not a stats answer. */
export function recordsCounted(stats: unknown): number {
  if (typeof stats !== 'object' || stats === null) return 0;
  const s = stats as Partial<Stats>;
  const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return n(s.resourceTypes) + n(s.resources) + n(s.entitlements) + n(s.grants) + n(s.assets);
}
