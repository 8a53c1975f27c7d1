/** The model's own sync-run rules: read target (SPEC §3 rules 4–5), listSyncRuns order and cleanup (SPEC §6). */
import type { Micros, SyncRun, SyncType } from '../types';

/**
 * Compares strings code point by code point, which is the order of their UTF-8 bytes (SPEC §3: ids compare by UTF-8
 * bytes, never by UTF-16 code units, where an astral character would sort before U+E000..U+FFFF).
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(j) as number;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/** Orders runs as listSyncRuns does: started_at, then id, ascending. */
export function byStartThenId(a: SyncRun, b: SyncRun): number {
  return a.startedAt - b.startedAt || compareText(a.id, b.id);
}

/** Orders finished runs newest first: ended_at, then id, descending. */
function byEndThenIdNewestFirst(a: SyncRun, b: SyncRun): number {
  return (b.endedAt ?? 0) - (a.endedAt ?? 0) || compareText(b.id, a.id);
}

/** Rule 4: the finished run of `type` (any type when absent) with the greatest ended_at, ties by the greater id. */
export function latestFinished(runs: readonly SyncRun[], type?: SyncType): SyncRun | undefined {
  const finished = runs.filter((r) => r.endedAt !== undefined && (type === undefined || r.syncType === type));
  return finished.sort(byEndThenIdNewestFirst)[0];
}

/** Rule 5: the unfinished run started at or after `now - window`, greatest started_at, ties by the greater id. */
export function latestResumable(runs: readonly SyncRun[], now: Micros, window: Micros): SyncRun | undefined {
  const open = runs.filter((r) => r.endedAt === undefined && r.startedAt >= now - window);
  return open.sort((a, b) => byStartThenId(b, a))[0];
}

/** The default read target when no sync is named, current or viewed: rule 4 (type `full`), else rule 5. */
export function defaultTarget(runs: readonly SyncRun[], now: Micros, window: Micros): SyncRun | undefined {
  return latestFinished(runs, 'full') ?? latestResumable(runs, now, window);
}

/**
 * The ids `cleanup({ keep })` deletes (no sync being current), in listSyncRuns order. The cut-off for non-full syncs
 * is the earliest started_at among the kept full syncs.
 */
export function cleanupVictims(runs: readonly SyncRun[], keep: number): string[] {
  const fulls = runs.filter((r) => r.endedAt !== undefined && r.syncType === 'full').sort(byEndThenIdNewestFirst);
  if (fulls.length <= keep) return [];
  const kept = new Set(fulls.slice(0, keep));
  const cutoff = Math.min(...[...kept].map((r) => r.startedAt));
  const victims = runs.filter((r) => {
    if (r.endedAt === undefined || kept.has(r)) return false;
    return r.syncType === 'full' || r.endedAt < cutoff;
  });
  return victims.sort(byStartThenId).map((r) => r.id);
}
