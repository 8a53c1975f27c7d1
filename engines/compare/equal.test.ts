import { canonicalJson, jsonText, type Json } from './canonical-json';
import { sameJson } from './equal';
import { normalizeOutcome, normalizeRecord } from './normalize';

describe('sameJson', () => {
  it('is canonical equality: key order and undefined fields do not count, values do', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined } as unknown as Json, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson(null, { error: 'NOT_FOUND' })).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(3, 3)).toBe(true);
  });

  it('agrees with comparing canonical JSON texts, and prints the same text', () => {
    const values: Json[] = [null, 0, 'x', [], {}, { z: [1, 'a', null], y: { '10': 1, '9': 2 } }, [{ b: 1, a: 2 }], JSON.parse('{"__proto__":1}') as Json];
    for (const a of values) {
      expect(jsonText(a)).toBe(canonicalJson(a));
      for (const b of values) expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
    }
  });
});

describe('normalizeRecord', () => {
  it('shares one normalised object among equal records, whoever built them', () => {
    const grant = { id: 'g1', entitlement: { id: 'e1', resource: { id: { resourceType: 'group', resource: 'g1' } } }, principal: { id: { resourceType: 'user', resource: 'u1' } } };
    const rebuilt = JSON.parse(JSON.stringify({ ...grant, annotations: [] })) as typeof grant;
    expect(normalizeRecord('grant', rebuilt)).toBe(normalizeRecord('grant', grant));
    expect(normalizeRecord('grant', { ...grant, id: 'g2' })).not.toBe(normalizeRecord('grant', grant));
    const a = normalizeOutcome('getGrant', { ok: true, value: { record: grant, discoveredAt: 1 } });
    const b = normalizeOutcome('getGrant', { ok: true, value: { record: rebuilt, discoveredAt: 1 } });
    const c = normalizeOutcome('getGrant', { ok: true, value: { record: rebuilt, discoveredAt: 2 } });
    expect(sameJson(a, b)).toBe(true);
    expect(sameJson(a, c)).toBe(false);
  });

  it('keeps a record the codec rejects visible, as its own value', () => {
    const bad = normalizeRecord('grant', { id: 'g1' });
    expect(bad).toMatchObject({ unencodable: expect.any(String) as unknown });
    expect(sameJson(bad, normalizeRecord('grant', { id: 'g1' }))).toBe(true);
  });
});
