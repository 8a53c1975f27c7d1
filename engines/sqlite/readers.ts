/** The list, get and stats queries of SPEC §4 over the c1z v1 tables, all scoped by sync_id. */
import type { AssetRead, Page, Stats, Stored } from '../../models/contract/api';
import type { FaultName } from '../base/faults';
import type {
  EntitlementGrantFilter,
  PageArgs,
  PrincipalGrantFilter,
  ResourceFilter,
  ResourceScopeFilter,
} from '../base/abstract-engine';
import { resourceExternalId } from '../base/prepared';
import { decodeEntitlement, decodeGrant, decodeResource, decodeResourceType } from '../../models/codec';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../models/types';
import { keysetPage, type KeysetQuery } from './paging';
import { blobOf, storedOf, timeOf, type RecordRow } from './rows';
import type { StatementCache } from './statements';

const ASSET_CHUNK = 64 * 1024;

const asResourceType = (row: RecordRow): Stored<ResourceType> => storedOf(row, decodeResourceType, 'resource type');
const asResource = (row: RecordRow): Stored<Resource> => storedOf(row, decodeResource, 'resource');
const asEntitlement = (row: RecordRow): Stored<Entitlement> => storedOf(row, decodeEntitlement, 'entitlement');
const asGrant = (row: RecordRow): Stored<Grant> => storedOf(row, decodeGrant, 'grant');

/** Runs the list and point queries of one connection. */
export class Readers {
  constructor(
    private readonly stmts: StatementCache,
    private readonly fault: (name: FaultName) => boolean = () => false,
  ) {}

  private page<T>(q: KeysetQuery, page: PageArgs, decode: (row: RecordRow) => T): Page<T> {
    return keysetPage(this.stmts, q, page, decode, this.fault('page-token-skips-one'));
  }

  listResourceTypes(syncId: string, page: PageArgs): Page<Stored<ResourceType>> {
    const q = { method: 'listResourceTypes', table: 'v1_resource_types', syncId, filter: {}, where: [], params: [] };
    return this.page(q, page, asResourceType);
  }

