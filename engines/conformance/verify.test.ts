/** SPEC §6 verify: clean after a workload; dangling references are reported as such, never as problems; no repair. */
import { describeEachEngine, ent, grant, res, rt, SECOND, snapshot, T0, writeSync } from './harness';

const at = (n: number): number => T0 + n * SECOND;

describeEachEngine('verify', (ctx) => {
  it('reports nothing after a workload of puts, re-puts, deletes and cleanup', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const g1 = res('group', 'g1');
    const u1 = res('user', 'u1', { parent: g1.id });
    const u10 = res('user', 'u10', { parent: g1.id });
    const eg = ent('eg', g1);
    const eu = ent('eu', u1);
    const content = { resourceTypes: [rt('user'), rt('group')], resources: [g1, u1, u10], entitlements: [eg, eu] };
    for (let i = 0; i < 3; i++) await writeSync(s, { ...content, grants: [grant(`gr${i}`, eg, u1)] }, { start: at(10 * i), end: at(10 * i + 1) });
    s.clock.set(at(40));
    await e.startNewSync();
    await e.putResourceTypes(content.resourceTypes);
    await e.putResources([g1, u1, u10]);
    await e.putResources([res('user', 'u1', { parent: u10.id })]);
    await e.putResources([g1]);
    await e.putEntitlements([eg, eu, ent('eu', g1)]);
    await e.putGrants([grant('x1', eg, u1), grant('x2', eg, u10), grant('x3', eu, g1)]);
    await e.putGrants([grant('x1', eu, u10), grant('x2', eg, g1)], { ifNewer: true });
    s.clock.set(at(41));
    await e.putGrants([grant('x2', eg, g1)], { ifNewer: true });
    await e.deleteGrant('x3');
    await e.putAsset('a1', 'text/plain', Buffer.from('x'));
    await e.endSync();
    expect((await e.cleanup({ keep: 2 })).length).toBe(2);
    const report = await e.verify();
    expect({ ok: report.ok, problems: report.problems, dangling: report.dangling }).toEqual({ ok: true, problems: [], dangling: [] });
    // Two syncs remain: 2 types, 3 resources and 2 entitlements each, plus 1 and 2 grants (the asset may count too).
    expect(report.recordsChecked).toBeGreaterThanOrEqual(17);
  });

  it('reports dangling references (entitlement resource, grant entitlement and principal) without calling them problems', async () => {
    const s = await ctx.fresh();
    const ghost = res('user', 'r-missing');
    const e1 = ent('e1', res('group', 'g1'));
    const id = await writeSync(s, {
      resources: [res('group', 'g1')],
      entitlements: [e1, ent('ent-dangling', ghost)],
      grants: [grant('grant-dangling', ent('e-missing', res('group', 'g1')), res('user', 'p-missing')), grant('grant-fine', e1, res('group', 'g1'))],
    });
    const before = await snapshot(s.engine);
    const report = await s.engine.verify();
    expect({ ok: report.ok, problems: report.problems }).toEqual({ ok: true, problems: [] });
    expect(report.dangling.length).toBeGreaterThanOrEqual(3);
    expect(report.dangling.every((d) => d.syncId === id && d.kind === 'dangling-reference' && typeof d.detail === 'string')).toBe(true);
    // Details are free text, but must name the record whose reference dangles.
    const text = JSON.stringify(report.dangling);
    for (const referrer of ['ent-dangling', 'grant-dangling']) expect(text).toContain(referrer);
    expect(text).not.toContain('grant-fine');
    expect(await snapshot(s.engine)).toEqual(before);
    expect((await s.engine.verify()).dangling.length).toBe(report.dangling.length);
  });

  it('is clean on an empty store', async () => {
    const s = await ctx.fresh();
    const report = await s.engine.verify();
    expect(report).toEqual({ ok: true, problems: [], dangling: [], recordsChecked: 0 });
  });
});
