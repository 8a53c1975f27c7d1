/** SPEC §5 deleteGrant: removes the grant from every reader, a missing grant is a no-op, and it needs a current sync. */
import type { Engine } from '../../models/contract/api';
import { describeEachEngine, ent, expectCode, grant, keys, res, SECOND } from './harness';

const u1 = res('user', 'u1');
const g1 = res('group', 'g1');
const e1 = ent('e1', g1);

async function everyList(e: Engine, syncId?: string): Promise<string[][]> {
  const scope = syncId === undefined ? {} : { syncId };
  return [
    keys((await e.listGrants(scope)).items),
    keys((await e.listGrants({ ...scope, resource: g1.id })).items),
    keys((await e.listGrantsForEntitlement({ ...scope, entitlementId: 'e1' })).items),
    keys((await e.listGrantsForEntitlement({ ...scope, entitlementId: 'e1', principalId: u1.id })).items),
    keys((await e.listGrantsForEntitlement({ ...scope, entitlementId: 'e1', principalResourceTypeIds: ['user'] })).items),
    keys((await e.listGrantsForPrincipal({ ...scope, principalId: u1.id })).items),
    keys((await e.listGrantsForPrincipal({ ...scope, principalId: u1.id, entitlementId: 'e1' })).items),
    keys((await e.listGrantsForResourceType({ ...scope, resourceTypeId: 'group' })).items),
  ];
}

describeEachEngine('deleteGrant', (ctx) => {
  it('removes the grant from every list, get and count, and leaves near misses alone', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1), grant('g10', e1, u1), grant('g', e1, u1)]);
    await e.deleteGrant('g1');
    await expectCode(e.getGrant('g1'), 'NOT_FOUND');
    expect((await e.getGrant('g10')).record.id).toBe('g10');
    expect(await everyList(e)).toEqual(Array.from({ length: 8 }, () => ['g', 'g10']));
    expect((await e.stats()).grants).toBe(2);
  });

  it('deleting a grant that is not there is a no-op, not an error', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.deleteGrant('missing');
    await e.deleteGrant('g');
    await e.deleteGrant('g1');
    await e.deleteGrant('g1');
    expect(await everyList(e)).toEqual(Array.from({ length: 8 }, () => []));
  });

  it('needs a current sync, checked before the id', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await expectCode(e.deleteGrant('g1'), 'FAILED_PRECONDITION');
    await expectCode(e.deleteGrant(''), 'FAILED_PRECONDITION');
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.endSync();
    await expectCode(e.deleteGrant('g1'), 'FAILED_PRECONDITION');
    expect(keys((await e.listGrants()).items)).toEqual(['g1']);
  });

  it('deletes only in the current sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.endSync();
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.deleteGrant('g1');
    expect(await everyList(e)).toEqual(Array.from({ length: 8 }, () => []));
    expect(await everyList(e, a)).toEqual(Array.from({ length: 8 }, () => ['g1']));
  });

  it('a deleted grant can be put again, with the new time', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.deleteGrant('g1');
    s.clock.advance(SECOND);
    await e.putGrants([grant('g1', e1, u1)], { ifNewer: true });
    expect((await e.getGrant('g1')).discoveredAt).toBe(s.clock.value);
    expect(await everyList(e)).toEqual(Array.from({ length: 8 }, () => ['g1']));
  });
});