  listResources(syncId: string, filter: ResourceFilter, page: PageArgs): Page<Stored<Resource>> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.resourceTypeId !== undefined) {
      where.push('resource_type_id = ?');
      params.push(filter.resourceTypeId);
    }
    if (filter.parentResourceId !== undefined) {
      where.push('parent_resource_type_id = ?', 'parent_resource_id = ?');
      params.push(filter.parentResourceId.resourceType, filter.parentResourceId.resource);
    }
    const q = { method: 'listResources', table: 'v1_resources', syncId, filter, where, params };
    return this.page(q, page, asResource);
  }

  listEntitlements(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Page<Stored<Entitlement>> {
    const q = { method: 'listEntitlements', table: 'v1_entitlements', syncId, filter, ...byResource(filter.resource) };
    return this.page(q, page, asEntitlement);
  }

  listGrants(syncId: string, filter: ResourceScopeFilter, page: PageArgs): Page<Stored<Grant>> {
    const q = { method: 'listGrants', table: 'v1_grants', syncId, filter, ...byResource(filter.resource) };
    return this.page(q, page, asGrant);
  }

  listGrantsForEntitlement(syncId: string, filter: EntitlementGrantFilter, page: PageArgs): Page<Stored<Grant>> {
    const where = ['entitlement_id = ?'];
    const params: string[] = [filter.entitlementId];
    if (filter.principalId !== undefined) {
      where.push('principal_resource_type_id = ?', 'principal_resource_id = ?');
      params.push(filter.principalId.resourceType, filter.principalId.resource);
    }
    if (filter.principalResourceTypeIds !== undefined) {
      // One statement for any number of types: the list travels as one JSON parameter.
      where.push('principal_resource_type_id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.principalResourceTypeIds));
    }
    // Without a principal, index order (sync, entitlement, principal type, principal id) serves the filter.
    const orderBy = filter.principalId === undefined ? ['principal_resource_type_id', 'principal_resource_id'] : [];
    const q = { method: 'listGrantsForEntitlement', table: 'v1_grants', syncId, filter, where, params, orderBy };
    return this.page(q, page, asGrant);
  }

  listGrantsForPrincipal(syncId: string, filter: PrincipalGrantFilter, page: PageArgs): Page<Stored<Grant>> {
    const where = ['principal_resource_type_id = ?', 'principal_resource_id = ?'];
    const params: string[] = [filter.principalId.resourceType, filter.principalId.resource];
    if (filter.entitlementId !== undefined) {
      where.push('entitlement_id = ?');
      params.push(filter.entitlementId);
    }
    const q = { method: 'listGrantsForPrincipal', table: 'v1_grants', syncId, filter, where, params };
    return this.page(q, page, asGrant);
  }

  /** Grants whose entitlement's resource has this type (the `resource_type_id` column, never the principal's). */
  listGrantsForResourceType(syncId: string, resourceTypeId: string, page: PageArgs): Page<Stored<Grant>> {
    const q = {
      method: 'listGrantsForResourceType',
      table: 'v1_grants',
      syncId,
      filter: { resourceTypeId },
      where: [this.fault('grants-for-type-by-principal') ? 'principal_resource_type_id = ?' : 'resource_type_id = ?'],
      params: [resourceTypeId],
      // Index order (sync, resource type, resource id) serves the filter.
      orderBy: ['resource_id'],
    };
    return this.page(q, page, asGrant);
  }

  private getRow(table: string, syncId: string, externalId: string): RecordRow | undefined {
    const sql = `SELECT id, data, discovered_at FROM ${table} WHERE external_id = ? AND sync_id = ?`;
    return this.stmts.get(sql).get(externalId, syncId) as RecordRow | undefined;
  }

  getResourceType(syncId: string, id: string): Stored<ResourceType> | undefined {
    const row = this.getRow('v1_resource_types', syncId, id);
    return row === undefined ? undefined : asResourceType(row);
  }

  getResource(syncId: string, id: ResourceId): Stored<Resource> | undefined {
    const row = this.getRow('v1_resources', syncId, resourceExternalId(id));
    return row === undefined ? undefined : asResource(row);
  }

  getEntitlement(syncId: string, id: string): Stored<Entitlement> | undefined {
    const row = this.getRow('v1_entitlements', syncId, id);
    return row === undefined ? undefined : asEntitlement(row);
  }

  getGrant(syncId: string, id: string): Stored<Grant> | undefined {
    const row = this.getRow('v1_grants', syncId, id);
    return row === undefined ? undefined : asGrant(row);
  }

  /** Reads an asset's bytes now (so later writes cannot change what the caller streams) and streams them in chunks. */
  getAsset(syncId: string, id: string): AssetRead | undefined {
    const sql = 'SELECT content_type, data, discovered_at FROM v1_assets WHERE external_id = ? AND sync_id = ?';
    const row = this.stmts.get(sql).get(id, syncId) as { content_type: unknown; data: unknown; discovered_at: unknown } | undefined;
    // Fault missing-asset-corruption: the absent row is read anyway, and its missing blob reads as CORRUPTION.
    if (row === undefined && this.fault('missing-asset-corruption')) blobOf(undefined, `asset ${id}`);
    if (row === undefined) return undefined;
    const what = `asset ${id}`;
    const bytes = blobOf(row.data, what);
    return {
      contentType: typeof row.content_type === 'string' ? row.content_type : '',
      discoveredAt: timeOf(row.discovered_at, what),
      data: chunks(bytes),
    };
  }

  stats(syncId: string): Stats {
    const count = (table: string): number =>
      (this.stmts.get(`SELECT count(*) AS n FROM ${table} WHERE sync_id = ?`).get(syncId) as { n: number }).n;
    // One row per resource type stored in the sync, 0 when it has no resources (as the Go SDK's Stats counts).
    const byType = this.stmts
      .get(
        'SELECT t.external_id AS t, (SELECT count(*) FROM v1_resources r WHERE r.sync_id = t.sync_id AND r.resource_type_id = t.external_id) AS n ' +
          'FROM v1_resource_types t WHERE t.sync_id = ?',
      )
      .all(syncId) as { t: string; n: number }[];
    return {
      resourceTypes: count('v1_resource_types'),
      resources: count('v1_resources'),
      entitlements: count('v1_entitlements'),
      grants: count('v1_grants'),
      assets: count('v1_assets'),
      // fromEntries defines own properties, so a type id like `__proto__` stays a plain key.
      resourcesByType: Object.fromEntries(byType.map((r) => [r.t, r.n])),
    };
  }
}

function byResource(resource: ResourceId | undefined): { where: string[]; params: string[] } {
  if (resource === undefined) return { where: [], params: [] };
  return { where: ['resource_type_id = ?', 'resource_id = ?'], params: [resource.resourceType, resource.resource] };
}

async function* chunks(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  if (bytes.length === 0) return;
  for (let at = 0; at < bytes.length; at += ASSET_CHUNK) yield bytes.subarray(at, at + ASSET_CHUNK);
}
