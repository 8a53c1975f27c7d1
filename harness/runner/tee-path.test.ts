/**
 * The runner compares engines through the tee: a broken engine diverges with one record, whether the tee is used as
 * an Engine (as the conformance suite uses it) or driven by the fuzz runner and replay-c1z (every divergence they
 * report is one a tee lockstep call returned).
 */
import type { Engine, Page, Stored } from '../../models/contract/api';
import { TeeEngine, type LockstepResult } from '../../engines/tee';
import { wrapEngine } from '../../engines/tee/test/doubles';
import { dropMemoryStore, memoryFactory } from '../../models/reference';
import type { Grant, Resource } from '../../models/types';
import { LogicalClock } from './logical-clock';
import { jsonText, type Divergence } from '../../engines/compare';
import { parseOps } from '../ops';
import { runOps } from './run-ops';

/** Wraps leveldb so that listGrants and listResources lose the last record of a last page of `least` or more. */
function dropsOneGrant(least: number): (name: string, engine: Engine) => Engine {
  return (name, engine) => {
    if (name !== 'leveldb') return engine;
    return wrapEngine(engine, engine.name, {
      listGrants: async (req?: { pageSize?: number }): Promise<Page<Stored<Grant>>> => {
        const page = await engine.listGrants(req);
        return page.nextPageToken === '' && page.items.length >= least ? { ...page, items: page.items.slice(0, -1) } : page;
      },
      listResources: async (req?: { pageSize?: number }): Promise<Page<Stored<Resource>>> => {
        const page = await engine.listResources(req);
        return page.nextPageToken === '' && page.items.length >= least ? { ...page, items: page.items.slice(0, -1) } : page;
      },
    });
  };
}

const OPS = [
  'startNewSync',
  'putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] [g2 ent=[e1 res=group/g1] principal=user/u2] [g3 ent=[e1 res=group/g1] principal=user/u3]',
  'listGrants',
].join('\n');

/** Records what every tee lockstep call returned while `run` runs. */
async function lockstepResults<T>(run: () => Promise<T>): Promise<{ value: T; results: LockstepResult[] }> {
  const results: LockstepResult[] = [];
  const original = Object.getOwnPropertyDescriptor(TeeEngine.prototype, 'lockstep')?.value as TeeEngine['lockstep'];
  const spy = jest.spyOn(TeeEngine.prototype, 'lockstep').mockImplementation(async function (this: TeeEngine, call) {
    const r = await original.call(this, call);
    results.push(r);
    return r;
  });
  try {
    return { value: await run(), results };
  } finally {
    spy.mockRestore();
  }
}

/** A divergence without where it happened (the runner names ops by their text, the tee by the call). */
function what(d: Divergence | undefined): Omit<Divergence, 'op' | 'opIndex'> | undefined {
  if (d === undefined) return undefined;
  const { op: _op, opIndex: _opIndex, ...rest } = d;
  return rest;
}

test('the fuzz runner reports the divergence the tee finds, as the tee finds it', async () => {
  const { value: result, results } = await lockstepResults(() => runOps(parseOps(OPS), { engines: ['memory', 'leveldb'], wrap: dropsOneGrant(3) }));
  const [first] = result.divergences;
  expect(first).toMatchObject({ code: 'result-mismatch', opIndex: 2, op: 'listGrants', engines: ['memory', 'leveldb'], detail: 'missing 1 ["g3"]; extra 0; changed 0' });
  // Every divergence of the run is the very record a tee lockstep call returned.
  const fromTee = new Set(results.flatMap((r) => r.divergences));
  for (const d of result.divergences) expect(fromTee.has(d)).toBe(true);
  // Every history line is the tee's normalised value of that engine.
  // (Snapshots after lifecycle ops read through the tee too, so the op's own call is the one that found the divergence.)
  const listCall = results.find((r) => r.divergences.includes(first as Divergence));
  expect(result.histories['leveldb']?.[2]).toBe(`#2 listGrants => ${jsonText(listCall?.members[1]?.value)}`);

  // The same engines behind a plain tee, called as an Engine: the same record, but for where it happened.
  const found: Divergence[] = [];
  const dir = '/tee-path-test';
  const start = new LogicalClock().now();
  const memory = await memoryFactory.open(memoryFactory.locationIn(dir, 'a'), { clock: () => start, newSyncId: () => 's1' });
  const other = await memoryFactory.open(memoryFactory.locationIn(dir, 'b'), { clock: () => start, newSyncId: () => 's1' });
  try {
    const tee = new TeeEngine([memory, dropsOneGrant(3)('leveldb', other)], { sink: (d) => found.push(d), labels: ['memory', 'leveldb'] });
    await tee.startNewSync();
    const g = (id: string, u: string): Grant => ({ id, entitlement: { id: 'e1', resource: { id: { resourceType: 'group', resource: 'g1' } } }, principal: { id: { resourceType: 'user', resource: u } } });
    await tee.putGrants([g('g1', 'u1'), g('g2', 'u2'), g('g3', 'u3')]);
    await tee.listGrants();
  } finally {
    dropMemoryStore(memoryFactory.locationIn(dir, 'a'));
    dropMemoryStore(memoryFactory.locationIn(dir, 'b'));
  }
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ opIndex: 2, op: 'listGrants()' });
  expect(what(found[0])).toEqual(what(first));
});
