/**
 * Per-kind knowledge of stored records: how a record's bytes decode, which identity components its primary key
 * holds, which index keys it owns and what its raw id is. Decoding failures become CORRUPTION.
 */
import type { Stored } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import { resourceExternalId } from '../base/prepared';
import type { Entitlement, Grant, RecordKind, Resource, ResourceId, ResourceType } from '../../models/types';
import { decodeEntitlement, decodeGrant, decodeResource, decodeResourceType } from '../../models/codec';
import type { KeyPart } from './keys';
import { entitlementIndexKeys, grantIndexKeys, Kind, key, resourceIndexKeys, type RecordKindByte } from './layout';
import { decodeEnvelope } from './values';

/** What the store needs to know about one record kind. */
export interface RecordSpec<T> {
  readonly kind: RecordKindByte;
  readonly name: RecordKind;
  /** Decodes the record's bytes (protobuf; an asset's bytes are not decoded). */
  decode(data: Uint8Array): T;
  /** The primary key components after the sync id. */
  identity(record: T): KeyPart[];
  /** The index keys the record owns in `syncId`. */
  indexKeys(syncId: string, record: T): Buffer[];
  /** The RawRecord id: the record id, or `type:id` for a resource. */
  rawId(record: T): string;
}

function plain(id: ResourceId): ResourceId {
  return { resourceType: id.resourceType, resource: id.resource };
}

/** Runs a protobuf decoder, turning any failure into CORRUPTION. */
function decoding<T>(what: string, decode: (b: Uint8Array) => T, data: Uint8Array): T {
  try {
    return decode(data);
  } catch (err) {
    throw new StorageError('CORRUPTION', `undecodable ${what} record`, { cause: err });
  }
}

/** Resource types. */
export const resourceTypeSpec: RecordSpec<ResourceType> = {
  kind: Kind.resourceType,
  name: 'resourceType',
  decode: (d) => decoding('resource type', decodeResourceType, d),
  identity: (r) => [r.id],
  indexKeys: () => [],
  rawId: (r) => r.id,
};

/** Resources. */
export const resourceSpec: RecordSpec<Resource> = {
  kind: Kind.resource,
  name: 'resource',
  decode: (d) => {
    const r = decoding('resource', decodeResource, d);
    if (r.id === undefined) throw new StorageError('CORRUPTION', 'resource record without an id');
    return r;
  },
  identity: (r) => [r.id.resourceType, r.id.resource],
  indexKeys: (s, r) => resourceIndexKeys(s, { id: r.id, parent: r.parentResourceId === undefined ? undefined : plain(r.parentResourceId) }),
  rawId: (r) => resourceExternalId(r.id),
};

/** Entitlements. */
export const entitlementSpec: RecordSpec<Entitlement> = {
  kind: Kind.entitlement,
  name: 'entitlement',
  decode: (d) => {
    const e = decoding('entitlement', decodeEntitlement, d);
    if (e.resource?.id === undefined) throw new StorageError('CORRUPTION', 'entitlement record without a resource id');
    return e;
  },
  identity: (e) => [e.id],
  indexKeys: (s, e) => entitlementIndexKeys(s, { id: e.id, resource: plain(e.resource.id) }),
  rawId: (e) => e.id,
};

/** Grants. */
export const grantSpec: RecordSpec<Grant> = {
  kind: Kind.grant,
  name: 'grant',
  decode: (d) => {
    const g = decoding('grant', decodeGrant, d);
    if (g.entitlement?.resource?.id === undefined || g.principal?.id === undefined) {
      throw new StorageError('CORRUPTION', 'grant record without entitlement resource or principal id');
    }
    return g;
  },
  identity: (g) => [g.id],
  indexKeys: (s, g) =>
    grantIndexKeys(s, {
      id: g.id,
      entitlementId: g.entitlement.id,
      resource: plain(g.entitlement.resource.id),
      principal: plain(g.principal.id),
    }),
  rawId: (g) => g.id,
};

/** Specs of the protobuf record kinds by kind byte. */
export const SPECS: Readonly<Record<number, RecordSpec<unknown>>> = {
  [Kind.resourceType]: resourceTypeSpec as RecordSpec<unknown>,
  [Kind.resource]: resourceSpec as RecordSpec<unknown>,
  [Kind.entitlement]: entitlementSpec as RecordSpec<unknown>,
  [Kind.grant]: grantSpec as RecordSpec<unknown>,
};

/** The kind byte of a raw record kind. */
export const KIND_OF: Readonly<Record<RecordKind, RecordKindByte>> = {
  resourceType: Kind.resourceType,
  resource: Kind.resource,
  entitlement: Kind.entitlement,
  grant: Kind.grant,
  asset: Kind.asset,
};

/** The raw record kind of a kind byte. */
export const NAME_OF: Readonly<Record<number, RecordKind>> = {
  [Kind.resourceType]: 'resourceType',
  [Kind.resource]: 'resource',
  [Kind.entitlement]: 'entitlement',
  [Kind.grant]: 'grant',
  [Kind.asset]: 'asset',
};

/** Decodes a stored value of a protobuf kind into a Stored record; CORRUPTION when unreadable. */
export function decodeStored<T>(spec: RecordSpec<T>, value: Uint8Array): Stored<T> {
  const env = decodeEnvelope(value);
  return { record: spec.decode(env.data), discoveredAt: env.discoveredAt };
}

/** The primary key of a record of `spec` in `syncId`. */
export function primaryKey<T>(spec: RecordSpec<T>, syncId: string, record: T): Buffer {
  return key(spec.kind, syncId, ...spec.identity(record));
}
