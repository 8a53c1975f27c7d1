/** SPEC §6 cleanup: which syncs go (keep, partials by end time, never unfinished), the view, and the no-op cases. */
import { describeEachEngine, expectCode, expectTarget, markedSync, res, SECOND, snapshot, T0, writeSync } from './harness';
import type { TestStore } from './harness';

const at = (n: number): number => T0 + n * SECOND;

/** The timeline of the cleanup tests; partial parents point the "wrong" way to catch cleanup by parent. */
async function timeline(s: TestStore): Promise<Record<string, string>> {
  s.ids.queue('F1', 'P1', 'P0', 'F2', 'P2', 'F3', 'R3');
  const ids: Record<string, string> = {};
  ids['F1'] = await markedSync(s, 'f1', { start: at(100), end: at(200) });
  ids['P1'] = await markedSync(s, 'p1', { type: 'partial', parent: 'F3', start: at(250), end: at(300) });
  ids['P0'] = await markedSync(s, 'p0', { type: 'partial_upserts', start: at(350), end: at(400) });
  ids['F2'] = await markedSync(s, 'f2', { start: at(400), end: at(500) });
  ids['P2'] = await markedSync(s, 'p2', { type: 'partial', parent: 'F1', start: at(550), end: at(600) });
  ids['F3'] = await markedSync(s, 'f3', { start: at(700), end: at(800) });
  ids['R3'] = await markedSync(s, 'r3', { type: 'resources_only', start: at(850), end: at(900) });
  return ids;
}

async function runIds(s: TestStore): Promise<string[]> {
  return (await s.engine.listSyncRuns()).items.map((r) => r.id);
}

