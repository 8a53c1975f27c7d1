import type { Json } from './canonical-json';
import { compareOutcomes } from './compare';

const ctx = { opIndex: 4, op: 'listGrants', method: 'listGrants' };
const rec = (id: string, name = id, t = 1): Json => ({ id, t, data: { id, displayName: name } });
const list = (...items: Json[]): Json => ({ items, next: 'last' });

describe('compareOutcomes', () => {
  it('finds nothing when every engine agrees, whatever the record order', () => {
    const found = compareOutcomes(ctx, [
      { engine: 'a', value: list(rec('x'), rec('y')) },
      { engine: 'b', value: list(rec('y'), rec('x')) },
    ]);
    expect(found).toEqual([]);
  });

  it('reports missing, extra and changed identities, keeping only the differing records', () => {
    const big = Array.from({ length: 50 }, (_, i) => rec(`r${i}`));
    const [d, ...more] = compareOutcomes(ctx, [
      { engine: 'a', value: list(...big, rec('gone'), rec('c', 'old')) },
      { engine: 'b', value: list(...big, rec('new'), rec('c', 'fresh')) },
    ]);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: 'result-mismatch', opIndex: 4, op: 'listGrants', engines: ['a', 'b'] });
    expect(d?.expected).toEqual([rec('c', 'old'), rec('gone')]);
    expect(d?.actual).toEqual([rec('c', 'fresh'), rec('new')]);
    expect(d?.detail).toBe('missing 1 ["gone"]; extra 1 ["new"]; changed 1 ["c"]');
  });

  it('compares a timestamp difference as a change', () => {
    const [d] = compareOutcomes(ctx, [
      { engine: 'a', value: list(rec('x', 'x', 1)) },
      { engine: 'b', value: list(rec('x', 'x', 2)) },
    ]);
    expect(d?.detail).toContain('changed 1');
  });

  it('compares errors by code only', () => {
    expect(compareOutcomes(ctx, [{ engine: 'a', value: { error: 'NOT_FOUND' } }, { engine: 'b', value: { error: 'NOT_FOUND' } }])).toEqual([]);
    const [d] = compareOutcomes(ctx, [{ engine: 'a', value: { error: 'NOT_FOUND' } }, { engine: 'b', value: null }]);
    expect(d).toMatchObject({ code: 'error-mismatch', expected: { error: 'NOT_FOUND' }, actual: null, detail: 'NOT_FOUND vs a result' });
  });

  it('never compares page markers or incomplete pages', () => {
    const found = compareOutcomes(ctx, [
      { engine: 'a', value: { items: [rec('x')], next: 'more' } },
      { engine: 'b', value: { items: [rec('y')], next: 'last' } },
    ]);
    expect(found).toEqual([]);
  });

  it('reports an order difference only for lists whose order is contractual', () => {
    const runs = (...ids: string[]): Json => list(...ids.map((id) => ({ id, startedAt: 1 })));
    const sync = { ...ctx, method: 'listSyncRuns' };
    const [d] = compareOutcomes(sync, [{ engine: 'a', value: runs('s1', 's2') }, { engine: 'b', value: runs('s2', 's1') }]);
    expect(d).toMatchObject({ code: 'result-mismatch', expected: ['s1', 's2'], actual: ['s2', 's1'] });
    expect(compareOutcomes(ctx, [{ engine: 'a', value: runs('s1', 's2') }, { engine: 'b', value: runs('s2', 's1') }])).toEqual([]);
  });

  it('reports duplicated identities even when the sets agree', () => {
    const [d] = compareOutcomes(ctx, [{ engine: 'a', value: list(rec('x')) }, { engine: 'b', value: list(rec('x'), rec('x')) }]);
    expect(d?.detail).toContain('duplicated 1 ["x"]');
  });

  it('compares scalars and objects canonically and checks every engine against the first', () => {
    const found = compareOutcomes({ ...ctx, method: 'stats' }, [
      { engine: 'a', value: { x: 1, y: 2 } },
      { engine: 'b', value: { y: 2, x: 1 } },
      { engine: 'c', value: { y: 3, x: 1 } },
    ]);
    expect(found).toEqual([
      { code: 'result-mismatch', opIndex: 4, op: 'listGrants', engines: ['a', 'c'], expected: { x: 1, y: 2 }, actual: { y: 3, x: 1 } },
    ]);
  });
});
