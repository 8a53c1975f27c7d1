/** Short builders for the records the conformance tests put, and their identities as the suite compares them. */
import type { Stored } from '../../models/contract/api';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType, SyncRun } from '../../models/types';

/** Optional fields of a resource type a test may set. */
export type ResourceTypeExtra = Omit<ResourceType, 'id'>;

/** Builds a resource type. */
export function rt(id: string, extra: ResourceTypeExtra = {}): ResourceType {
  return { id, ...extra };
}

/** Builds a resource id. */
export function rid(resourceType: string, resource: string): ResourceId {
  return { resourceType, resource };
}

/** Optional fields of a resource a test may set; `parent` is the parent's resource id. */
export interface ResourceExtra extends Omit<Resource, 'id' | 'parentResourceId'> {
  readonly parent?: ResourceId;
}

/** Builds a resource of type `resourceType` with id `resource`. */
export function res(resourceType: string, resource: string, extra: ResourceExtra = {}): Resource {
  const { parent, ...rest } = extra;
  return { id: rid(resourceType, resource), ...(parent === undefined ? {} : { parentResourceId: parent }), ...rest };
}

/** Builds an entitlement on `resource`. */
export function ent(id: string, resource: Resource, extra: Omit<Entitlement, 'id' | 'resource'> = {}): Entitlement {
  return { id, resource, ...extra };
}

/** Builds a grant of `entitlement` to `principal`. */
export function grant(id: string, entitlement: Entitlement, principal: Resource, extra: Omit<Grant, 'id' | 'entitlement' | 'principal'> = {}): Grant {
  return { id, entitlement, principal, ...extra };
}

/** Any record the suite compares: an entity, a sync run, or either wrapped as stored. */
export type Keyed = ResourceType | Resource | Entitlement | Grant | SyncRun | Stored<ResourceType | Resource | Entitlement | Grant>;

/** The identity of a resource id as the c1z `external_id`: `type:id` (unambiguous, type ids have no `:`). */
export function ridKey(id: ResourceId): string {
  return `${id.resourceType}:${id.resource}`;
}

/** The identity of a record inside its sync (SPEC §1): a resource's `type:id`, otherwise its id. */
export function keyOf(item: Keyed): string {
  if ('record' in item) return keyOf(item.record);
  return typeof item.id === 'string' ? item.id : ridKey(item.id);
}

/** The sorted identities of a list of records. */
export function keys(items: readonly Keyed[]): string[] {
  return items.map(keyOf).sort();
}
