import { isDeepStrictEqual } from 'node:util';
import { checkEntitlement, checkGrant, checkResource, checkResourceType } from '../../../models/contract/validate';
import { toEntitlement, toGrant, toResource, toResourceType } from '../../ops/records';
import { expandBatch, expandBytes, expandText } from '..';
import type { BatchSpec } from '../../ops/items';

const spec = (over: Partial<BatchSpec>): BatchSpec => ({ seed: 1, n: 500, pool: 'wide', poison: false, ...over });

function validates(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

describe('expandBatch', () => {
  test('is deterministic for a seed and differs across seeds', () => {
    expect(isDeepStrictEqual(expandBatch('putGrants', spec({})), expandBatch('putGrants', spec({})))).toBe(true);
    expect(isDeepStrictEqual(expandBatch('putGrants', spec({})), expandBatch('putGrants', spec({ seed: 2 })))).toBe(false);
  });

  test('makes n items of each kind, all valid unless poisoned', () => {
    for (const pool of ['core', 'wide', 'unique'] as const) {
      const s = spec({ pool, n: 300 });
      const rts = expandBatch('putResourceTypes', s);
      const rs = expandBatch('putResources', s);
      const es = expandBatch('putEntitlements', s);
      const gs = expandBatch('putGrants', s);
      for (const items of [rts, rs, es, gs]) expect(items).toHaveLength(300);
      expect(rts.every((i) => validates(() => checkResourceType(toResourceType(i))))).toBe(true);
      expect(rs.every((i) => validates(() => checkResource(toResource(i))))).toBe(true);
      expect(es.every((i) => validates(() => checkEntitlement(toEntitlement(i))))).toBe(true);
      expect(gs.every((i) => validates(() => checkGrant(toGrant(i))))).toBe(true);
    }
  });

  test('poison makes exactly the last item invalid', () => {
    const s = spec({ poison: true, n: 50 });
    const checks = [
      expandBatch('putResourceTypes', s).map((i) => validates(() => checkResourceType(toResourceType(i)))),
      expandBatch('putResources', s).map((i) => validates(() => checkResource(toResource(i)))),
      expandBatch('putEntitlements', s).map((i) => validates(() => checkEntitlement(toEntitlement(i)))),
      expandBatch('putGrants', s).map((i) => validates(() => checkGrant(toGrant(i)))),
    ];
    for (const valid of checks) expect(valid).toEqual([...Array<boolean>(49).fill(true), false]);
  });

  test('pools shape duplicates: unique has none, wide some, core many', () => {
    const distinct = (pool: BatchSpec['pool']) => new Set(expandBatch('putGrants', spec({ pool, n: 1000 })).map((g) => g.id)).size;
    expect(distinct('unique')).toBe(1000);
    expect(distinct('wide')).toBeGreaterThan(500);
    expect(distinct('wide')).toBeLessThan(1000);
    expect(distinct('core')).toBeLessThanOrEqual(3);
  });

  test('batch records reference core ids, so filters drawn from the pools hit them', () => {
    const grants = expandBatch('putGrants', spec({ n: 400 }));
    expect(grants.some((g) => g.principal.id.resource === 'u1')).toBe(true);
    expect(grants.some((g) => g.entitlement.id === 'e1')).toBe(true);
  });

  test('n = 0 makes nothing, even poisoned', () => {
    expect(expandBatch('putGrants', spec({ n: 0, poison: true }))).toEqual([]);
  });
});

describe('seeded values', () => {
  test('bytes have the asked size and depend only on the seed', () => {
    expect(expandBytes(1, 4097)).toHaveLength(4097);
    expect(expandBytes(1, 0)).toHaveLength(0);
    expect(expandBytes(9, 64)).toEqual(expandBytes(9, 64));
    expect(expandBytes(9, 64)).not.toEqual(expandBytes(10, 64));
  });

  test('text has exactly the asked length and looks like a JSON token', () => {
    for (const size of [0, 1, 12, 13, 14, 1000, 100_000]) expect(expandText(5, size)).toHaveLength(size);
    expect(JSON.parse(expandText(5, 100))).toEqual({ cursor: expect.any(String) });
    expect(expandText(5, 100)).toBe(expandText(5, 100));
  });
});
