/**
 * Entity types of the c1z store, mirroring the `c1.connector.v2` protobuf messages (SPEC §1).
 *
 * Optional fields hold protobuf defaults when absent: a decoder leaves a default field out, so two equal
 * records always have the same shape and the same deterministic encoding.
 */

/** Microseconds since the Unix epoch, an integer. */
export type Micros = number;

/** The five sync types of SPEC §1. */
export const SYNC_TYPES = ['full', 'partial', 'resources_only', 'partial_upserts', 'partial_deletions'] as const;

/** One of the sync types of SPEC §1. */
export type SyncType = (typeof SYNC_TYPES)[number];

/** A protobuf `google.protobuf.Any`, kept opaque. */
export interface AnyMessage {
  readonly typeUrl: string;
  readonly value: Uint8Array;
}

/** `c1.connector.v2.ResourceType`. Traits: 0 unspecified, 1 user, 2 group, 3 role, 4 app, 5 secret. */
export interface ResourceType {
  readonly id: string;
  readonly displayName?: string;
  readonly traits?: readonly number[];
  readonly annotations?: readonly AnyMessage[];
  readonly description?: string;
  readonly sourcedExternally?: boolean;
}

/** `c1.connector.v2.ResourceId`. */
export interface ResourceId {
  readonly resourceType: string;
  readonly resource: string;
  readonly batonResource?: boolean;
}

/** `c1.connector.v2.ExternalId`. */
export interface ExternalId {
  readonly id?: string;
  readonly link?: string;
  readonly description?: string;
}

/** `c1.connector.v2.Resource`. creationSource: 0 unspecified, 1 list_resources, 2 grants_principal_jit. */
export interface Resource {
  readonly id: ResourceId;
  readonly parentResourceId?: ResourceId;
  readonly displayName?: string;
  readonly annotations?: readonly AnyMessage[];
  readonly description?: string;
  readonly batonResource?: boolean;
  readonly externalId?: ExternalId;
  readonly creationSource?: number;
}

/** `c1.connector.v2.Entitlement`. purpose: 0 unspecified, 1 assignment, 2 permission. */
export interface Entitlement {
  readonly resource: Resource;
  readonly id: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly grantableTo?: readonly ResourceType[];
  readonly annotations?: readonly AnyMessage[];
  readonly purpose?: number;
  readonly slug?: string;
}

/** `c1.connector.v2.GrantSources`: a map of source ids to empty `GrantSource` messages. */
export interface GrantSources {
  readonly sources: readonly string[];
}

/** `c1.connector.v2.Grant`. */
export interface Grant {
  readonly entitlement: Entitlement;
  readonly principal: Resource;
  readonly id: string;
  readonly annotations?: readonly AnyMessage[];
  readonly sources?: GrantSources;
}

/** An asset: opaque bytes with a content type (not a protobuf message). */
export interface Asset {
  readonly id: string;
  readonly contentType: string;
  readonly data: Uint8Array;
}

/** One sync run. `endedAt` is absent while the sync is running. */
export interface SyncRun {
  readonly id: string;
  readonly startedAt: Micros;
  readonly endedAt?: Micros;
  readonly syncToken: string;
  readonly syncType: SyncType;
  readonly parentSyncId: string;
}

/** The record kinds that live inside a sync. */
export type RecordKind = 'resourceType' | 'resource' | 'entitlement' | 'grant' | 'asset';
