/**
 * The abstract engine: every public method of the contract normalises and validates its arguments, checks the store
 * is open, reads the clock once, resolves the target sync and applies the sync-lifecycle rules of SPEC, and only then
 * calls a small protected hook with clean arguments. Engines implement the hooks (storage), never the rules.
 */
import {
  DEFAULTS,
  type AssetRead,
  type CleanupOptions,
  type Engine,
  type EngineOptions,
  type GetOptions,
  type ListEntitlementsRequest,
  type ListGrantsForEntitlementRequest,
  type ListGrantsForPrincipalRequest,
  type ListGrantsForResourceTypeRequest,
  type ListGrantsRequest,
  type ListResourcesRequest,
  type Page,
  type PageRequest,
  type PutOptions,
  type StartNewSyncOptions,
  type StartSyncResult,
  type Stats,
  type Stored,
  type Supports,
  type SyncScopedRequest,
  type VerifyReport,
} from '../../models/contract/api';
import { StorageError, toStorageError } from '../../models/contract/errors';
import { activeFaults, type FaultName } from './faults';
import { checkPageTokenSyntax } from './page-token';
import {
  prepareEntitlement,
  prepareGrant,
  prepareResource,
  prepareResourceType,
  type PreparedEntitlement,
  type PreparedGrant,
  type PreparedResource,
  type PreparedResourceType,
} from './prepared';
import { defaultReadTarget, latestFinishedSync, latestResumableSync, syncsToCleanUp } from './sync-rules';
import * as v from '../../models/contract/validate';
import type { Entitlement, Grant, Micros, Resource, ResourceId, ResourceType, SyncRun, SyncType } from '../../models/types';

/** Paging arguments as hooks receive them: an effective size and a token (`''` for the first page). */
export interface PageArgs {
  readonly size: number;
  readonly token: string;
}

/** Clean filters handed to the list hooks (absent fields mean no filter). */
export interface ResourceFilter {
  readonly resourceTypeId?: string;
  readonly parentResourceId?: ResourceId;
}
/** Filter of `_listEntitlements` and `_listGrants`: the (entitlement's) resource. */
export interface ResourceScopeFilter {
  readonly resource?: ResourceId;
}
/** Filter of `_listGrantsForEntitlement`. */
export interface EntitlementGrantFilter {
  readonly entitlementId: string;
  readonly principalId?: ResourceId;
  readonly principalResourceTypeIds?: readonly string[];
}
/** Filter of `_listGrantsForPrincipal`. */
export interface PrincipalGrantFilter {
  readonly principalId: ResourceId;
  readonly entitlementId?: string;
}

const EMPTY_STATS: Stats = { resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} };

function plainId(id: ResourceId): ResourceId {
  return { resourceType: id.resourceType, resource: id.resource };
}

/** The base every storage engine extends (DESIGN: validate once, then call protected hooks). */
export abstract class AbstractEngine implements Engine {
  abstract readonly name: string;
  abstract readonly supports: Supports;

  protected readonly options: EngineOptions;
  protected readonly resumeWindow: Micros;
  protected readonly maxAssetBytes: number;
  protected readonly defaultPageSize: number;
  /** Test-only faults (issue 5): undefined unless some are named, so a healthy engine pays one comparison. */
  private readonly faults: ReadonlySet<FaultName> | undefined;
  private currentSyncId: string | undefined;
  private viewSyncId: string | undefined;
  private isDirty = false;
  private isClosed = false;
  private queue: Promise<void> = Promise.resolve();

  protected constructor(options: EngineOptions) {
    this.options = options;
    this.resumeWindow = options.resumeWindowMicros ?? DEFAULTS.resumeWindowMicros;
    this.maxAssetBytes = options.maxAssetBytes ?? DEFAULTS.maxAssetBytes;
    this.defaultPageSize = Math.max(options.defaultPageSize ?? DEFAULTS.defaultPageSize, DEFAULTS.defaultPageSize);
    this.faults = activeFaults(options.faults);
  }

  /** Tells whether the test-only fault `name` is active (engines/base/faults.ts). */
  protected fault(name: FaultName): boolean {
    return this.faults !== undefined && this.faults.has(name);
  }

