/** SPEC §6 generateSyncDiff: additions only, copies keep discovered_at, a finished partial child of the base. */
import { describeEachEngine, drain, encodedSet, ent, expectCode, grant, keys, readAsset, res, rid, rt, SECOND, T0, writeSync } from './harness';
import type { TestStore } from './harness';

const at = (n: number): number => T0 + n * SECOND;
const u1 = res('user', 'u1');
const u2 = res('user', 'u2');
const g1 = res('group', 'g1');
const e1 = ent('e1', g1);

/** Writes the base sync (at 1–2) and the applied sync (at 10–11); returns their ids. */
async function baseAndApplied(s: TestStore): Promise<{ base: string; applied: string }> {
  const base = await writeSync(
    s,
    {
      resourceTypes: [rt('user'), rt('group')],
      resources: [u1, u2, g1],
      entitlements: [e1],
      grants: [grant('gr1', e1, u1), grant('gr2', e1, u2)],
      assets: [{ id: 'a1', contentType: 'text/plain', data: Buffer.from('one') }],
    },
    { start: at(1), end: at(2) },
  );
  const applied = await writeSync(
    s,
    {
      resourceTypes: [rt('user', { displayName: 'changed' }), rt('role')],
      resources: [res('user', 'u1', { displayName: 'changed' }), res('user', 'u10'), res('users', 'u1'), g1],
      entitlements: [ent('e1', u1), ent('e10', g1)],
      grants: [grant('gr1', e1, u2), grant('gr10', e1, u1), grant('gr3', ent('e10', g1), res('user', 'u10'))],
      assets: [
        { id: 'a1', contentType: 'text/changed', data: Buffer.from('changed') },
        { id: 'a10', contentType: 'text/new', data: Buffer.from('new') },
      ],
    },
    { start: at(10), end: at(11) },
  );
  return { base, applied };
}

describeEachEngine('generateSyncDiff', (ctx) => {
  it('creates a finished partial sync, child of the base, holding only the additions of the applied sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const { base, applied } = await baseAndApplied(s);
    s.clock.set(at(20));
    const diff = await e.generateSyncDiff(base, applied);
    expect(diff).toBe('s0003');
    expect(await e.getSync(diff)).toEqual({ id: diff, startedAt: at(20), endedAt: at(20), syncToken: '', syncType: 'partial', parentSyncId: base });
    const scope = { syncId: diff };
    expect(keys(await drain((p) => e.listResourceTypes({ ...scope, ...p }), 2))).toEqual(['role']);
    expect(keys(await drain((p) => e.listResources({ ...scope, ...p }), 2))).toEqual(['user:u10', 'users:u1']);
    expect(keys(await drain((p) => e.listEntitlements({ ...scope, ...p }), 2))).toEqual(['e10']);
    expect(keys(await drain((p) => e.listGrants({ ...scope, ...p }), 2))).toEqual(['gr10', 'gr3']);
    expect(keys((await e.listGrantsForPrincipal({ ...scope, principalId: rid('user', 'u10') })).items)).toEqual(['gr3']);
    expect(keys((await e.listGrantsForEntitlement({ ...scope, entitlementId: 'e1' })).items)).toEqual(['gr10']);
    await expectCode(e.getAsset('a1', scope), 'NOT_FOUND');
    expect(await readAsset(e, 'a10', scope)).toEqual({ contentType: 'text/new', discoveredAt: at(10), data: Buffer.from('new') });
    expect(await e.stats(diff)).toEqual({ resourceTypes: 1, resources: 2, entitlements: 1, grants: 2, assets: 1, resourcesByType: { role: 0 } });
  });

  it('copies records byte-equal with their discovered_at from the applied sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const { base, applied } = await baseAndApplied(s);
    s.clock.set(at(30));
    const diff = await e.generateSyncDiff(base, applied);
    const fromApplied = encodedSet((await e.listGrants({ syncId: applied })).items).filter((x) => x.startsWith('gr10@') || x.startsWith('gr3@'));
    expect(encodedSet((await e.listGrants({ syncId: diff })).items)).toEqual(fromApplied);
    expect(fromApplied.every((x) => x.includes(`@${at(10)}=`))).toBe(true);
    const resources = encodedSet((await e.listResources({ syncId: diff })).items);
    expect(resources).toEqual(encodedSet((await e.listResources({ syncId: applied })).items).filter((x) => x.startsWith('user:u10@') || x.startsWith('users:u1@')));
  });

  it('leaves the current sync and the view untouched', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const { base, applied } = await baseAndApplied(s);
    await e.viewSync(base);
    const diff = await e.generateSyncDiff(base, applied);
    expect(keys((await e.listResourceTypes()).items)).toEqual(['group', 'user']);
    await e.viewSync('');
    s.clock.set(at(40));
    const current = await e.startNewSync();
    await e.checkpointSync('mid-sync');
    s.clock.set(at(41));
    const diff2 = await e.generateSyncDiff(applied, base);
    expect(await e.currentSyncStep()).toBe('mid-sync');
    expect((await e.getSync(current)).endedAt).toBeUndefined();
    expect((await e.getSync(diff2)).endedAt).toBe(at(41));
    await e.putResources([res('user', 'during')]);
    expect(keys((await e.listResources()).items)).toEqual(['user:during']);
    expect(keys((await e.listResources({ syncId: diff2 })).items)).toEqual(['user:u2']);
    expect(diff).not.toBe(diff2);
    expect((await e.listSyncRuns()).items.map((r) => r.id)).toEqual([base, applied, diff, current, diff2]);
  });

  it('does not change the default read target, a partial sync never being rule 4', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const { base, applied } = await baseAndApplied(s);
    s.clock.set(at(50));
    await e.generateSyncDiff(base, applied);
    expect((await e.getLatestFinishedSync('full'))?.id).toBe(applied);
    expect(keys((await e.listResourceTypes()).items)).toEqual(['role', 'user']);
  });

  it('of a sync with itself is an empty partial sync', async () => {
    const s = await ctx.fresh();
    const { base } = await baseAndApplied(s);
    const diff = await s.engine.generateSyncDiff(base, base);
    expect(await s.engine.stats(diff)).toEqual({ resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} });
    expect((await s.engine.listGrants({ syncId: diff })).items).toEqual([]);
    await expectCode(s.engine.getAsset('a1', { syncId: diff }), 'NOT_FOUND');
    expect((await s.engine.getSync(diff)).syncType).toBe('partial');
  });

  it('needs both syncs to exist', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const { base, applied } = await baseAndApplied(s);
    await expectCode(e.generateSyncDiff('nope', applied), 'NOT_FOUND');
    await expectCode(e.generateSyncDiff(base, 'nope'), 'NOT_FOUND');
    await expectCode(e.generateSyncDiff('', applied), 'NOT_FOUND');
    await expectCode(e.generateSyncDiff(base, ''), 'NOT_FOUND');
    expect((await e.listSyncRuns()).items).toHaveLength(2);
    expect(s.ids.issued).toHaveLength(2);
  });
});
