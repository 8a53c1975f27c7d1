/** Pure rules over sync runs (SPEC §3 and §6), shared by the abstract engine and the CLI. */
import type { Micros, SyncRun, SyncType } from '../../models/types';

/** Compares two ids by their UTF-8 bytes (SQLite's BINARY collation, the Go SDK's order), never by UTF-16 code units. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The latest finished sync of `type` (any type when absent): greatest ended_at, ties by the greater id (rule 4). */
export function latestFinishedSync(runs: Iterable<SyncRun>, type?: SyncType): SyncRun | undefined {
  let best: SyncRun | undefined;
  for (const run of runs) {
    if (run.endedAt === undefined || (type !== undefined && run.syncType !== type)) continue;
    if (
      best === undefined ||
      run.endedAt > (best.endedAt as Micros) ||
      (run.endedAt === best.endedAt && compareIds(run.id, best.id) > 0)
    ) {
      best = run;
    }
  }
  return best;
}

/** The latest unfinished sync that started at or after `now - window`: greatest started_at, ties by id (rule 5). */
export function latestResumableSync(runs: Iterable<SyncRun>, now: Micros, windowMicros: Micros): SyncRun | undefined {
  let best: SyncRun | undefined;
  for (const run of runs) {
    if (run.endedAt !== undefined || run.startedAt < now - windowMicros) continue;
    if (
      best === undefined ||
      run.startedAt > best.startedAt ||
      (run.startedAt === best.startedAt && compareIds(run.id, best.id) > 0)
    ) {
      best = run;
    }
  }
  return best;
}

/** The default read target when no sync is named, current or viewed: rule 4, then rule 5 of SPEC §3. */
export function defaultReadTarget(runs: readonly SyncRun[], now: Micros, windowMicros: Micros): SyncRun | undefined {
  return latestFinishedSync(runs, 'full') ?? latestResumableSync(runs, now, windowMicros);
}

/** Orders sync runs as `listSyncRuns` does: started_at, then id, ascending. */
export function compareSyncRuns(a: SyncRun, b: SyncRun): number {
  return a.startedAt - b.startedAt || compareIds(a.id, b.id);
}

/** The ids `cleanup({ keep })` deletes when no sync is current (SPEC §6), in listSyncRuns order. */
export function syncsToCleanUp(runs: readonly SyncRun[], keep: number): string[] {
  const fulls = runs
    .filter((r) => r.endedAt !== undefined && r.syncType === 'full')
    .sort((a, b) => (b.endedAt as Micros) - (a.endedAt as Micros) || compareIds(b.id, a.id));
  if (fulls.length <= keep) return [];
  const kept = fulls.slice(0, keep);
  const earliestKeptStart = Math.min(...kept.map((r) => r.startedAt));
  const doomed = new Set(fulls.slice(keep).map((r) => r.id));
  for (const r of runs) {
    if (r.endedAt !== undefined && r.syncType !== 'full' && r.endedAt < earliestKeptStart) doomed.add(r.id);
  }
  return runs.filter((r) => doomed.has(r.id)).sort(compareSyncRuns).map((r) => r.id);
}
