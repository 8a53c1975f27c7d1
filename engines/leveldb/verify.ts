/**
 * verify(): walks every primary record (decodes it, checks its key, its index entries, its references and the
 * counters) and every index entry (checks it points at a record that owns it), in chunks so memory stays bounded.
 * It reports and never repairs.
 */
import type { VerifyProblem, VerifyReport } from '../../models/contract/api';
import type { Db } from './db';
import { decodeKey } from './keys';
import {
  countByTypeKey,
  countKey,
  INDEX_KINDS,
  Kind,
  key,
  primaryKeyOfIndex,
  range,
  RECORD_KINDS,
  resourceKey,
  syncByStartKey,
  syncIdOfStartKey,
  type RecordKindByte,
} from './layout';
import { SPECS } from './records';
import { decodeCount, decodeEnvelope, decodeSyncRun } from './values';
import type { Entitlement, Grant } from '../../models/types';

const CHUNK = 1000;

/** The mutable state of one verify pass. */
interface Pass {
  readonly db: Db;
  readonly runs: Map<string, number>;
  readonly problems: VerifyProblem[];
  readonly dangling: VerifyProblem[];
  /** Expected counter values by counter key (latin1). */
  readonly counts: Map<string, { key: Buffer; n: number }>;
  checked: number;
}

const utf8 = (b: Buffer | undefined): string => (b ?? Buffer.alloc(0)).toString('utf8');

