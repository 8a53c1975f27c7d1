import fc from 'fast-check';
import type { Grant } from '../types';
import { decodeGrant, encodeEntitlement, encodeGrant, encodeResource } from './index';
import * as arb from './test/arbitraries';

/** Rebuilds every plain object of a record with its keys in reverse insertion order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
}

const base: Grant = {
  entitlement: { resource: { id: { resourceType: 'group', resource: 'g1' } }, id: 'group:g1:member' },
  principal: { id: { resourceType: 'user', resource: 'u1' } },
  id: 'grant-1',
};

describe('encoding is deterministic', () => {
  it('writes map entries sorted by UTF-8 bytes whatever the input order, duplicates once', () => {
    fc.assert(
      fc.property(
        arb.sourceKeys.filter((k) => k.length > 0),
        fc.func(fc.integer()),
        fc.nat(5),
        (sorted, rank, dupes) => {
          const shuffled = [...sorted].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
          const withDupes = [...shuffled, ...shuffled.slice(0, dupes)];
          const canonical = encodeGrant({ ...base, sources: { sources: sorted } });
          expect(Buffer.from(encodeGrant({ ...base, sources: { sources: withDupes } })).equals(canonical)).toBe(true);
          expect(decodeGrant(canonical).sources?.sources).toEqual(sorted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('orders keys by code point, not by UTF-16 unit', () => {
    // U+FF5E sorts before U+1F600 in UTF-8 but after its lead surrogate U+D83D in UTF-16.
    const keys = ['😀', '～', '9', '10', 'a', ''];
    const bytes = encodeGrant({ ...base, sources: { sources: keys } });
    expect(decodeGrant(bytes).sources?.sources).toEqual(['', '10', '9', 'a', '～', '😀']);
    const entries = ['0a040a001200', '0a060a0231301200', '0a050a01391200', '0a050a01611200', '0a070a03efbd9e1200', '0a080a04f09f98801200'];
    expect(Buffer.from(bytes).toString('hex').endsWith(`2a2f${entries.join('')}`)).toBe(true);
  });

  it('does not depend on the key order of the input objects', () => {
    fc.assert(
      fc.property(arb.grant, arb.entitlement, arb.resource, (g, e, r) => {
        expect(Buffer.from(encodeGrant(reverseKeys(g))).equals(encodeGrant(g))).toBe(true);
        expect(Buffer.from(encodeEntitlement(reverseKeys(e))).equals(encodeEntitlement(e))).toBe(true);
        expect(Buffer.from(encodeResource(reverseKeys(r))).equals(encodeResource(r))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same bytes on every call (the shared writer is reset)', () => {
    fc.assert(
      fc.property(arb.grant, arb.grant, (a, b) => {
        const first = encodeGrant(a);
        encodeGrant(b);
        expect(Buffer.from(encodeGrant(a)).equals(first)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
