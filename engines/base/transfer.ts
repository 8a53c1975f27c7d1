/**
 * Copies syncs between stores of any engines through `RawStore`, keeping ids, timestamps, tokens, types, parents,
 * discovered_at and bytes. Streams: one sync's records flow through without being held in memory.
 */
import type { Engine } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import { killPoint } from '../leftovers/kill-point';
import type { RawRecord, RawStore } from '../../models/contract/raw';

/** What a copy moved. */
export interface CopyResult {
  readonly syncs: number;
  readonly records: number;
}

/** Returns the engine as a RawStore, or throws when it does not offer bulk access. */
export function asRawStore(engine: Engine): RawStore & Engine {
  const raw = engine as Partial<RawStore> & Engine;
  if (typeof raw.rawSyncRuns !== 'function' || typeof raw.rawRecords !== 'function' || typeof raw.rawLoadSync !== 'function') {
    throw new StorageError('FAILED_PRECONDITION', `engine ${engine.name} has no bulk access`);
  }
  return raw as RawStore & Engine;
}

/** Counts records as they stream past. */
async function* counted(records: AsyncIterable<RawRecord>, counter: { n: number }): AsyncIterable<RawRecord> {
  for await (const record of records) {
    counter.n += 1;
    killPoint('transfer-record');
    yield record;
  }
}

/** Copies every sync of `src` (or only `syncIds`) into `dst`, in listSyncRuns order. */
export async function copySyncs(src: RawStore, dst: RawStore, syncIds?: readonly string[]): Promise<CopyResult> {
  const wanted = syncIds === undefined ? undefined : new Set(syncIds);
  const counter = { n: 0 };
  let syncs = 0;
  for (const run of await src.rawSyncRuns()) {
    if (wanted !== undefined && !wanted.has(run.id)) continue;
    await dst.rawLoadSync(run, counted(src.rawRecords(run.id), counter));
    syncs += 1;
    killPoint('transfer-sync');
  }
  return { syncs, records: counter.n };
}
