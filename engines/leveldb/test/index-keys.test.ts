import fc from 'fast-check';
import { componentEnds, decodeKey, decodeTuple, encodeKey, encodeTuple } from '../keys';
import { entitlementIndexKeys, grantIndexKeys, INDEX_KINDS, key, primaryKeyOfIndex, primaryKeyOfIndexKey, resourceIndexKeys } from '../layout';

/** Ids where NULs, escapes and near-misses are common. */
const id = fc.oneof(
  fc.constantFrom('u1', 'u10', 'a\u0000', '\u0000', '\u0000\u00ff', 'x\u0001', '\u{1F600}'),
  fc.string({ unit: fc.constantFrom('a', '\u0000', '\u0001', '\u00ff', '\u{1F600}'), minLength: 1, maxLength: 5 }),
);
const rid = fc.record({ resourceType: id, resource: id });

/** The reference: decode every component, then re-encode the record key. */
function reference(indexKey: Buffer): Buffer {
  const k = decodeKey(indexKey);
  return primaryKeyOfIndex(k.kind, k.parts);
}

describe('leveldb index keys', () => {
  it('splices the same primary key that decoding and re-encoding gives, for every index kind', () => {
    fc.assert(
      fc.property(id, id, id, rid, rid, (sync, grant, ent, resource, principal) => {
        const keys = [
          ...grantIndexKeys(sync, { id: grant, entitlementId: ent, resource, principal }),
          ...entitlementIndexKeys(sync, { id: ent, resource }),
          ...resourceIndexKeys(sync, { id: principal, parent: resource }),
        ];
        expect(new Set(keys.map((k) => k[1])).size).toBe(INDEX_KINDS.length);
        for (const k of keys) expect(primaryKeyOfIndexKey(k).equals(reference(k))).toBe(true);
        expect(primaryKeyOfIndexKey(keys[0] as Buffer).equals(key(0x13, sync, grant))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds component ends without decoding, and rejects what decodeTuple rejects', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 5 }), (parts) => {
        const encoded = encodeTuple(parts);
        const ends = componentEnds(encoded, 0);
        expect(ends).toHaveLength(parts.length);
        expect(decodeTuple(encoded)).toHaveLength(parts.length);
      }),
    );
    for (const bad of [Buffer.from([1, 0x22, 0x61]), Buffer.from([1, 0x22, 0x61, 0x00]), Buffer.from([1, 0x22, 0x61, 0x00, 0x07])]) {
      expect(() => componentEnds(bad)).toThrow(expect.objectContaining({ code: 'CORRUPTION' }));
      expect(() => decodeTuple(bad, 2)).toThrow(expect.objectContaining({ code: 'CORRUPTION' }));
    }
  });

  it('rejects keys that are not index keys or have the wrong arity as CORRUPTION', () => {
    expect(() => primaryKeyOfIndexKey(encodeKey(1, 0x13, ['s', 'g']))).toThrow(expect.objectContaining({ code: 'CORRUPTION' }));
    expect(() => primaryKeyOfIndexKey(encodeKey(1, 0x22, ['s', 'g']))).toThrow(expect.objectContaining({ code: 'CORRUPTION' }));
  });
});
