/** SPEC §6: reopening a store shows everything any completed call wrote, and neither current nor view. */
import { describeEachEngine, ent, expectCode, grant, res, rt, SECOND, snapshot, T0, writeSync } from './harness';
import type { TestStore } from './harness';

const at = (n: number): number => T0 + n * SECOND;
const ASSETS = ['a1', 'a2', 'empty', 'nope'];

async function workload(s: TestStore): Promise<{ f1: string; f2: string; open: string }> {
  const e = s.engine;
  const g1 = res('group', 'g1');
  const e1 = ent('e1', g1);
  const f1 = await writeSync(
    s,
    {
      resourceTypes: [rt('user', { traits: [1] }), rt('group')],
      resources: [g1, res('user', 'u1', { parent: g1.id }), res('user', 'u10')],
      entitlements: [e1],
      grants: [grant('gr1', e1, res('user', 'u1')), grant('gr2', e1, res('user', 'u10'))],
      assets: [{ id: 'a1', contentType: 'text/plain', data: Buffer.from('hello') }],
    },
    { start: at(1), end: at(2) },
  );
  s.clock.set(at(3));
  const f2 = await e.startNewSync({ type: 'full', parentSyncId: f1 });
  await e.putResources([res('user', 'u1'), g1]);
  s.clock.set(at(4));
  await e.putGrants([grant('gr1', e1, res('user', 'u1')), grant('gr3', e1, g1)]);
  await e.putGrants([grant('gr1', e1, g1)]);
  await e.deleteGrant('gr3');
  await e.putAsset('empty', 'application/octet-stream', new Uint8Array(0));
  await e.putAsset('a2', 'image/png', Uint8Array.from([0, 255, 0]));
  await e.checkpointSync('page-2');
  s.clock.set(at(5));
  await e.endSync();
  await expectCode(e.putResources([res('user', 'x'), res('user', '')]), 'FAILED_PRECONDITION');
  const open = await writeSync(s, { resources: [res('user', 'in-progress')] }, { start: at(6), end: 'open' });
  await e.checkpointSync('resume-token');
  await expectCode(e.putResources([res('user', 'y'), res('user', '')]), 'INVALID_ARGUMENT');
  return { f1, f2, open };
}

describeEachEngine('reopen', (ctx) => {
  const it = ctx.itIf(ctx.supports.reopen);

  it('shows every committed sync, record, asset and count after reopening', async () => {
    const s = await ctx.fresh();
    const { f1, f2, open } = await workload(s);
    const before = {
      runs: (await s.engine.listSyncRuns()).items,
      f1: await snapshot(s.engine, f1, ASSETS),
      f2: await snapshot(s.engine, f2, ASSETS),
      open: await snapshot(s.engine, open, ASSETS),
    };
    await s.reopen();
    const after = {
      runs: (await s.engine.listSyncRuns()).items,
      f1: await snapshot(s.engine, f1, ASSETS),
      f2: await snapshot(s.engine, f2, ASSETS),
      open: await snapshot(s.engine, open, ASSETS),
    };
    expect(after).toEqual(before);
    expect(after.runs).toHaveLength(3);
    expect(after.open.lists['resources']).toHaveLength(1);
    expect(await s.engine.getSync(open)).toEqual({ id: open, startedAt: at(6), syncToken: 'resume-token', syncType: 'full', parentSyncId: '' });
  });

  it('has neither a current sync nor a view after reopening, and is not dirty', async () => {
    const s = await ctx.fresh();
    const { f1, f2 } = await workload(s);
    await s.reopen();
    expect(s.engine.dirty).toBe(false);
    await expectCode(s.engine.currentSyncStep(), 'FAILED_PRECONDITION');
    await expectCode(s.engine.putResources([res('user', 'u1')]), 'FAILED_PRECONDITION');
    await s.engine.viewSync(f1);
    await s.reopen();
    expect((await s.engine.listResources()).items.map((r) => r.record.id.resource).sort()).toEqual(['g1', 'u1']);
    expect((await s.engine.getLatestFinishedSync())?.id).toBe(f2);
  });

  it('survives several reopen cycles with writes in between', async () => {
    const s = await ctx.fresh();
    for (let i = 0; i < 3; i++) {
      s.clock.set(at(10 * i));
      const { syncId, isNew } = await s.engine.startSync();
      expect({ syncId, isNew }).toEqual({ syncId: 's0001', isNew: i === 0 });
      await s.engine.putResources([res('user', `u${i}`)]);
      await s.reopen();
    }
    await s.engine.setCurrentSync('s0001');
    await s.engine.endSync();
    await s.reopen();
    const listed = (await s.engine.listResources()).items.map((r) => `${r.record.id.resource}@${r.discoveredAt}`);
    expect(listed.sort()).toEqual([`u0@${at(0)}`, `u1@${at(10)}`, `u2@${at(20)}`]);
    expect((await s.engine.getSync('s0001')).endedAt).toBe(at(20));
  });
});
