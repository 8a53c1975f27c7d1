/** SPEC §4 stats: exact counts per kind and per resource type for the target sync. */
import { describeEachEngine, ent, expectCode, grant, res, rt, writeSync } from './harness';

const ZERO = { resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} };

describeEachEngine('stats', (ctx) => {
  it('counts every kind and resources by exact type, without double counting re-puts', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const g1 = res('group', 'g1');
    const e1 = ent('e1', g1);
    await e.startNewSync();
    expect(await e.stats()).toEqual(ZERO);
    await e.putResourceTypes([rt('user'), rt('users'), rt('group'), rt('user')]);
    await e.putResources([res('user', 'u1'), res('user', 'u10'), res('users', 'u1'), g1, res('user', 'u1', { displayName: 'again' })]);
    await e.putResources([res('\u{1F600}', 'x'), res('a\u0001', 'x'), res('a', 'x')]);
    await e.putEntitlements([e1, ent('e2', g1), e1]);
    await e.putGrants([grant('gr1', e1, g1), grant('gr2', e1, g1), grant('gr3', e1, g1)]);
    await e.deleteGrant('gr2');
    await e.deleteGrant('gr2');
    await e.putAsset('a1', 'text/plain', new Uint8Array(0));
    await e.putAsset('a1', 'text/html', Buffer.from('x'));
    await e.putAsset('a2', 'text/plain', Buffer.from('y'));
    expect(await e.stats()).toEqual({
      resourceTypes: 3,
      resources: 7,
      entitlements: 2,
      grants: 2,
      assets: 2,
      // Only the stored resource types have a key: resources of \u{1F600}, a\u0001 and a are counted in `resources` only.
      resourcesByType: { user: 2, users: 1, group: 1 },
    });
  });

  it('counts the target sync only: explicit, current, or default; unknown is NOT_FOUND, "" means absent', async () => {
    const s = await ctx.fresh();
    const a = await writeSync(s, { resources: [res('user', 'u1'), res('user', 'u2')] });
    expect(await s.engine.stats()).toEqual({ ...ZERO, resources: 2, resourcesByType: {} });
    await writeSync(s, { resources: [res('group', 'g1')], resourceTypes: [rt('group')] }, { end: 'open' });
    expect(await s.engine.stats()).toEqual({ ...ZERO, resourceTypes: 1, resources: 1, resourcesByType: { group: 1 } });
    expect(await s.engine.stats('')).toEqual({ ...ZERO, resourceTypes: 1, resources: 1, resourcesByType: { group: 1 } });
    expect(await s.engine.stats(a)).toEqual({ ...ZERO, resources: 2, resourcesByType: {} });
    await expectCode(s.engine.stats('nope'), 'NOT_FOUND');
  });

  it('has a key for every resource type stored in the sync, 0 when it has no resources, and none for others', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putResourceTypes([rt('user'), rt('group'), rt('__proto__')]);
    expect(Object.entries((await e.stats()).resourcesByType).sort()).toEqual([['__proto__', 0], ['group', 0], ['user', 0]]);
    await e.putResources([res('user', 'u1'), res('user', 'u2'), res('role', 'r1'), res('__proto__', 'p')]);
    const stats = await e.stats();
    expect(stats.resources).toBe(4);
    expect(Object.entries(stats.resourcesByType).sort()).toEqual([['__proto__', 1], ['group', 0], ['user', 2]]);
    await e.endSync();
    await e.startNewSync();
    await e.putResourceTypes([rt('role')]);
    expect((await e.stats()).resourcesByType).toEqual({ role: 0 });
  });

  it('is all zero with no target sync (rule 6)', async () => {
    const s = await ctx.fresh();
    expect(await s.engine.stats()).toEqual(ZERO);
    await writeSync(s, { resources: [res('user', 'u1')] }, { type: 'partial' });
    expect(await s.engine.stats()).toEqual(ZERO);
  });
});
