/**
 * The in-memory reference model: SPEC §3–6 written from scratch over plain maps, the third opinion in every
 * comparison. This file holds the writers, the whole-sync operations and the RawStore side; the readers and the
 * shared rules live in MemoryReaders and MemoryCore.
 */
import {
  DEFAULTS,
  type CleanupOptions,
  type Engine,
  type EngineOptions,
  type PutOptions,
  type StartNewSyncOptions,
  type StartSyncResult,
  type Supports,
  type VerifyReport,
} from '../contract/api';
import { StorageError } from '../contract/errors';
import type { RawRecord, RawStore } from '../contract/raw';
import { encodeEntitlement, encodeGrant, encodeResource, encodeResourceType } from '../codec';
import type { Entitlement, Grant, Micros, Resource, ResourceType, SyncRun } from '../types';
import { assetEntry, entitlementEntry, grantEntry, resourceEntry, resourceTypeEntry } from './entries';
import { MemoryReaders } from './memory-readers';
import { checkEncodable, encodeSync, loadRecord } from './raw';
import { copyRun, copySync, emptySync, registerStore, storeExists, type StoreState, type SyncData } from './state';
import { byStartThenId, cleanupVictims, latestFinished, latestResumable } from './sync-rules';
import * as check from './validate';
import { applyPuts, diffInto, verifyStore } from './writers';

/** What the model can do: it persists and reopens within the process, clones, and is no c1z. */
export const MEMORY_SUPPORTS: Supports = Object.freeze({ persistence: true, reopen: true, clone: true, c1z: false });

/** The in-memory reference engine over one store of the process-wide registry. */
export class MemoryEngine extends MemoryReaders implements Engine, RawStore {
  readonly name = 'memory';
  readonly supports = MEMORY_SUPPORTS;

  constructor(store: StoreState, options: EngineOptions) {
    super(store, options);
  }

  // ---- sync lifecycle (SPEC §5) ----

  startNewSync(opts?: StartNewSyncOptions): Promise<string> {
    return this.call('startNewSync', (now) => {
      const type = check.syncType(opts?.type ?? 'full');
      const parent = check.text(opts?.parentSyncId ?? '', 'parentSyncId');
      if (this.current === undefined) this.current = this.addSync(now, type, parent).run.id;
      return this.current;
    });
  }

  startSync(): Promise<StartSyncResult> {
    return this.call('startSync', (now) => {
      if (this.current !== undefined) return { syncId: this.current, isNew: false };
      const resumable = latestResumable(this.runs(), now, this.resumeWindow);
      const isNew = resumable === undefined;
      this.current = resumable?.id ?? this.addSync(now, 'full', '').run.id;
      return { syncId: this.current, isNew };
    });
  }

  setCurrentSync(syncId: string): Promise<void> {
    return this.call('setCurrentSync', () => {
      this.current = this.syncNamed(check.text(syncId, 'id')).run.id;
    });
  }

  currentSyncStep(): Promise<string> {
    return this.call('currentSyncStep', () => this.currentSync('currentSyncStep').run.syncToken);
  }

  checkpointSync(token: string): Promise<void> {
    return this.call('checkpointSync', () => {
      const syncToken = check.text(token, 'token');
      const sync = this.currentSync('checkpointSync');
      sync.run = copyRun({ ...sync.run, syncToken });
      this.isDirty = true;
    });
  }

  endSync(): Promise<void> {
    return this.call('endSync', (now) => {
      const sync = this.currentSync('endSync');
      if (sync.run.endedAt === undefined) {
        sync.run = copyRun({ ...sync.run, endedAt: now });
        this.isDirty = true;
      }
      this.current = undefined;
    });
  }

  // ---- records (SPEC §5) ----

  /** For a non-empty list: needs the current sync first (SPEC §5), checks every item and that it encodes, writes them all. */
  private putIn<T, E extends { key: string; discoveredAt: Micros }>(
    method: string,
    items: readonly T[],
    opts: PutOptions | undefined,
    checkItem: (item: T, what: string) => void,
    encode: (item: T) => Uint8Array,
    mapOf: (sync: SyncData) => Map<string, E>,
    entryOf: (item: T, now: Micros) => E,
  ): Promise<void> {
    return this.call(method, (now) => {
      const list = check.list<T>(items, 'items');
      if (list.length === 0) return;
      const sync = this.currentSync(method);
      list.forEach((item, i) => {
        checkItem(item, `items[${i}]`);
        checkEncodable(() => encode(item), `items[${i}]`);
      });
      applyPuts(mapOf(sync), list.map((item) => entryOf(item, now)), opts?.ifNewer === true, now);
      this.isDirty = true;
    });
  }

  putResourceTypes(items: readonly ResourceType[], opts?: PutOptions): Promise<void> {
    return this.putIn('putResourceTypes', items, opts, check.checkResourceType, encodeResourceType, (s) => s.resourceTypes, resourceTypeEntry);
  }

  putResources(items: readonly Resource[], opts?: PutOptions): Promise<void> {
    return this.putIn('putResources', items, opts, check.checkResource, encodeResource, (s) => s.resources, resourceEntry);
  }

  putEntitlements(items: readonly Entitlement[], opts?: PutOptions): Promise<void> {
    return this.putIn('putEntitlements', items, opts, check.checkEntitlement, encodeEntitlement, (s) => s.entitlements, entitlementEntry);
  }

