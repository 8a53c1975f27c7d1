/**
 * generateSyncDiff: copies the applied sync's records whose identity the base lacks into a new sync, with their
 * index entries and counters, keeping discovered_at. Written in chunked batches under a pending marker, with the
 * run inserted (and the marker removed) by the last batch: until then the new sync is invisible, a failure clears
 * it, and a crash leaves only a marker that the next open finishes clearing. Memory stays bounded by one chunk.
 */
import type { SyncRun } from '../../models/types';
import type { Db } from './db';
import { componentEnds, decodeTuple } from './keys';
import { countByTypeKey, countKey, Kind, key, range, RECORD_KINDS, type RecordKindByte } from './layout';
import { abandonSync, markPending, pendingKey } from './cleanup';
import { READ_AHEAD_BYTES } from './read-ahead';
import { writeRun } from './sync-runs';
import { storedIndexKeys } from './writers';
import { WriteSet } from './write-set';
import { decodeEnvelope, encodeEnvelope } from './values';

/** Fault `diff-discovered-at-millis`: the envelope re-encoded with discovered_at cut to whole milliseconds. */
function discoveredAtInMillis(value: Buffer): Buffer {
  const e = decodeEnvelope(value);
  return encodeEnvelope(Math.floor(e.discoveredAt / 1000) * 1000, e.contentType, e.data);
}

const CHUNK = 1000;
const FLUSH_AT = 5000;

/** Copies one kind's additions from `applied` into `created`, flushing full write sets as it goes. */
async function copyAdditions(db: Db, kind: RecordKindByte, base: string, applied: string, created: string, ws: WriteSet, millis: boolean): Promise<void> {
  const r = range(kind, applied);
  // A record's key in another sync is that sync's key prefix and the same encoded identity: spliced, not re-encoded.
  const baseHead = key(kind, base);
  const createdHead = key(kind, created);
  const it = db.iterator({ gte: r.gte, lt: r.lt, highWaterMarkBytes: READ_AHEAD_BYTES });
  try {
    for (;;) {
      const entries = await it.nextv(CHUNK);
      if (entries.length === 0) break;
      const identities = entries.map(([k]) => {
        const identity = k.subarray(r.gte.length);
        componentEnds(identity, 0); // CORRUPTION on a malformed key, as decoding it would be
        return identity;
      });
      const inBase = await db.hasMany(identities.map((identity) => Buffer.concat([baseHead, identity])));
      entries.forEach(([, value], i) => {
        if (inBase[i] === true) return;
        const identity = identities[i] as Buffer;
        for (const idx of storedIndexKeys(kind, created, value)) ws.put(idx, Buffer.alloc(0));
        ws.put(Buffer.concat([createdHead, identity]), millis ? discoveredAtInMillis(value) : value);
        ws.count(countKey(created, kind), 1);
        if (kind === Kind.resource) ws.count(countByTypeKey(created, (decodeTuple(identity)[0] ?? Buffer.alloc(0)).toString('utf8')), 1);
      });
      if (ws.size >= FLUSH_AT) await ws.commit(db);
    }
  } finally {
    await it.close();
  }
}

/** Writes the diff sync `created` of `applied` against `base`. */
export async function generateSyncDiff(db: Db, base: SyncRun, applied: SyncRun, created: SyncRun, millisFault = false): Promise<void> {
  await markPending(db, created.id);
  try {
    const ws = new WriteSet();
    for (const kind of RECORD_KINDS) await copyAdditions(db, kind, base.id, applied.id, created.id, ws, millisFault);
    writeRun(ws, created);
    ws.del(pendingKey(created.id));
    await ws.commit(db);
  } catch (err) {
    await abandonSync(db, created.id).catch(() => undefined);
    throw err;
  }
}
