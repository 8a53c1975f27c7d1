/**
 * Judges full snapshots: the tee's comparison across engines and each engine's own invariants, a store against its
 * own earlier snapshot (reopen) or a clone, and a store against itself exported to a c1z and read back.
 */
import { rm } from 'node:fs/promises';
import type { Engine } from '../../models/contract/api';
import { sqliteFactory } from '../../engines/sqlite';
import type { RawStore } from '../../models/contract/raw';
import { asRawStore, copySyncs } from '../../engines/base/transfer';
import { compareTwo, invariantDivergence, jsonText, normalizeSyncRun, sameJson, toHex, type Divergence, type Json, type OpContext } from '../../engines/compare';
import type { EngineSlot } from './engine-slot';
import { runTee } from './run-tee';
import { SequentialSyncIds } from './sync-ids';
import { takeSnapshot, type Snapshot, type SnapshotViolation, type TeeSnapshot } from './snapshot';
import type { SnapshotBounds } from './snapshot-bounds';

/** At most this many divergences are reported from one snapshot comparison (the first ones tell the story). */
const MAX_SNAPSHOT_DIVERGENCES = 10;

const MISSING: Json = { missing: 'no such entry in this snapshot' };

/** An engine's own broken invariant; when it has two sides, only the records that differ between them are kept. */
function violationDivergence(ctx: OpContext, engine: string, v: SnapshotViolation): Divergence {
  const base = invariantDivergence(ctx, engine, 'snapshot', v.detail);
  if (v.expected === undefined || v.actual === undefined) return base;
  const minimal = compareTwo(ctx, { engine, value: v.expected }, { engine, value: v.actual });
  return { ...base, expected: minimal?.expected ?? v.expected, actual: minimal?.actual ?? v.actual, detail: minimal?.detail ? `${v.detail}: ${minimal.detail}` : v.detail };
}

/** The divergences of a tee snapshot: each engine's own broken invariants, then what the tee found across engines. */
export function snapshotDivergences(ctx: OpContext, snap: TeeSnapshot): Divergence[] {
  const found: Divergence[] = [];
  for (const s of snap.engines) {
    for (const v of s.snapshot.violations) found.push(violationDivergence(ctx, s.engine, v));
  }
  return [...found, ...snap.divergences].slice(0, MAX_SNAPSHOT_DIVERGENCES);
}

/** Entries of `actual` that differ from `expected` (both one engine's), as invariant divergences. */
export function diffOwnSnapshots(ctx: OpContext, engine: string, rule: string, expected: Snapshot, actual: Snapshot, keyFilter: (key: string) => boolean = () => true): Divergence[] {
  const found: Divergence[] = [];
  const keys = [...new Set([...expected.entries.keys(), ...actual.entries.keys()])].filter(keyFilter).sort();
  for (const key of keys) {
    const a = expected.entries.get(key) ?? MISSING;
    const b = actual.entries.get(key) ?? MISSING;
    if (!sameJson(a, b)) {
      found.push({ ...invariantDivergence(ctx, engine, rule, `${key} differs`), expected: a, actual: b });
      if (found.length >= MAX_SNAPSHOT_DIVERGENCES) break;
    }
  }
  return found;
}

/** Every sync run and record of a store as canonical lines (bytes as hex), in a stable order. */
async function rawLines(store: RawStore): Promise<string[]> {
  const lines: string[] = [];
  for (const run of await store.rawSyncRuns()) {
    lines.push(`run ${jsonText(normalizeSyncRun(run))}`);
    const records: string[] = [];
    for await (const r of store.rawRecords(run.id)) {
      records.push(`${run.id} ${r.kind} ${JSON.stringify(r.id)} t=${r.discoveredAt} ${r.contentType === undefined ? '' : `type=${JSON.stringify(r.contentType)} `}${toHex(r.data)}`);
    }
    lines.push(...records.sort());
  }
  return lines;
}

/**
 * Exports an engine's store to a c1z, reads it back with the SQLite engine and returns the first stored record that
 * differs (as bytes: every reader derives from them), or undefined when the export is faithful.
 */
async function exportDifference(slot: EngineSlot, engine: Engine, clock: () => number): Promise<{ expected: string; actual: string } | undefined> {
  const location = sqliteFactory.locationIn(slot.workDir, `${slot.name}-export`);
  const ids = new SequentialSyncIds();
  const options = { clock, newSyncId: () => ids.next(), durable: false, tmpDir: slot.tmpDir };
  try {
    const out = asRawStore(await sqliteFactory.open(location, options));
    try {
      await copySyncs(asRawStore(engine), out);
    } finally {
      await out.close();
    }
    const back = asRawStore(await sqliteFactory.open(location, options));
    try {
      const want = await rawLines(asRawStore(engine));
      const got = await rawLines(back);
      for (let i = 0; i < Math.max(want.length, got.length); i += 1) {
        if (want[i] !== got[i]) return { expected: want[i] ?? '(nothing)', actual: got[i] ?? '(nothing)' };
      }
      return undefined;
    } finally {
      await back.close();
    }
  } finally {
    await rm(location, { recursive: true, force: true });
  }
}

/** Options of `compareSnapshots`. */
export interface CompareSnapshotOptions {
  /** Also export each store to a c1z and check that it reads back the same (slow: end of run only). */
  readonly exportRoundTrip?: boolean;
  /** The run's clock, for the exported store. */
  readonly clock?: () => number;
  /** Which syncs to snapshot (default all). */
  readonly syncs?: 'all' | 'latest' | 'none';
  /** Read big syncs by sample (snapshots during a run); absent: read everything. */
  readonly bounds?: SnapshotBounds;
}

/** What comparing snapshots found, and the size of the store it read. */
export interface SnapshotComparison {
  readonly divergences: Divergence[];
  /** The records the reference's stats count over the syncs read (see TeeSnapshot.records). */
  readonly records: number;
}

/** Snapshots every open engine of the run through a tee, and optionally checks the c1z export round trip. */
export async function compareSnapshots(slots: readonly EngineSlot[], ctx: OpContext, assetIds: readonly string[], options: CompareSnapshotOptions = {}): Promise<SnapshotComparison> {
  const open = slots.filter((s) => !s.engine.closed);
  if (open.length === 0) return { divergences: [], records: 0 };
  const snap = await takeSnapshot(runTee(open), ctx, { assetIds, syncs: options.syncs ?? 'all', ...(options.bounds ? { bounds: options.bounds } : {}) });
  const found = snapshotDivergences(ctx, snap);
  if (options.exportRoundTrip && found.length === 0) {
    for (const slot of open) {
      const diff = await exportDifference(slot, slot.engine, options.clock ?? (() => 0));
      if (diff !== undefined) {
        found.push({ ...invariantDivergence({ ...ctx, op: `${ctx.op} [c1z export]` }, slot.name, 'c1z export reads back differently', 'the first stored record that differs'), ...diff });
      }
    }
  }
  return { divergences: found, records: snap.records };
}
