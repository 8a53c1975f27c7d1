/**
 * Bulk access below the contract: every engine can stream a sync's stored records out and load a whole sync in, as
 * stored (ids, timestamps, tokens, discovered_at and protobuf bytes kept). Import, export, clone and replay-c1z are
 * built on it. It bypasses the contract's lifecycle rules on purpose and is not compared by the harness.
 */
import type { Micros, RecordKind, SyncRun } from '../types';

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

/**
 * What a store being filled by a bulk writer (import, clone) records until its last sync is in (SPEC §6): a store
 * with it is refused as CORRUPTION by a normal open, and the error names how to resume or remove it.
 */
export interface BulkNote {
  /** The writer: `import`, `clone`, ... */
  readonly writer: string;
  /** Where its syncs come from. */
  readonly source: string;
  /** The command that resumes it, when it can be resumed. */
  readonly resume?: string;
}

/** Bulk, as-stored access to an engine's syncs. */
export interface RawStore {
  /** Every sync run, in listSyncRuns order. */
  rawSyncRuns(): Promise<SyncRun[]>;
  /** Streams every record of one sync (all kinds), without holding the sync in memory. */
  rawRecords(syncId: string): AsyncIterable<RawRecord>;
  /** Writes a sync run and its records as given, in batches; a run whose id exists already is INVALID_ARGUMENT. */
  rawLoadSync(run: SyncRun, records: AsyncIterable<RawRecord>): Promise<void>;
  /**
   * The note of the interrupted bulk writer whose store this is (opened with `openIncomplete`), if any. Engines whose
   * stores appear only when complete (a c1z is renamed into place at close) have no such state and omit it.
   */
  rawIncomplete?(): BulkNote | undefined;
  /** Clears the incomplete mark once a bulk writer's last sync is in. */
  rawFinishBulk?(): Promise<void>;
}

