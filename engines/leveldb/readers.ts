/**
 * The list and get readers of SPEC §4 over the key layout: a filter is a key range of a primary keyspace or of one
 * secondary index; index entries are resolved to their records with one `getMany` per page.
 */
import type { AssetRead, Page, Stored } from '../../models/contract/api';
import type { EntitlementGrantFilter, PageArgs, PrincipalGrantFilter, ResourceFilter, ResourceScopeFilter } from '../base/abstract-engine';
import { StorageError } from '../../models/contract/errors';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../models/types';
import type { Db } from './db';
import { prefixRange, type KeyRange } from './keys';
import { Kind, key, primaryKeyOfIndexKey, range, resourceKey } from './layout';
import { scanPage, type Entry } from './paging';
import { decodeStored, entitlementSpec, grantSpec, resourceSpec, resourceTypeSpec, type RecordSpec } from './records';
import { decodeEnvelope } from './values';

const ASSET_CHUNK = 64 * 1024;
/** Up to this many index entries a page resolves with `getSync`; a bigger page uses one async `getMany`. */
const SYNC_GET_LIMIT = 1000;

/** Pages through a primary keyspace range, decoding values in place. */
function primaryPage<T>(db: Db, spec: RecordSpec<T>, query: unknown, r: KeyRange, page: PageArgs): Promise<Page<Stored<T>>> {
  return scanPage(db, {
    query,
    ranges: [r],
    values: true,
    size: page.size,
    token: page.token,
    load: (entries) => entries.map((e) => decodeStored(spec, e.value as Buffer)),
  });
}

/** Resolves index entries to their records; an entry whose record is gone is CORRUPTION. */
async function loadIndexed<T>(db: Db, spec: RecordSpec<T>, entries: readonly Entry[]): Promise<Stored<T>[]> {
  const keys = entries.map((e) => primaryKeyOfIndexKey(e.key));
  // Pages are usually small: synchronous gets spare each page a round trip to LevelDB's thread (about 5 µs a key).
  const values = keys.length <= SYNC_GET_LIMIT ? keys.map((k) => db.getSync(k)) : await db.getMany(keys);
  return values.map((v, i) => {
    if (v === undefined) {
      throw new StorageError('CORRUPTION', `index entry ${(entries[i] as Entry).key.toString('hex')} has no record`);
    }
    return decodeStored(spec, v);
  });
}

/** Pages through index ranges, resolving each entry to its record. */
function indexPage<T>(db: Db, spec: RecordSpec<T>, query: unknown, ranges: readonly KeyRange[], page: PageArgs): Promise<Page<Stored<T>>> {
  return scanPage(db, {
    query,
    ranges,
    values: false,
    size: page.size,
    token: page.token,
    load: (entries) => loadIndexed(db, spec, entries),
  });
}

/** listResourceTypes. */
export function listResourceTypes(db: Db, syncId: string, page: PageArgs): Promise<Page<Stored<ResourceType>>> {
  const query = { m: 'listResourceTypes', syncId };
  return primaryPage(db, resourceTypeSpec, query, range(Kind.resourceType, syncId), page);
}

/** listResources: by type is a prefix of the primary key; by parent (and type) uses the parent index. */
export function listResources(db: Db, syncId: string, f: ResourceFilter, page: PageArgs): Promise<Page<Stored<Resource>>> {
  const query = { m: 'listResources', syncId, t: f.resourceTypeId ?? null, p: f.parentResourceId ?? null };
  if (f.parentResourceId !== undefined) {
    const p = f.parentResourceId;
    const r =
      f.resourceTypeId === undefined
        ? range(Kind.resourceByParent, syncId, p.resourceType, p.resource)
        : range(Kind.resourceByParent, syncId, p.resourceType, p.resource, f.resourceTypeId);
    return indexPage(db, resourceSpec, query, [r], page);
  }
  const r = f.resourceTypeId === undefined ? range(Kind.resource, syncId) : range(Kind.resource, syncId, f.resourceTypeId);
  return primaryPage(db, resourceSpec, query, r, page);
}

