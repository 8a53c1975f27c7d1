/**
 * cloneSync's copy: a clone has the same key layout and the same sync id as its source, so every key the sync owns
 * (records, index entries, counters) is copied verbatim from a snapshot, with no record decoded or index rebuilt.
 * Written under a pending marker with the run inserted last, like a raw load: a failed copy leaves nothing visible.
 */
import type { SyncRun } from '../../models/types';
import { StorageError } from '../../models/contract/errors';
import { abandonSync, markPending, pendingKey, syncRanges } from './cleanup';
import type { Db } from './db';
import { READ_AHEAD_BYTES } from './read-ahead';
import { writeRun } from './sync-runs';
import { WriteSet } from './write-set';

const CHUNK = 5000;

/** Copies sync `run` (every key it owns in `src`) into `dst`, which must not hold it yet. */
export async function copySyncKeys(src: Db, dst: Db, dstRuns: ReadonlyMap<string, SyncRun>, run: SyncRun): Promise<number> {
  if (dstRuns.has(run.id)) throw new StorageError('INVALID_ARGUMENT', `sync ${JSON.stringify(run.id)} exists already`);
  const snapshot = src.snapshot();
  let copied = 0;
  try {
    await markPending(dst, run.id);
    try {
      for (const r of syncRanges(run.id)) {
        const it = src.iterator({ gte: r.gte, lt: r.lt, snapshot, highWaterMarkBytes: READ_AHEAD_BYTES });
        try {
          for (let entries = await it.nextv(CHUNK); entries.length > 0; entries = await it.nextv(CHUNK)) {
            await dst.batch(entries.map(([key, value]) => ({ type: 'put' as const, key, value })));
            copied += entries.length;
          }
        } finally {
          await it.close();
        }
      }
      const ws = new WriteSet();
      writeRun(ws, run);
      ws.del(pendingKey(run.id));
      await ws.commit(dst);
    } catch (err) {
      await abandonSync(dst, run.id).catch(() => undefined);
      throw err;
    }
  } finally {
    await snapshot.close();
  }
  return copied;
}
