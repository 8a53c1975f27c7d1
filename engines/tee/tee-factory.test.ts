import type { Engine } from '../../models/contract/api';
import type { Divergence } from '../compare';
import { dropMemoryStore, memoryFactory } from '../../models/reference';
import { TeeEngine } from './tee-engine';
import { memberLocation, teeFactory } from './tee-factory';
import { grant, testOptions } from './test/doubles';

const DIR = '/tee-factory-test';
const found: Divergence[] = [];
const factory = teeFactory([memoryFactory, memoryFactory], (d) => found.push(d));
let counter = 0;
const used: string[] = [];

/** A fresh tee location whose member stores are dropped after the test. */
function location(name = `t${++counter}`): string {
  const loc = factory.locationIn(DIR, name);
  used.push(memberLocation(memoryFactory, 0, loc), memberLocation(memoryFactory, 1, loc));
  return loc;
}

afterEach(() => {
  for (const l of used.splice(0)) dropMemoryStore(l);
  found.splice(0);
});

async function fill(t: Engine): Promise<string> {
  const id = await t.startNewSync();
  await t.putGrants([grant('g1'), grant('g2', 'u2')]);
  await t.endSync();
  return id;
}

describe('teeFactory', () => {
  it('derives one location per member from the tee location', () => {
    expect(factory.locationIn(DIR, 'x')).toBe(`${DIR}/x`);
    expect(memberLocation(memoryFactory, 1, `${DIR}/x`)).toBe(memoryFactory.locationIn(DIR, 'x.1-memory'));
    expect(factory.supports).toEqual(memoryFactory.supports);
  });

  it('gives every member the same sync ids and one clock reading per call', async () => {
    const options = testOptions();
    const t = await factory.open(location(), options);
    const before = options.reads();
    const id = await fill(t);
    expect(id).toBe('s1');
    expect(options.reads() - before).toBe(3);
    const diff = await t.generateSyncDiff(id, id);
    expect(diff).toBe('s2');
    expect(found).toEqual([]);
  });

  it('shows why the shared ids matter: members drawing from one source diverge', async () => {
    const options = testOptions();
    const a = await memoryFactory.open(location(), options);
    const b = await memoryFactory.open(location(), options);
    const sink: Divergence[] = [];
    await new TeeEngine([a, b], { sink: (d) => sink.push(d) }).startNewSync();
    expect(sink.map((d) => [d.code, d.expected, d.actual])).toEqual([['result-mismatch', 's1', 's2']]);
  });

  it('reopens the same members from the tee location', async () => {
    const loc = location();
    const options = testOptions();
    const first = await factory.open(loc, options);
    await fill(first);
    await first.close();
    const again = await factory.open(loc, options);
    expect((await again.listGrants()).items.map((s) => s.record.id).sort()).toEqual(['g1', 'g2']);
    expect(found).toEqual([]);
  });

  it('clones every member to its own destination, which the factory opens again as a tee', async () => {
    const options = testOptions();
    const t = await factory.open(location(), options);
    const id = await fill(t);
    const dest = location('clone');
    await t.cloneSync(id, dest);
    const clone = await factory.open(dest, options);
    expect((await clone.getSync(id)).id).toBe(id);
    expect((await clone.listGrants()).items).toHaveLength(2);
    await expect(t.cloneSync(id, dest)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(found).toEqual([]);
  });

  it('refuses an empty set of factories', () => {
    expect(() => teeFactory([], () => undefined)).toThrow(/at least one engine/);
  });
});