  get dirty(): boolean {
    return this.isDirty;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Runs one public call: serialised after the previous one, CLOSED after close, one clock read, errors coded. */
  protected run<T>(method: string, fn: (now: Micros) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      if (this.isClosed) throw new StorageError('CLOSED', `${method}: the store is closed`);
      try {
        return await fn(this.options.clock());
      } catch (err) {
        throw toStorageError(err, 'IO', method);
      }
    });
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Marks stored state as changed since open. */
  protected markDirty(): void {
    this.isDirty = true;
  }

  // ---- target sync resolution (SPEC §3) ----

  private async mustGetSync(id: string): Promise<SyncRun> {
    const run = await this._getSyncRun(id);
    if (run === undefined) throw new StorageError('NOT_FOUND', `sync ${JSON.stringify(id)} not found`);
    return run;
  }

  /** Resolves the sync a read sees, or undefined for rule 6 (nothing). */
  private async target(explicit: unknown, now: Micros): Promise<string | undefined> {
    const syncId = v.checkOptionalSyncId(explicit);
    if (syncId !== undefined) return (await this.mustGetSync(syncId)).id;
    if (this.currentSyncId !== undefined) return this.currentSyncId;
    if (this.viewSyncId !== undefined) return this.viewSyncId;
    const runs = await this._syncRuns();
    if (this.faults !== undefined) {
      const fulls = runs.filter((r) => r.endedAt !== undefined && r.syncType === 'full');
      // Fault: the ordering is flipped, so the oldest finished full sync wins.
      const oldest = fulls.sort((a, b) => (a.endedAt as Micros) - (b.endedAt as Micros) || (a.id < b.id ? -1 : 1))[0];
      if (this.fault('default-target-oldest') && oldest !== undefined) return oldest.id;
      // Fault: rule 5 forgotten.
      if (this.fault('no-unfinished-fallback')) return latestFinishedSync(runs, 'full')?.id;
      // Fault: the resume window's boundary excluded (`>` for `>=`).
      if (this.fault('resume-window-exclusive')) return (latestFinishedSync(runs, 'full') ?? latestResumableSync(runs, now, this.resumeWindow - 1))?.id;
    }
    return defaultReadTarget(runs, now, this.resumeWindow)?.id;
  }

  private requireCurrent(method: string): string {
    if (this.currentSyncId === undefined) {
      throw new StorageError('FAILED_PRECONDITION', `${method} needs a current sync`);
    }
    return this.currentSyncId;
  }

  /** Validates paging and resolves the target; calls `list` only when a target exists. */
  private listIn<T>(
    method: string,
    req: SyncScopedRequest | undefined,
    validate: () => void,
    list: (syncId: string, page: PageArgs) => Promise<Page<T>>,
  ): Promise<Page<T>> {
    return this.run(method, async (now) => {
      const r = req ?? {};
      const page: PageArgs = { size: v.checkPageSize(r.pageSize, this.defaultPageSize), token: v.checkPageToken(r.pageToken) };
      validate();
      // A malformed token is an argument error, reported before the target sync is resolved.
      if (page.token !== '') checkPageTokenSyntax(page.token);
      const syncId = await this.target(r.syncId, now);
      if (syncId === undefined) {
        if (page.token !== '') throw new StorageError('INVALID_ARGUMENT', 'page token does not belong to this query');
        return { items: [], nextPageToken: '' };
      }
      return list(syncId, page);
    });
  }

  // ---- readers (SPEC §4) ----

  listResourceTypes(req?: SyncScopedRequest): Promise<Page<Stored<ResourceType>>> {
    return this.listIn('listResourceTypes', req, () => undefined, (s, p) => this._listResourceTypes(s, p));
  }

  listResources(req?: ListResourcesRequest): Promise<Page<Stored<Resource>>> {
    const filter: { resourceTypeId?: string; parentResourceId?: ResourceId } = {};
    return this.listIn(
      'listResources',
      req,
      () => {
        if (req?.resourceTypeId !== undefined) filter.resourceTypeId = v.checkTypeId(req.resourceTypeId, 'resourceTypeId');
        if (req?.parentResourceId !== undefined) {
          filter.parentResourceId = plainId(v.checkResourceId(req.parentResourceId, 'parentResourceId'));
        }
      },
      (s, p) => this._listResources(s, filter, p),
    );
  }

