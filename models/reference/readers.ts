/**
 * The rows each list of SPEC §4 pages over, filtered by exact matches and sorted by identity, plus stats. Every
 * function reads one sync; the engine resolves which one.
 */
import type { Stats, Stored } from '../contract/api';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType, SyncRun } from '../types';
import type { Row } from './paging';
import { sameResource } from './entries';
import type { SyncData } from './state';
import { byStartThenId, compareText } from './sync-rules';
import { invalid } from './validate';

/** `listResources` filters, checked. */
export interface ResourceFilter {
  readonly resourceTypeId?: string;
  readonly parentResourceId?: ResourceId;
}

/** `listGrantsForEntitlement` filters, checked. */
export interface EntitlementGrantsFilter {
  readonly entitlementId: string;
  readonly principalId?: ResourceId;
  readonly principalResourceTypeIds?: readonly string[];
}

/** `listGrantsForPrincipal` filters, checked. */
export interface PrincipalGrantsFilter {
  readonly principalId: ResourceId;
  readonly entitlementId?: string;
}

/** A stored record as handed out: only its record and discovered_at. */
export function toStored<T>(entry: Stored<T>): Stored<T> {
  return { record: entry.record, discoveredAt: entry.discoveredAt };
}

/** Rows of the entries that pass `keep`, sorted by identity. */
function rowsOf<E extends Stored<T> & { key: string }, T>(map: Map<string, E>, keep: (e: E) => boolean): Row<Stored<T>>[] {
  const rows: Row<Stored<T>>[] = [];
  for (const e of map.values()) if (keep(e)) rows.push({ key: e.key, value: toStored(e) });
  return rows.sort((a, b) => compareText(a.key, b.key));
}

/** Rows of `listResourceTypes`. */
export function resourceTypeRows(sync: SyncData): Row<Stored<ResourceType>>[] {
  return rowsOf(sync.resourceTypes, () => true);
}

/** Rows of `listResources`. */
export function resourceRows(sync: SyncData, f: ResourceFilter): Row<Stored<Resource>>[] {
  return rowsOf(sync.resources, (e) => {
    if (f.resourceTypeId !== undefined && e.id.resourceType !== f.resourceTypeId) return false;
    return f.parentResourceId === undefined || sameResource(e.parent, f.parentResourceId);
  });
}

/** Rows of `listEntitlements`: entitlements of `resource` when given. */
export function entitlementRows(sync: SyncData, resource: ResourceId | undefined): Row<Stored<Entitlement>>[] {
  return rowsOf(sync.entitlements, (e) => resource === undefined || sameResource(e.resource, resource));
}

/** Rows of `listGrants`: grants whose entitlement's resource is `resource` when given. */
export function grantRows(sync: SyncData, resource: ResourceId | undefined): Row<Stored<Grant>>[] {
  return rowsOf(sync.grants, (g) => resource === undefined || sameResource(g.resource, resource));
}

/** Rows of `listGrantsForEntitlement`. */
export function entitlementGrantRows(sync: SyncData, f: EntitlementGrantsFilter): Row<Stored<Grant>>[] {
  return rowsOf(sync.grants, (g) => {
    if (g.entitlementId !== f.entitlementId) return false;
    if (f.principalId !== undefined && !sameResource(g.principal, f.principalId)) return false;
    return f.principalResourceTypeIds === undefined || f.principalResourceTypeIds.includes(g.principal.resourceType);
  });
}

/** Rows of `listGrantsForPrincipal`. */
export function principalGrantRows(sync: SyncData, f: PrincipalGrantsFilter): Row<Stored<Grant>>[] {
  return rowsOf(sync.grants, (g) => {
    if (!sameResource(g.principal, f.principalId)) return false;
    return f.entitlementId === undefined || g.entitlementId === f.entitlementId;
  });
}

/** Rows of `listGrantsForResourceType`: the type of the grant's entitlement's resource, never the principal's. */
export function resourceTypeGrantRows(sync: SyncData, resourceTypeId: string): Row<Stored<Grant>>[] {
  return rowsOf(sync.grants, (g) => g.resource.resourceType === resourceTypeId);
}

/** Rows of `listSyncRuns`, keyed by `[started_at, id]` in JSON. */
export function syncRunRows(syncs: Iterable<SyncData>): Row<SyncRun>[] {
  const runs = [...syncs].map((s) => s.run).sort(byStartThenId);
  return runs.map((run) => ({ key: JSON.stringify([run.startedAt, run.id]), value: run }));
}

function parseRunKey(key: string): [number, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    throw invalid('malformed page token');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'number' || typeof parsed[1] !== 'string') {
    throw invalid('malformed page token');
  }
  return [parsed[0], parsed[1]];
}

/** Compares two `syncRunRows` keys in listSyncRuns order; INVALID_ARGUMENT when one is not such a key. */
export function compareRunKeys(a: string, b: string): number {
  const [startA, idA] = parseRunKey(a);
  const [startB, idB] = parseRunKey(b);
  return startA - startB || compareText(idA, idB);
}

/** Counts of one sync (SPEC §4 `stats`). */
export function statsOf(sync: SyncData): Stats {
  // One key per resource type stored in the sync (0 when it has no resources), none for other types (SPEC §4).
  const counts = new Map<string, number>([...sync.resourceTypes.keys()].map((t) => [t, 0]));
  for (const r of sync.resources.values()) {
    const n = counts.get(r.id.resourceType);
    if (n !== undefined) counts.set(r.id.resourceType, n + 1);
  }
  // fromEntries defines own properties, so a type id such as `__proto__` is counted like any other.
  const resourcesByType = Object.fromEntries(counts);
  return {
    resourceTypes: sync.resourceTypes.size,
    resources: sync.resources.size,
    entitlements: sync.entitlements.size,
    grants: sync.grants.size,
    assets: sync.assets.size,
    resourcesByType,
  };
}

/** Stats of a query with no target sync: all zero. */
export function zeroStats(): Stats {
  return { resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} };
}
