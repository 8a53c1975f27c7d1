/**
 * Loads every sync of a real c1z file into a fresh store of every engine (as stored: ids, times, tokens, bytes) and
 * compares every reader on every sync across them through a tee, with every filter value present in the data.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { ownedDirPrefix } from '../../engines/leftovers/stale';
import path from 'node:path';
import type { Engine } from '../../engines/api';
import { sqliteFactory } from '../../engines/sqlite';
import { TeeEngine } from '../../engines/tee';
import { asRawStore, copySyncs } from '../../engines/transfer';
import { dropMemoryStore } from '../../models/reference';
import type { Divergence } from '../compare';
import { ENGINE_FACTORIES, type EngineName } from './engine-registry';
import { snapshotDivergences } from './compare-snapshots';
import { SequentialSyncIds } from './sync-ids';
import { takeSnapshot } from './snapshot';

/** How a replay runs. */
export interface ReplayOptions {
  readonly engines: readonly EngineName[];
  /** At most this many values per filter (default: all of them). */
  readonly maxFilterValues?: number;
  /** The clock the stores are opened with (reads name their sync, so it only matters for timestamps of nothing). */
  readonly clock: () => number;
  readonly onProgress?: (line: string) => void;
  /** Measures each engine's load and reads (an `engines/metrics` wrapper); none unless asked for. */
  readonly metrics?: (name: string, engine: Engine) => Engine;
}

/** What a replay found. */
export interface ReplayResult {
  readonly syncs: number;
  readonly records: number;
  readonly entries: number;
  readonly divergences: Divergence[];
  /** One line per engine: `engine: N entries`. */
  readonly histories: Record<string, string[]>;
}

/** Replays `file` into every engine of `options` and compares their snapshots. */
export async function replayC1z(file: string, options: ReplayOptions): Promise<ReplayResult> {
  const workDir = await mkdtemp(ownedDirPrefix('c1z-parity-replay'));
  const ids = new SequentialSyncIds();
  const engineOptions = { clock: options.clock, newSyncId: () => ids.next(), durable: false };
  const opened: { name: EngineName; engine: Engine; location: string }[] = [];
  const source = asRawStore(await sqliteFactory.open(file, engineOptions));
  try {
    let syncs = 0;
    let records = 0;
    for (const name of options.engines) {
      const factory = ENGINE_FACTORIES[name];
      const location = factory.locationIn(workDir, name);
      const opening = await factory.open(location, engineOptions);
      const engine = options.metrics ? options.metrics(name, opening) : opening;
      opened.push({ name, engine, location });
      options.onProgress?.(`loading ${path.basename(file)} into ${name}`);
      const copied = await copySyncs(source, asRawStore(engine));
      syncs = copied.syncs;
      records = copied.records;
    }
    options.onProgress?.(`reading every list of ${opened.map((o) => o.name).join(', ')} through a tee`);
    const tee = new TeeEngine(
      opened.map((o) => o.engine),
      { sink: () => undefined, labels: opened.map((o) => o.name) },
    );
    const ctx = { opIndex: 0, op: `replay-c1z ${path.basename(file)}`, method: 'snapshot' };
    const snap = await takeSnapshot(tee, ctx, { maxFilterValues: options.maxFilterValues ?? Number.MAX_SAFE_INTEGER, maxGets: 200 });
    const divergences = snapshotDivergences(ctx, snap);
    const histories = Object.fromEntries(snap.engines.map((s) => [s.engine, [...s.snapshot.entries.keys()].sort().map((k) => `${k}`)]));
    return { syncs, records, entries: snap.engines[0]?.snapshot.entries.size ?? 0, divergences, histories };
  } finally {
    await source.close().catch(() => undefined);
    for (const o of opened) {
      if (!o.engine.closed) await o.engine.close().catch(() => undefined);
      dropMemoryStore(o.location);
    }
    await rm(workDir, { recursive: true, force: true });
  }
}
