import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import {
  decodeEntitlement,
  decodeGrant,
  decodeResource,
  decodeResourceType,
  encodeEntitlement,
  encodeGrant,
  encodeResource,
  encodeResourceType,
} from './index';
import * as arb from './test/arbitraries';

function roundTrips<T>(record: fc.Arbitrary<T>, encode: (x: T) => Uint8Array, decode: (b: Uint8Array) => T, numRuns: number): void {
  fc.assert(
    fc.property(record, (x) => {
      const bytes = encode(x);
      const back = decode(bytes);
      // isDeepStrictEqual also checks that no absent field came back as an explicit default.
      return isDeepStrictEqual(back, x) && Buffer.from(encode(back)).equals(bytes);
    }),
    { numRuns },
  );
}

describe('decode(encode(x)) equals x for canonical records', () => {
  it('ResourceType', () => roundTrips(arb.resourceType, encodeResourceType, decodeResourceType, 1000));
  it('Resource', () => roundTrips(arb.resource, encodeResource, decodeResource, 1000));
  it('Entitlement', () => roundTrips(arb.entitlement, encodeEntitlement, decodeEntitlement, 1000));
  it('Grant', () => roundTrips(arb.grant, encodeGrant, decodeGrant, 1000));
});

describe('edge values', () => {
  it('keeps U+0000, astral characters and U+FFFD in strings', () => {
    const r = { id: { resourceType: 'a\u0000b', resource: '😀\u{10FFFF}' }, displayName: '\u0000', description: '\uFFFD' };
    expect(decodeResource(encodeResource(r))).toEqual(r);
  });

  it('keeps an empty annotation value and type url as present, empty fields', () => {
    const rt = { id: 'user', annotations: [{ typeUrl: '', value: new Uint8Array(0) }] };
    const bytes = encodeResourceType(rt);
    expect(Array.from(bytes)).toEqual([0x0a, 4, 0x75, 0x73, 0x65, 0x72, 0x22, 0x00]);
    expect(decodeResourceType(bytes)).toStrictEqual(rt);
  });

  it('writes lengths of 128 and 16384 bytes as multi-byte varints', () => {
    for (const n of [127, 128, 16383, 16384, 70000]) {
      const rt = { id: 'x'.repeat(n) };
      const bytes = encodeResourceType(rt);
      expect(bytes.length).toBe(1 + (n < 128 ? 1 : n < 16384 ? 2 : 3) + n);
      expect(decodeResourceType(bytes)).toEqual(rt);
    }
  });

  it('encodes a record larger than the writer keeps, then small ones again', () => {
    const big = { id: 'y'.repeat(1_500_000), displayName: 'é'.repeat(10) };
    expect(decodeResourceType(encodeResourceType(big))).toEqual(big);
    expect(Array.from(encodeResourceType({ id: 'ok' }))).toEqual([0x0a, 0x02, 0x6f, 0x6b]);
  });

  it('writes negative enums as ten-byte varints and reads them back', () => {
    const rt = { id: 't', traits: [-1, 0, 2147483647, -2147483648] };
    const bytes = encodeResourceType(rt);
    expect(Buffer.from(bytes).toString('hex')).toBe(
      '0a0174' + '1a' + '1a' + 'ffffffffffffffffff01' + '00' + 'ffffffff07' + '80808080f8ffffffff01',
    );
    expect(decodeResourceType(bytes)).toEqual(rt);
  });

  it('omits default values and always writes the required sub-messages', () => {
    const g = {
      entitlement: { resource: { id: { resourceType: '', resource: '' }, displayName: '' }, id: '', purpose: 0 },
      principal: { id: { resourceType: '', resource: '' }, annotations: [], batonResource: false },
      id: '',
      annotations: [],
    };
    expect(Buffer.from(encodeGrant(g)).toString('hex')).toBe('0a04' + '0a02' + '0a00' + '1202' + '0a00');
    expect(decodeGrant(encodeGrant(g))).toStrictEqual({
      entitlement: { resource: { id: { resourceType: '', resource: '' } }, id: '' },
      principal: { id: { resourceType: '', resource: '' } },
      id: '',
    });
  });

  it('decodes Buffers and views with an offset, and copies bytes fields out of the input', () => {
    const bytes = encodeResourceType({ id: 'u', annotations: [{ typeUrl: 't', value: new Uint8Array([1, 2, 3]) }] });
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 5);
    const view = padded.subarray(5, 5 + bytes.length);
    const decoded = decodeResourceType(view);
    padded.fill(0);
    expect(decoded).toStrictEqual({ id: 'u', annotations: [{ typeUrl: 't', value: new Uint8Array([1, 2, 3]) }] });
    const fromBuffer = decodeResourceType(Buffer.from(bytes));
    expect(fromBuffer.annotations?.[0]?.value.constructor).toBe(Uint8Array);
  });
});
