/**
 * Snapshots during a run read big syncs by sample, so that their cost does not grow with the store; the snapshot at
 * the end of the run reads everything. A wrong record a sample reads is found at the sync boundary; one it skips is
 * found at the end of the run.
 */
import type { Engine, Page, Stored } from '../../../models/contract/api';
import type { Grant } from '../../../models/types';
import { parseOps } from '../../ops';
import { runOps } from '../run-ops';

/** Ops that fill one full sync with `n` grants of unique ids (bg0 .. bg<n-1>) and end it. */
function bigSync(n: number): string {
  return ['startNewSync type=full', `putGrants @batch(seed=4,n=${n},pool=unique)`, 'endSync'].join('\n');
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** A wrapper that hands each method of sqlite's engine to `around` (the method, bound, and its name). */
function aroundSqlite(around: (method: Method, name: string) => Method) {
  return (name: string, engine: Engine): Engine => {
    if (name !== 'sqlite') return engine;
    return new Proxy(engine, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? around((value as Method).bind(target), String(prop)) : value;
      },
    });
  };
}

/** Counts the calls made to sqlite's engine, by method. */
function counting(calls: Map<string, number>) {
  return aroundSqlite((method, name) => (...args) => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return method(...args);
  });
}

/** Makes sqlite's reads of grant `id` carry another discovery time (lists, and gets unless `listsOnly`). */
function skewGrant(id: string, listsOnly = false) {
  const skew = (s: Stored<Grant>): Stored<Grant> => (s.record.id === id ? { ...s, discoveredAt: s.discoveredAt + 1 } : s);
  return aroundSqlite((method, name) => {
    if (name === 'getGrant' && !listsOnly) return async (...args) => skew((await method(...args)) as Stored<Grant>);
    if (!name.startsWith('listGrants')) return method;
    return async (...args) => {
      const page = (await method(...args)) as Page<Stored<Grant>>;
      return { ...page, items: page.items.map(skew) };
    };
  });
}

test('a sync boundary costs as many reads at 20,000 grants as at 1,000', async () => {
  const readsAt = async (n: number): Promise<number> => {
    const calls = new Map<string, number>();
    // `reopen` snapshots before and after under the same bounds; the end-of-run snapshot is left out by counting
    // only up to the op after the boundary.
    const result = await runOps(parseOps(`${bigSync(n)}\nreopen`), { engines: ['memory', 'sqlite'], metrics: counting(calls), stopAtFirstDivergence: false });
    expect(result.divergences).toEqual([]);
    expect(result.largestStore).toBe(n);
    return calls.get('listGrants') ?? 0;
  };
  const small = await readsAt(1_000);
  const big = await readsAt(20_000);
  // The end-of-run snapshot drains every grant twice (the sync named, and the default target, which is that sync),
  // each at pages of 100 and at about seven pages. The boundary snapshots (after endSync and around reopen) read one
  // page per unfiltered list whatever the size, so the difference is the end-of-run drains alone.
  const endOfRunPages = (n: number): number => 2 * (Math.ceil(n / 100) + Math.ceil(n / Math.ceil(n / 7)));
  expect(big - small).toBe(endOfRunPages(20_000) - endOfRunPages(1_000));
}, 120_000);

test('a wrong record in the sample is found at the sync boundary, one outside it at the end of the run', async () => {
  const ops = parseOps(bigSync(2_000));
  // The reference (memory) pages in id order, so bg0 is in every first page and bg999 is in none.
  const sampled = await runOps(ops, { engines: ['memory', 'sqlite'], wrap: skewGrant('bg0') });
  expect(sampled.divergences[0]?.opIndex).toBe(2);
  const skipped = await runOps(ops, { engines: ['memory', 'sqlite'], wrap: skewGrant('bg999') });
  expect(skipped.divergences[0]?.opIndex).toBe(ops.length);
  expect(skipped.divergences[0]?.op).toMatch(/^end of run/);
}, 120_000);

test('in a big sync, a list that fits in the sample page is compared whole at the sync boundary', async () => {
  // 400 resource types make the sync big (sampled); its 10 grants fit in one page, so listGrants is the whole set.
  const ops = parseOps(['startNewSync type=full', 'putResourceTypes @batch(seed=1,n=400,pool=unique)', 'putGrants @batch(seed=4,n=10,pool=unique)', 'endSync'].join('\n'));
  const result = await runOps(ops, { engines: ['memory', 'sqlite'], wrap: skewGrant('bg5', true) });
  expect(result.divergences[0]?.opIndex).toBe(3);
  expect(result.divergences[0]?.op).toMatch(/^endSync \[snapshot\] .*listGrants/);
}, 60_000);
