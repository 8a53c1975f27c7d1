/**
 * Arbitraries of the records that puts carry. Most items hold only their ids (drawn from small pools, so that
 * duplicates and overwrites are common); `richItemPct` percent also carry names, annotations, traits and the like,
 * so the protobuf bytes vary too.
 */
import fc from 'fast-check';
import type { ResourceId } from '../../models/types';
import type { AnnotationItem, EntitlementItem, GrantItem, ResourceItem, ResourceTypeItem } from '../ops/items';
import { bytesToHex } from '../ops/records';
import { either, sometimes } from './draw';
import { present } from '../ops/present';
import type { GenContext } from './gen-context';

/** A ResourceId; `batonResource` is set rarely. */
export function ridArbitrary(g: GenContext): fc.Arbitrary<ResourceId> {
  return fc
    .tuple(g.vocab.typeId, g.vocab.resourceId, sometimes(3, fc.boolean()))
    .map(([resourceType, resource, batonResource]) => present<ResourceId>({ resourceType, resource, batonResource }));
}

function annotations(g: GenContext): fc.Arbitrary<readonly AnnotationItem[]> {
  const one = fc.record({ typeUrl: g.vocab.text, value: fc.uint8Array({ maxLength: 8 }).map(bytesToHex) });
  return fc.array(one, { minLength: 0, maxLength: 2 });
}

/** `base` plus, `richItemPct` percent of the time, the optional fields drawn by `extras`. */
function rich<T extends object>(g: GenContext, base: fc.Arbitrary<T>, extras: fc.Arbitrary<Partial<T>>): fc.Arbitrary<T> {
  return either(g.values.richItemPct, fc.tuple(base, extras).map(([b, e]) => ({ ...b, ...e })), base);
}

/** A resource type item. */
export function resourceTypeItemArbitrary(g: GenContext): fc.Arbitrary<ResourceTypeItem> {
  const extras = fc.record(
    {
      displayName: g.vocab.text,
      traits: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
      annotations: annotations(g),
      description: g.vocab.text,
      sourcedExternally: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  return rich<ResourceTypeItem>(g, g.vocab.typeId.map((id) => ({ id })), extras);
}

/** A resource item that holds only its id (as nested in entitlements and grants). */
function bareResource(g: GenContext): fc.Arbitrary<ResourceItem> {
  return ridArbitrary(g).map((id) => ({ id }));
}

/** A resource item; a quarter have a parent. */
export function resourceItemArbitrary(g: GenContext): fc.Arbitrary<ResourceItem> {
  const base = fc
    .tuple(ridArbitrary(g), sometimes(25, ridArbitrary(g)))
    .map(([id, parentResourceId]) => present<ResourceItem>({ id, parentResourceId }));
  const extras = fc.record(
    {
      displayName: g.vocab.text,
      annotations: annotations(g),
      description: g.vocab.text,
      batonResource: fc.boolean(),
      externalId: fc.record({ id: g.vocab.text, link: g.vocab.text, description: g.vocab.text }, { requiredKeys: [] }),
      creationSource: fc.integer({ min: 0, max: 2 }),
    },
    { requiredKeys: [] },
  );
  return rich(g, base, extras);
}

/** An entitlement item whose resource holds only its id. */
export function entitlementItemArbitrary(g: GenContext): fc.Arbitrary<EntitlementItem> {
  const base = fc.record({ id: g.vocab.entitlementId, resource: bareResource(g) });
  const extras = fc.record(
    {
      displayName: g.vocab.text,
      description: g.vocab.text,
      grantableTo: fc.array(resourceTypeItemArbitrary(g), { maxLength: 2 }),
      annotations: annotations(g),
      purpose: fc.integer({ min: 0, max: 2 }),
      slug: g.vocab.text,
    },
    { requiredKeys: [] },
  );
  return rich<EntitlementItem>(g, base, extras);
}

/** A grant item: an entitlement (id and resource id) and a principal (id only). */
export function grantItemArbitrary(g: GenContext): fc.Arbitrary<GrantItem> {
  const entitlement = fc.record({ id: g.vocab.entitlementId, resource: bareResource(g) });
  const base = fc.record({ id: g.vocab.grantId, entitlement, principal: bareResource(g) });
  const extras = fc.record(
    { annotations: annotations(g), sources: fc.array(g.vocab.text, { maxLength: 3 }) },
    { requiredKeys: [] },
  );
  return rich<GrantItem>(g, base, extras);
}
