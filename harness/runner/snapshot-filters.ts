/**
 * The filter values a snapshot lists with (every value in use, and near misses that must match nothing extra) and
 * the predicate that every listed record must satisfy for its filter (SPEC §4: exact matches).
 */
import type { Engine, Page, PageRequest, Stored } from '../../models/contract/api';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../models/types';

/** The filter fields a snapshot list may carry. */
export interface ListFilter {
  readonly resourceTypeId?: string;
  readonly parentResourceId?: ResourceId;
  readonly resource?: ResourceId;
  readonly entitlementId?: string;
  readonly principalId?: ResourceId;
  readonly principalResourceTypeIds?: readonly string[];
}

/** One list a snapshot drains on every engine: the contract method, its filter, and the call with paging. */
export interface ListCall<T> {
  readonly method: string;
  readonly filter?: ListFilter;
  readonly run: (engine: Engine, page: Required<PageRequest>) => Promise<Page<T>>;
}

/** The values in use in one sync, per filter. */
export interface FilterValues {
  readonly typeIds: string[];
  readonly parentIds: ResourceId[];
  readonly resourceIds: ResourceId[];
  readonly entitlementIds: string[];
  readonly principalIds: ResourceId[];
}

/** A near miss of an id: one more character, which a prefix-leaking scan would wrongly match. */
function nearMiss(id: string): string {
  return `${id}0`;
}

/** At most `max` values, evenly spread over the sorted distinct values, plus one near miss. */
function pick(values: Iterable<string>, max: number): string[] {
  const sorted = [...new Set(values)].sort();
  const chosen = sorted.length <= max ? sorted : Array.from({ length: max }, (_, i) => sorted[Math.floor((i * sorted.length) / max)] as string);
  const first = chosen[0];
  return first === undefined ? [] : [...chosen, nearMiss(first)];
}

const SEP = '\u0000';
const ridKey = (id: ResourceId): string => `${id.resourceType}${SEP}${id.resource}`;
const fromKey = (key: string): ResourceId => {
  const [resourceType = '', resource = ''] = key.split(SEP);
  return { resourceType, resource };
};

function pickIds(ids: Iterable<ResourceId>, max: number): ResourceId[] {
  const keys = pick([...ids].map(ridKey), max);
  // The near miss `pick` appends lands on the resource part (the last component) — that is the u1/u10 case.
  return keys.map(fromKey);
}

/** Collects the filter values of a sync's records. */
export function filterValues(
  data: {
    types: readonly Stored<ResourceType>[];
    resources: readonly Stored<Resource>[];
    entitlements: readonly Stored<Entitlement>[];
    grants: readonly Stored<Grant>[];
  },
  max: number,
): FilterValues {
  const typeIds = [
    ...data.types.map((t) => t.record.id),
    ...data.resources.map((r) => r.record.id.resourceType),
    ...data.grants.map((g) => g.record.principal.id.resourceType),
  ];
  return {
    typeIds: pick(typeIds, max),
    parentIds: pickIds(data.resources.flatMap((r) => (r.record.parentResourceId ? [r.record.parentResourceId] : [])), max),
    resourceIds: pickIds([...data.entitlements.map((e) => e.record.resource.id), ...data.grants.map((g) => g.record.entitlement.resource.id)], max),
    entitlementIds: pick(data.grants.map((g) => g.record.entitlement.id), max),
    principalIds: pickIds(data.grants.map((g) => g.record.principal.id), max),
  };
}

const same = (a: ResourceId, b: ResourceId): boolean => a.resourceType === b.resourceType && a.resource === b.resource;

/** Tells whether a listed item satisfies the filter of the list that returned it. */
export function matchesFilter(call: ListCall<unknown>, item: unknown): boolean {
  const f = call.filter;
  if (f === undefined) return true;
  const record = (item as Stored<unknown>).record;
  switch (call.method) {
    case 'listResources': {
      const r = record as Resource;
      if (f.resourceTypeId !== undefined && r.id.resourceType !== f.resourceTypeId) return false;
      return f.parentResourceId === undefined || (r.parentResourceId !== undefined && same(r.parentResourceId, f.parentResourceId));
    }
    case 'listEntitlements':
      return f.resource === undefined || same((record as Entitlement).resource.id, f.resource);
    case 'listGrants':
      return f.resource === undefined || same((record as Grant).entitlement.resource.id, f.resource);
    case 'listGrantsForEntitlement': {
      const g = record as Grant;
      if (g.entitlement.id !== f.entitlementId) return false;
      if (f.principalId !== undefined && !same(g.principal.id, f.principalId)) return false;
      return f.principalResourceTypeIds === undefined || f.principalResourceTypeIds.includes(g.principal.id.resourceType);
    }
    case 'listGrantsForPrincipal': {
      const g = record as Grant;
      return same(g.principal.id, f.principalId as ResourceId) && (f.entitlementId === undefined || g.entitlement.id === f.entitlementId);
    }
    case 'listGrantsForResourceType':
      return (record as Grant).entitlement.resource.id.resourceType === f.resourceTypeId;
    default:
      return true;
  }
}
