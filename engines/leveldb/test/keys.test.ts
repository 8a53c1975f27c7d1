import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createDb, type Db } from '../db';
import { decodeKey, decodeOrderedInt, decodeTuple, encodeKey, encodeOrderedInt, encodeTuple, prefixRange } from '../keys';

const NEAR_MISSES = ['', 'u1', 'u10', 'u', 'user', 'users', 'a', 'a\u0001', 'a\u0000', '\u0000', '\u00ff', '\uffff', '\u{1F600}', '\u{10FFFF}', '\uE000', 'a\u{1F600}', 'a\uE000'];

/** Components drawn so that prefixes, near-miss ids, NULs and astral characters collide often. */
const component = fc.oneof(
  fc.constantFrom(...NEAR_MISSES),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('a', 'u', '1', '0', '\u0000', '\u0001', '\u{1F600}', '\uffff'), maxLength: 5 }),
);
const tuple = fc.array(component, { maxLength: 5 });

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** The reference order: component by component on UTF-8 bytes, a proper prefix first. */
function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = Buffer.compare(utf8(a[i] as string), utf8(b[i] as string));
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

function isTuplePrefix(p: readonly string[], t: readonly string[]): boolean {
  return p.length <= t.length && p.every((c, i) => c === t[i]);
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}

const decodeStrings = (b: Buffer): string[] => decodeTuple(b).map((p) => p.toString('utf8'));

describe('tuple key codec', () => {
  it('round-trips every tuple', () => {
    fc.assert(
      fc.property(tuple, (t) => {
        expect(decodeStrings(encodeTuple(t))).toEqual(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips raw byte components', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 4 }), (parts) => {
        expect(decodeTuple(encodeTuple(parts)).map((p) => [...p])).toEqual(parts.map((p) => [...p]));
      }),
      { numRuns: 1000 },
    );
  });

  it('orders keys as the reference comparator orders tuples', () => {
    fc.assert(
      fc.property(tuple, tuple, (a, b) => {
        expect(Math.sign(Buffer.compare(encodeTuple(a), encodeTuple(b)))).toBe(compareTuples(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('is prefix-free: an encoding extends another only when the tuple does', () => {
    fc.assert(
      fc.property(tuple, tuple, (a, b) => {
        expect(startsWith(encodeTuple(b), encodeTuple(a))).toBe(isTuplePrefix(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('encodes full keys (fast path included) as the header followed by the tuple', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), tuple, (v, k, t) => {
        expect(encodeKey(v, k, t).equals(Buffer.concat([Buffer.from([v, k]), encodeTuple(t)]))).toBe(true);
        expect(decodeKey(encodeKey(v, k, t))).toEqual({ version: v, kind: k, parts: t.map(utf8) });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the named near misses apart', () => {
    const pairs: Array<[string, string]> = [['u1', 'u10'], ['user', 'users'], ['a', 'a\u0001'], ['a', 'a\u{1F600}'], ['', 'a']];
    for (const [short, long] of pairs) {
      const r = prefixRange(encodeKey(1, 0x13, ['s', short]));
      const k = encodeKey(1, 0x13, ['s', long]);
      expect(k.compare(r.gte) >= 0 && k.compare(r.lt) < 0).toBe(false);
      expect(encodeKey(1, 0x13, ['s', short, 'x']).compare(r.lt)).toBeLessThan(0);
    }
  });

  it('rejects malformed tuples as CORRUPTION', () => {
    for (const bad of [[0x61], [0x61, 0x00], [0x61, 0x00, 0x02], [0x00, 0x01, 0x62]]) {
      expect(() => decodeTuple(Buffer.from(bad))).toThrow(expect.objectContaining({ code: 'CORRUPTION' }));
    }
  });

  it('orders integers numerically', () => {
    const int = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(int, int, (a, b) => {
        expect(decodeOrderedInt(encodeOrderedInt(a))).toBe(a);
        expect(Math.sign(Buffer.compare(encodeOrderedInt(a), encodeOrderedInt(b)))).toBe(Math.sign(a - b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('prefix range scans on a real LevelDB', () => {
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-leveldb-keys-'));
    db = createDb(path.join(dir, 'db'));
    await db.open();
  });

  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('returns exactly the keys that extend a tuple prefix', async () => {
    let checks = 0;
    const small = fc.constantFrom('', 'u', 'u1', 'u10', 'user', 'users', 'a', 'a\u0001', '\u{1F600}', 'b');
    const tuples = fc.array(fc.array(small, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 });
    const prefixes = fc.array(fc.array(small, { maxLength: 3 }), { minLength: 5, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(tuples, prefixes, async (ts, ps) => {
        await db.clear();
        await db.batch(ts.map((t) => ({ type: 'put' as const, key: encodeKey(1, 0x13, t), value: Buffer.alloc(0) })));
        const stored = new Map(ts.map((t) => [JSON.stringify(t), t]));
        for (const p of [...ps, ...ts.slice(0, 3).map((t) => t.slice(0, -1))]) {
          const r = prefixRange(encodeKey(1, 0x13, p));
          const got = (await db.keys({ gte: r.gte, lt: r.lt }).all()).map((k) => JSON.stringify(decodeStrings(k.subarray(2))));
          const want = [...stored.values()].filter((t) => isTuplePrefix(p, t)).sort(compareTuples).map((t) => JSON.stringify(t));
          expect(got).toEqual(want);
          checks += 1;
        }
      }),
      { numRuns: 200 },
    );
    expect(checks).toBeGreaterThanOrEqual(1000);
  });
});
