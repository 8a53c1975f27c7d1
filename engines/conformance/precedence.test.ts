/**
 * The order of errors in one call (SPEC §9): CLOSED; then put/delete/asset without a current sync and viewSync with
 * one; then arguments in the order listed; then NOT_FOUND of a named sync; then the remaining state checks.
 */
import { describeEachEngine, ent, expectCode, grant, res, rid, writeSync } from './harness';

const r = res('user', 'u1');
const e1 = ent('e1', r);

describeEachEngine('error precedence', (ctx) => {
  it('reports a bad argument before an unknown named sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await writeSync(s, { resources: [r] });
    await expectCode(e.listResources({ syncId: 'nope', resourceTypeId: '' }), 'INVALID_ARGUMENT');
    await expectCode(e.listResources({ syncId: 'nope', pageSize: -1 }), 'INVALID_ARGUMENT');
    await expectCode(e.listGrantsForEntitlement({ syncId: 'nope', entitlementId: '' }), 'INVALID_ARGUMENT');
    await expectCode(e.listGrantsForPrincipal({ syncId: 'nope', principalId: rid('a:b', 'x') }), 'INVALID_ARGUMENT');
    await expectCode(e.getResource(rid('', 'u1'), { syncId: 'nope' }), 'INVALID_ARGUMENT');
    await expectCode(e.getGrant('', { syncId: 'nope' }), 'INVALID_ARGUMENT');
    await expectCode(e.getAsset('a\u0000', { syncId: 'nope' }), 'INVALID_ARGUMENT');
    await expectCode(e.listResources({ syncId: 'nope', resourceTypeId: 'user' }), 'NOT_FOUND');
  });

  it('reports putAsset arguments in order (id, content type, size), all after the missing current sync', async () => {
    const s = await ctx.fresh({ maxAssetBytes: 4 });
    const e = s.engine;
    const big = new Uint8Array(5);
    await expectCode(e.putAsset('', '', big), 'FAILED_PRECONDITION');
    await expectCode(e.putAsset('a1', 'text/plain', big), 'FAILED_PRECONDITION');
    await e.startNewSync();
    await expectCode(e.putAsset('', '', big), 'INVALID_ARGUMENT');
    await expectCode(e.putAsset('a1', '', big), 'INVALID_ARGUMENT');
    await expectCode(e.putAsset('a1', 'text/plain', big), 'ASSET_TOO_LARGE');
    await e.putAsset('a1', 'text/plain', new Uint8Array(4));
  });

  it('reports deleteGrant without a current sync before a bad id', async () => {
    const s = await ctx.fresh();
    await expectCode(s.engine.deleteGrant(''), 'FAILED_PRECONDITION');
    await s.engine.startNewSync();
    await expectCode(s.engine.deleteGrant(''), 'INVALID_ARGUMENT');
  });

  it('reports viewSync with a current sync first, then an unknown named sync before other state', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await writeSync(s, { resources: [r] });
    await writeSync(s, { resources: [r] }, { end: 'open' });
    await expectCode(e.viewSync('nope'), 'FAILED_PRECONDITION');
    await expectCode(e.viewSync(''), 'FAILED_PRECONDITION');
    await expectCode(e.viewSync(a), 'FAILED_PRECONDITION');
    await expectCode(e.generateSyncDiff(a, 'nope'), 'NOT_FOUND');
    await expectCode(e.cloneSync('nope', s.locationFor('c')), 'NOT_FOUND');
    await expectCode(e.cleanup({ keep: 1.5 }), 'INVALID_ARGUMENT');
    expect(await e.cleanup({ keep: -2 })).toEqual([]);
  });

  it('needs a current sync for a non-empty put before it looks at the items, for every put', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await expectCode(e.putResourceTypes([{ id: 'x:y' }]), 'FAILED_PRECONDITION');
    await expectCode(e.putResources([r, res('user', '\uDFFF')]), 'FAILED_PRECONDITION');
    await expectCode(e.putEntitlements([e1, ent('e2', res('', 'u'))]), 'FAILED_PRECONDITION');
    await expectCode(e.putGrants([grant('g1', e1, r), grant('g2', ent('', r), r)], { ifNewer: true }), 'FAILED_PRECONDITION');
    // An empty list is a no-op without a current sync; a list that is no list at all is a bad argument.
    await e.putGrants([]);
    await expectCode(e.putGrants('g1' as unknown as []), 'INVALID_ARGUMENT');
    await expectCode(e.startNewSync({ type: 'weekly' as 'full' }), 'INVALID_ARGUMENT');
    expect((await e.listSyncRuns()).items).toEqual([]);
    await e.startNewSync();
    await expectCode(e.putResourceTypes([{ id: 'x:y' }]), 'INVALID_ARGUMENT');
    await expectCode(e.putGrants([grant('g1', e1, r), grant('g2', ent('', r), r)], { ifNewer: true }), 'INVALID_ARGUMENT');
    expect((await e.listGrants()).items).toEqual([]);
  });
});
