/**
 * Command arbitraries of the record writers: puts of listed items (duplicates common), empty puts, seeded batches
 * (`@batch`, cheap to shrink; some poisoned), deletes of present and missing grants, and assets of every size
 * around the engine's limit.
 */
import fc from 'fast-check';
import { BATCH_POOLS, type BytesRef, type ItemSource } from '../ops/items';
import { makeOp } from '../ops/make-op';
import type { DeleteGrantOp, PutAssetOp, PutEntitlementsOp, PutGrantsOp, PutResourcesOp, PutResourceTypesOp } from '../ops/put-ops';
import { bytesToHex } from '../ops/records';
import { chance, fromList, weighted } from './draw';
import type { GenContext } from './gen-context';
import {
  entitlementItemArbitrary,
  grantItemArbitrary,
  resourceItemArbitrary,
  resourceTypeItemArbitrary,
} from './item-arbitraries';

/** The items of a put: listed, empty, or a seeded batch, as the preset weighs them. */
function itemSource<T>(g: GenContext, item: fc.Arbitrary<T>): fc.Arbitrary<ItemSource<T>> {
  const v = g.values;
  const batch = fc
    .record({ seed: fc.nat(), n: fromList(v.batchSizes), pool: fromList(BATCH_POOLS), poison: chance(v.poisonPct) })
    .map((b) => ({ batch: b }));
  const listed = fc
    .array(item, { minLength: Math.max(1, v.itemsPerPut.min), maxLength: v.itemsPerPut.max })
    .map((items) => ({ items }));
  return weighted<ItemSource<T>>([
    [100 - v.emptyPutPct - v.batchPct, listed],
    [v.emptyPutPct, fc.constant({ items: [] })],
    [v.batchPct, batch],
  ]);
}

/** `putResourceTypes`. */
export function putResourceTypesCommand(g: GenContext): fc.Arbitrary<PutResourceTypesOp> {
  return fc
    .tuple(itemSource(g, resourceTypeItemArbitrary(g)), chance(g.values.ifNewerPct))
    .map(([source, ifNewer]) => makeOp({ kind: 'putResourceTypes', source, ifNewer }));
}

/** `putResources`. */
export function putResourcesCommand(g: GenContext): fc.Arbitrary<PutResourcesOp> {
  return fc
    .tuple(itemSource(g, resourceItemArbitrary(g)), chance(g.values.ifNewerPct))
    .map(([source, ifNewer]) => makeOp({ kind: 'putResources', source, ifNewer }));
}

/** `putEntitlements`. */
export function putEntitlementsCommand(g: GenContext): fc.Arbitrary<PutEntitlementsOp> {
  return fc
    .tuple(itemSource(g, entitlementItemArbitrary(g)), chance(g.values.ifNewerPct))
    .map(([source, ifNewer]) => makeOp({ kind: 'putEntitlements', source, ifNewer }));
}

/** `putGrants`. */
export function putGrantsCommand(g: GenContext): fc.Arbitrary<PutGrantsOp> {
  return fc
    .tuple(itemSource(g, grantItemArbitrary(g)), chance(g.values.ifNewerPct))
    .map(([source, ifNewer]) => makeOp({ kind: 'putGrants', source, ifNewer }));
}

/** `deleteGrant` of an id from the grant pool (present or missing). */
export function deleteGrantCommand(g: GenContext): fc.Arbitrary<DeleteGrantOp> {
  return g.vocab.grantId.map((id) => makeOp({ kind: 'deleteGrant', id }));
}

/** Asset bytes: small ones as hex, big ones (the sizes near the limit) as seeded `@bytes`. */
function assetData(g: GenContext): fc.Arbitrary<BytesRef> {
  return fc
    .tuple(fromList(g.values.assetSizes), fc.nat(), fc.uint8Array({ minLength: 16, maxLength: 16 }))
    .map(([size, seed, bytes]): BytesRef => (size <= 16 ? { hex: bytesToHex(bytes.subarray(0, size)) } : { seed, size }));
}

/** `putAsset`. */
export function putAssetCommand(g: GenContext): fc.Arbitrary<PutAssetOp> {
  return fc
    .tuple(g.vocab.assetId, g.vocab.contentType, assetData(g))
    .map(([id, contentType, data]) => makeOp({ kind: 'putAsset', id, contentType, data }));
}
