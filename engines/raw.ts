/**
 * Bulk access below the contract: every engine can stream a sync's stored records out and load a whole sync in, as
 * stored (ids, timestamps, tokens, discovered_at and protobuf bytes kept). Import, export, clone and replay-c1z are
 * built on it. It bypasses the contract's lifecycle rules on purpose and is not compared by the harness.
 */
import type { Micros, RecordKind, SyncRun } from '../models/types';

/** One stored record as bytes. */
export interface RawRecord {
  readonly kind: RecordKind;
  /** The identity inside its sync: the record id; for a resource its `type:id` external id. */
  readonly id: string;
  readonly discoveredAt: Micros;
  /** Deterministic protobuf bytes; for an asset, its bytes. */
  readonly data: Uint8Array;
  /** Assets only. */
  readonly contentType?: string;
}

/** Bulk, as-stored access to an engine's syncs. */
export interface RawStore {
  /** Every sync run, in listSyncRuns order. */
  rawSyncRuns(): Promise<SyncRun[]>;
  /** Streams every record of one sync (all kinds), without holding the sync in memory. */
  rawRecords(syncId: string): AsyncIterable<RawRecord>;
  /** Writes a sync run and its records as given, in batches; a run whose id exists already is INVALID_ARGUMENT. */
  rawLoadSync(run: SyncRun, records: AsyncIterable<RawRecord>): Promise<void>;
}

