import fc from 'fast-check';
import { encodeEntitlement, encodeGrant, encodeResource, encodeResourceType } from './index';
import * as arb from './test/arbitraries';
import { protobufjsCodecs } from './test/reference-codecs';

const pj = protobufjsCodecs();

/**
 * Turns a canonical record into what protobufjs encodes the same way: proto3 defaults dropped (protobufjs writes
 * every own property) and the sources list as a map object.
 */
function toProtobufjs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toProtobufjs);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === '' || (v instanceof Uint8Array && v.length === 0)) continue;
    if (k === 'sources' && Array.isArray((v as { sources?: unknown }).sources)) {
      const keys = (v as { sources: string[] }).sources;
      out[k] = { sources: Object.fromEntries(keys.map((key) => [key, {}])) };
    } else {
      out[k] = toProtobufjs(v);
    }
  }
  return out;
}

function sameAsProtobufjs<T>(record: fc.Arbitrary<T>, encode: (x: T) => Uint8Array, reference: { encode(m: unknown): Uint8Array }): void {
  fc.assert(
    fc.property(record, (x) => {
      expect(Buffer.from(encode(x)).toString('hex')).toBe(Buffer.from(reference.encode(toProtobufjs(x))).toString('hex'));
    }),
    { numRuns: 300 },
  );
}

// JavaScript objects put integer-like keys first, so protobufjs writes such map keys out of byte order.
const grantsWithoutIntegerKeys = arb.grant.filter((g) => !(g.sources?.sources ?? []).some((k) => /^\d+$/.test(k)));

describe('the wire format matches protobufjs for the same descriptor', () => {
  it('ResourceType', () => sameAsProtobufjs(arb.resourceType, encodeResourceType, pj.ResourceType));
  it('Resource', () => sameAsProtobufjs(arb.resource, encodeResource, pj.Resource));
  it('Entitlement', () => sameAsProtobufjs(arb.entitlement, encodeEntitlement, pj.Entitlement));
  it('Grant', () => sameAsProtobufjs(grantsWithoutIntegerKeys, encodeGrant, pj.Grant));
});