  listEntitlements(req?: ListEntitlementsRequest): Promise<Page<Stored<Entitlement>>> {
    const filter: { resource?: ResourceId } = {};
    return this.listIn(
      'listEntitlements',
      req,
      () => {
        if (req?.resource !== undefined) filter.resource = plainId(v.checkResourceId(req.resource, 'resource'));
      },
      (s, p) => this._listEntitlements(s, filter, p),
    );
  }

  listGrants(req?: ListGrantsRequest): Promise<Page<Stored<Grant>>> {
    const filter: { resource?: ResourceId } = {};
    return this.listIn(
      'listGrants',
      req,
      () => {
        if (req?.resource !== undefined) filter.resource = plainId(v.checkResourceId(req.resource, 'resource'));
      },
      (s, p) => this._listGrants(s, filter, p),
    );
  }

  listGrantsForEntitlement(req: ListGrantsForEntitlementRequest): Promise<Page<Stored<Grant>>> {
    const filter: { entitlementId: string; principalId?: ResourceId; principalResourceTypeIds?: readonly string[] } = {
      entitlementId: '',
    };
    return this.listIn(
      'listGrantsForEntitlement',
      req,
      () => {
        if (typeof req !== 'object' || req === null) throw new StorageError('INVALID_ARGUMENT', 'request is required');
        filter.entitlementId = v.checkId(req.entitlementId, 'entitlementId');
        if (req.principalId !== undefined) filter.principalId = plainId(v.checkResourceId(req.principalId, 'principalId'));
        if (req.principalResourceTypeIds !== undefined) {
          const types = v.checkList<string>(req.principalResourceTypeIds, 'principalResourceTypeIds');
          if (types.length === 0) throw new StorageError('INVALID_ARGUMENT', 'principalResourceTypeIds must not be empty');
          filter.principalResourceTypeIds = [...new Set(types.map((t, i) => v.checkTypeId(t, `principalResourceTypeIds[${i}]`)))];
        }
      },
      (s, p) => this._listGrantsForEntitlement(s, filter, p),
    );
  }

  listGrantsForPrincipal(req: ListGrantsForPrincipalRequest): Promise<Page<Stored<Grant>>> {
    const filter: { principalId: ResourceId; entitlementId?: string } = { principalId: { resourceType: '', resource: '' } };
    return this.listIn(
      'listGrantsForPrincipal',
      req,
      () => {
        if (typeof req !== 'object' || req === null) throw new StorageError('INVALID_ARGUMENT', 'request is required');
        filter.principalId = plainId(v.checkResourceId(req.principalId, 'principalId'));
        if (req.entitlementId !== undefined) filter.entitlementId = v.checkId(req.entitlementId, 'entitlementId');
      },
      (s, p) => this._listGrantsForPrincipal(s, filter, p),
    );
  }

  listGrantsForResourceType(req: ListGrantsForResourceTypeRequest): Promise<Page<Stored<Grant>>> {
    let resourceTypeId = '';
    return this.listIn(
      'listGrantsForResourceType',
      req,
      () => {
        if (typeof req !== 'object' || req === null) throw new StorageError('INVALID_ARGUMENT', 'request is required');
        resourceTypeId = v.checkTypeId(req.resourceTypeId, 'resourceTypeId');
      },
      (s, p) => this._listGrantsForResourceType(s, resourceTypeId, p),
    );
  }

  listSyncRuns(req?: PageRequest): Promise<Page<SyncRun>> {
    return this.run('listSyncRuns', async () => {
      const page: PageArgs = {
        size: v.checkPageSize(req?.pageSize, this.defaultPageSize),
        token: v.checkPageToken(req?.pageToken),
      };
      if (page.token !== '') checkPageTokenSyntax(page.token);
      return this._listSyncRuns(page);
    });
  }

