/**
 * Entries: a stored record (a frozen copy), its discovered_at, and the identity and filter fields read from it once.
 * Fields are read defensively because records loaded in bulk (rawLoadSync) skip validation and may lack some.
 */
import type { Stored } from '../contract/api';
import type { Entitlement, Grant, Micros, Resource, ResourceId, ResourceType } from '../types';

/** A resource type as stored. */
export interface ResourceTypeEntry extends Stored<ResourceType> {
  readonly key: string;
}

/** A resource as stored; `key` is its `type:id`. */
export interface ResourceEntry extends Stored<Resource> {
  readonly key: string;
  readonly id: ResourceId;
  readonly parent: ResourceId | undefined;
}

/** An entitlement as stored, with its resource's id. */
export interface EntitlementEntry extends Stored<Entitlement> {
  readonly key: string;
  readonly resource: ResourceId;
}

/** A grant as stored, with its entitlement's id, that entitlement's resource's id and its principal's id. */
export interface GrantEntry extends Stored<Grant> {
  readonly key: string;
  readonly entitlementId: string;
  readonly resource: ResourceId;
  readonly principal: ResourceId;
}

/** An asset as stored. */
export interface AssetEntry {
  readonly key: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly discoveredAt: Micros;
}

/**
 * A deep, frozen copy, so that no caller can change a stored record afterwards. Byte arrays cannot be frozen; they
 * are copied to their exact length (a decoder may hand out views into a much larger buffer).
 */
export function frozenCopy<T>(value: T): T {
  if (value instanceof Uint8Array) return new Uint8Array(value) as T;
  if (Array.isArray(value)) return Object.freeze(value.map((v: unknown) => frozenCopy(v))) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v)]));
  return Object.freeze(copy) as T;
}

/** The identity part of a ResourceId, `''` for missing fields. */
export function plainResourceId(rid: ResourceId | undefined): ResourceId {
  return { resourceType: rid?.resourceType ?? '', resource: rid?.resource ?? '' };
}

/** The c1z identity of a resource: `type:id`. */
export function resourceKey(rid: ResourceId): string {
  return `${rid.resourceType}:${rid.resource}`;
}

/** True when two ResourceIds name the same resource (exact strings, batonResource ignored). */
export function sameResource(a: ResourceId | undefined, b: ResourceId): boolean {
  return a !== undefined && a.resourceType === b.resourceType && a.resource === b.resource;
}

/** Makes the entry of a resource type. */
export function resourceTypeEntry(record: ResourceType, discoveredAt: Micros): ResourceTypeEntry {
  const rt = frozenCopy(record);
  return Object.freeze({ key: rt.id ?? '', record: rt, discoveredAt });
}

/** Makes the entry of a resource. */
export function resourceEntry(record: Resource, discoveredAt: Micros): ResourceEntry {
  const r = frozenCopy(record);
  const id = plainResourceId(r.id);
  const parent = r.parentResourceId === undefined ? undefined : plainResourceId(r.parentResourceId);
  return Object.freeze({ key: resourceKey(id), id, parent, record: r, discoveredAt });
}

/** Makes the entry of an entitlement. */
export function entitlementEntry(record: Entitlement, discoveredAt: Micros): EntitlementEntry {
  const e = frozenCopy(record);
  return Object.freeze({ key: e.id ?? '', resource: plainResourceId(e.resource?.id), record: e, discoveredAt });
}

/** Makes the entry of a grant. */
export function grantEntry(record: Grant, discoveredAt: Micros): GrantEntry {
  const g = frozenCopy(record);
  return Object.freeze({
    key: g.id ?? '',
    entitlementId: g.entitlement?.id ?? '',
    resource: plainResourceId(g.entitlement?.resource?.id),
    principal: plainResourceId(g.principal?.id),
    record: g,
    discoveredAt,
  });
}

/** Makes the entry of an asset (the bytes are copied). */
export function assetEntry(id: string, contentType: string, data: Uint8Array, discoveredAt: Micros): AssetEntry {
  return Object.freeze({ key: id, contentType, data: Uint8Array.from(data), discoveredAt });
}