/** listEntitlements. */
export function listEntitlements(db: Db, syncId: string, f: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Entitlement>>> {
  const query = { m: 'listEntitlements', syncId, r: f.resource ?? null };
  if (f.resource === undefined) return primaryPage(db, entitlementSpec, query, range(Kind.entitlement, syncId), page);
  const r = range(Kind.entitlementByResource, syncId, f.resource.resourceType, f.resource.resource);
  return indexPage(db, entitlementSpec, query, [r], page);
}

/** listGrants (filter: the grant's entitlement's resource). */
export function listGrants(db: Db, syncId: string, f: ResourceScopeFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
  const query = { m: 'listGrants', syncId, r: f.resource ?? null };
  if (f.resource === undefined) return primaryPage(db, grantSpec, query, range(Kind.grant, syncId), page);
  const r = range(Kind.grantByResource, syncId, f.resource.resourceType, f.resource.resource);
  return indexPage(db, grantSpec, query, [r], page);
}

/** listGrantsForEntitlement: one range, or one per principal type (in key order). */
export function listGrantsForEntitlement(db: Db, syncId: string, f: EntitlementGrantFilter, page: PageArgs): Promise<Page<Stored<Grant>>> {
  const types = f.principalResourceTypeIds === undefined ? null : [...f.principalResourceTypeIds].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const query = { m: 'listGrantsForEntitlement', syncId, e: f.entitlementId, p: f.principalId ?? null, t: types };
  let ranges: KeyRange[];
  if (f.principalId !== undefined) {
    const p = f.principalId;
    ranges = types === null || types.includes(p.resourceType) ? [range(Kind.grantByEntitlement, syncId, f.entitlementId, p.resourceType, p.resource)] : [];
  } else if (types !== null) {
    ranges = types.map((t) => range(Kind.grantByEntitlement, syncId, f.entitlementId, t));
  } else {
    ranges = [range(Kind.grantByEntitlement, syncId, f.entitlementId)];
  }
  return indexPage(db, grantSpec, query, ranges, page);
}

/** listGrantsForPrincipal (`leak`: the test-only fault principal-prefix-leak of issue 5). */
export function listGrantsForPrincipal(db: Db, syncId: string, f: PrincipalGrantFilter, page: PageArgs, leak = false): Promise<Page<Stored<Grant>>> {
  const p = f.principalId;
  const query = { m: 'listGrantsForPrincipal', syncId, p, e: f.entitlementId ?? null };
  const r =
    f.entitlementId === undefined
      ? leak
        ? prefixRange(key(Kind.grantByPrincipal, syncId, p.resourceType, p.resource).subarray(0, -2))
        : range(Kind.grantByPrincipal, syncId, p.resourceType, p.resource)
      : range(Kind.grantByPrincipal, syncId, p.resourceType, p.resource, f.entitlementId);
  return indexPage(db, grantSpec, query, [r], page);
}

/** listGrantsForResourceType: a prefix of the grant-by-resource index. */
export function listGrantsForResourceType(db: Db, syncId: string, typeId: string, page: PageArgs): Promise<Page<Stored<Grant>>> {
  const query = { m: 'listGrantsForResourceType', syncId, t: typeId };
  return indexPage(db, grantSpec, query, [range(Kind.grantByResource, syncId, typeId)], page);
}

/** Reads one record by primary key. */
function getRecord<T>(db: Db, spec: RecordSpec<T>, k: Buffer): Stored<T> | undefined {
  const value = db.getSync(k);
  return value === undefined ? undefined : decodeStored(spec, value);
}

/** getResourceType. */
export function getResourceType(db: Db, syncId: string, id: string): Stored<ResourceType> | undefined {
  return getRecord(db, resourceTypeSpec, key(Kind.resourceType, syncId, id));
}

/** getResource. */
export function getResource(db: Db, syncId: string, id: ResourceId): Stored<Resource> | undefined {
  return getRecord(db, resourceSpec, resourceKey(syncId, id));
}

/** getEntitlement. */
export function getEntitlement(db: Db, syncId: string, id: string): Stored<Entitlement> | undefined {
  return getRecord(db, entitlementSpec, key(Kind.entitlement, syncId, id));
}

/** getGrant. */
export function getGrant(db: Db, syncId: string, id: string): Stored<Grant> | undefined {
  return getRecord(db, grantSpec, key(Kind.grant, syncId, id));
}

async function* chunks(data: Buffer): AsyncIterable<Uint8Array> {
  for (let at = 0; at < data.length; at += ASSET_CHUNK) yield data.subarray(at, Math.min(at + ASSET_CHUNK, data.length));
}

/** getAsset: the bytes are read at call time and streamed in 64 KiB chunks. */
export function getAsset(db: Db, syncId: string, id: string): AssetRead | undefined {
  const value = db.getSync(key(Kind.asset, syncId, id));
  if (value === undefined) return undefined;
  const env = decodeEnvelope(value);
  return { contentType: env.contentType, discoveredAt: env.discoveredAt, data: chunks(env.data) };
}