describeEachEngine('cleanup', (ctx) => {
  it('keeps the 2 newest full syncs and the non-full syncs that ended at or after the earliest kept one started', async () => {
    const s = await ctx.fresh();
    await timeline(s);
    const before = await snapshot(s.engine, 'F2');
    expect([...(await s.engine.cleanup())].sort()).toEqual(['F1', 'P1']);
    expect(await runIds(s)).toEqual(['P0', 'F2', 'P2', 'F3', 'R3']);
    await expectCode(s.engine.getSync('F1'), 'NOT_FOUND');
    await expectCode(s.engine.listResources({ syncId: 'P1' }), 'NOT_FOUND');
    expect(await snapshot(s.engine, 'F2')).toEqual(before);
    await expectTarget(s.engine, 'f3');
    await expectTarget(s.engine, 'p2', { syncId: 'P2' });
  });

  it('with keep 1 deletes every older full sync and every non-full sync that ended before the kept one started', async () => {
    const s = await ctx.fresh();
    await timeline(s);
    expect([...(await s.engine.cleanup({ keep: 1 }))].sort()).toEqual(['F1', 'F2', 'P0', 'P1', 'P2']);
    expect(await runIds(s)).toEqual(['F3', 'R3']);
  });

  it('deletes nothing when no full sync is beyond keep', async () => {
    const s = await ctx.fresh();
    await timeline(s);
    expect(await s.engine.cleanup({ keep: 3 })).toEqual([]);
    expect(await s.engine.cleanup({ keep: 10 })).toEqual([]);
    expect(await runIds(s)).toEqual(['F1', 'P1', 'P0', 'F2', 'P2', 'F3', 'R3']);
  });

  it('orders full syncs by ended_at then id, not by start', async () => {
    const s = await ctx.fresh();
    s.ids.queue('A', 'B', 'C', 'D');
    await writeSync(s, {}, { start: at(10), end: at(90) });
    await writeSync(s, {}, { start: at(20), end: at(30) });
    await writeSync(s, {}, { start: at(40), end: at(90) });
    await writeSync(s, {}, { type: 'partial', start: at(5), end: at(15) });
    expect([...(await s.engine.cleanup({ keep: 1 }))].sort()).toEqual(['A', 'B', 'D']);
    expect(await runIds(s)).toEqual(['C']);
  });

  ctx.itIf(ctx.supports.reopen)('never deletes an unfinished sync, however old', async () => {
    const s = await ctx.fresh();
    s.ids.queue('U0');
    await writeSync(s, { resources: [res('user', 'u')] }, { start: at(1), end: 'open' });
    await s.reopen();
    await timeline(s);
    expect([...(await s.engine.cleanup({ keep: 1 }))].sort()).toEqual(['F1', 'F2', 'P0', 'P1', 'P2']);
    expect(await runIds(s)).toEqual(['U0', 'F3', 'R3']);
    expect((await s.engine.listResources({ syncId: 'U0' })).items).toHaveLength(1);
  });

  it('does nothing while a sync is current', async () => {
    const s = await ctx.fresh();
    await timeline(s);
    await writeSync(s, {}, { start: at(1000), end: 'open' });
    expect(await s.engine.cleanup({ keep: 1 })).toEqual([]);
    expect(await runIds(s)).toHaveLength(8);
  });

  it('clears the view when it deletes the viewed sync, and keeps it otherwise', async () => {
    const s = await ctx.fresh();
    await timeline(s);
    await s.engine.viewSync('F2');
    await s.engine.cleanup();
    await expectTarget(s.engine, 'f2');
    await s.engine.cleanup({ keep: 1 });
    await expectTarget(s.engine, 'f3');
    await s.engine.viewSync('R3');
    await expectTarget(s.engine, 'r3');
  });

  it('reads a keep of 0 or less as the default 2 (the Go SDK\'s ResolveCleanupSyncLimit)', async () => {
    for (const keep of [0, -1, -100]) {
      const s = await ctx.fresh();
      await timeline(s);
      expect([...(await s.engine.cleanup({ keep }))].sort()).toEqual(['F1', 'P1']);
      expect(await runIds(s)).toEqual(['P0', 'F2', 'P2', 'F3', 'R3']);
    }
  });

  it('rejects a keep that is not an integer, before looking at the current sync', async () => {
    const s = await ctx.fresh();
    await timeline(s);
    const bad: unknown[] = [1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '2', null];
    for (const keep of bad) await expectCode(s.engine.cleanup({ keep: keep as number }), 'INVALID_ARGUMENT');
    await writeSync(s, {}, { end: 'open' });
    await expectCode(s.engine.cleanup({ keep: 2.5 }), 'INVALID_ARGUMENT');
    expect(await s.engine.cleanup({ keep: 0 })).toEqual([]);
    expect(await runIds(s)).toHaveLength(8);
  });

  it('measures "before the earliest kept full sync started" from the smallest started_at among the kept ones', async () => {
    const s = await ctx.fresh();
    s.ids.queue('OLD', 'P0', 'K1', 'P1', 'K2');
    await writeSync(s, {}, { start: at(10), end: at(20) });
    await writeSync(s, {}, { type: 'partial', start: at(22), end: at(25) });
    await writeSync(s, {}, { start: at(30), end: at(100) });
    await writeSync(s, {}, { type: 'partial', start: at(35), end: at(40) });
    await writeSync(s, {}, { start: at(50), end: at(90) });
    // Kept: K1 (ended 100) and K2 (ended 90); the cut-off is K1's start (30), not K2's (50): P1 (ended 40) stays.
    expect([...(await s.engine.cleanup())].sort()).toEqual(['OLD', 'P0']);
    expect(await runIds(s)).toEqual(['K1', 'P1', 'K2']);
  });

  it('lets a deleted sync id be read nowhere and keeps everything else readable', async () => {
    const s = await ctx.fresh();
    await timeline(s);
    await s.engine.cleanup({ keep: 1 });
    for (const gone of ['F1', 'F2', 'P0', 'P1', 'P2']) {
      await expectCode(s.engine.stats(gone), 'NOT_FOUND');
      await expectCode(s.engine.getAsset('asset', { syncId: gone }), 'NOT_FOUND');
      await expectCode(s.engine.viewSync(gone), 'NOT_FOUND');
      await expectCode(s.engine.setCurrentSync(gone), 'NOT_FOUND');
    }
    expect((await s.engine.stats('R3')).resources).toBe(1);
    expect(await s.engine.getLatestFinishedSync()).toMatchObject({ id: 'R3' });
  });
});
