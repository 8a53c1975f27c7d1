/**
 * fast-check arbitraries of canonical records: every optional field is either absent or non-default, so that
 * decode(encode(x)) must give back exactly x. Text covers ASCII ids, any code point (astral, U+0000) and, now and then,
 * values long enough to need multi-byte length prefixes.
 */
import fc from 'fast-check';
import type { AnyMessage, Entitlement, ExternalId, Grant, Resource, ResourceId, ResourceType } from '../../types';

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

// fc.record builds objects without a prototype when some keys are optional; records are plain objects.
function plain<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return arb.map((o) => ({ ...o }));
}

/** Any string, empty included: short ASCII, any code point, or long (up to a few KB). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 24 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 40, maxLength: 3000 }), weight: 1 },
);

/** A non-empty string (a non-default proto3 string). */
export const text: fc.Arbitrary<string> = anyText.filter((s) => s.length > 0);

/** A non-zero int32 (a non-default enum value, known or not). */
export const enumValue: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: INT32_MIN, max: INT32_MAX }).filter((v) => v !== 0),
);

const bytes = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 16 }), weight: 4 },
  { arbitrary: fc.uint8Array({ minLength: 100, maxLength: 20000 }), weight: 1 },
);

/** An Any: both fields always present (the type requires them), either may be empty. */
export const anyMessage: fc.Arbitrary<AnyMessage> = plain(fc.record({ typeUrl: anyText, value: bytes }));

const annotations = fc.array(anyMessage, { minLength: 1, maxLength: 3 });

/** A canonical ResourceType. */
export const resourceType: fc.Arbitrary<ResourceType> = plain(fc.record(
  {
    id: anyText,
    displayName: text,
    traits: fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: INT32_MIN, max: INT32_MAX })), {
      minLength: 1,
      maxLength: 6,
    }),
    annotations,
    description: text,
    sourcedExternally: fc.constant(true as const),
  },
  { requiredKeys: ['id'] }),
);

/** A canonical ResourceId. */
export const resourceId: fc.Arbitrary<ResourceId> = plain(fc.record(
  { resourceType: anyText, resource: anyText, batonResource: fc.constant(true as const) },
  { requiredKeys: ['resourceType', 'resource'] }),
);

const externalId: fc.Arbitrary<ExternalId> = plain(fc.record(
  { id: text, link: text, description: text },
  { requiredKeys: [] }),
);

/** A canonical Resource. */
export const resource: fc.Arbitrary<Resource> = plain(fc.record(
  {
    id: resourceId,
    parentResourceId: resourceId,
    displayName: text,
    annotations,
    description: text,
    batonResource: fc.constant(true as const),
    externalId,
    creationSource: enumValue,
  },
  { requiredKeys: ['id'] }),
);

/** A canonical Entitlement. */
export const entitlement: fc.Arbitrary<Entitlement> = plain(fc.record(
  {
    resource,
    id: anyText,
    displayName: text,
    description: text,
    grantableTo: fc.array(resourceType, { minLength: 1, maxLength: 3 }),
    annotations,
    purpose: enumValue,
    slug: text,
  },
  { requiredKeys: ['resource', 'id'] }),
);

/** Compares strings by their UTF-8 bytes, the order of map keys on the wire. */
export function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Distinct source keys in UTF-8 byte order, as a canonical GrantSources holds them. */
export const sourceKeys: fc.Arbitrary<string[]> = fc
  .uniqueArray(anyText, { maxLength: 6 })
  .map((keys) => [...keys].sort(byUtf8));

/** A canonical Grant. */
export const grant: fc.Arbitrary<Grant> = plain(fc.record(
  {
    entitlement,
    principal: resource,
    id: anyText,
    annotations,
    sources: sourceKeys.map((sources) => ({ sources })),
  },
  { requiredKeys: ['entitlement', 'principal', 'id'] }),
);
