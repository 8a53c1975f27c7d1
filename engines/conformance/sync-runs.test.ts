/** SPEC §4 listSyncRuns (order by started_at then id, paging), getSync and getLatestFinishedSync. */
import type { SyncRun } from '../../models/types';
import { DEFAULTS } from '../../models/contract/api';
import { describeEachEngine, drain, expectCode, SECOND, T0, writeSync } from './harness';

const at = (n: number): number => T0 + n * SECOND;

describeEachEngine('sync runs', (ctx) => {
  it('lists every sync ordered by started_at then id, whatever the creation order', async () => {
    const s = await ctx.fresh();
    s.ids.queue('m', 'b', 'a', 'c', 's10', 's9');
    await writeSync(s, {}, { start: at(30), end: at(31) });
    await writeSync(s, {}, { start: at(10), end: at(50), type: 'partial', parent: 'm' });
    await writeSync(s, {}, { start: at(10), end: at(11) });
    await writeSync(s, {}, { start: at(20), end: 'open', type: 'resources_only' });
    await s.engine.endSync();
    await writeSync(s, {}, { start: at(40), end: at(41) });
    await writeSync(s, {}, { start: at(40), end: at(41) });
    const runs = (await s.engine.listSyncRuns()).items;
    expect(runs.map((r) => r.id)).toEqual(['a', 'b', 'c', 'm', 's10', 's9']);
    expect(runs[1]).toEqual({ id: 'b', startedAt: at(10), endedAt: at(50), syncToken: '', syncType: 'partial', parentSyncId: 'm' });
    for (const size of [1, 2, 4, 5, DEFAULTS.maxPageSize]) {
      expect((await drain((p) => s.engine.listSyncRuns(p), size)).map((r) => r.id)).toEqual(['a', 'b', 'c', 'm', 's10', 's9']);
    }
  });

  it('pages sync runs to the end, with unfinished and current syncs included', async () => {
    const s = await ctx.fresh();
    for (let i = 0; i < 23; i++) await writeSync(s, {}, { start: at(i), end: at(i) + 1 });
    await writeSync(s, {}, { start: at(23), end: 'open' });
    const all = await drain((p) => s.engine.listSyncRuns(p), 5);
    expect(all.map((r) => r.id)).toEqual(Array.from({ length: 24 }, (_, i) => `s${String(i + 1).padStart(4, '0')}`));
    expect(all[23]).toEqual({ id: 's0024', startedAt: at(23), syncToken: '', syncType: 'full', parentSyncId: '' });
    const first = await s.engine.listSyncRuns({ pageSize: 5 });
    expect(first.items).toHaveLength(5);
    await expectCode(s.engine.listSyncRuns({ pageSize: 5, pageToken: `${first.nextPageToken}@` }), 'INVALID_ARGUMENT');
    expect(await s.engine.listSyncRuns({ pageSize: 5, pageToken: first.nextPageToken })).toEqual(
      await s.engine.listSyncRuns({ pageSize: 5, pageToken: first.nextPageToken }),
    );
  });

  it('returns an empty last page on an empty store', async () => {
    const s = await ctx.fresh();
    expect(await s.engine.listSyncRuns()).toEqual({ items: [], nextPageToken: '' });
    expect(await s.engine.listSyncRuns({ pageSize: 1 })).toEqual({ items: [], nextPageToken: '' });
  });

  it('getLatestFinishedSync: greatest ended_at, ties by the greater id, of one type or of any', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    expect(await e.getLatestFinishedSync()).toBeUndefined();
    expect(await e.getLatestFinishedSync('full')).toBeUndefined();
    s.ids.queue('f-old', 'f-b', 'f-a', 'p1', 'open');
    await writeSync(s, {}, { start: at(1), end: at(100) });
    await writeSync(s, {}, { start: at(2), end: at(20) });
    await writeSync(s, {}, { start: at(3), end: at(20) });
    await writeSync(s, {}, { type: 'partial', start: at(4), end: at(150) });
    await writeSync(s, {}, { type: 'partial_deletions', start: at(500), end: 'open' });
    const run = (id: string): Promise<SyncRun> => e.getSync(id);
    expect(await e.getLatestFinishedSync('full')).toEqual(await run('f-old'));
    expect(await e.getLatestFinishedSync()).toEqual(await run('p1'));
    expect(await e.getLatestFinishedSync('partial')).toEqual(await run('p1'));
    expect(await e.getLatestFinishedSync('partial_deletions')).toBeUndefined();
    expect(await e.getLatestFinishedSync('resources_only')).toBeUndefined();
    await e.endSync();
    expect((await e.getLatestFinishedSync('partial_deletions'))?.id).toBe('open');
    s.ids.queue('f-z');
    await writeSync(s, {}, { start: at(600), end: at(100) });
    expect((await e.getLatestFinishedSync('full'))?.id).toBe('f-z');
  });

  it('getSync returns every field exactly; unknown ids are NOT_FOUND', async () => {
    const s = await ctx.fresh();
    const id = await writeSync(s, {}, { type: 'resources_only', parent: 'whatever', start: at(1) + 17, end: at(9) + 999_999 });
    expect(await s.engine.getSync(id)).toEqual({
      id,
      startedAt: at(1) + 17,
      endedAt: at(9) + 999_999,
      syncToken: '',
      syncType: 'resources_only',
      parentSyncId: 'whatever',
    });
    await expectCode(s.engine.getSync('S0001'), 'NOT_FOUND');
  });
});
