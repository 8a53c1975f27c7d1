/**
 * Records as comparable text: identity, discovered_at and the hex of the deterministic protobuf encoding. Engines
 * return decoded canonical records and the model returns records as given, so only encodings are comparable.
 */
import type { Stored } from '../../models/contract/api';
import { encodeEntitlement, encodeGrant, encodeResource, encodeResourceType } from '../../models/codec';
import type { Entitlement, Grant, Resource, ResourceType } from '../../models/types';
import { keyOf } from './records';

/** Any record kind with a protobuf encoding. */
export type Entity = ResourceType | Resource | Entitlement | Grant;

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** The deterministic encoding of a record, as hex, chosen by the record's shape. */
export function encodedHex(record: Entity): string {
  if ('principal' in record) return hex(encodeGrant(record));
  if ('resource' in record && typeof record.id === 'string') return hex(encodeEntitlement(record as Entitlement));
  if (typeof record.id === 'object') return hex(encodeResource(record as Resource));
  return hex(encodeResourceType(record as ResourceType));
}

/** A stored record as `key@discoveredAt=hex`. */
export function encodedStored(stored: Stored<Entity>): string {
  return `${keyOf(stored)}@${stored.discoveredAt}=${encodedHex(stored.record)}`;
}

/** Stored records as sorted `key@discoveredAt=hex` lines, for comparison as sets. */
export function encodedSet(items: readonly Stored<Entity>[]): string[] {
  return items.map(encodedStored).sort();
}

/** A record as it would be stored at time `t`, in the same text form as `encodedStored`. */
export function expectedStored(record: Entity, t: number): string {
  return `${keyOf(record)}@${t}=${encodedHex(record)}`;
}
