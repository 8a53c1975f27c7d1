/**
 * Bulk access (models/contract/raw.ts) for the LevelDB store: `rawRecords` streams one sync from a snapshot, kind by kind,
 * without decoding protobuf; `rawLoadSync` writes a sync in batches of about 5,000 records under a pending marker,
 * inserting the run last, so a failed or crashed load leaves nothing visible.
 */
import { StorageError } from '../../models/contract/errors';
import type { RawRecord } from '../../models/contract/raw';
import { SYNC_TYPES, type SyncRun } from '../../models/types';
import { EMPTY, type Db } from './db';
import { decodeKey } from './keys';
import { countByTypeKey, countKey, Kind, key, range, RECORD_KINDS } from './layout';
import { abandonSync, markPending, pendingKey } from './cleanup';
import { KIND_OF, NAME_OF, primaryKey, SPECS } from './records';
import { READ_AHEAD_BYTES } from './read-ahead';
import { writeRun } from './sync-runs';
import { decodeEnvelope, encodeEnvelope } from './values';
import { WriteSet } from './write-set';

const READ_CHUNK = 1000;
const LOAD_BATCH = 5000;

/** The raw id of a record from its key components (sync id first). */
function rawIdOf(kind: number, parts: readonly Buffer[]): string {
  const [, a, b] = parts;
  if (a === undefined || (kind === Kind.resource) !== (b !== undefined) || parts.length > 3) {
    throw new StorageError('CORRUPTION', `malformed record key of kind ${kind}`);
  }
  return kind === Kind.resource ? `${a.toString('utf8')}:${(b as Buffer).toString('utf8')}` : a.toString('utf8');
}

/** Streams every record of `syncId`, all kinds, from one snapshot of the store. */
export async function* rawRecords(db: Db, syncId: string): AsyncIterable<RawRecord> {
  const snapshot = db.snapshot();
  try {
    for (const kind of RECORD_KINDS) {
      const r = range(kind, syncId);
      const it = db.iterator({ gte: r.gte, lt: r.lt, snapshot, highWaterMarkBytes: READ_AHEAD_BYTES });
      try {
        for (let entries = await it.nextv(READ_CHUNK); entries.length > 0; entries = await it.nextv(READ_CHUNK)) {
          for (const [k, v] of entries) {
            const env = decodeEnvelope(v);
            const base = { kind: NAME_OF[kind] as RawRecord['kind'], id: rawIdOf(kind, decodeKey(k).parts), discoveredAt: env.discoveredAt, data: env.data };
            yield kind === Kind.asset ? { ...base, contentType: env.contentType } : base;
          }
        }
      } finally {
        await it.close();
      }
    }
  } finally {
    await snapshot.close();
  }
}

/** Keys one raw record into `ws`; throws CORRUPTION when its bytes do not decode or disagree with its id. */
function stage(ws: WriteSet, staged: Set<string>, syncId: string, rec: RawRecord): Buffer {
  const kind = KIND_OF[rec.kind];
  if (kind === undefined) throw new StorageError('INVALID_ARGUMENT', `unknown record kind ${String(rec.kind)}`);
  if (typeof rec.id !== 'string' || rec.id === '' || !Number.isSafeInteger(rec.discoveredAt) || !(rec.data instanceof Uint8Array)) {
    throw new StorageError('INVALID_ARGUMENT', `malformed raw ${rec.kind} record`);
  }
  let k: Buffer;
  let typeId: string | undefined;
  const spec = SPECS[kind];
  if (spec === undefined) {
    k = key(Kind.asset, syncId, rec.id);
  } else {
    const record = spec.decode(rec.data);
    if (spec.rawId(record) !== rec.id) {
      throw new StorageError('CORRUPTION', `${rec.kind} ${JSON.stringify(rec.id)}: its bytes hold another id`);
    }
    k = primaryKey(spec, syncId, record);
    for (const idx of spec.indexKeys(syncId, record)) ws.put(idx, EMPTY);
    if (kind === Kind.resource) typeId = (decodeKey(k).parts[1] as Buffer).toString('utf8');
  }
  const id = k.toString('latin1');
  if (staged.has(id)) throw new StorageError('CORRUPTION', `duplicate ${rec.kind} ${JSON.stringify(rec.id)}`);
  staged.add(id);
  ws.put(k, encodeEnvelope(rec.discoveredAt, rec.contentType ?? '', rec.data));
  ws.count(countKey(syncId, kind), 1);
  if (typeId !== undefined) ws.count(countByTypeKey(syncId, typeId), 1);
  return k;
}

/** Throws CORRUPTION when an earlier batch already loaded one of `keys`; then empties `keys` and `staged`. */
async function checkFresh(db: Db, keys: Buffer[], staged: Set<string>): Promise<void> {
  const seen = keys.length === 0 ? [] : await db.hasMany(keys);
  const dup = seen.findIndex((s) => s);
  if (dup !== -1) throw new StorageError('CORRUPTION', `duplicate record ${(keys[dup] as Buffer).toString('hex')}`);
  keys.length = 0;
  staged.clear();
}

/** Throws INVALID_ARGUMENT unless `run` is a well-formed sync run. */
function checkRun(run: SyncRun): void {
  const ok =
    typeof run === 'object' &&
    run !== null &&
    typeof run.id === 'string' &&
    run.id !== '' &&
    Number.isSafeInteger(run.startedAt) &&
    (run.endedAt === undefined || Number.isSafeInteger(run.endedAt)) &&
    typeof run.syncToken === 'string' &&
    typeof run.parentSyncId === 'string' &&
    (SYNC_TYPES as readonly string[]).includes(run.syncType);
  if (!ok) throw new StorageError('INVALID_ARGUMENT', 'rawLoadSync: malformed sync run');
}

/** Loads `run` and its records; the run's id must be new (INVALID_ARGUMENT otherwise). */
export async function rawLoadSync(db: Db, runs: ReadonlyMap<string, SyncRun>, run: SyncRun, records: AsyncIterable<RawRecord>): Promise<void> {
  checkRun(run);
  if (runs.has(run.id)) throw new StorageError('INVALID_ARGUMENT', `sync ${JSON.stringify(run.id)} exists already`);
  await markPending(db, run.id);
  try {
    const ws = new WriteSet();
    const keys: Buffer[] = [];
    const staged = new Set<string>();
    for await (const rec of records) {
      keys.push(stage(ws, staged, run.id, rec));
      if (keys.length >= LOAD_BATCH) {
        await checkFresh(db, keys, staged);
        await ws.commit(db);
      }
    }
    await checkFresh(db, keys, staged);
    writeRun(ws, run);
    ws.del(pendingKey(run.id));
    await ws.commit(db);
  } catch (err) {
    await abandonSync(db, run.id).catch(() => undefined);
    throw err;
  }
}
