/**
 * Records as bytes for the model's RawStore side: entries encoded with the codec, raw records decoded into entries.
 * A record that does not decode is CORRUPTION.
 */
import type { RawRecord } from '../contract/raw';
import { StorageError } from '../contract/errors';
import {
  CodecError,
  decodeEntitlement,
  decodeGrant,
  decodeResource,
  decodeResourceType,
  encodeEntitlement,
  encodeGrant,
  encodeResource,
  encodeResourceType,
} from '../codec';
import { assetEntry, entitlementEntry, grantEntry, resourceEntry, resourceTypeEntry } from './entries';
import type { SyncData } from './state';

/** Every record of a sync as raw records, kind by kind (entries are immutable, so the sync may change meanwhile). */
export function* encodeSync(sync: SyncData): Generator<RawRecord> {
  for (const e of [...sync.resourceTypes.values()]) {
    yield { kind: 'resourceType', id: e.key, discoveredAt: e.discoveredAt, data: encodeResourceType(e.record) };
  }
  for (const e of [...sync.resources.values()]) {
    yield { kind: 'resource', id: e.key, discoveredAt: e.discoveredAt, data: encodeResource(e.record) };
  }
  for (const e of [...sync.entitlements.values()]) {
    yield { kind: 'entitlement', id: e.key, discoveredAt: e.discoveredAt, data: encodeEntitlement(e.record) };
  }
  for (const e of [...sync.grants.values()]) {
    yield { kind: 'grant', id: e.key, discoveredAt: e.discoveredAt, data: encodeGrant(e.record) };
  }
  for (const e of [...sync.assets.values()]) {
    yield { kind: 'asset', id: e.key, discoveredAt: e.discoveredAt, data: Uint8Array.from(e.data), contentType: e.contentType };
  }
}

/** Decodes a record's bytes; any failure is CORRUPTION, since decoding touches nothing but the bytes. */
function decoded<T>(decode: (bytes: Uint8Array) => T, raw: RawRecord): T {
  try {
    return decode(raw.data);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new StorageError('CORRUPTION', `${raw.kind} ${JSON.stringify(raw.id)} does not decode: ${message}`, { cause: err });
  }
}

/** Throws INVALID_ARGUMENT when a record cannot be encoded (an enum outside int32, say), so that it is never stored. */
export function checkEncodable(encode: () => Uint8Array, what: string): void {
  try {
    encode();
  } catch (err) {
    if (err instanceof CodecError) throw new StorageError('INVALID_ARGUMENT', `${what}: ${err.message}`, { cause: err });
    throw err;
  }
}

/**
 * Adds one raw record to a sync, keyed by the identity its decoded record carries (for an asset, its id). A later
 * record with the same identity replaces an earlier one.
 */
export function loadRecord(sync: SyncData, raw: RawRecord): void {
  switch (raw.kind) {
    case 'resourceType': {
      const e = resourceTypeEntry(decoded(decodeResourceType, raw), raw.discoveredAt);
      sync.resourceTypes.set(e.key, e);
      return;
    }
    case 'resource': {
      const e = resourceEntry(decoded(decodeResource, raw), raw.discoveredAt);
      sync.resources.set(e.key, e);
      return;
    }
    case 'entitlement': {
      const e = entitlementEntry(decoded(decodeEntitlement, raw), raw.discoveredAt);
      sync.entitlements.set(e.key, e);
      return;
    }
    case 'grant': {
      const e = grantEntry(decoded(decodeGrant, raw), raw.discoveredAt);
      sync.grants.set(e.key, e);
      return;
    }
    case 'asset': {
      if (!(raw.data instanceof Uint8Array)) throw new StorageError('CORRUPTION', `asset ${raw.id}: data is not bytes`);
      sync.assets.set(raw.id, assetEntry(raw.id, raw.contentType ?? '', raw.data, raw.discoveredAt));
      return;
    }
    default:
      throw new StorageError('INVALID_ARGUMENT', `unknown record kind ${JSON.stringify((raw as { kind: unknown }).kind)}`);
  }
}