/** The sync id of a key, or '' when the key does not decode. */
function syncOf(k: Buffer, at = 0): string {
  try {
    return utf8(decodeKey(k).parts[at]);
  } catch {
    return '';
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Iterates a range in chunks of entries. */
async function eachChunk(db: Db, r: { gte: Buffer; lt: Buffer }, fn: (entries: [Buffer, Buffer][]) => Promise<void>): Promise<void> {
  const it = db.iterator({ gte: r.gte, lt: r.lt });
  try {
    for (let e = await it.nextv(CHUNK); e.length > 0; e = await it.nextv(CHUNK)) await fn(e);
  } finally {
    await it.close();
  }
}

function bump(p: Pass, k: Buffer): void {
  const id = k.toString('latin1');
  const cur = p.counts.get(id);
  if (cur === undefined) p.counts.set(id, { key: k, n: 1 });
  else cur.n += 1;
}

/** Checks sync runs against their start index, and the reverse. */
async function checkRuns(p: Pass): Promise<void> {
  await eachChunk(p.db, range(Kind.syncRun), async (entries) => {
    for (const [k, v] of entries) {
      let id = '';
      try {
        id = utf8(decodeKey(k).parts[0]);
        const run = decodeSyncRun(id, v);
        p.runs.set(id, run.startedAt);
        if (p.db.getSync(syncByStartKey(run.startedAt, id)) === undefined) {
          p.problems.push({ kind: 'missing-index', syncId: id, detail: 'sync run has no started_at index entry' });
        }
      } catch (err) {
        p.problems.push({ kind: 'corrupt-record', syncId: id, detail: `sync run: ${message(err)}` });
      }
    }
  });
  await eachChunk(p.db, range(Kind.syncByStart), async (entries) => {
    for (const [k] of entries) {
      let id = '';
      try {
        id = syncIdOfStartKey(decodeKey(k).parts);
      } catch (err) {
        p.problems.push({ kind: 'corrupt-key', syncId: '', detail: `${k.toString('hex')}: ${message(err)}` });
        continue;
      }
      const started = p.runs.get(id);
      if (started === undefined || !syncByStartKey(started, id).equals(k)) {
        p.problems.push({ kind: 'stale-index', syncId: id, detail: 'started_at index entry without a matching run' });
      }
    }
  });
}

/** The references a record makes to other records of its sync: [what, key]. */
function references(kind: RecordKindByte, syncId: string, record: unknown): Array<[string, Buffer]> {
  if (kind === Kind.entitlement) {
    const e = record as Entitlement;
    return [[`entitlement ${e.id} -> resource`, resourceKey(syncId, e.resource.id)]];
  }
  if (kind === Kind.grant) {
    const g = record as Grant;
    return [
      [`grant ${g.id} -> entitlement ${g.entitlement.id}`, key(Kind.entitlement, syncId, g.entitlement.id)],
      [`grant ${g.id} -> principal`, resourceKey(syncId, g.principal.id)],
    ];
  }
  return [];
}

/** Checks one chunk of primary records of `kind`. */
async function checkRecords(p: Pass, kind: RecordKindByte, entries: [Buffer, Buffer][]): Promise<void> {
  const spec = SPECS[kind];
  const wanted: Array<{ syncId: string; key: Buffer }> = [];
  const refs: Array<{ syncId: string; what: string; key: Buffer }> = [];
  for (const [k, v] of entries) {
    p.checked += 1;
    let syncId = '';
    try {
      const parts = decodeKey(k).parts;
      syncId = utf8(parts[0]);
      if (!p.runs.has(syncId)) p.problems.push({ kind: 'orphan-record', syncId, detail: `record ${k.toString('hex')} has no sync run` });
      bump(p, countKey(syncId, kind));
      if (kind === Kind.resource) bump(p, countByTypeKey(syncId, utf8(parts[1])));
      const data = decodeEnvelope(v).data;
      if (spec === undefined) continue;
      const record = spec.decode(data);
      if (!key(kind, syncId, ...spec.identity(record)).equals(k)) {
        p.problems.push({ kind: 'identity-mismatch', syncId, detail: `${spec.name} ${spec.rawId(record)} is stored under another key` });
      }
      for (const idx of spec.indexKeys(syncId, record)) wanted.push({ syncId, key: idx });
      for (const [what, rk] of references(kind, syncId, record)) refs.push({ syncId, what, key: rk });
    } catch (err) {
      p.problems.push({ kind: 'corrupt-record', syncId, detail: `${k.toString('hex')}: ${message(err)}` });
    }
  }
  const present = wanted.length === 0 ? [] : await p.db.hasMany(wanted.map((w) => w.key));
  wanted.forEach((w, i) => {
    if (present[i] !== true) p.problems.push({ kind: 'missing-index', syncId: w.syncId, detail: `index entry ${w.key.toString('hex')} is missing` });
  });
  const found = refs.length === 0 ? [] : await p.db.hasMany(refs.map((r) => r.key));
  refs.forEach((r, i) => {
    if (found[i] !== true) p.dangling.push({ kind: 'dangling-reference', syncId: r.syncId, detail: `${r.what} is absent` });
  });
}

/** Checks one chunk of index entries of `kind`: each must point at a record that owns it. */
async function checkIndex(p: Pass, kind: number, entries: [Buffer, Buffer][]): Promise<void> {
  const targets: Array<{ index: Buffer; primary: Buffer; syncId: string }> = [];
  for (const [k] of entries) {
    try {
      const parts = decodeKey(k).parts;
      targets.push({ index: k, primary: primaryKeyOfIndex(kind, parts), syncId: utf8(parts[0]) });
    } catch (err) {
      p.problems.push({ kind: 'corrupt-key', syncId: '', detail: `${k.toString('hex')}: ${message(err)}` });
    }
  }
  const values = targets.length === 0 ? [] : await p.db.getMany(targets.map((t) => t.primary));
  targets.forEach((t, i) => {
    const v = values[i];
    if (v === undefined) {
      p.problems.push({ kind: 'stale-index', syncId: t.syncId, detail: `index entry ${t.index.toString('hex')} has no record` });
      return;
    }
    const spec = SPECS[decodeKey(t.primary).kind];
    let owned: Buffer[];
    try {
      owned = spec === undefined ? [] : spec.indexKeys(t.syncId, spec.decode(decodeEnvelope(v).data));
    } catch {
      return; // the record itself is reported as corrupt-record
    }
    if (!owned.some((o) => o.equals(t.index))) {
      p.problems.push({ kind: 'stale-index', syncId: t.syncId, detail: `index entry ${t.index.toString('hex')} does not match its record` });
    }
  });
}

/** Compares stored counters with the counts the record walk found. */
async function checkCounters(p: Pass): Promise<void> {
  for (const kind of [Kind.count, Kind.countByType]) {
    await eachChunk(p.db, range(kind), async (entries) => {
      for (const [k, v] of entries) {
        const id = k.toString('latin1');
        const expected = p.counts.get(id)?.n ?? 0;
        p.counts.delete(id);
        let stored: number | string;
        try {
          stored = decodeCount(v);
        } catch (err) {
          stored = message(err);
        }
        if (stored !== expected) {
          p.problems.push({ kind: 'count-mismatch', syncId: syncOf(k), detail: `counter ${k.toString('hex')} is ${stored}, records say ${expected}` });
        }
      }
    });
  }
  for (const { key: k, n } of p.counts.values()) {
    p.problems.push({ kind: 'count-mismatch', syncId: syncOf(k), detail: `counter ${k.toString('hex')} is missing, records say ${n}` });
  }
}

/** Checks the whole store. */
export async function verifyStore(db: Db): Promise<VerifyReport> {
  const p: Pass = { db, runs: new Map(), problems: [], dangling: [], counts: new Map(), checked: 0 };
  await checkRuns(p);
  for (const kind of RECORD_KINDS) await eachChunk(db, range(kind), (e) => checkRecords(p, kind, e));
  for (const kind of INDEX_KINDS) await eachChunk(db, range(kind), (e) => checkIndex(p, kind, e));
  await checkCounters(p);
  await eachChunk(db, range(Kind.pending), async (entries) => {
    for (const [k] of entries) p.problems.push({ kind: 'pending-sync', syncId: syncOf(k), detail: 'unfinished removal' });
  });
  return { ok: p.problems.length === 0, problems: p.problems, dangling: p.dangling, recordsChecked: p.checked };
}
