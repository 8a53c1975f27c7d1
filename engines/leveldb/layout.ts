/**
 * The key layout of the LevelDB store: one kind byte per keyspace, the builders of every key, and the secondary
 * index entries each record owns. Every key is `(FORMAT_VERSION, kind, ...components)` encoded by `keys.ts`; record
 * and index keys put the sync id first, so one sync's keys of one kind form one contiguous range.
 */
import type { ResourceId } from '../../models/types';
import { StorageError } from '../../models/contract/errors';
import { componentEnds, encodeKey, encodeOrderedInt, prefixRange, type KeyPart, type KeyRange } from './keys';

/** The first byte of every key; a store whose marker says otherwise is another format. */
export const FORMAT_VERSION = 1;

/** The kind byte of every keyspace. */
export const Kind = {
  /** (name) → value: the format marker. */
  meta: 0x00,
  /** (syncId) → sync run JSON. */
  syncRun: 0x01,
  /** (startedAt, syncId) → empty: listSyncRuns order. */
  syncByStart: 0x02,
  /** (syncId) → empty: a sync whose record ranges are garbage (a crashed diff/load, an unfinished delete). */
  pending: 0x03,
  /** (syncId, id) → envelope. */
  resourceType: 0x10,
  /** (syncId, type, id) → envelope; the type filter is a prefix of this primary key. */
  resource: 0x11,
  /** (syncId, id) → envelope. */
  entitlement: 0x12,
  /** (syncId, id) → envelope. */
  grant: 0x13,
  /** (syncId, id) → envelope with content type. */
  asset: 0x14,
  /** (syncId, parentType, parentId, type, id) → empty. */
  resourceByParent: 0x20,
  /** (syncId, resourceType, resourceId, entitlementId) → empty. */
  entitlementByResource: 0x21,
  /** (syncId, resourceType, resourceId, grantId) → empty: listGrants(resource) and listGrantsForResourceType. */
  grantByResource: 0x22,
  /** (syncId, entitlementId, principalType, principalId, grantId) → empty. */
  grantByEntitlement: 0x23,
  /** (syncId, principalType, principalId, entitlementId, grantId) → empty. */
  grantByPrincipal: 0x24,
  /** (syncId, record kind code) → decimal count. */
  count: 0x30,
  /** (syncId, resourceTypeId) → decimal count of resources of that type. */
  countByType: 0x31,
} as const;

/** The record kinds that live in a sync, in the order raw streams and verify walk them. */
export const RECORD_KINDS = [Kind.resourceType, Kind.resource, Kind.entitlement, Kind.grant, Kind.asset] as const;

/** The index kinds, in key order. */
export const INDEX_KINDS = [
  Kind.resourceByParent,
  Kind.entitlementByResource,
  Kind.grantByResource,
  Kind.grantByEntitlement,
  Kind.grantByPrincipal,
] as const;

/** Every keyspace scoped by a sync id as its first component (cleared when the sync goes). */
export const SYNC_SCOPED_KINDS = [...RECORD_KINDS, ...INDEX_KINDS, Kind.count, Kind.countByType] as const;

/** A record kind byte. */
export type RecordKindByte = (typeof RECORD_KINDS)[number];

/** Builds a key of the current format. */
export function key(kind: number, ...parts: readonly KeyPart[]): Buffer {
  return encodeKey(FORMAT_VERSION, kind, parts);
}

/** The range of keys of `kind` that extend the given components. */
export function range(kind: number, ...parts: readonly KeyPart[]): KeyRange {
  return prefixRange(key(kind, ...parts));
}

/** The key of the format marker. */
export const FORMAT_MARKER_KEY = key(Kind.meta, 'format');

/**
 * The listSyncRuns index key of a run. The id is stored as UTF-8, so byte order is SPEC §3's id order (UTF-8 bytes);
 * layout revision 1 stored it as UTF-16BE (code-unit order), see upgrade-sync-index.ts.
 */
export function syncByStartKey(startedAt: number, syncId: string, littleEndian = false): Buffer {
  const at = encodeOrderedInt(startedAt);
  return key(Kind.syncByStart, littleEndian ? at.reverse() : at, syncId);
}

/** The sync id held by a listSyncRuns index key's components. */
export function syncIdOfStartKey(parts: readonly Buffer[]): string {
  const id = parts[1];
  if (parts.length !== 2 || id === undefined) throw new StorageError('CORRUPTION', 'malformed sync index key');
  const text = id.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(id)) throw new StorageError('CORRUPTION', 'sync index key holds no UTF-8 id');
  return text;
}

/** The primary key of a resource. */
export function resourceKey(syncId: string, id: ResourceId): Buffer {
  return key(Kind.resource, syncId, id.resourceType, id.resource);
}

/** Index fields of an entitlement. */
export interface EntitlementFields {
  readonly id: string;
  readonly resource: ResourceId;
}

