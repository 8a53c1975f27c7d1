import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
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
} from './index';
import * as arb from './test/arbitraries';
import { readFixtureTables } from './test/fixture-blobs';

interface Kind {
  readonly name: string;
  readonly decode: (b: Uint8Array) => unknown;
  readonly encode: (x: never) => Uint8Array;
}

const KINDS: readonly Kind[] = [
  { name: 'ResourceType', decode: decodeResourceType, encode: encodeResourceType },
  { name: 'Resource', decode: decodeResource, encode: encodeResource },
  { name: 'Entitlement', decode: decodeEntitlement, encode: encodeEntitlement },
  { name: 'Grant', decode: decodeGrant, encode: encodeGrant },
];

/** Decodes, and on success checks that re-encoding and decoding again gives the same record. */
function decodeOrCodecError(kind: Kind, bytes: Uint8Array): 'ok' | 'error' {
  let decoded: unknown;
  try {
    decoded = kind.decode(bytes);
  } catch (err) {
    if (!(err instanceof CodecError)) throw err;
    expect(err.message).toMatch(new RegExp(`^\\S+.*: .* at byte \\d+$|: invalid UTF-8`));
    return 'error';
  }
  const again = kind.decode(kind.encode(decoded as never));
  if (!isDeepStrictEqual(again, decoded)) throw new Error(`${kind.name}: decode(encode(decode(b))) differs`);
  return 'ok';
}

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('malformed input gives CodecError, and nothing else', () => {
  it('random bytes: every decoder succeeds or throws CodecError', () => {
    const seen = { ok: 0, error: 0 };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        for (const kind of KINDS) seen[decodeOrCodecError(kind, b)]++;
      }),
      { numRuns: 1500 },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.error).toBeGreaterThan(0);
  });

  it('mutated and truncated valid grants: succeed or throw CodecError', () => {
    const grantKind = KINDS[3] as Kind;
    fc.assert(
      fc.property(arb.grant, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (g, i, j, v) => {
        const valid = encodeGrant(g);
        const flipped = valid.slice();
        if (flipped.length > 0) flipped[i % flipped.length] = v;
        decodeOrCodecError(grantKind, flipped);
        decodeOrCodecError(grantKind, valid.subarray(0, j % (valid.length + 1)));
        const inserted = new Uint8Array(valid.length + 1);
        const at = j % (valid.length + 1);
        inserted.set(valid.subarray(0, at));
        inserted[at] = v;
        inserted.set(valid.subarray(at), at + 1);
        decodeOrCodecError(grantKind, inserted);
      }),
      { numRuns: 300 },
    );
  });

  it('every prefix of a real grant decodes or throws CodecError', () => {
    const grants = readFixtureTables('small-unexpanded.c1z').find((t) => t.table === 'v1_grants')?.blobs ?? [];
    const longest = [...grants].sort((a, b) => b.length - a.length)[0] ?? new Uint8Array();
    expect(longest.length).toBeGreaterThan(100);
    let errors = 0;
    for (let n = 0; n < longest.length; n++) if (decodeOrCodecError(KINDS[3] as Kind, longest.subarray(0, n)) === 'error') errors++;
    expect(errors).toBeGreaterThan(0);
  });

  it.each([
    ['a group start', bytes(0x0b), /group \(wire type 3\)/],
    ['a group end', bytes(0x0c), /group \(wire type 4\)/],
    ['wire type 6', bytes(0x0e), /invalid wire type 6/],
    ['wire type 7', bytes(0x0f, 0x00), /invalid wire type 7/],
    ['field number 0', bytes(0x02, 0x00), /invalid field number/],
    ['a field number past 2^29 - 1', bytes(0x80, 0x80, 0x80, 0x80, 0x10, 0x00), /invalid field number/],
    ['a truncated varint', bytes(0x30, 0x80), /truncated varint at byte 1/],
    ['an 11-byte varint', bytes(0x30, ...new Array<number>(10).fill(0xff), 0x01), /varint/],
    ['a 10th varint byte above 1', bytes(0x30, ...new Array<number>(9).fill(0xff), 0x02), /overflows 64 bits/],
    ['a length past the end', bytes(0x0a, 0x05, 0x61), /length 5 runs past the end at byte 1/],
    ['a huge length', bytes(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f), /runs past the end/],
    ['a 64-bit length', bytes(0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), /runs past the end/],
    ['a truncated 64-bit field', bytes(0x79, 1, 2, 3), /truncated 64-bit field/],
    ['a truncated 32-bit field', bytes(0x7d, 1, 2, 3), /truncated 32-bit field/],
    ['bad UTF-8', bytes(0x0a, 0x02, 0xc3, 0x28), /ResourceType.id: invalid UTF-8 at byte 3/],
    ['an overlong encoding', bytes(0x0a, 0x02, 0xc0, 0x80), /invalid UTF-8/],
    ['an encoded surrogate', bytes(0x0a, 0x03, 0xed, 0xa0, 0x80), /invalid UTF-8/],
    ['a code point past U+10FFFF', bytes(0x0a, 0x04, 0xf4, 0x90, 0x80, 0x80), /invalid UTF-8/],
    ['a truncated 4-byte sequence', bytes(0x0a, 0x03, 0xf0, 0x9f, 0x98), /invalid UTF-8/],
    ['packed traits with a truncated varint', bytes(0x1a, 0x01, 0x80), /ResourceType.traits: truncated varint/],
  ])('ResourceType with %s', (_what, input, message) => {
    expect(() => decodeResourceType(input)).toThrow(CodecError);
    expect(() => decodeResourceType(input)).toThrow(message);
  });

  it('bounds a nested message by its own length, not by the input', () => {
    // Grant.entitlement announces 2 bytes; inside it, Entitlement.resource announces 5.
    const input = bytes(0x0a, 0x02, 0x0a, 0x05, 0x61, 0x61, 0x61, 0x61, 0x61);
    expect(() => decodeGrant(input)).toThrow(/^Entitlement.resource: length 5 runs past the end at byte 3$/);
  });

  it('rejects input that is not a Uint8Array', () => {
    expect(() => decodeGrant('0a00' as unknown as Uint8Array)).toThrow(CodecError);
    expect(() => decodeResource(undefined as unknown as Uint8Array)).toThrow(CodecError);
  });
});

