/**
 * The LevelDB engine: the abstract engine's hooks over classic-level, with the key layout of `layout.ts`. Sync runs
 * are mirrored in memory (this engine is the only writer of its directory); records, indexes and counters are read
 * from the store. Every hook maps classic-level failures to StorageError.
 */
import { promises as fs } from 'node:fs';
import { AbstractEngine, type EntitlementGrantFilter, type PageArgs, type PrincipalGrantFilter, type ResourceFilter, type ResourceScopeFilter } from '../base/abstract-engine';
import type { AssetRead, EngineOptions, Page, Stats, Stored, Supports, VerifyReport } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import { activeFaults, type FaultName } from '../base/faults';
import type { PreparedEntitlement, PreparedGrant, PreparedResource, PreparedResourceType } from '../base/prepared';
import type { BulkNote, RawRecord, RawStore } from '../../models/contract/raw';
import type { Entitlement, Grant, Micros, Resource, ResourceId, ResourceType, SyncRun } from '../../models/types';
import { compactAll, compactionOwed, deleteSyncs } from './cleanup';
import { copySyncKeys } from './clone';
import { guarded, levelError, type Db } from './db';
import { INCOMPLETE_KEY } from './incomplete';
import { generateSyncDiff } from './diff';
import { Kind } from './layout';
import { openStore } from './open';
import * as raw from './raw';
import * as read from './readers';
import { readStats } from './stats';
import { listSyncRuns, writeRun } from './sync-runs';
import { checkTables, liveTableNames } from './table-check';
import { verifyStore } from './verify';
import type { EngineFigures } from '../base/figures';
import { leveldbFigures } from './leveldb-figures';
import * as write from './writers';
import { WriteSet } from './write-set';

/** What the LevelDB engine supports. */
export const LEVELDB_SUPPORTS: Supports = { persistence: true, reopen: true, clone: true, c1z: false };

/** A storage engine over a classic-level directory. */
export class LeveldbEngine extends AbstractEngine implements RawStore {
  readonly name = 'leveldb';
  readonly supports = LEVELDB_SUPPORTS;

  /** The fault check handed to the writers (test-only faults of issue 5). */
  private readonly faultCheck = (name: FaultName): boolean => this.fault(name);

  private constructor(
    options: EngineOptions,
    private readonly db: Db,
    private readonly runs: Map<string, SyncRun>,
    private readonly location: string,
    private incomplete: BulkNote | undefined,
  ) {
    super(options);
  }

  /** Opens (creating when missing) the store in directory `location`. */
  static async open(location: string, options: EngineOptions): Promise<LeveldbEngine> {
    activeFaults(options.faults, 'leveldb');
    const { db, runs, incomplete } = await openStore(location, options);
    return new LeveldbEngine(options, db, runs, location, incomplete);
  }

  // ---- RawStore ----

  rawIncomplete(): BulkNote | undefined {
    return this.incomplete;
  }

  rawFinishBulk(): Promise<void> {
    return this.run('rawFinishBulk', () =>
      guarded('rawFinishBulk', async () => {
        await this.db.del(INCOMPLETE_KEY);
        this.incomplete = undefined;
      }),
    );
  }

  rawSyncRuns(): Promise<SyncRun[]> {
    return this.run('rawSyncRuns', () => guarded('rawSyncRuns', async () => this.orderedRuns()));
  }

  async *rawRecords(syncId: string): AsyncIterable<RawRecord> {
    if (this.closed) throw new StorageError('CLOSED', 'rawRecords: the store is closed');
    try {
      yield* raw.rawRecords(this.db, syncId);
    } catch (err) {
      if (this.closed) throw new StorageError('CLOSED', 'rawRecords: the store was closed', { cause: err });
      throw levelError(err, 'rawRecords');
    }
  }

  rawLoadSync(run: SyncRun, records: AsyncIterable<RawRecord>): Promise<void> {
    return this.run('rawLoadSync', () =>
      guarded('rawLoadSync', async () => {
        await raw.rawLoadSync(this.db, this.runs, run, records);
        this.runs.set(run.id, run);
        this.markDirty();
      }),
    );
  }

  /** Loads `run` into this (new) store by copying every key it owns in `src` verbatim: what cloneSync writes. */
  private copySyncFrom(src: Db, run: SyncRun): Promise<void> {
    return this.run('cloneSync', () =>
      guarded('cloneSync', async () => {
        await copySyncKeys(src, this.db, this.runs, run);
        this.runs.set(run.id, run);
        this.markDirty();
      }),
    );
  }

  /** Every run in listSyncRuns order (the start index). */
  private async orderedRuns(): Promise<SyncRun[]> {
    const all: SyncRun[] = [];
    let token = '';
    do {
      const page = await listSyncRuns(this.db, this.runs, { size: 10_000, token });
      all.push(...page.items);
      token = page.nextPageToken;
    } while (token !== '');
    return all;
  }

