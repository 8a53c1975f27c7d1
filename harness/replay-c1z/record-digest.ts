/**
 * Order-independent digests of drained lists: each listed record hashes to two 32-bit lanes over its canonical bytes
 * (the deterministic protobuf encoding and discovered_at), and a list's digest is the count and the lane sums. Two
 * engines whose drained answers hold the same records (in any order) have equal digests; computing one is linear and
 * needs no memory beyond the running sums.
 */
import { encodeEntitlement, encodeGrant, encodeResource, encodeResourceType } from '../../models/codec';
import type { Entitlement, Grant, Resource, ResourceType } from '../../models/types';

/** The record kinds a list returns. */
export type ListedKind = 'resourceType' | 'resource' | 'entitlement' | 'grant';

const ENCODERS: Readonly<Record<ListedKind, (record: unknown) => Uint8Array>> = {
  resourceType: (r) => encodeResourceType(r as ResourceType),
  resource: (r) => encodeResource(r as Resource),
  entitlement: (r) => encodeEntitlement(r as Entitlement),
  grant: (r) => encodeGrant(r as Grant),
};

/** FNV-1a-style lanes with different primes and seeds, finalised with murmur3's mixer. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Two independent 32-bit hashes of `bytes` followed by `extra` (a safe integer). */
export function hashBytes(bytes: Uint8Array, extra: number): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const lo = extra >>> 0;
  const hi = Math.floor(extra / 0x1_0000_0000) >>> 0;
  a = Math.imul(a ^ lo, 0x01000193) ^ hi;
  b = Math.imul(b ^ hi, 0x5bd1e995) ^ lo;
  return [fmix(a ^ bytes.length), fmix(b + bytes.length)];
}

/** A 32-bit hash of a string (an identity), for bucketing. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** The two lanes of one listed `Stored<T>`; a record the codec rejects hashes as its error message. */
export function hashStored(kind: ListedKind, stored: { record: unknown; discoveredAt: unknown }): [number, number] {
  let bytes: Uint8Array;
  try {
    bytes = ENCODERS[kind](stored.record);
  } catch (err) {
    bytes = new TextEncoder().encode(`unencodable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const t = typeof stored.discoveredAt === 'number' && Number.isSafeInteger(stored.discoveredAt) ? stored.discoveredAt : -1;
  return hashBytes(bytes, t);
}

/** A running multiset digest. */
export class ListDigest {
  count = 0;
  private a = 0;
  private b = 0;

  /** Adds one record's lanes. */
  add([a, b]: [number, number]): void {
    this.count += 1;
    this.a = (this.a + a) >>> 0;
    this.b = (this.b + b) >>> 0;
  }

  /** The digest as text: `n=<count> <lane a><lane b>` in hex. */
  text(): string {
    return `n=${this.count} ${this.a.toString(16).padStart(8, '0')}${this.b.toString(16).padStart(8, '0')}`;
  }
}
