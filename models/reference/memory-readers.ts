/** The readers of SPEC §4 on top of the model's core: check the arguments, resolve the target, filter, page. */
import type {
  AssetRead,
  GetOptions,
  ListEntitlementsRequest,
  ListGrantsForEntitlementRequest,
  ListGrantsForPrincipalRequest,
  ListGrantsForResourceTypeRequest,
  ListGrantsRequest,
  ListResourcesRequest,
  Page,
  PageRequest,
  Reader,
  Stats,
  Stored,
  SyncScopedRequest,
} from '../contract/api';
import { StorageError } from '../contract/errors';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType, SyncRun, SyncType } from '../types';
import { resourceKey } from './entries';
import { MemoryCore } from './memory-core';
import { cutPage, emptyPage, pageArgs, queryOf, type Row } from './paging';
import * as rows from './readers';
import type { SyncData } from './state';
import { compareText, latestFinished } from './sync-rules';
import { id, invalid, list, resourceId, syncType, text, typeId } from './validate';

const CHUNK_BYTES = 64 * 1024;

/** Streams bytes in copied chunks, so a reader can never change the stored asset. */
async function* chunks(data: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += CHUNK_BYTES) yield data.slice(at, at + CHUNK_BYTES);
}

/** Throws INVALID_ARGUMENT unless a required request is an object. */
function required<T>(req: T): T {
  if (typeof req !== 'object' || req === null) throw invalid('request is required');
  return req;
}

/** Every reader of the model; `MemoryEngine` adds the writers. */
export abstract class MemoryReaders extends MemoryCore implements Reader {
  /** Checks paging, then the filter, then resolves the target and cuts one page of its matching rows. */
  private listIn<F, T>(
    method: string,
    req: SyncScopedRequest | undefined,
    check: () => F,
    select: (sync: SyncData, filter: F) => Row<T>[],
  ): Promise<Page<T>> {
    return this.call(method, (now) => {
      const args = pageArgs(req, this.defaultPageSize);
      const filter = check();
      const sync = this.target(req?.syncId, now);
      if (sync === undefined) return emptyPage<T>(args);
      return cutPage(select(sync, filter), args, queryOf(method, sync.run.id, filter), compareText);
    });
  }

  /** Checks the id, then resolves the target; NOT_FOUND when the record is absent or no sync resolves. */
  private getIn<T>(method: string, opts: GetOptions | undefined, check: () => string, find: (sync: SyncData, key: string) => T | undefined): Promise<T> {
    return this.call(method, (now) => {
      const key = check();
      const sync = this.target(opts?.syncId, now);
      const found = sync === undefined ? undefined : find(sync, key);
      if (found === undefined) throw new StorageError('NOT_FOUND', `${method}: ${JSON.stringify(key)} not found`);
      return found;
    });
  }

  listResourceTypes(req?: SyncScopedRequest): Promise<Page<Stored<ResourceType>>> {
    return this.listIn('listResourceTypes', req, () => ({}), (sync) => rows.resourceTypeRows(sync));
  }

  listResources(req?: ListResourcesRequest): Promise<Page<Stored<Resource>>> {
    const check = (): rows.ResourceFilter => {
      const f: { resourceTypeId?: string; parentResourceId?: ResourceId } = {};
      if (req?.resourceTypeId !== undefined) f.resourceTypeId = typeId(req.resourceTypeId, 'resourceTypeId');
      if (req?.parentResourceId !== undefined) f.parentResourceId = resourceId(req.parentResourceId, 'parentResourceId');
      return f;
    };
    return this.listIn('listResources', req, check, rows.resourceRows);
  }

  listEntitlements(req?: ListEntitlementsRequest): Promise<Page<Stored<Entitlement>>> {
    const check = (): ResourceId | undefined => (req?.resource === undefined ? undefined : resourceId(req.resource, 'resource'));
    return this.listIn('listEntitlements', req, check, rows.entitlementRows);
  }

  listGrants(req?: ListGrantsRequest): Promise<Page<Stored<Grant>>> {
    const check = (): ResourceId | undefined => (req?.resource === undefined ? undefined : resourceId(req.resource, 'resource'));
    return this.listIn('listGrants', req, check, rows.grantRows);
  }