  // ---- sync runs ----

  protected async _syncRuns(): Promise<readonly SyncRun[]> {
    return [...this.runs.values()];
  }

  protected async _getSyncRun(id: string): Promise<SyncRun | undefined> {
    return this.runs.get(id);
  }

  private async storeRun(given: SyncRun): Promise<void> {
    // Fault: a 16-bit token length, so a longer token is cut.
    const run = this.fault('sync-token-truncated') && given.syncToken.length > 0xffff ? { ...given, syncToken: given.syncToken.slice(0, 0xffff) } : given;
    const ws = new WriteSet();
    writeRun(ws, run, this.runs.get(run.id), this.fault('sync-index-little-endian'));
    await ws.commit(this.db);
    this.runs.set(run.id, run);
  }

  protected _insertSyncRun(run: SyncRun): Promise<void> {
    return guarded('insertSyncRun', async () => {
      if (this.runs.has(run.id)) throw new StorageError('IO', `newSyncId returned ${JSON.stringify(run.id)}, which exists`);
      await this.storeRun(run);
    });
  }

  protected _updateSyncRun(run: SyncRun): Promise<void> {
    return guarded('updateSyncRun', () => this.storeRun(run));
  }

  protected _listSyncRuns(page: PageArgs): Promise<Page<SyncRun>> {
    return guarded('listSyncRuns', () => listSyncRuns(this.db, this.runs, page, this.fault('sync-runs-token-repeats')));
  }

  // ---- writers ----

  protected _putResourceTypes(syncId: string, items: readonly PreparedResourceType[], ifNewer: boolean, now: Micros): Promise<void> {
    const keyed = items.map((p) => write.resourceTypeItem(syncId, p));
    return guarded('putResourceTypes', () => write.putRecords(this.db, syncId, Kind.resourceType, keyed, ifNewer, now, this.faultCheck));
  }

  protected _putResources(syncId: string, items: readonly PreparedResource[], ifNewer: boolean, now: Micros): Promise<void> {
    const keyed = items.map((p) => write.resourceItem(syncId, p));
    return guarded('putResources', () => write.putRecords(this.db, syncId, Kind.resource, keyed, ifNewer, now, this.faultCheck));
  }

  protected _putEntitlements(syncId: string, items: readonly PreparedEntitlement[], ifNewer: boolean, now: Micros): Promise<void> {
    const keyed = items.map((p) => write.entitlementItem(syncId, p));
    return guarded('putEntitlements', () => write.putRecords(this.db, syncId, Kind.entitlement, keyed, ifNewer, now, this.faultCheck));
  }

  protected _putGrants(syncId: string, items: readonly PreparedGrant[], ifNewer: boolean, now: Micros): Promise<void> {
    const keyed = items.map((p) => write.grantItem(syncId, p));
    return guarded('putGrants', () => write.putRecords(this.db, syncId, Kind.grant, keyed, ifNewer, now, this.faultCheck));
  }

  protected _deleteGrant(syncId: string, id: string): Promise<boolean> {
    return guarded('deleteGrant', () => write.deleteGrant(this.db, syncId, id, this.fault('delete-leaves-entitlement-index')));
  }

  protected _putAsset(syncId: string, id: string, contentType: string, data: Uint8Array, now: Micros): Promise<void> {
    const item = write.assetItem(syncId, id, contentType, data);
    return guarded('putAsset', () => write.putRecords(this.db, syncId, Kind.asset, [item], false, now));
  }

  // ---- readers ----

  protected _listResourceTypes(syncId: string, page: PageArgs): Promise<Page<Stored<ResourceType>>> {
    return guarded('listResourceTypes', () => read.listResourceTypes(this.db, syncId, page));
  }

  protected _listResources(syncId: string, filter: ResourceFilter, page: PageArgs): Promise<Page<Stored<Resource>>> {
    return guarded('listResources', () => read.listResources(this.db, syncId, filter, page));
  }

