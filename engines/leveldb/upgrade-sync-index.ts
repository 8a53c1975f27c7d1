/**
 * Layout revision 2 of the LevelDB store: the listSyncRuns index holds sync ids as UTF-8, so that ties on started_at
 * go by UTF-8 bytes (SPEC revision 2). A store of revision 1 (ids as UTF-16BE) is upgraded when opened: its index is
 * rebuilt from the sync runs and its marker rewritten, in one atomic batch.
 */
import type { SyncRun } from '../../models/types';
import type { Db } from './db';
import { FORMAT_MARKER_KEY, FORMAT_VERSION, Kind, range, syncByStartKey } from './layout';
import { EMPTY } from './db';

/** The format marker of the current layout. */
export const MARKER_VALUE = Buffer.from(`c1z-parity leveldb format ${FORMAT_VERSION} layout 2`, 'utf8');

/** The format marker of layout revision 1, which opening upgrades. */
export const REVISION_1_MARKER = Buffer.from(`c1z-parity leveldb format ${FORMAT_VERSION}`, 'utf8');

/** Rebuilds the listSyncRuns index of a revision-1 store from its runs and marks the store as revision 2. */
export async function upgradeSyncIndex(db: Db, runs: ReadonlyMap<string, SyncRun>): Promise<void> {
  const r = range(Kind.syncByStart);
  const old = await db.keys({ gte: r.gte, lt: r.lt }).all();
  const batch = db.batch();
  for (const k of old) batch.del(k);
  for (const run of runs.values()) batch.put(syncByStartKey(run.startedAt, run.id), EMPTY);
  batch.put(FORMAT_MARKER_KEY, MARKER_VALUE);
  await batch.write();
}