describe('valid but unusual input', () => {
  it('accepts U+FFFD written as UTF-8', () => {
    expect(decodeResourceType(bytes(0x0a, 0x03, 0xef, 0xbf, 0xbd))).toEqual({ id: '\uFFFD' });
  });

  it('skips unknown fields of every wire type', () => {
    const input = bytes(
      0x0a, 0x01, 0x75, // id 'u'
      0x78, 0x96, 0x01, // field 15, varint
      0x81, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, // field 16, 64-bit
      0x8a, 0x01, 0x02, 0xff, 0xfe, // field 17, length-delimited (not UTF-8: never read)
      0x95, 0x01, 1, 2, 3, 4, // field 18, 32-bit
      0xf8, 0xff, 0xff, 0xff, 0x0f, 0x00, // field 2^29 - 1, varint
      0x12, 0x01, 0x55, // display name 'U'
    );
    expect(decodeResourceType(input)).toStrictEqual({ id: 'u', displayName: 'U' });
  });

  it('treats a known field with the wrong wire type as unknown, as Go does', () => {
    expect(decodeResourceType(bytes(0x08, 0x01, 0x0a, 0x01, 0x75))).toStrictEqual({ id: 'u' });
  });

  it('accepts unpacked traits and a bool above 1, and re-encodes them canonically', () => {
    const rt = decodeResourceType(bytes(0x0a, 0x01, 0x75, 0x18, 0x01, 0x1a, 0x01, 0x02, 0x18, 0x03, 0x30, 0x02));
    expect(rt).toStrictEqual({ id: 'u', traits: [1, 2, 3], sourcedExternally: true });
    expect(Buffer.from(encodeResourceType(rt)).toString('hex')).toBe('0a0175' + '1a03010203' + '3001');
  });

  it('merges a singular message that occurs twice, as protobuf requires', () => {
    // Resource.id sent as {resource_type: 'u'} then {resource: 'v'}; later scalar occurrences win.
    const r = decodeResource(bytes(0x0a, 0x03, 0x0a, 0x01, 0x75, 0x1a, 0x01, 0x41, 0x0a, 0x03, 0x12, 0x01, 0x76, 0x1a, 0x01, 0x42));
    expect(r).toStrictEqual({ id: { resourceType: 'u', resource: 'v' }, displayName: 'B' });
    const g = decodeGrant(
      bytes(0x2a, 0x06, 0x0a, 0x04, 0x0a, 0x02, 0x62, 0x62, 0x2a, 0x06, 0x0a, 0x04, 0x0a, 0x02, 0x61, 0x61),
    );
    expect(g.sources).toStrictEqual({ sources: ['aa', 'bb'] });
  });

  it('reads a map entry without a key as the empty key, and one without a value', () => {
    expect(decodeGrant(bytes(0x2a, 0x04, 0x0a, 0x02, 0x12, 0x00)).sources).toStrictEqual({ sources: [''] });
    expect(decodeGrant(bytes(0x2a, 0x05, 0x0a, 0x03, 0x0a, 0x01, 0x6b)).sources).toStrictEqual({ sources: ['k'] });
  });
});

describe('encoding values outside their wire type gives CodecError', () => {
  it.each([
    ['a lone high surrogate', { id: 'a\uD800' }, /ResourceType.id contains a lone surrogate at index 1/],
    ['a lone low surrogate', { id: 'u', displayName: '\uDC00x' }, /lone surrogate at index 0/],
    ['a fractional trait', { id: 'u', traits: [1.5] }, /ResourceType.traits must be an int32/],
    ['a trait past int32', { id: 'u', traits: [2 ** 31] }, /must be an int32/],
  ])('%s', (_what, rt, message) => {
    expect(() => encodeResourceType(rt)).toThrow(CodecError);
    expect(() => encodeResourceType(rt)).toThrow(message);
    expect(Array.from(encodeResourceType({ id: 'ok' }))).toEqual([0x0a, 0x02, 0x6f, 0x6b]);
  });
});