  protected _listEntitlements(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Entitlement>>> {
    return guarded('listEntitlements', () => read.listEntitlements(this.db, syncId, filter, page));
  }

  protected _listGrants(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return guarded('listGrants', () => read.listGrants(this.db, syncId, filter, page));
  }

  protected _listGrantsForEntitlement(syncId: string, filter: EntitlementGrantFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return guarded('listGrantsForEntitlement', () => read.listGrantsForEntitlement(this.db, syncId, filter, page));
  }

  protected _listGrantsForPrincipal(syncId: string, filter: PrincipalGrantFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return guarded('listGrantsForPrincipal', () => read.listGrantsForPrincipal(this.db, syncId, filter, page, this.fault('principal-prefix-leak')));
  }

  protected _listGrantsForResourceType(syncId: string, resourceTypeId: string, page: PageArgs): Promise<Page<Stored<Grant>>> {
    return guarded('listGrantsForResourceType', () => read.listGrantsForResourceType(this.db, syncId, resourceTypeId, page));
  }

  protected _getResourceType(syncId: string, id: string): Promise<Stored<ResourceType> | undefined> {
    return guarded('getResourceType', async () => read.getResourceType(this.db, syncId, id));
  }

  protected _getResource(syncId: string, id: ResourceId): Promise<Stored<Resource> | undefined> {
    return guarded('getResource', async () => read.getResource(this.db, syncId, id));
  }

  protected _getEntitlement(syncId: string, id: string): Promise<Stored<Entitlement> | undefined> {
    return guarded('getEntitlement', async () => read.getEntitlement(this.db, syncId, id));
  }

  protected _getGrant(syncId: string, id: string): Promise<Stored<Grant> | undefined> {
    return guarded('getGrant', async () => read.getGrant(this.db, syncId, id));
  }

  protected _getAsset(syncId: string, id: string): Promise<AssetRead | undefined> {
    return guarded('getAsset', async () => read.getAsset(this.db, syncId, id));
  }

  protected _stats(syncId: string): Promise<Stats> {
    return guarded('stats', () => readStats(this.db, syncId));
  }

  // ---- whole-sync operations ----

  protected _generateSyncDiff(base: SyncRun, applied: SyncRun, created: SyncRun): Promise<void> {
    return guarded('generateSyncDiff', async () => {
      if (this.runs.has(created.id)) throw new StorageError('IO', `newSyncId returned ${JSON.stringify(created.id)}, which exists`);
      await generateSyncDiff(this.db, base, applied, created, this.fault('diff-discovered-at-millis'));
      this.runs.set(created.id, created);
    });
  }

  protected _cloneSync(run: SyncRun, destination: string): Promise<void> {
    return guarded('cloneSync', async () => {
      const exists = await fs.stat(destination).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return false;
          throw new StorageError('IO', `cloneSync: cannot inspect ${destination}`, { cause: err });
        },
      );
      if (exists) throw new StorageError('INVALID_ARGUMENT', `cloneSync: ${destination} exists already`);
      try {
        // Written under an incomplete mark: a clone killed midway is refused at its next open, never read as empty.
        const bulkNote = { writer: 'clone', source: `sync ${run.id} of ${this.location}` };
        const clone = await LeveldbEngine.open(destination, { ...this.options, bulkNote });
        try {
          await clone.copySyncFrom(this.db, this.fault('clone-loses-token') ? { ...run, syncToken: '' } : run);
          await clone.rawFinishBulk();
        } finally {
          await clone.close();
        }
      } catch (err) {
        await fs.rm(destination, { recursive: true, force: true }).catch(() => undefined);
        throw err;
      }
    });
  }

  protected _deleteSyncs(ids: readonly string[]): Promise<void> {
    return guarded('cleanup', async () => {
      const doomed = ids.map((id) => this.runs.get(id)).filter((r): r is SyncRun => r !== undefined);
      await deleteSyncs(this.db, doomed, this.runs);
    });
  }

  protected _compact(): Promise<void> {
    return guarded('compact', () => compactAll(this.db));
  }

  protected override _compactionOwed(): Promise<boolean> {
    return guarded('cleanup', () => compactionOwed(this.db));
  }

  protected _verify(): Promise<VerifyReport> {
    return guarded('verify', async () => {
      // Table damage first: LevelDB itself does not verify block checksums, so the record walk could miss it.
      const live = await liveTableNames(this.db.location, this.db.getProperty('leveldb.sstables'));
      const tables = (await checkTables(this.db.location, live)).map((d) => ({ kind: 'damaged-table', syncId: '', detail: `${d.file}: ${d.message}` }));
      let report: VerifyReport;
      try {
        report = await verifyStore(this.db);
      } catch (err) {
        const e = levelError(err, 'verify');
        if (e.code !== 'CORRUPTION') throw e;
        report = { ok: false, problems: [{ kind: 'unreadable', syncId: '', detail: e.message }], dangling: [], recordsChecked: 0 };
      }
      const problems = [...tables, ...report.problems];
      return { ...report, ok: problems.length === 0, problems };
    });
  }

  /** What classic-level tells about the store: compaction table, per-level files, memory, keyspace and disk sizes. */
  engineFigures(): Promise<EngineFigures> {
    return this.run('engineFigures', () => guarded('engineFigures', () => leveldbFigures(this.db)));
  }

  protected _close(): Promise<void> {
    return guarded('close', () => this.db.close());
  }
}
