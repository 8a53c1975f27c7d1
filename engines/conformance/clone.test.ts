/** SPEC §6 cloneSync: a new store holding one finished sync exactly (id, times, token, type, parent, records). */
import { describeEachEngine, ent, expectCode, grant, res, rt, SECOND, snapshot, T0, writeSync } from './harness';
import type { TestStore } from './harness';

const at = (n: number): number => T0 + n * SECOND;
const ASSETS = ['a1', 'a10', 'empty', 'missing'];

/** Writes three syncs: an old full `f1`, a partial `p1` (with a token and a parent), a newer full `f2`; then a current one. */
async function history(s: TestStore): Promise<{ f1: string; p1: string; f2: string; open: string }> {
  const e = s.engine;
  const g1 = res('group', 'g1');
  const u1 = res('user', 'u1', { parent: g1.id });
  const e1 = ent('e1', g1, { displayName: 'member' });
  const f1 = await writeSync(
    s,
    {
      resourceTypes: [rt('user'), rt('group', { traits: [2] })],
      resources: [g1, u1, res('user', 'u10')],
      entitlements: [e1],
      grants: [grant('gr1', e1, u1), grant('gr2', e1, g1)],
      assets: [
        { id: 'a1', contentType: 'text/plain', data: Buffer.from('one') },
        { id: 'empty', contentType: 'application/x-empty', data: new Uint8Array(0) },
      ],
    },
    { start: at(1), end: at(2) },
  );
  s.clock.set(at(3));
  const p1 = await e.startNewSync({ type: 'partial', parentSyncId: f1 });
  await e.putResources([res('user', 'u2')]);
  s.clock.set(at(4));
  await e.putGrants([grant('gr3', e1, res('user', 'u2'))]);
  await e.putAsset('a10', 'image/gif', Buffer.from([0, 1, 2]));
  await e.checkpointSync('{"resume":"here","n":\u00E9}');
  s.clock.set(at(5));
  await e.endSync();
  const f2 = await writeSync(s, { resources: [res('user', 'newest')] }, { start: at(6), end: at(7) });
  const open = await writeSync(s, { resources: [res('user', 'running')] }, { start: at(8), end: 'open' });
  return { f1, p1, f2, open };
}

describeEachEngine('cloneSync', (ctx) => {
  const it = ctx.itIf(ctx.supports.clone);

  it('writes a store whose reads equal the source reads of that sync, with the sync run unchanged', async () => {
    const s = await ctx.fresh();
    const { f1, p1 } = await history(s);
    for (const [name, id] of [['f1', f1], ['p1', p1]] as const) {
      const dest = s.locationFor(`clone-${name}`);
      s.clock.set(at(100));
      await s.engine.cloneSync(id, dest);
      const clone = await s.openAt(dest);
      expect((await clone.listSyncRuns()).items).toEqual([await s.engine.getSync(id)]);
      expect(await snapshot(clone, id, ASSETS)).toEqual(await snapshot(s.engine, id, ASSETS));
      expect(s.ids.issued).toHaveLength(4);
      await clone.close();
    }
    const p1Run = await s.engine.getSync(p1);
    expect(p1Run).toEqual({ id: p1, startedAt: at(3), endedAt: at(5), syncToken: '{"resume":"here","n":\u00E9}', syncType: 'partial', parentSyncId: f1 });
  });

  it('reads the clone of a full sync by default (rule 4), exactly as the source reads it with syncId', async () => {
    const s = await ctx.fresh();
    const { f1 } = await history(s);
    const dest = s.locationFor('clone');
    await s.engine.cloneSync(f1, dest);
    const clone = await s.openAt(dest);
    expect(await snapshot(clone, undefined, ASSETS)).toEqual(await snapshot(s.engine, f1, ASSETS));
    expect(clone.dirty).toBe(false);
  });

  it("'' clones the latest finished full sync (rule 4), not the current or a partial one", async () => {
    const s = await ctx.fresh();
    const { f2 } = await history(s);
    const dest = s.locationFor('clone');
    await s.engine.cloneSync('', dest);
    const clone = await s.openAt(dest);
    expect((await clone.listSyncRuns()).items.map((r) => r.id)).toEqual([f2]);
    expect(await snapshot(clone, f2)).toEqual(await snapshot(s.engine, f2));
  });

  it("'' with no finished full sync is NOT_FOUND", async () => {
    const s = await ctx.fresh();
    await writeSync(s, { resources: [res('user', 'u1')] }, { type: 'partial' });
    await expectCode(s.engine.cloneSync('', s.locationFor('clone')), 'NOT_FOUND');
  });

  it('refuses an unfinished sync, an unknown sync, and an existing or empty destination', async () => {
    const s = await ctx.fresh();
    const { f1, open } = await history(s);
    await expectCode(s.engine.cloneSync(open, s.locationFor('c1')), 'FAILED_PRECONDITION');
    await expectCode(s.engine.cloneSync('nope', s.locationFor('c2')), 'NOT_FOUND');
    await expectCode(s.engine.cloneSync(f1, ''), 'INVALID_ARGUMENT');
    await expectCode(s.engine.cloneSync('nope', ''), 'INVALID_ARGUMENT');
    const dest = s.locationFor('c3');
    await s.engine.cloneSync(f1, dest);
    await expectCode(s.engine.cloneSync(f1, dest), 'INVALID_ARGUMENT');
    await expectCode(s.engine.cloneSync(f1, s.location), 'INVALID_ARGUMENT');
    const clone = await s.openAt(dest);
    expect((await clone.listSyncRuns()).items.map((r) => r.id)).toEqual([f1]);
  });

  it('leaves the source unchanged, its current sync included', async () => {
    const s = await ctx.fresh();
    const { f1, f2, open } = await history(s);
    const before = await snapshot(s.engine, f1, ASSETS);
    const runs = (await s.engine.listSyncRuns()).items;
    await s.engine.cloneSync(f1, s.locationFor('clone'));
    expect(await snapshot(s.engine, f1, ASSETS)).toEqual(before);
    expect((await s.engine.listSyncRuns()).items).toEqual(runs);
    expect((await s.engine.listResources()).items.map((r) => r.record.id.resource)).toEqual(['running']);
    await s.engine.endSync();
    expect((await s.engine.getLatestFinishedSync('full'))?.id).toBe(open);
    expect(f2).not.toBe(open);
  });
});