  /** Runs a point read in the target sync; NOT_FOUND when absent or when no sync resolves. */
  private getIn<T>(
    method: string,
    what: string,
    opts: GetOptions | undefined,
    validate: () => void,
    get: (syncId: string) => Promise<T | undefined>,
  ): Promise<T> {
    return this.run(method, async (now) => {
      validate();
      const syncId = await this.target(opts?.syncId, now);
      const found = syncId === undefined ? undefined : await get(syncId);
      if (found === undefined) throw new StorageError('NOT_FOUND', `${what} not found`);
      return found;
    });
  }

  getResourceType(id: string, opts?: GetOptions): Promise<Stored<ResourceType>> {
    return this.getIn('getResourceType', `resource type ${JSON.stringify(id)}`, opts, () => v.checkTypeId(id, 'id'), (s) =>
      this._getResourceType(s, id),
    );
  }

  getResource(id: ResourceId, opts?: GetOptions): Promise<Stored<Resource>> {
    return this.getIn('getResource', 'resource', opts, () => v.checkResourceId(id, 'id'), (s) => this._getResource(s, plainId(id)));
  }

  getEntitlement(id: string, opts?: GetOptions): Promise<Stored<Entitlement>> {
    return this.getIn('getEntitlement', `entitlement ${JSON.stringify(id)}`, opts, () => v.checkId(id, 'id'), (s) =>
      this._getEntitlement(s, id),
    );
  }

  getGrant(id: string, opts?: GetOptions): Promise<Stored<Grant>> {
    return this.getIn('getGrant', `grant ${JSON.stringify(id)}`, opts, () => v.checkId(id, 'id'), (s) => this._getGrant(s, id));
  }

  getAsset(id: string, opts?: GetOptions): Promise<AssetRead> {
    return this.getIn('getAsset', `asset ${JSON.stringify(id)}`, opts, () => v.checkId(id, 'id'), (s) => this._getAsset(s, id));
  }

  getSync(id: string): Promise<SyncRun> {
    return this.run('getSync', async () => this.mustGetSync(v.checkText(id, 'id')));
  }

  getLatestFinishedSync(type?: SyncType): Promise<SyncRun | undefined> {
    return this.run('getLatestFinishedSync', async () => {
      const t = type === undefined ? undefined : v.checkSyncType(type);
      return latestFinishedSync(await this._syncRuns(), t);
    });
  }

  stats(syncId?: string): Promise<Stats> {
    return this.run('stats', async (now) => {
      // Fault: stats resolves its default target as if no view were set.
      const skipView = this.fault('stats-ignores-view') && this.currentSyncId === undefined && this.viewSyncId !== undefined && (syncId === undefined || syncId === '');
      const target = skipView ? defaultReadTarget(await this._syncRuns(), now, this.resumeWindow)?.id : await this.target(syncId, now);
      return target === undefined ? EMPTY_STATS : this._stats(target);
    });
  }

  // ---- sync lifecycle (SPEC §5) ----

  private async createSync(now: Micros, syncType: SyncType, parentSyncId: string): Promise<string> {
    const run: SyncRun = { id: this.options.newSyncId(), startedAt: now, syncToken: '', syncType, parentSyncId };
    await this._insertSyncRun(run);
    this.markDirty();
    this.currentSyncId = run.id;
    return run.id;
  }

  startNewSync(opts?: StartNewSyncOptions): Promise<string> {
    return this.run('startNewSync', async (now) => {
      const syncType = v.checkSyncType(opts?.type ?? 'full');
      const parent = v.checkText(opts?.parentSyncId ?? '', 'parentSyncId');
      if (this.currentSyncId !== undefined) return this.currentSyncId;
      return this.createSync(now, syncType, parent);
    });
  }

  startSync(): Promise<StartSyncResult> {
    return this.run('startSync', async (now) => {
      if (this.currentSyncId !== undefined) return { syncId: this.currentSyncId, isNew: false };
      const resumable = latestResumableSync(await this._syncRuns(), now, this.resumeWindow);
      if (resumable !== undefined) {
        this.currentSyncId = resumable.id;
        return { syncId: resumable.id, isNew: false };
      }
      return { syncId: await this.createSync(now, 'full', ''), isNew: true };
    });
  }

  setCurrentSync(id: string): Promise<void> {
    return this.run('setCurrentSync', async () => {
      this.currentSyncId = (await this.mustGetSync(v.checkText(id, 'id'))).id;
    });
  }

