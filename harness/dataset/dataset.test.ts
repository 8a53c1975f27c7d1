import { prepareGrant } from '../../engines/base/prepared';
import { checkGrant } from '../../models/contract/validate';
import { entitlementIdAt, grantAt, resourceAt, resourceCount, shapeFor, syncRecordCount } from './dataset';
import { sampleIndices, spreadIndices } from './hash';

describe('bench dataset', () => {
  it.each([1_000, 10_000])('has %i grants with unique ids, each linking a known entitlement and principal', (grants) => {
    const s = shapeFor(grants);
    const resources = new Set(Array.from({ length: resourceCount(s) }, (_, i) => resourceAt(s, i)).map((r) => `${r.id.resourceType}:${r.id.resource}`));
    const entitlements = new Set(Array.from({ length: s.entitlements }, (_, e) => entitlementIdAt(s, e)));
    const ids = new Set<string>();
    let dangling = 0;
    for (let i = 0; i < grants; i++) {
      const g = grantAt(s, i);
      ids.add(g.id);
      if (!entitlements.has(g.entitlement.id) || !resources.has(`${g.principal.id.resourceType}:${g.principal.id.resource}`)) dangling += 1;
    }
    expect(dangling).toBe(0);
    expect(ids.size).toBe(grants);
    expect(syncRecordCount(s, grants)).toBe(4 + resources.size + entitlements.size + grants);
  });

  it('is a pure function of the index and seed, and its grants pass the contract’s validation', () => {
    const s = shapeFor(10_000);
    expect(grantAt(s, 1234)).toEqual(grantAt(shapeFor(10_000), 1234));
    expect(grantAt(shapeFor(10_000, 7), 1234)).not.toEqual(grantAt(s, 1234));
    for (const i of [0, 9_499, 9_500, 9_999]) {
      expect(() => checkGrant(grantAt(s, i), 'g')).not.toThrow();
      expect(prepareGrant(grantAt(s, i)).data.length).toBeGreaterThan(50);
    }
  });

  it('samples indices deterministically inside the range', () => {
    expect(sampleIndices(100, 37, 5)).toEqual(sampleIndices(100, 37, 5));
    expect(sampleIndices(100, 37, 5).every((i) => i >= 0 && i < 37)).toBe(true);
    expect(spreadIndices(5, 3)).toEqual([0, 1, 2]);
    expect(spreadIndices(3, 9)).toEqual([0, 3, 6]);
  });
});