  listGrantsForEntitlement(req: ListGrantsForEntitlementRequest): Promise<Page<Stored<Grant>>> {
    const check = (): rows.EntitlementGrantsFilter => {
      const r = required(req);
      const f: { entitlementId: string; principalId?: ResourceId; principalResourceTypeIds?: readonly string[] } = {
        entitlementId: id(r.entitlementId, 'entitlementId'),
      };
      if (r.principalId !== undefined) f.principalId = resourceId(r.principalId, 'principalId');
      if (r.principalResourceTypeIds !== undefined) {
        const types = list<string>(r.principalResourceTypeIds, 'principalResourceTypeIds');
        if (types.length === 0) throw invalid('principalResourceTypeIds is empty');
        const checked = types.map((t, i) => typeId(t, `principalResourceTypeIds[${i}]`));
        f.principalResourceTypeIds = [...new Set(checked)].sort(compareText);
      }
      return f;
    };
    return this.listIn('listGrantsForEntitlement', req, check, rows.entitlementGrantRows);
  }

  listGrantsForPrincipal(req: ListGrantsForPrincipalRequest): Promise<Page<Stored<Grant>>> {
    const check = (): rows.PrincipalGrantsFilter => {
      const r = required(req);
      const f: { principalId: ResourceId; entitlementId?: string } = { principalId: resourceId(r.principalId, 'principalId') };
      if (r.entitlementId !== undefined) f.entitlementId = id(r.entitlementId, 'entitlementId');
      return f;
    };
    return this.listIn('listGrantsForPrincipal', req, check, rows.principalGrantRows);
  }

  listGrantsForResourceType(req: ListGrantsForResourceTypeRequest): Promise<Page<Stored<Grant>>> {
    const check = (): string => typeId(required(req).resourceTypeId, 'resourceTypeId');
    return this.listIn('listGrantsForResourceType', req, check, rows.resourceTypeGrantRows);
  }

  listSyncRuns(req?: PageRequest): Promise<Page<SyncRun>> {
    return this.call('listSyncRuns', () => {
      const args = pageArgs(req, this.defaultPageSize);
      return cutPage(rows.syncRunRows(this.store.syncs.values()), args, queryOf('listSyncRuns', '', {}), rows.compareRunKeys);
    });
  }

  getResourceType(rtId: string, opts?: GetOptions): Promise<Stored<ResourceType>> {
    return this.getIn('getResourceType', opts, () => typeId(rtId, 'id'), (sync, key) => {
      const e = sync.resourceTypes.get(key);
      return e === undefined ? undefined : rows.toStored(e);
    });
  }

  getResource(rid: ResourceId, opts?: GetOptions): Promise<Stored<Resource>> {
    return this.getIn('getResource', opts, () => resourceKey(resourceId(rid, 'id')), (sync, key) => {
      const e = sync.resources.get(key);
      return e === undefined ? undefined : rows.toStored(e);
    });
  }

  getEntitlement(entId: string, opts?: GetOptions): Promise<Stored<Entitlement>> {
    return this.getIn('getEntitlement', opts, () => id(entId, 'id'), (sync, key) => {
      const e = sync.entitlements.get(key);
      return e === undefined ? undefined : rows.toStored(e);
    });
  }

  getGrant(grantId: string, opts?: GetOptions): Promise<Stored<Grant>> {
    return this.getIn('getGrant', opts, () => id(grantId, 'id'), (sync, key) => {
      const e = sync.grants.get(key);
      return e === undefined ? undefined : rows.toStored(e);
    });
  }

  getAsset(assetId: string, opts?: GetOptions): Promise<AssetRead> {
    return this.getIn('getAsset', opts, () => id(assetId, 'id'), (sync, key) => {
      const e = sync.assets.get(key);
      return e === undefined ? undefined : { contentType: e.contentType, discoveredAt: e.discoveredAt, data: chunks(e.data) };
    });
  }

  getSync(syncId: string): Promise<SyncRun> {
    return this.call('getSync', () => this.syncNamed(text(syncId, 'id')).run);
  }

  getLatestFinishedSync(type?: SyncType): Promise<SyncRun | undefined> {
    return this.call('getLatestFinishedSync', () => latestFinished(this.runs(), type === undefined ? undefined : syncType(type)));
  }

  stats(syncId?: string): Promise<Stats> {
    return this.call('stats', (now) => {
      const sync = this.target(syncId, now);
      return sync === undefined ? rows.zeroStats() : rows.statsOf(sync);
    });
  }
}
