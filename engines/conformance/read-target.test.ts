/** SPEC §3: which sync a read sees (rules 1–6), ties by id, the resume window boundary, and nothing persisted. */
import { describeEachEngine, expectCode, expectTarget, markedSync, SECOND, T0, WEEK } from './harness';

const at = (n: number): number => T0 + n * SECOND;

describeEachEngine('read target', (ctx) => {
  it('rule 6: with no sync, lists are empty, gets NOT_FOUND and stats zero', async () => {
    const s = await ctx.fresh();
    await expectTarget(s.engine, undefined);
    await expectCode(s.engine.getGrant('g1'), 'NOT_FOUND');
    await expectCode(s.engine.getEntitlement('e1'), 'NOT_FOUND');
  });

  it('rule 6: finished syncs that are not full are never a default target', async () => {
    const s = await ctx.fresh();
    for (const [i, type] of (['partial', 'resources_only', 'partial_upserts', 'partial_deletions'] as const).entries()) {
      await markedSync(s, `m${i}`, { type, start: at(i * 10), end: at(i * 10 + 5) });
    }
    await expectTarget(s.engine, undefined);
  });

  it('rule 1: an explicit sync id wins over current and view; an unknown one is NOT_FOUND; "" means absent', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    const b = await markedSync(s, 'b', { start: at(3), end: at(4) });
    await e.viewSync(a);
    await markedSync(s, 'c', { start: at(5), end: 'open' });
    await expectTarget(e, 'b', { syncId: b });
    await expectTarget(e, 'a', { syncId: a });
    await expectTarget(e, 'c', { syncId: '' });
    await expectTarget(e, 'c');
    for (const bad of ['nope', 's000', `${b} `]) {
      await expectCode(e.listResources({ syncId: bad }), 'NOT_FOUND');
      await expectCode(e.listGrantsForResourceType({ syncId: bad, resourceTypeId: 'user' }), 'NOT_FOUND');
      await expectCode(e.getResourceType('a', { syncId: bad }), 'NOT_FOUND');
      await expectCode(e.getAsset('asset', { syncId: bad }), 'NOT_FOUND');
      await expectCode(e.stats(bad), 'NOT_FOUND');
    }
  });

  it('rule 2 then 3: the current sync wins over the view, and the view over the latest full sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    await markedSync(s, 'b', { start: at(3), end: at(4) });
    await expectTarget(e, 'b');
    await e.viewSync(a);
    await expectTarget(e, 'a');
    await markedSync(s, 'c', { start: at(5), end: 'open' });
    await expectTarget(e, 'c');
    await e.endSync();
    await expectTarget(e, 'a');
    await e.viewSync('');
    await expectTarget(e, 'c');
  });

  it('rule 4: the finished full sync with the greatest ended_at, whatever the start or creation order', async () => {
    const s = await ctx.fresh();
    await markedSync(s, 'a', { start: at(100), end: at(500) });
    await markedSync(s, 'b', { start: at(200), end: at(300) });
    await markedSync(s, 'p', { type: 'partial', start: at(600), end: at(700) });
    await markedSync(s, 'r', { type: 'resources_only', start: at(800), end: at(900) });
    await expectTarget(s.engine, 'a');
    await markedSync(s, 'c', { start: at(50), end: at(501) });
    await expectTarget(s.engine, 'c');
  });

  it('rule 4: ties on ended_at go to the greater id, not the later created', async () => {
    const s = await ctx.fresh();
    s.ids.queue('m', 'k', 'z', 'a');
    await markedSync(s, 'm', { start: at(1), end: at(10) });
    await markedSync(s, 'k', { start: at(2), end: at(10) });
    await expectTarget(s.engine, 'm');
    await markedSync(s, 'z', { start: at(0), end: at(10) });
    await expectTarget(s.engine, 'z');
    await markedSync(s, 'a', { start: at(3), end: at(10) });
    await expectTarget(s.engine, 'z');
  });

  ctx.itIf(ctx.supports.reopen)('rule 5: an unfinished sync is read while started_at >= T - 7 days, exactly', async () => {
    const s = await ctx.fresh();
    await markedSync(s, 'u', { start: at(0), end: 'open' });
    await s.reopen();
    s.clock.set(at(0) + WEEK);
    await expectTarget(s.engine, 'u');
    s.clock.set(at(0) + WEEK + 1);
    await expectTarget(s.engine, undefined);
    s.clock.set(at(0) - 5 * WEEK);
    await expectTarget(s.engine, 'u');
  });

  ctx.itIf(ctx.supports.reopen)('rule 5: honours resumeWindowMicros with the same exact boundary', async () => {
    const s = await ctx.fresh({ resumeWindowMicros: 1000 });
    await markedSync(s, 'u', { start: at(0), end: 'open' });
    await s.reopen();
    s.clock.set(at(0) + 1000);
    await expectTarget(s.engine, 'u');
    s.clock.set(at(0) + 1001);
    await expectTarget(s.engine, undefined);
  });

  ctx.itIf(ctx.supports.reopen)('rule 5: the greatest started_at wins, ties by the greater id; finished partials do not count', async () => {
    const s = await ctx.fresh();
    s.ids.queue('late', 'early', 'p', 'zz', 'aa');
    await markedSync(s, 'late', { start: at(20), end: 'open' });
    await s.reopen();
    await markedSync(s, 'early', { start: at(10), end: 'open' });
    await s.reopen();
    await markedSync(s, 'p', { type: 'partial', start: at(30), end: at(40) });
    s.clock.set(at(50));
    await expectTarget(s.engine, 'late');
    await markedSync(s, 'zz', { start: at(20), end: 'open' });
    await s.reopen();
    await markedSync(s, 'aa', { start: at(20), end: 'open' });
    await s.reopen();
    s.clock.set(at(50));
    await expectTarget(s.engine, 'zz');
  });

  ctx.itIf(ctx.supports.reopen)('rule 4 wins over rule 5: a finished full sync hides a newer unfinished one', async () => {
    const s = await ctx.fresh();
    await markedSync(s, 'f', { start: at(1), end: at(2) });
    await markedSync(s, 'u', { start: at(3), end: 'open' });
    await s.reopen();
    s.clock.set(at(4));
    await expectTarget(s.engine, 'f');
  });

  ctx.itIf(ctx.supports.reopen)('neither the current sync nor the view survives a reopen', async () => {
    const s = await ctx.fresh();
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    await markedSync(s, 'b', { start: at(3), end: at(4) });
    await s.engine.viewSync(a);
    await expectTarget(s.engine, 'a');
    await s.reopen();
    await expectTarget(s.engine, 'b');
    await markedSync(s, 'c', { start: at(5), end: 'open' });
    await expectTarget(s.engine, 'c');
    await s.reopen();
    await expectTarget(s.engine, 'b');
    await expectCode(s.engine.currentSyncStep(), 'FAILED_PRECONDITION');
  });
});
