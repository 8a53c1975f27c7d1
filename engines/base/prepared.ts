/**
 * Records as the abstract engine hands them to an engine's hooks: validated, encoded once to their deterministic
 * protobuf bytes, with the fields that identities and indexes read already extracted.
 */
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../models/types';
import { encodeEntitlement, encodeGrant, encodeResource, encodeResourceType } from '../../models/codec';

/** A resource type ready to store. */
export interface PreparedResourceType {
  readonly id: string;
  readonly record: ResourceType;
  readonly data: Uint8Array;
}

/** A resource ready to store; `externalId` is the c1z `type:id` identity. */
export interface PreparedResource {
  readonly id: ResourceId;
  readonly externalId: string;
  readonly parent: ResourceId | undefined;
  readonly record: Resource;
  readonly data: Uint8Array;
}

/** An entitlement ready to store, with its resource's id. */
export interface PreparedEntitlement {
  readonly id: string;
  readonly resource: ResourceId;
  readonly record: Entitlement;
  readonly data: Uint8Array;
}

/** A grant ready to store, with the ids its indexes read. */
export interface PreparedGrant {
  readonly id: string;
  readonly entitlementId: string;
  /** The grant's entitlement's resource. */
  readonly resource: ResourceId;
  readonly principal: ResourceId;
  readonly record: Grant;
  readonly data: Uint8Array;
}

/** The c1z `external_id` of a resource: `type:id` (unambiguous because type ids have no `:`). */
export function resourceExternalId(id: ResourceId): string {
  return `${id.resourceType}:${id.resource}`;
}

/** Only the identity fields of a ResourceId, so that `batonResource` never takes part in a match. */
function plainId(id: ResourceId): ResourceId {
  return { resourceType: id.resourceType, resource: id.resource };
}

/** Prepares a validated resource type. */
export function prepareResourceType(record: ResourceType): PreparedResourceType {
  return { id: record.id, record, data: encodeResourceType(record) };
}

/** Prepares a validated resource. */
export function prepareResource(record: Resource): PreparedResource {
  return {
    id: plainId(record.id),
    externalId: resourceExternalId(record.id),
    parent: record.parentResourceId === undefined ? undefined : plainId(record.parentResourceId),
    record,
    data: encodeResource(record),
  };
}

/** Prepares a validated entitlement. */
export function prepareEntitlement(record: Entitlement): PreparedEntitlement {
  return { id: record.id, resource: plainId(record.resource.id), record, data: encodeEntitlement(record) };
}

/** Prepares a validated grant. */
export function prepareGrant(record: Grant): PreparedGrant {
  return {
    id: record.id,
    entitlementId: record.entitlement.id,
    resource: plainId(record.entitlement.resource.id),
    principal: plainId(record.principal.id),
    record,
    data: encodeGrant(record),
  };
}