  currentSyncStep(): Promise<string> {
    return this.run('currentSyncStep', async () => (await this.mustGetSync(this.requireCurrent('currentSyncStep'))).syncToken);
  }

  checkpointSync(token: string): Promise<void> {
    return this.run('checkpointSync', async () => {
      v.checkText(token, 'token');
      const run = await this.mustGetSync(this.requireCurrent('checkpointSync'));
      await this._updateSyncRun({ ...run, syncToken: token });
      this.markDirty();
    });
  }

  endSync(): Promise<void> {
    return this.run('endSync', async (now) => {
      const run = await this.mustGetSync(this.requireCurrent('endSync'));
      if (run.endedAt === undefined || this.fault('reend-overwrites-ended-at')) {
        await this._updateSyncRun({ ...run, endedAt: now });
        this.markDirty();
      }
      this.currentSyncId = undefined;
    });
  }

  // ---- records (SPEC §5) ----

  /** For a non-empty list: needs a current sync, validates every item, then hands the batch to `put`. */
  private putIn<T, P>(
    method: string,
    items: readonly T[],
    opts: PutOptions | undefined,
    check: (item: T, what: string) => void,
    prepare: (item: T) => P,
    put: (syncId: string, prepared: readonly P[], ifNewer: boolean, now: Micros) => Promise<void>,
  ): Promise<void> {
    return this.run(method, async (now) => {
      const list = v.checkList<T>(items, 'items');
      if (list.length === 0) return;
      // SPEC §5/§9: a non-empty put needs a current sync, checked before the items (as the Go SDK does).
      const syncId = this.requireCurrent(method);
      list.forEach((item, i) => check(item, `items[${i}]`));
      const prepared = list.map((item, i) => {
        try {
          return prepare(item);
        } catch (err) {
          // The codec rejects values the validators let through (an enum outside int32): still a bad argument.
          throw new StorageError('INVALID_ARGUMENT', `items[${i}] cannot be encoded: ${(err as Error).message}`, { cause: err });
        }
      });
      await put(syncId, prepared, opts?.ifNewer === true, now);
      this.markDirty();
    });
  }

  putResourceTypes(items: readonly ResourceType[], opts?: PutOptions): Promise<void> {
    return this.putIn('putResourceTypes', items, opts, v.checkResourceType, prepareResourceType, (s, p, n, t) =>
      this._putResourceTypes(s, p, n, t),
    );
  }

  putResources(items: readonly Resource[], opts?: PutOptions): Promise<void> {
    return this.putIn('putResources', items, opts, v.checkResource, prepareResource, (s, p, n, t) => this._putResources(s, p, n, t));
  }

  putEntitlements(items: readonly Entitlement[], opts?: PutOptions): Promise<void> {
    return this.putIn('putEntitlements', items, opts, v.checkEntitlement, prepareEntitlement, (s, p, n, t) =>
      this._putEntitlements(s, p, n, t),
    );
  }

  putGrants(items: readonly Grant[], opts?: PutOptions): Promise<void> {
    return this.putIn('putGrants', items, opts, v.checkGrant, prepareGrant, (s, p, n, t) => this._putGrants(s, p, n, t));
  }

  deleteGrant(id: string): Promise<void> {
    return this.run('deleteGrant', async () => {
      const syncId = this.requireCurrent('deleteGrant');
      v.checkId(id, 'id');
      if (await this._deleteGrant(syncId, id)) this.markDirty();
    });
  }

  putAsset(id: string, contentType: string, data: Uint8Array): Promise<void> {
    return this.run('putAsset', async (now) => {
      const syncId = this.requireCurrent('putAsset');
      v.checkId(id, 'id');
      if (v.checkText(contentType, 'contentType') === '') {
        throw new StorageError('INVALID_ARGUMENT', 'contentType must not be empty');
      }
      if (!(data instanceof Uint8Array)) throw new StorageError('INVALID_ARGUMENT', 'data must be bytes');
      if (data.length > this.maxAssetBytes) {
        throw new StorageError('ASSET_TOO_LARGE', `asset of ${data.length} bytes exceeds ${this.maxAssetBytes}`);
      }
      await this._putAsset(syncId, id, contentType, data, now);
      this.markDirty();
    });
  }

