/**
 * The SQLite engine: a c1z file opened as a working copy (better-sqlite3, synchronous), the v1 schema of SPEC §8,
 * every write hook one transaction. Contract rules live in AbstractEngine; this class only stores and reads.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  AbstractEngine,
  type EntitlementGrantFilter,
  type PageArgs,
  type PrincipalGrantFilter,
  type ResourceFilter,
  type ResourceScopeFilter,
} from '../base/abstract-engine';
import type { AssetRead, EngineOptions, Page, Stats, Stored, Supports, VerifyReport } from '../../models/contract/api';
import { compressC1z } from '../c1z/container';
import { StorageError } from '../../models/contract/errors';
import { activeFaults } from '../base/faults';
import type { PreparedEntitlement, PreparedGrant, PreparedResource, PreparedResourceType } from '../base/prepared';
import type { RawRecord, RawStore } from '../../models/contract/raw';
import { compareSyncRuns } from '../base/sync-rules';
import type { Entitlement, Grant, Micros, Resource, ResourceId, ResourceType, SyncRun } from '../../models/types';
import { LOAD_BATCH, streamSyncRecords, writeRawBatch } from './raw';
import { Readers } from './readers';
import { fromSqliteError } from './sqlite-errors';
import { StatementCache } from './statements';
import { pageSyncRuns } from './sync-run-paging';
import { SyncRunStore } from './sync-runs';
import { RECORD_TABLES, entitlementColumns, grantColumns, resourceColumns, resourceTypeColumns } from './tables';
import { copyDiffRows, deleteSyncRows, writeSyncCopy } from './whole-sync';
import { verifyDatabase } from './verify';
import type { EngineFigures } from '../base/figures';
import { sqliteFigures } from './sqlite-figures';
import { closeWorkingCopy, openWorkingCopy, pathExists, withTempDir, type WorkingCopy } from './working-copy';
import { deleteGrantRow, writeRows, type RowToWrite } from './writers';

/** What the SQLite engine can do. */
export const SQLITE_SUPPORTS: Supports = { persistence: true, reopen: true, clone: true, c1z: true };

/** A c1z store on better-sqlite3 (SPEC §8), with bulk access. */
export class SqliteEngine extends AbstractEngine implements RawStore {
  readonly name = 'sqlite';
  readonly supports = SQLITE_SUPPORTS;

  private readonly db: Database;
  private readonly stmts: StatementCache;
  private readonly runs: SyncRunStore;
  private readonly readers: Readers;
  /** Set by compact(): the VACUUMed working copy is written back at close even when no record changed. */
  private compacted = false;

  private constructor(
    options: EngineOptions,
    private readonly copy: WorkingCopy,
  ) {
    super(options);
    this.db = copy.db;
    this.stmts = new StatementCache(copy.db);
    this.runs = new SyncRunStore(this.stmts, this.fault('sync-times-millis'));
    this.readers = new Readers(this.stmts, (name) => this.fault(name));
  }

  /** Opens the c1z at `location`, or starts an empty store that `close()` writes there. */
  static async open(location: string, options: EngineOptions): Promise<SqliteEngine> {
    activeFaults(options.faults, 'sqlite');
    if (location === '') throw new StorageError('INVALID_ARGUMENT', 'the store location is empty');
    return new SqliteEngine(options, await openWorkingCopy(location, options.c1zLimits, options.tmpDir));
  }

  /** Runs a public call with SQLite's native failures mapped to CORRUPTION or IO. */
  protected override run<T>(method: string, fn: (now: Micros) => Promise<T>): Promise<T> {
    return super.run(method, async (now) => {
      try {
        return await fn(now);
      } catch (err) {
        throw fromSqliteError(err, method);
      }
    });
  }

