/**
 * The identity of a listed or read item (SPEC §1): a resource type's id, a resource's `type:resource`, an
 * entitlement's, grant's, asset's or sync run's id. Records are compared as sets keyed by it.
 */
import type { ResourceId } from '../../models/types';
import { canonicalJson } from './canonical-json';

function isResourceId(value: unknown): value is ResourceId {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ResourceId).resourceType === 'string' &&
    typeof (value as ResourceId).resource === 'string'
  );
}

/**
 * The identity of a resource id: `type:resource`, the c1z external id. The separator is `:` because SPEC forbids it
 * in type ids, so no two resources share an identity (`/` is allowed in type ids and would be ambiguous).
 */
export function resourceIdentity(id: ResourceId): string {
  return `${id.resourceType}:${id.resource}`;
}

/** The identity of a record (`ResourceType`, `Resource`, `Entitlement`, `Grant`), or of a sync run or asset. */
export function recordIdentity(record: unknown): string {
  if (typeof record === 'object' && record !== null) {
    const id = (record as { id?: unknown }).id;
    if (typeof id === 'string') return id;
    if (isResourceId(id)) return resourceIdentity(id);
  }
  // An item without a recognisable id is an engine bug; it still gets a stable identity so comparison goes on.
  return `?${canonicalJson(record)}`;
}

/** The identity of a list item: a `Stored<T>` by its record, anything else (a sync run) by itself. */
export function identityOf(item: unknown): string {
  if (typeof item === 'object' && item !== null && 'record' in item && 'discoveredAt' in item) {
    return recordIdentity((item as { record: unknown }).record);
  }
  return recordIdentity(item);
}