  // ---- whole-sync operations (SPEC §6) ----

  generateSyncDiff(baseSyncId: string, appliedSyncId: string): Promise<string> {
    return this.run('generateSyncDiff', async (now) => {
      v.checkText(baseSyncId, 'baseSyncId');
      v.checkText(appliedSyncId, 'appliedSyncId');
      const base = await this.mustGetSync(baseSyncId);
      const applied = await this.mustGetSync(appliedSyncId);
      const created: SyncRun = {
        id: this.options.newSyncId(),
        startedAt: now,
        endedAt: now,
        syncToken: '',
        syncType: 'partial',
        parentSyncId: this.fault('diff-parent-is-applied') ? applied.id : base.id,
      };
      await this._generateSyncDiff(base, applied, created);
      this.markDirty();
      return created.id;
    });
  }

  cloneSync(syncId: string, destination: string): Promise<void> {
    return this.run('cloneSync', async () => {
      const named = v.checkText(syncId, 'syncId');
      if (v.checkText(destination, 'destination') === '') throw new StorageError('INVALID_ARGUMENT', 'destination is required');
      // Fault: '' resolved through the view sync, as reads resolve it.
      const viaView = named === '' && this.viewSyncId !== undefined && this.fault('clone-default-uses-view');
      const run =
        named === '' && !viaView
          ? latestFinishedSync(await this._syncRuns(), 'full')
          : await this._getSyncRun(viaView ? (this.viewSyncId as string) : named);
      if (run === undefined) throw new StorageError('NOT_FOUND', `sync ${JSON.stringify(named)} not found`);
      if (run.endedAt === undefined) throw new StorageError('FAILED_PRECONDITION', `sync ${run.id} is not finished`);
      await this._cloneSync(run, destination);
    });
  }

  viewSync(id: string): Promise<void> {
    return this.run('viewSync', async () => {
      // SPEC §6: with a current sync every viewSync is refused, '' included, before its argument is looked at.
      if (this.currentSyncId !== undefined) throw new StorageError('FAILED_PRECONDITION', 'viewSync while a sync is current');
      const named = v.checkText(id, 'id');
      if (named === '') {
        this.viewSyncId = undefined;
        return;
      }
      this.viewSyncId = (await this.mustGetSync(named)).id;
    });
  }

  cleanup(opts?: CleanupOptions): Promise<string[]> {
    return this.run('cleanup', async () => {
      const keep = v.checkCleanupKeep(opts?.keep, DEFAULTS.cleanupKeep);
      if (this.currentSyncId !== undefined) return [];
      const runs = await this._syncRuns();
      const doomed = syncsToCleanUp(runs, keep);
      if (doomed.length === 0) {
        // Nothing new to delete, but an earlier cleanup may have been cut short before it reclaimed its space.
        if (await this._compactionOwed()) await this._compact();
        return [];
      }
      if (this.fault('cleanup-loses-partial')) {
        // Fault: the cut-off is the latest kept full sync's start instead of the earliest.
        const fulls = runs.filter((r) => r.endedAt !== undefined && r.syncType === 'full').sort((a, b) => (b.endedAt as Micros) - (a.endedAt as Micros) || (a.id < b.id ? 1 : -1));
        const cutoff = Math.max(...fulls.slice(0, keep).map((r) => r.startedAt));
        for (const r of runs) if (r.endedAt !== undefined && r.syncType !== 'full' && r.endedAt < cutoff && !doomed.includes(r.id)) doomed.push(r.id);
      }
      if (this.fault('cleanup-deletes-unfinished')) {
        // Fault: a missing ended_at read as 0, so every unfinished non-full sync "ended" before the kept ones started.
        for (const r of runs) if (r.endedAt === undefined && r.syncType !== 'full') doomed.push(r.id);
      }
      await this._deleteSyncs(doomed);
      this.markDirty();
      if (this.viewSyncId !== undefined && doomed.includes(this.viewSyncId) && !this.fault('view-survives-cleanup')) this.viewSyncId = undefined;
      await this._compact();
      return doomed;
    });
  }