  /** Runs `fn` in one transaction; on failure the cached sync runs are dropped, since the rows rolled back. */
  private tx<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (err) {
      this.runs.invalidate();
      throw err;
    }
  }

  // ---- sync runs ----

  protected async _syncRuns(): Promise<readonly SyncRun[]> {
    return this.runs.all();
  }

  protected async _getSyncRun(id: string): Promise<SyncRun | undefined> {
    return this.runs.get(id);
  }

  protected async _insertSyncRun(run: SyncRun): Promise<void> {
    this.tx(() => this.runs.insert(run));
  }

  protected async _updateSyncRun(run: SyncRun): Promise<void> {
    this.tx(() => this.runs.update(run));
  }

  protected async _listSyncRuns(page: PageArgs): Promise<Page<SyncRun>> {
    return pageSyncRuns(this.runs.all(), page, this.fault('sync-runs-reversed'));
  }

  // ---- record writes ----

  private write(kind: keyof typeof RECORD_TABLES, syncId: string, rows: readonly RowToWrite[], ifNewer: boolean, now: Micros): void {
    // Fault: rows written in chunks of 64, the remainder after the last full chunk forgotten.
    const written = this.fault('chunk-remainder-dropped') && rows.length > 64 ? rows.slice(0, rows.length - (rows.length % 64)) : rows;
    this.tx(() => writeRows(this.stmts, RECORD_TABLES[kind], syncId, written, ifNewer, now, this.fault('ifnewer-tie-written')));
  }

  protected async _putResourceTypes(syncId: string, items: readonly PreparedResourceType[], ifNewer: boolean, now: Micros): Promise<void> {
    this.write('resourceType', syncId, items.map((i) => ({ columns: resourceTypeColumns(i.record), data: i.data })), ifNewer, now);
  }

  protected async _putResources(syncId: string, items: readonly PreparedResource[], ifNewer: boolean, now: Micros): Promise<void> {
    this.write('resource', syncId, items.map((i) => ({ columns: resourceColumns(i.record), data: i.data })), ifNewer, now);
  }

  protected async _putEntitlements(syncId: string, items: readonly PreparedEntitlement[], ifNewer: boolean, now: Micros): Promise<void> {
    this.write('entitlement', syncId, items.map((i) => ({ columns: entitlementColumns(i.record), data: i.data })), ifNewer, now);
  }

  protected async _putGrants(syncId: string, items: readonly PreparedGrant[], ifNewer: boolean, now: Micros): Promise<void> {
    this.write('grant', syncId, items.map((i) => ({ columns: grantColumns(i.record), data: i.data })), ifNewer, now);
  }

  protected async _deleteGrant(syncId: string, id: string): Promise<boolean> {
    const deleted = this.tx(() => deleteGrantRow(this.stmts, syncId, id));
    if (!deleted && this.fault('delete-missing-grant-error')) throw new StorageError('NOT_FOUND', `grant ${JSON.stringify(id)} not found`);
    return deleted;
  }

  protected async _putAsset(syncId: string, id: string, contentType: string, data: Uint8Array, now: Micros): Promise<void> {
    if (data.length === 0 && this.fault('empty-asset-skipped')) return;
    if (this.fault('asset-type-not-updated')) contentType = this.readers.getAsset(syncId, id)?.contentType ?? contentType;
    this.write('asset', syncId, [{ columns: { external_id: id, content_type: contentType }, data }], false, now);
  }

  // ---- readers ----

  protected async _listResourceTypes(syncId: string, page: PageArgs): Promise<Page<Stored<ResourceType>>> {
    return this.readers.listResourceTypes(syncId, page);
  }

  protected async _listResources(syncId: string, filter: ResourceFilter, page: PageArgs): Promise<Page<Stored<Resource>>> {
    return this.readers.listResources(syncId, filter, page);
  }

  protected async _listEntitlements(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Entitlement>>> {
    return this.readers.listEntitlements(syncId, filter, page);
  }

  protected async _listGrants(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return this.readers.listGrants(syncId, filter, page);
  }

  protected async _listGrantsForEntitlement(syncId: string, filter: EntitlementGrantFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return this.readers.listGrantsForEntitlement(syncId, filter, page);
  }

  protected async _listGrantsForPrincipal(syncId: string, filter: PrincipalGrantFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return this.readers.listGrantsForPrincipal(syncId, filter, page);
  }

  protected async _listGrantsForResourceType(syncId: string, resourceTypeId: string, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return this.readers.listGrantsForResourceType(syncId, resourceTypeId, page);
  }

  protected async _getResourceType(syncId: string, id: string): Promise<Stored<ResourceType> | undefined> {
    return this.readers.getResourceType(syncId, id);
  }

  protected async _getResource(syncId: string, id: ResourceId): Promise<Stored<Resource> | undefined> {
    return this.readers.getResource(syncId, id);
  }

  protected async _getEntitlement(syncId: string, id: string): Promise<Stored<Entitlement> | undefined> {
    return this.readers.getEntitlement(syncId, id);
  }

  protected async _getGrant(syncId: string, id: string): Promise<Stored<Grant> | undefined> {
    return this.readers.getGrant(syncId, id);
  }

  protected async _getAsset(syncId: string, id: string): Promise<AssetRead | undefined> {
    return this.readers.getAsset(syncId, id);
  }

  protected async _stats(syncId: string): Promise<Stats> {
    return this.readers.stats(syncId);
  }

  // ---- whole-sync operations ----

  protected async _generateSyncDiff(base: SyncRun, applied: SyncRun, created: SyncRun): Promise<void> {
    this.tx(() => {
      this.runs.insert(created);
      copyDiffRows(this.db, this.stmts, base.id, applied.id, created.id, this.fault('diff-includes-changed'));
    });
  }

  protected async _cloneSync(run: SyncRun, destination: string): Promise<void> {
    // The store's own location counts as taken even before its first save writes the file.
    if (path.resolve(destination) === path.resolve(this.copy.location) || (await pathExists(destination))) {
      throw new StorageError('INVALID_ARGUMENT', `clone destination ${destination} exists`);
    }
    // Checked before the copy is made, as the LevelDB engine checks it: a missing folder is never created.
    const parent = path.dirname(path.resolve(destination));
    const parentIsDir = await fs.stat(parent).then((s) => s.isDirectory(), () => undefined);
    if (parentIsDir !== true) {
      throw new StorageError('IO', `cannot create ${destination}: ${parentIsDir === undefined ? `the folder ${parent} does not exist` : `${parent} is not a folder`}`);
    }
    await withTempDir(async (dir) => {
      const clonePath = path.join(dir, 'clone.db');
      writeSyncCopy(this.copy.dbPath, clonePath, run.id, this.fault('clone-drops-assets'), this.copy.shape);
      await compressC1z(clonePath, destination, { durable: this.options.durable ?? true });
    }, this.options.tmpDir);
  }

  protected async _deleteSyncs(ids: readonly string[]): Promise<void> {
    this.tx(() => deleteSyncRows(this.db, this.stmts, ids));
    this.runs.invalidate();
  }

  protected async _compact(): Promise<void> {
    this.db.exec('VACUUM');
    this.compacted = true;
  }

  protected async _verify(): Promise<VerifyReport> {
    return verifyDatabase(this.db);
  }

  protected async _close(): Promise<void> {
    this.stmts.clear();
    await closeWorkingCopy(this.copy, this.dirty || this.copy.isNew || this.compacted, this.options.durable ?? true);
  }

  /** Page, freelist and cache figures from SQLite's pragmas and dbstat, and the working copy's and c1z's sizes. */
  engineFigures(): Promise<EngineFigures> {
    return this.run('engineFigures', async () => sqliteFigures(this.db, this.copy.dbPath, this.copy.location));
  }

  // ---- bulk access (RawStore) ----

  /** Every sync run in listSyncRuns order. */
  rawSyncRuns(): Promise<SyncRun[]> {
    return this.run('rawSyncRuns', async () => [...this.runs.all()].sort(compareSyncRuns));
  }

  /** Streams one sync's records in chunks; NOT_FOUND for an unknown sync, CLOSED once the store closes. */
  async *rawRecords(syncId: string): AsyncGenerator<RawRecord> {
    const checkOpen = (): void => {
      if (this.closed) throw new StorageError('CLOSED', 'rawRecords: the store is closed');
    };
    checkOpen();
    try {
      if (this.runs.get(syncId) === undefined) throw new StorageError('NOT_FOUND', `sync ${JSON.stringify(syncId)} not found`);
      yield* streamSyncRecords(this.stmts, syncId, checkOpen);
    } catch (err) {
      throw fromSqliteError(err, 'rawRecords');
    }
  }

  /** Loads a sync run and its records atomically (one transaction, batches as savepoints). */
  rawLoadSync(run: SyncRun, records: AsyncIterable<RawRecord>): Promise<void> {
    return this.run('rawLoadSync', async () => {
      if (this.runs.get(run.id) !== undefined) throw new StorageError('INVALID_ARGUMENT', `sync ${run.id} exists already`);
      // One outer transaction across the awaits: calls on this engine are serialised, so nothing else interleaves.
      this.db.exec('BEGIN');
      try {
        this.runs.insert(run);
        let batch: RawRecord[] = [];
        for await (const record of records) {
          batch.push(record);
          if (batch.length >= LOAD_BATCH) {
            writeRawBatch(this.db, this.stmts, run.id, batch);
            batch = [];
          }
        }
        writeRawBatch(this.db, this.stmts, run.id, batch);
        this.db.exec('COMMIT');
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.runs.invalidate();
        throw err;
      }
      this.markDirty();
    });
  }
}
