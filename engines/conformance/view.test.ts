/** SPEC §6 viewSync: sets the read target of rule 3, '' clears it, unknown is NOT_FOUND, a current sync forbids it first. */
import { describeEachEngine, expectCode, expectTarget, markedSync, SECOND, T0 } from './harness';

const at = (n: number): number => T0 + n * SECOND;

describeEachEngine('viewSync', (ctx) => {
  it('makes every reader see the viewed sync until cleared with ""', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    const p = await markedSync(s, 'p', { type: 'partial', start: at(3), end: at(4) });
    await markedSync(s, 'b', { start: at(5), end: at(6) });
    await e.viewSync(a);
    await expectTarget(e, 'a');
    await e.viewSync(p);
    await expectTarget(e, 'p');
    await e.viewSync('');
    await expectTarget(e, 'b');
    await e.viewSync('');
    await expectTarget(e, 'b');
  });

  it('an explicit syncId still wins over the view', async () => {
    const s = await ctx.fresh();
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    const b = await markedSync(s, 'b', { start: at(3), end: at(4) });
    await s.engine.viewSync(a);
    await expectTarget(s.engine, 'b', { syncId: b });
    await expectTarget(s.engine, 'a');
  });

  it('an unknown id is NOT_FOUND and leaves the view as it was', async () => {
    const s = await ctx.fresh();
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    await markedSync(s, 'b', { start: at(3), end: at(4) });
    await s.engine.viewSync(a);
    await expectCode(s.engine.viewSync('nope'), 'NOT_FOUND');
    await expectTarget(s.engine, 'a');
  });

  it('with a current sync every id is FAILED_PRECONDITION, "" and unknown ids included, and the view stays', async () => {
    const s = await ctx.fresh();
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    await markedSync(s, 'b', { start: at(3), end: at(4) });
    await s.engine.viewSync(a);
    await markedSync(s, 'c', { start: at(5), end: 'open' });
    for (const id of [a, 'nope', '']) await expectCode(s.engine.viewSync(id), 'FAILED_PRECONDITION');
    await expectCode(s.engine.viewSync(7 as unknown as string), 'FAILED_PRECONDITION');
    await s.engine.endSync();
    // viewSync('') was refused, so the view of `a` still holds once nothing is current.
    await expectTarget(s.engine, 'a');
  });

  it('survives a sync started and ended after it (rule 2 only while current)', async () => {
    const s = await ctx.fresh();
    const a = await markedSync(s, 'a', { start: at(1), end: at(2) });
    await s.engine.viewSync(a);
    await markedSync(s, 'c', { start: at(3), end: 'open' });
    await expectTarget(s.engine, 'c');
    await s.engine.endSync();
    await expectTarget(s.engine, 'a');
    expect((await s.engine.getLatestFinishedSync('full'))?.id).not.toBe(a);
  });
});
