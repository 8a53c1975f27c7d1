/** SPEC §5 sync lifecycle: startNewSync, startSync, setCurrentSync, currentSyncStep, checkpointSync and endSync. */
import { describeEachEngine, expectCode, res, rid, SECOND, T0, WEEK } from './harness';

const at = (n: number): number => T0 + n * SECOND;

describeEachEngine('sync lifecycle', (ctx) => {
  it('startNewSync creates a sync at T with an empty token, from newSyncId, and makes it current', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    s.clock.set(at(7) + 1);
    const id = await e.startNewSync();
    expect(id).toBe('s0001');
    expect(s.ids.issued).toEqual(['s0001']);
    expect(await e.getSync(id)).toEqual({ id, startedAt: at(7) + 1, syncToken: '', syncType: 'full', parentSyncId: '' });
    expect(await e.currentSyncStep()).toBe('');
    await e.putResources([res('user', 'u1')]);
    expect((await e.getResource(rid('user', 'u1'))).discoveredAt).toBe(at(7) + 1);
  });

  it('startNewSync stores the type and the parent as given, unchecked', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const id = await e.startNewSync({ type: 'partial_upserts', parentSyncId: 'no-such-sync' });
    expect(await e.getSync(id)).toEqual({ id, startedAt: T0, syncToken: '', syncType: 'partial_upserts', parentSyncId: 'no-such-sync' });
  });

  it('startNewSync while a sync is current returns its id, ignores the type and creates nothing', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const id = await e.startNewSync({ type: 'full' });
    s.clock.advance(SECOND);
    expect(await e.startNewSync({ type: 'partial', parentSyncId: 'x' })).toBe(id);
    expect(await e.startNewSync()).toBe(id);
    expect(s.ids.issued).toEqual([id]);
    expect((await e.listSyncRuns()).items).toEqual([{ id, startedAt: T0, syncToken: '', syncType: 'full', parentSyncId: '' }]);
  });

  it('startNewSync checks the type first, even while a sync is current', async () => {
    const s = await ctx.fresh();
    await s.engine.startNewSync();
    await expectCode(s.engine.startNewSync({ type: 'nightly' as 'full' }), 'INVALID_ARGUMENT');
    expect(s.ids.issued).toHaveLength(1);
  });

  it('startSync returns the current sync, or else creates a new full sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const first = await e.startSync();
    expect(first).toEqual({ syncId: 's0001', isNew: true });
    expect((await e.getSync('s0001')).syncType).toBe('full');
    expect(await e.startSync()).toEqual({ syncId: 's0001', isNew: false });
    await e.endSync();
    s.clock.advance(SECOND);
    expect(await e.startSync()).toEqual({ syncId: 's0002', isNew: true });
    expect(await e.getSync('s0002')).toEqual({ id: 's0002', startedAt: T0 + SECOND, syncToken: '', syncType: 'full', parentSyncId: '' });
  });

  ctx.itIf(ctx.supports.reopen)('startSync resumes the latest unfinished sync inside the window, else starts anew', async () => {
    const s = await ctx.fresh();
    s.clock.set(at(0));
    const old = await s.engine.startNewSync({ type: 'partial' });
    await s.engine.checkpointSync('tok-old');
    await s.reopen();
    s.clock.set(at(10));
    const newer = await s.engine.startNewSync({ type: 'resources_only' });
    await s.reopen();
    s.clock.set(at(0) + WEEK);
    expect(await s.engine.startSync()).toEqual({ syncId: newer, isNew: false });
    expect(await s.engine.currentSyncStep()).toBe('');
    await s.reopen();
    s.clock.set(at(10) + WEEK + 1);
    expect(await s.engine.startSync()).toEqual({ syncId: 's0003', isNew: true });
    expect((await s.engine.getSync('s0003')).syncType).toBe('full');
    expect((await s.engine.getSync(old)).endedAt).toBeUndefined();
  });

  ctx.itIf(ctx.supports.reopen)('startSync resumes when the clock went backwards, and never resumes a finished sync', async () => {
    const s = await ctx.fresh();
    s.clock.set(at(100));
    await s.engine.startNewSync();
    await s.engine.endSync();
    s.clock.set(at(200));
    const open = await s.engine.startNewSync();
    await s.engine.checkpointSync('resume-me');
    await s.reopen();
    s.clock.set(at(5));
    expect(await s.engine.startSync()).toEqual({ syncId: open, isNew: false });
    expect(await s.engine.currentSyncStep()).toBe('resume-me');
  });

  it('setCurrentSync needs an existing sync and may make a finished sync current again', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await expectCode(e.setCurrentSync('nope'), 'NOT_FOUND');
    await expectCode(e.setCurrentSync(''), 'NOT_FOUND');
    const a = await e.startNewSync();
    await e.endSync();
    await expectCode(e.setCurrentSync('S0001'), 'NOT_FOUND');
    await expectCode(e.currentSyncStep(), 'FAILED_PRECONDITION');
    s.clock.advance(SECOND);
    await e.setCurrentSync(a);
    await e.putResources([res('user', 'late')]);
    expect((await e.getResource(rid('user', 'late'), { syncId: a })).discoveredAt).toBe(T0 + SECOND);
    expect(await e.currentSyncStep()).toBe('');
  });

  it('currentSyncStep, checkpointSync and endSync need a current sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await expectCode(e.currentSyncStep(), 'FAILED_PRECONDITION');
    await expectCode(e.checkpointSync('t'), 'FAILED_PRECONDITION');
    await expectCode(e.endSync(), 'FAILED_PRECONDITION');
    await e.startNewSync();
    await e.endSync();
    await expectCode(e.currentSyncStep(), 'FAILED_PRECONDITION');
    await expectCode(e.checkpointSync('t'), 'FAILED_PRECONDITION');
    await expectCode(e.endSync(), 'FAILED_PRECONDITION');
    expect((await e.listSyncRuns()).items.map((r) => r.syncToken)).toEqual(['']);
  });

  it('checkpointSync stores the token, large ones included, and currentSyncStep returns it', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const id = await e.startNewSync();
    await e.checkpointSync('{"page":1}');
    expect(await e.currentSyncStep()).toBe('{"page":1}');
    const big = JSON.stringify({ pages: Array.from({ length: 5000 }, (_, i) => ({ i, cursor: `c-\u00E9-${i}` })) });
    expect(big.length).toBeGreaterThan(100_000);
    await e.checkpointSync(big);
    expect(await e.currentSyncStep()).toBe(big);
    expect((await e.getSync(id)).syncToken).toBe(big);
    await e.checkpointSync('last');
    await e.endSync();
    expect((await e.getSync(id)).syncToken).toBe('last');
  });

  it('endSync sets ended_at = T once, keeps the first ended_at, and clears the current sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    s.clock.set(at(1));
    const id = await e.startNewSync();
    s.clock.set(at(2) + 654_321);
    await e.endSync();
    expect(await e.getSync(id)).toEqual({ id, startedAt: at(1), endedAt: at(2) + 654_321, syncToken: '', syncType: 'full', parentSyncId: '' });
    await expectCode(e.currentSyncStep(), 'FAILED_PRECONDITION');
    s.clock.set(at(9));
    await e.setCurrentSync(id);
    await e.endSync();
    expect((await e.getSync(id)).endedAt).toBe(at(2) + 654_321);
    await expectCode(e.currentSyncStep(), 'FAILED_PRECONDITION');
    s.clock.set(at(10));
    expect(await e.startNewSync()).toBe('s0002');
  });

  it('keeps timestamps to the microsecond, with and without a fractional second', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const times = [1_700_000_000_000_000, 1_700_000_000_000_001, 1_700_000_000_999_999, 1_600_000_000_100_000, 86_400_000_000];
    const ids: string[] = [];
    for (const t of times) {
      s.clock.set(t);
      ids.push(await e.startNewSync());
      s.clock.set(t + 1);
      await e.endSync();
    }
    for (const [i, id] of ids.entries()) {
      const run = await e.getSync(id);
      expect([run.startedAt, run.endedAt]).toEqual([times[i], (times[i] as number) + 1]);
    }
  });

  it('getSync of an unknown id, "" included, is NOT_FOUND', async () => {
    const s = await ctx.fresh();
    await s.engine.startNewSync();
    await expectCode(s.engine.getSync(''), 'NOT_FOUND');
    await expectCode(s.engine.getSync('s0002'), 'NOT_FOUND');
    await expectCode(s.engine.getSync('s000'), 'NOT_FOUND');
  });
});
