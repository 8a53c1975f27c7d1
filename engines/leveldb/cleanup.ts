/**
 * Removal of whole syncs by range clears. A sync is first made invisible in one batch (its run deleted, a pending
 * marker written), then every keyspace range it owns is cleared, then the marker goes. A marker left
 * by a crash (here or in a diff/load that never inserted its run) is finished at the next open. The same first batch
 * records that a compaction is owed, and only a finished compaction clears that: a cleanup cut short before its
 * compaction has its space reclaimed by the next cleanup or compact, even one that finds nothing new to delete.
 */
import type { SyncRun } from '../../models/types';
import { killPoint } from '../leftovers/kill-point';
import { EMPTY, type Db } from './db';
import { decodeKey, type KeyRange } from './keys';
import { Kind, key, range, SYNC_SCOPED_KINDS } from './layout';
import { deleteRun } from './sync-runs';
import { WriteSet } from './write-set';

/** Present while deleted syncs' space awaits a compaction. */
export const COMPACT_OWED_KEY = key(Kind.meta, 'compact-owed');

/** Every key range owned by one sync (records, indexes, counters). */
export function syncRanges(syncId: string): KeyRange[] {
  return SYNC_SCOPED_KINDS.map((k) => range(k, syncId));
}

/** The key of a sync's pending marker. */
export function pendingKey(syncId: string): Buffer {
  return key(Kind.pending, syncId);
}

/** Marks a sync's ranges as garbage until its run is inserted (diff, load). */
export async function markPending(db: Db, syncId: string): Promise<void> {
  await db.put(pendingKey(syncId), EMPTY);
}

/** Clears every range a sync owns. */
export async function clearSync(db: Db, syncId: string): Promise<void> {
  for (const r of syncRanges(syncId)) await db.clear({ gte: r.gte, lt: r.lt });
}

/** Clears a half-written sync and its marker after a failed diff or load. */
export async function abandonSync(db: Db, syncId: string): Promise<void> {
  await clearSync(db, syncId);
  await db.del(pendingKey(syncId));
}

/**
 * Deletes these syncs (dropping them from `mirror`): one batch hides them, then their ranges are cleared. Space is
 * reclaimed by the whole-keyspace compaction that cleanup runs next: a compactRange per cleared range costs about
 * 15 ms each even when empty (12 keyspaces per sync), far more than one compaction of everything on small stores.
 */
export async function deleteSyncs(db: Db, runs: readonly SyncRun[], mirror: Map<string, SyncRun>): Promise<void> {
  const ws = new WriteSet();
  for (const run of runs) {
    deleteRun(ws, run);
    ws.put(pendingKey(run.id), EMPTY);
  }
  if (runs.length > 0) ws.put(COMPACT_OWED_KEY, EMPTY);
  await ws.commit(db);
  killPoint('cleanup-hidden');
  for (const run of runs) mirror.delete(run.id);
  for (const run of runs) {
    await clearSync(db, run.id);
    await db.del(pendingKey(run.id));
  }
  killPoint('cleanup-cleared');
}

/** Tells whether a compaction is owed (a cleanup deleted syncs and was cut short before compacting). */
export async function compactionOwed(db: Db): Promise<boolean> {
  return (await db.get(COMPACT_OWED_KEY)) !== undefined;
}

/** Finishes every pending removal (run at open); a marker whose run exists only loses the marker. */
export async function recoverPending(db: Db, runs: ReadonlyMap<string, SyncRun>): Promise<string[]> {
  const r = range(Kind.pending);
  const ids: string[] = [];
  for await (const k of db.keys({ gte: r.gte, lt: r.lt })) ids.push((decodeKey(k).parts[0] ?? EMPTY).toString('utf8'));
  for (const id of ids) {
    if (runs.has(id)) await db.del(pendingKey(id));
    else await abandonSync(db, id);
  }
  return ids;
}

/** Compacts the whole keyspace, then clears the owed mark. */
export async function compactAll(db: Db): Promise<void> {
  killPoint('compact-start');
  await db.compactRange(Buffer.from([0x00]), Buffer.from([0xff]));
  await db.del(COMPACT_OWED_KEY);
}
