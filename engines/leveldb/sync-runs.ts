/**
 * Storage of sync runs: a run document under its id and a `(started_at, id)` index entry for listSyncRuns order.
 * The engine mirrors the runs in memory (it is the only writer of its directory); the mirror changes only after a
 * batch that wrote the runs has committed.
 */
import type { Page } from '../../models/contract/api';
import type { PageArgs } from '../base/abstract-engine';
import { StorageError } from '../../models/contract/errors';
import type { SyncRun } from '../../models/types';
import { EMPTY, type Db } from './db';
import { decodeKey } from './keys';
import { Kind, key, range, syncByStartKey, syncIdOfStartKey } from './layout';
import { scanPage } from './paging';
import { decodeSyncRun, encodeSyncRun } from './values';
import type { WriteSet } from './write-set';

/** Reads every stored sync run. */
export async function loadRuns(db: Db): Promise<Map<string, SyncRun>> {
  const runs = new Map<string, SyncRun>();
  const r = range(Kind.syncRun);
  for await (const [k, v] of db.iterator({ gte: r.gte, lt: r.lt })) {
    const id = (decodeKey(k).parts[0] ?? Buffer.alloc(0)).toString('utf8');
    runs.set(id, decodeSyncRun(id, v));
  }
  return runs;
}

/** Adds the writes that store `run`, replacing `previous` (its index entry goes when started_at changed). */
export function writeRun(ws: WriteSet, run: SyncRun, previous?: SyncRun, littleEndianFault = false): void {
  if (previous !== undefined && previous.startedAt !== run.startedAt) ws.del(syncByStartKey(previous.startedAt, previous.id, littleEndianFault));
  ws.put(key(Kind.syncRun, run.id), encodeSyncRun(run));
  ws.put(syncByStartKey(run.startedAt, run.id, littleEndianFault), EMPTY);
}

/** Adds the writes that remove `run`. */
export function deleteRun(ws: WriteSet, run: SyncRun): void {
  ws.del(key(Kind.syncRun, run.id));
  ws.del(syncByStartKey(run.startedAt, run.id));
}

/** A page of sync runs ordered by started_at then id (`repeatLast`: a fault of issue 5). */
export function listSyncRuns(db: Db, runs: ReadonlyMap<string, SyncRun>, page: PageArgs, repeatLast = false): Promise<Page<SyncRun>> {
  return scanPage(db, {
    repeatLast,
    query: { m: 'listSyncRuns' },
    ranges: [range(Kind.syncByStart)],
    values: false,
    size: page.size,
    token: page.token,
    load: (entries) =>
      entries.map((e) => {
        const id = syncIdOfStartKey(decodeKey(e.key).parts);
        const run = runs.get(id);
        if (run === undefined) throw new StorageError('CORRUPTION', `sync index entry ${JSON.stringify(id)} has no run`);
        return run;
      }),
  });
}
