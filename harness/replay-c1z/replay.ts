/**
 * replay-c1z in bounded memory: checks the file's filter columns against its data, then, one sync at a time and one
 * bounded chunk of it at a time, loads the chunk (with every sync run of the file, so store-wide reads see them all)
 * into a fresh store of every engine and compares every reader on it by digest. Memory holds one chunk per engine at
 * most, and the work per reader is linear in the data.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../../models/contract/api';
import type { RawRecord } from '../../models/contract/raw';
import { asRawStore } from '../../engines/base/transfer';
import { dropMemoryStore } from '../../models/reference';
import type { SyncRun } from '../../models/types';
import type { Divergence } from '../../engines/compare';
import { ENGINE_FACTORIES, type EngineName } from '../../engines/registry/engine-registry';
import { SequentialSyncIds } from '../runner/sync-ids';
import { compareChunk } from './chunk-compare';
import { C1zSource, type SyncChunk } from './c1z-source';
import { checkFilterColumns, type ColumnCheck } from './column-check';
import type { NamedEngine } from './record-diff';

/** How a replay runs. */
export interface ReplayOptions {
  readonly engines: readonly EngineName[];
  /** At most this many sampled values per filter and chunk (default 50). */
  readonly maxFilterValues?: number;
  /** At most this many records of one sync are loaded at once (default 50,000). */
  readonly chunkRecords?: number;
  /** The clock the stores are opened with (reads name their sync, so it only matters for timestamps of nothing). */
  readonly clock: () => number;
  readonly onProgress?: (line: string) => void;
  /** Measures each engine's load and reads (an `engines/metrics` wrapper); none unless asked for. */
  readonly metrics?: (name: string, engine: Engine) => Engine;
  /** Built-in faults (engines/base/faults.ts) to open an engine with, to see a replay catch them. */
  readonly faults?: Partial<Record<EngineName, readonly string[]>>;
}

/** What a replay found. */
export interface ReplayResult {
  readonly syncs: number;
  readonly records: number;
  /** Reads compared across the engines. */
  readonly entries: number;
  readonly divergences: Divergence[];
  /** Per engine: one `key value` line per compared read (lists by digest). */
  readonly histories: Record<string, string[]>;
  /** Rows whose filter columns disagree with their data. */
  readonly columns: ColumnCheck;
}

/** The default bound on sampled values per filter: keeps a replay's filtered reads to a few hundred per chunk. */
export const DEFAULT_MAX_FILTER_VALUES = 50;
/** The default chunk size: one chunk of grants in the reference model stays within a few hundred MB. */
export const DEFAULT_CHUNK_RECORDS = 50_000;
const MAX_DIVERGENCES = 10;

async function* nothing(): AsyncGenerator<RawRecord> {
  // A sync run loaded without records (only its chunk's sync carries records).
}

/** Records the asset ids of a chunk as they stream into the first engine. */
async function* noting(records: AsyncIterable<RawRecord>, assetIds: string[]): AsyncGenerator<RawRecord> {
  for await (const r of records) {
    if (r.kind === 'asset' && assetIds.length < 50) assetIds.push(r.id);
    yield r;
  }
}

/** Replays `file` into every engine of `options`, chunk by chunk, and compares their reads. */
export async function replayC1z(file: string, options: ReplayOptions): Promise<ReplayResult> {
  const progress = options.onProgress ?? ((): void => undefined);
  const source = await C1zSource.open(file);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'c1z-parity-replay-'));
  const histories: Record<string, string[]> = Object.fromEntries(options.engines.map((n) => [n, []]));
  const divergences: Divergence[] = [];
  let entries = 0;
  let records = 0;
  try {
    progress(`checking the filter columns of ${path.basename(file)}`);
    const columns = checkFilterColumns(source.db, 20, (rows) => {
      if (rows % 100_000 === 0) progress(`checking the filter columns: ${rows} rows`);
    });
    const runs = source.syncRuns();
    let stores = 0;
    for (const run of runs) {
      for (const chunk of source.chunks(run.id, options.chunkRecords ?? DEFAULT_CHUNK_RECORDS)) {
        if (divergences.length >= MAX_DIVERGENCES) break;
        const at = chunk.index === 0 && chunk.records < (options.chunkRecords ?? DEFAULT_CHUNK_RECORDS) ? `sync ${run.id}` : `sync ${run.id} part ${chunk.index + 1}`;
        const assetIds: string[] = [];
        const opened: (NamedEngine & { location: string })[] = [];
        try {
          for (const name of options.engines) {
            progress(`${at}: loading ${chunk.records} records into ${name}`);
            const factory = ENGINE_FACTORIES[name];
            const location = factory.locationIn(workDir, `${name}-${++stores}`);
            const ids = new SequentialSyncIds();
            const raw = await factory.open(location, { clock: options.clock, newSyncId: () => ids.next(), durable: false, ...(options.faults?.[name] ? { faults: options.faults[name] } : {}) });
            const engine = options.metrics ? options.metrics(name, raw) : raw;
            opened.push({ name, engine, location });
            await loadChunk(source, asRawStore(engine), runs, chunk, opened.length === 1 ? assetIds : undefined);
          }
          progress(`${at}: comparing every reader on ${options.engines.join(', ')}`);
          const found = await compareChunk(
            { opIndex: 0, op: `replay-c1z ${path.basename(file)}`, method: 'snapshot' },
            { syncId: run.id, at, storeWide: stores === options.engines.length, assetIds, maxFilterValues: options.maxFilterValues ?? DEFAULT_MAX_FILTER_VALUES, maxGets: 20, maxDivergences: MAX_DIVERGENCES - divergences.length },
            opened,
          );
          entries += found.entries;
          divergences.push(...found.divergences);
          for (const [name, lines] of Object.entries(found.lines)) histories[name]?.push(...lines);
          records += chunk.records;
        } finally {
          for (const o of opened) await discard(o.engine, o.location);
        }
      }
    }
    return { syncs: runs.length, records, entries, divergences: divergences.slice(0, MAX_DIVERGENCES), histories, columns };
  } finally {
    await source.close().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Loads every sync run of the file into `store`, with records only in the chunk's own sync. */
async function loadChunk(source: C1zSource, store: ReturnType<typeof asRawStore>, runs: readonly SyncRun[], chunk: SyncChunk, assetIds: string[] | undefined): Promise<void> {
  for (const run of runs) {
    const records = run.id !== chunk.syncId ? nothing() : assetIds === undefined ? source.records(chunk) : noting(source.records(chunk), assetIds);
    await store.rawLoadSync(run, records);
  }
}

/** Closes a chunk's store and removes it (a memory store is dropped from the process). */
async function discard(engine: Engine, location: string): Promise<void> {
  if (!engine.closed) await engine.close().catch(() => undefined);
  dropMemoryStore(location);
  await rm(location, { recursive: true, force: true });
}