/** Index fields of a grant. */
export interface GrantFields {
  readonly id: string;
  readonly entitlementId: string;
  readonly resource: ResourceId;
  readonly principal: ResourceId;
}

/** Index fields of a resource. */
export interface ResourceFields {
  readonly id: ResourceId;
  readonly parent: ResourceId | undefined;
}

/** The index keys a resource owns. */
export function resourceIndexKeys(syncId: string, r: ResourceFields): Buffer[] {
  if (r.parent === undefined) return [];
  return [key(Kind.resourceByParent, syncId, r.parent.resourceType, r.parent.resource, r.id.resourceType, r.id.resource)];
}

/** The index keys an entitlement owns. */
export function entitlementIndexKeys(syncId: string, e: EntitlementFields): Buffer[] {
  return [key(Kind.entitlementByResource, syncId, e.resource.resourceType, e.resource.resource, e.id)];
}

/** The index keys a grant owns. */
export function grantIndexKeys(syncId: string, g: GrantFields): Buffer[] {
  const p = g.principal;
  return [
    key(Kind.grantByResource, syncId, g.resource.resourceType, g.resource.resource, g.id),
    key(Kind.grantByEntitlement, syncId, g.entitlementId, p.resourceType, p.resource, g.id),
    key(Kind.grantByPrincipal, syncId, p.resourceType, p.resource, g.entitlementId, g.id),
  ];
}

/** The primary key an index key points at, from its decoded components (sync id first). */
export function primaryKeyOfIndex(kind: number, parts: readonly Buffer[]): Buffer {
  if (parts.length !== INDEX_ARITY[kind]) {
    throw new StorageError('CORRUPTION', `index key of kind ${kind} has ${parts.length} components`);
  }
  const s = (i: number): Buffer => parts[i] as Buffer;
  switch (kind) {
    case Kind.resourceByParent:
      return key(Kind.resource, s(0), s(3), s(4));
    case Kind.entitlementByResource:
      return key(Kind.entitlement, s(0), s(3));
    case Kind.grantByResource:
      return key(Kind.grant, s(0), s(3));
    case Kind.grantByEntitlement:
      return key(Kind.grant, s(0), s(4));
    case Kind.grantByPrincipal:
      return key(Kind.grant, s(0), s(4));
    default:
      throw new StorageError('CORRUPTION', `kind ${kind} is not an index`);
  }
}

/** Per index kind: the record kind it points at and which of its components form that record's key. */
const INDEX_TARGETS: Readonly<Record<number, { readonly kind: number; readonly components: readonly number[] }>> = {
  [Kind.resourceByParent]: { kind: Kind.resource, components: [0, 3, 4] },
  [Kind.entitlementByResource]: { kind: Kind.entitlement, components: [0, 3] },
  [Kind.grantByResource]: { kind: Kind.grant, components: [0, 3] },
  [Kind.grantByEntitlement]: { kind: Kind.grant, components: [0, 4] },
  [Kind.grantByPrincipal]: { kind: Kind.grant, components: [0, 4] },
};

/**
 * The primary key an encoded index key points at, the same bytes as `primaryKeyOfIndex` of its decoded parts: an
 * encoded component is the same wherever it sits, so the record key is spliced from the index key's bytes (decoding
 * and re-encoding every component cost a list page more than reading its records).
 */
export function primaryKeyOfIndexKey(indexKey: Buffer): Buffer {
  const kind = indexKey[1] ?? -1;
  const target = INDEX_TARGETS[kind];
  if (target === undefined) throw new StorageError('CORRUPTION', `kind ${kind} is not an index`);
  const ends = componentEnds(indexKey);
  if (ends.length !== INDEX_ARITY[kind]) throw new StorageError('CORRUPTION', `index key of kind ${kind} has ${ends.length} components`);
  const spans = target.components.map((c) => [c === 0 ? 2 : (ends[c - 1] as number), ends[c] as number] as const);
  const out = Buffer.allocUnsafe(spans.reduce((n, [from, to]) => n + to - from, 2));
  out[0] = FORMAT_VERSION;
  out[1] = target.kind;
  let at = 2;
  for (const [from, to] of spans) at += indexKey.copy(out, at, from, to);
  return out;
}

/** The number of components an index key of each kind has. */
export const INDEX_ARITY: Readonly<Record<number, number>> = {
  [Kind.resourceByParent]: 5,
  [Kind.entitlementByResource]: 4,
  [Kind.grantByResource]: 4,
  [Kind.grantByEntitlement]: 5,
  [Kind.grantByPrincipal]: 5,
};

/** The key of a sync's counter of one record kind. */
export function countKey(syncId: string, kind: RecordKindByte): Buffer {
  return key(Kind.count, syncId, Uint8Array.of(kind));
}

/** The key of a sync's counter of resources of one type. */
export function countByTypeKey(syncId: string, typeId: string): Buffer {
  return key(Kind.countByType, syncId, typeId);
}