  putGrants(items: readonly Grant[], opts?: PutOptions): Promise<void> {
    return this.putIn('putGrants', items, opts, check.checkGrant, encodeGrant, (s) => s.grants, grantEntry);
  }

  deleteGrant(grantId: string): Promise<void> {
    return this.call('deleteGrant', () => {
      const sync = this.currentSync('deleteGrant');
      if (sync.grants.delete(check.id(grantId, 'id'))) this.isDirty = true;
    });
  }

  putAsset(assetId: string, contentType: string, data: Uint8Array): Promise<void> {
    return this.call('putAsset', (now) => {
      const sync = this.currentSync('putAsset');
      const key = check.id(assetId, 'id');
      if (check.text(contentType, 'contentType') === '') throw check.invalid('contentType is empty');
      if (!(data instanceof Uint8Array)) throw check.invalid('data is not bytes');
      if (data.length > this.maxAssetBytes) {
        throw new StorageError('ASSET_TOO_LARGE', `asset of ${data.length} bytes is over ${this.maxAssetBytes}`);
      }
      sync.assets.set(key, assetEntry(key, contentType, data, now));
      this.isDirty = true;
    });
  }

  // ---- whole-sync operations (SPEC §6) ----

  generateSyncDiff(baseSyncId: string, appliedSyncId: string): Promise<string> {
    return this.call('generateSyncDiff', (now) => {
      const baseId = check.text(baseSyncId, 'baseSyncId');
      const appliedId = check.text(appliedSyncId, 'appliedSyncId');
      const base = this.syncNamed(baseId);
      const applied = this.syncNamed(appliedId);
      const created = this.addSync(now, 'partial', base.run.id, now);
      diffInto(base, applied, created);
      return created.run.id;
    });
  }

  cloneSync(syncId: string, destination: string): Promise<void> {
    return this.call('cloneSync', () => {
      const named = check.text(syncId, 'syncId');
      if (check.text(destination, 'destination') === '') throw check.invalid('destination is empty');
      const run = named === '' ? latestFinished(this.runs(), 'full') : this.store.syncs.get(named)?.run;
      if (run === undefined) throw new StorageError('NOT_FOUND', `sync ${JSON.stringify(named)} not found`);
      if (run.endedAt === undefined) throw new StorageError('FAILED_PRECONDITION', `sync ${run.id} is not finished`);
      if (storeExists(destination)) throw check.invalid(`a store exists at ${destination}`);
      registerStore(destination, { syncs: new Map([[run.id, copySync(this.syncNamed(run.id))]]) });
    });
  }

  viewSync(syncId: string): Promise<void> {
    return this.call('viewSync', () => {
      // Refused while a sync is current, whatever the id ('' too): the first check, as in the Go SDK.
      if (this.current !== undefined) throw new StorageError('FAILED_PRECONDITION', 'viewSync while a sync is current');
      const named = check.text(syncId, 'id');
      if (named === '') {
        this.view = undefined;
        return;
      }
      this.view = this.syncNamed(named).run.id;
    });
  }

  cleanup(opts?: CleanupOptions): Promise<string[]> {
    return this.call('cleanup', () => {
      const asked: unknown = opts?.keep === undefined ? DEFAULTS.cleanupKeep : opts.keep;
      if (typeof asked !== 'number' || !Number.isInteger(asked)) throw check.invalid('keep is not an integer');
      // 0 or less means the default, as the Go SDK resolves its cleanup limit.
      const keep = asked > 0 ? asked : DEFAULTS.cleanupKeep;
      if (this.current !== undefined) return [];
      const victims = cleanupVictims(this.runs(), keep);
      for (const victim of victims) this.store.syncs.delete(victim);
      if (victims.length > 0) this.isDirty = true;
      if (this.view !== undefined && victims.includes(this.view)) this.view = undefined;
      return victims;
    });
  }

  compact(): Promise<void> {
    // Maps hold no deleted data, so there is nothing to reclaim.
    return this.call('compact', () => undefined);
  }

  verify(): Promise<VerifyReport> {
    return this.call('verify', () => verifyStore(this.store));
  }

  close(): Promise<void> {
    return this.call('close', () => this.markClosed());
  }

  // ---- RawStore ----

  rawSyncRuns(): Promise<SyncRun[]> {
    return this.exclusive('rawSyncRuns', () => this.runs().sort(byStartThenId));
  }

  async *rawRecords(syncId: string): AsyncGenerator<RawRecord> {
    // A snapshot of the maps: the records stream out as they were when the iteration started.
    const snapshot = await this.exclusive('rawRecords', () => copySync(this.syncNamed(syncId)));
    yield* encodeSync(snapshot);
  }

  async rawLoadSync(run: SyncRun, records: AsyncIterable<RawRecord>): Promise<void> {
    const assertNew = (): void => {
      if (typeof run !== 'object' || run === null || typeof run.id !== 'string' || run.id === '') throw check.invalid('run has no id');
      if (this.store.syncs.has(run.id)) throw check.invalid(`sync ${JSON.stringify(run.id)} exists`);
    };
    await this.exclusive('rawLoadSync', assertNew);
    // The records are read outside the queue, so that a source on this same engine cannot wait on it forever.
    const sync = emptySync(run);
    try {
      for await (const raw of records) loadRecord(sync, raw);
    } catch (err) {
      throw this.asStorageError(err, 'rawLoadSync');
    }
    await this.exclusive('rawLoadSync', () => {
      assertNew();
      this.store.syncs.set(run.id, sync);
      this.isDirty = true;
    });
  }
}
