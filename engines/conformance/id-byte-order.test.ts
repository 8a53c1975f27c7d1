/**
 * SPEC §3 (revision 2): ids compare by their UTF-8 bytes wherever a tie is broken by id: the default read target
 * (rules 4 and 5), getLatestFinishedSync, listSyncRuns order and which full syncs cleanup keeps. The two ids below
 * order one way by UTF-16 code units and the other way by UTF-8 bytes, so an engine comparing JS strings fails.
 */
import { describeEachEngine, drain, expectTarget, markedSync, SECOND, T0 } from './harness';

const at = (n: number): number => T0 + n * SECOND;

/** U+E000 (UTF-8 EE 80 80; UTF-16 E000) after `a`. */
const PRIVATE = 'a\u{E000}';
/** U+1F600 (UTF-8 F0 9F 98 80; UTF-16 D83D DE00) after `a`: greater by UTF-8 bytes, smaller by UTF-16 code units. */
const ASTRAL = 'a\u{1F600}';

describeEachEngine('ids compare by UTF-8 bytes', (ctx) => {
  it('rule 4 and getLatestFinishedSync: a tie on ended_at goes to the id greater by UTF-8 bytes', async () => {
    const s = await ctx.fresh();
    s.ids.queue(ASTRAL, PRIVATE);
    await markedSync(s, 'astral', { start: at(1), end: at(10) });
    await markedSync(s, 'private', { start: at(2), end: at(10) });
    await expectTarget(s.engine, 'astral');
    expect((await s.engine.getLatestFinishedSync())?.id).toBe(ASTRAL);
    expect((await s.engine.getLatestFinishedSync('full'))?.id).toBe(ASTRAL);
  });

  ctx.itIf(ctx.supports.reopen)('rule 5 and startSync: a tie on started_at goes to the id greater by UTF-8 bytes', async () => {
    const s = await ctx.fresh();
    s.ids.queue(ASTRAL, PRIVATE);
    await markedSync(s, 'astral', { start: at(5), end: 'open' });
    await s.reopen();
    await markedSync(s, 'private', { start: at(5), end: 'open' });
    await s.reopen();
    await expectTarget(s.engine, 'astral');
    expect(await s.engine.startSync()).toEqual({ syncId: ASTRAL, isNew: false });
  });

  it('listSyncRuns: a tie on started_at is ordered by UTF-8 bytes, on every page size', async () => {
    const s = await ctx.fresh();
    s.ids.queue(ASTRAL, 'b', PRIVATE, 'a');
    await markedSync(s, 'astral', { start: at(7), end: at(8) });
    await markedSync(s, 'b', { start: at(7), end: at(8) });
    await markedSync(s, 'private', { start: at(7), end: at(8) });
    await markedSync(s, 'a', { start: at(3), end: at(4) });
    const expected = ['a', PRIVATE, ASTRAL, 'b'];
    expect((await s.engine.listSyncRuns()).items.map((r) => r.id)).toEqual(expected);
    for (const size of [1, 2, 3]) expect((await drain((p) => s.engine.listSyncRuns(p), size)).map((r) => r.id)).toEqual(expected);
  });

  it('cleanup keeps the full sync whose id is greater by UTF-8 bytes when ended_at ties', async () => {
    const s = await ctx.fresh();
    s.ids.queue(ASTRAL, PRIVATE, 'a');
    await markedSync(s, 'astral', { start: at(1), end: at(20) });
    await markedSync(s, 'private', { start: at(2), end: at(20) });
    await markedSync(s, 'a', { start: at(3), end: at(20) });
    expect([...(await s.engine.cleanup({ keep: 1 }))].sort()).toEqual(['a', PRIVATE]);
    expect((await s.engine.listSyncRuns()).items.map((r) => r.id)).toEqual([ASTRAL]);
  });
});