  compact(): Promise<void> {
    return this.run('compact', () => this._compact());
  }

  verify(): Promise<VerifyReport> {
    return this.run('verify', () => this._verify());
  }

  close(): Promise<void> {
    return this.run('close', async () => {
      try {
        await this._close();
      } finally {
        this.isClosed = true;
        this.currentSyncId = undefined;
        this.viewSyncId = undefined;
      }
    });
  }

  // ---- hooks: storage only, arguments already clean ----

  /** Every sync run, in any order. */
  protected abstract _syncRuns(): Promise<readonly SyncRun[]>;
  protected abstract _getSyncRun(id: string): Promise<SyncRun | undefined>;
  protected abstract _insertSyncRun(run: SyncRun): Promise<void>;
  /** Replaces a sync run's stored fields (token, ended_at). */
  protected abstract _updateSyncRun(run: SyncRun): Promise<void>;
  /** A page of sync runs ordered by started_at then id. */
  protected abstract _listSyncRuns(page: PageArgs): Promise<Page<SyncRun>>;

  protected abstract _putResourceTypes(syncId: string, items: readonly PreparedResourceType[], ifNewer: boolean, now: Micros): Promise<void>;
  protected abstract _putResources(syncId: string, items: readonly PreparedResource[], ifNewer: boolean, now: Micros): Promise<void>;
  protected abstract _putEntitlements(syncId: string, items: readonly PreparedEntitlement[], ifNewer: boolean, now: Micros): Promise<void>;
  protected abstract _putGrants(syncId: string, items: readonly PreparedGrant[], ifNewer: boolean, now: Micros): Promise<void>;
  /** Deletes a grant; true when one was there. */
  protected abstract _deleteGrant(syncId: string, id: string): Promise<boolean>;
  protected abstract _putAsset(syncId: string, id: string, contentType: string, data: Uint8Array, now: Micros): Promise<void>;

  protected abstract _listResourceTypes(syncId: string, page: PageArgs): Promise<Page<Stored<ResourceType>>>;
  protected abstract _listResources(syncId: string, filter: ResourceFilter, page: PageArgs): Promise<Page<Stored<Resource>>>;
  protected abstract _listEntitlements(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Entitlement>>>;
  protected abstract _listGrants(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Grant>>>;
  protected abstract _listGrantsForEntitlement(syncId: string, filter: EntitlementGrantFilter, page: PageArgs): Promise<Page<Stored<Grant>>>;
  protected abstract _listGrantsForPrincipal(syncId: string, filter: PrincipalGrantFilter, page: PageArgs): Promise<Page<Stored<Grant>>>;
  protected abstract _listGrantsForResourceType(syncId: string, resourceTypeId: string, page: PageArgs): Promise<Page<Stored<Grant>>>;
  protected abstract _getResourceType(syncId: string, id: string): Promise<Stored<ResourceType> | undefined>;
  protected abstract _getResource(syncId: string, id: ResourceId): Promise<Stored<Resource> | undefined>;
  protected abstract _getEntitlement(syncId: string, id: string): Promise<Stored<Entitlement> | undefined>;
  protected abstract _getGrant(syncId: string, id: string): Promise<Stored<Grant> | undefined>;
  protected abstract _getAsset(syncId: string, id: string): Promise<AssetRead | undefined>;
  protected abstract _stats(syncId: string): Promise<Stats>;

  /** Inserts `created` and copies into it the applied sync's records whose identity the base lacks; atomically. */
  protected abstract _generateSyncDiff(base: SyncRun, applied: SyncRun, created: SyncRun): Promise<void>;
  /** Writes a new store of this engine at `destination` holding only `run` and its records. */
  protected abstract _cloneSync(run: SyncRun, destination: string): Promise<void>;
  /** Deletes these syncs and all their records and index entries; atomically. */
  protected abstract _deleteSyncs(ids: readonly string[]): Promise<void>;
  protected abstract _compact(): Promise<void>;
  /** Whether an interrupted cleanup left space to reclaim (engines that can be cut short between the two say so). */
  protected async _compactionOwed(): Promise<boolean> {
    return false;
  }
  protected abstract _verify(): Promise<VerifyReport>;
  protected abstract _close(): Promise<void>;
}
