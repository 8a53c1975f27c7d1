/** SPEC §5 record puts: needing a current sync, whole-record replacement, stale index entries, order and ifNewer. */
import type { Engine } from '../../models/contract/api';
import { describeEachEngine, encodedStored, ent, expectCode, expectedStored, grant, keys, res, rid, rt, SECOND, T0 } from './harness';

const u1 = res('user', 'u1');
const u2 = res('user', 'u2');
const g1 = res('group', 'g1');
const e1 = ent('e1', g1);
const e2 = ent('e2', u2);

async function grantsEverywhere(e: Engine): Promise<Record<string, string[]>> {
  return {
    forPrincipalU1: keys((await e.listGrantsForPrincipal({ principalId: u1.id })).items),
    forPrincipalU2: keys((await e.listGrantsForPrincipal({ principalId: u2.id })).items),
    forE1: keys((await e.listGrantsForEntitlement({ entitlementId: 'e1' })).items),
    forE2: keys((await e.listGrantsForEntitlement({ entitlementId: 'e2' })).items),
    forE1U1: keys((await e.listGrantsForEntitlement({ entitlementId: 'e1', principalId: u1.id })).items),
    forE1Users: keys((await e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['user'] })).items),
    forE1Groups: keys((await e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['group'] })).items),
    onG1: keys((await e.listGrants({ resource: g1.id })).items),
    onU2: keys((await e.listGrants({ resource: u2.id })).items),
    typeGroup: keys((await e.listGrantsForResourceType({ resourceTypeId: 'group' })).items),
    typeUser: keys((await e.listGrantsForResourceType({ resourceTypeId: 'user' })).items),
  };
}

describeEachEngine('record puts', (ctx) => {
  it('an empty list is a no-op even without a current sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.putResourceTypes([]);
    await e.putResources([]);
    await e.putEntitlements([]);
    await e.putGrants([], { ifNewer: true });
    expect((await e.listSyncRuns()).items).toEqual([]);
    expect(e.dirty).toBe(false);
  });

  it('a non-empty list needs a current sync', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await expectCode(e.putResourceTypes([rt('user')]), 'FAILED_PRECONDITION');
    await expectCode(e.putResources([u1]), 'FAILED_PRECONDITION');
    await expectCode(e.putEntitlements([e1]), 'FAILED_PRECONDITION');
    await expectCode(e.putGrants([grant('g1', e1, u1)]), 'FAILED_PRECONDITION');
    await e.startNewSync();
    await e.endSync();
    await expectCode(e.putResources([u1], { ifNewer: true }), 'FAILED_PRECONDITION');
    expect((await e.stats()).resources).toBe(0);
  });

  it('stores each record with discovered_at = T and reads it back byte-equal', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    s.clock.set(T0 + 5);
    const typ = rt('user', { displayName: 'User', traits: [1, 3], annotations: [{ typeUrl: 'type.googleapis.com/x', value: new Uint8Array([0, 255]) }] });
    const r = res('user', 'u1', { displayName: 'U One', description: 'd', externalId: { id: 'ext', link: 'http://x' }, creationSource: 1, parent: g1.id });
    const en = ent('e1', r, { displayName: 'member', purpose: 1, slug: 'member', grantableTo: [rt('user')] });
    const gr = grant('g1', en, u2, { sources: { sources: ['b', 'a'] } });
    await e.putResourceTypes([typ]);
    await e.putResources([r]);
    await e.putEntitlements([en]);
    await e.putGrants([gr]);
    expect(encodedStored(await e.getResourceType('user'))).toBe(expectedStored(typ, T0 + 5));
    expect(encodedStored(await e.getResource(rid('user', 'u1')))).toBe(expectedStored(r, T0 + 5));
    expect(encodedStored(await e.getEntitlement('e1'))).toBe(expectedStored(en, T0 + 5));
    expect(encodedStored(await e.getGrant('g1'))).toBe(expectedStored(gr, T0 + 5));
    expect((await e.listGrants()).items.map(encodedStored)).toEqual([expectedStored(gr, T0 + 5)]);
  });

  it('a put replaces the whole record and its discovered_at', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putResources([res('user', 'u1', { displayName: 'old', description: 'gone soon', parent: g1.id })]);
    s.clock.advance(SECOND);
    const replacement = res('user', 'u1', { displayName: 'new' });
    await e.putResources([replacement]);
    expect(encodedStored(await e.getResource(u1.id))).toBe(expectedStored(replacement, T0 + SECOND));
    expect((await e.listResources({ parentResourceId: g1.id })).items).toHaveLength(0);
    expect(await e.stats()).toMatchObject({ resources: 1 });
    // No resource type is stored, so no type has a key (SPEC §4).
    expect((await e.stats()).resourcesByType).toEqual({});
  });

  it("a re-put grant is found under its new principal and never under the old one", async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.putGrants([grant('g1', e1, u2)]);
    expect(await grantsEverywhere(e)).toEqual({
      forPrincipalU1: [], forPrincipalU2: ['g1'], forE1: ['g1'], forE2: [], forE1U1: [], forE1Users: ['g1'], forE1Groups: [],
      onG1: ['g1'], onU2: [], typeGroup: ['g1'], typeUser: [],
    });
    await e.putGrants([grant('g1', e1, g1)]);
    expect(await grantsEverywhere(e)).toMatchObject({ forPrincipalU2: [], forE1Users: [], forE1Groups: ['g1'] });
  });

  it("a re-put grant with another entitlement leaves the old entitlement's and resource's lists", async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.putGrants([grant('g1', e2, u1)]);
    expect(await grantsEverywhere(e)).toEqual({
      forPrincipalU1: ['g1'], forPrincipalU2: [], forE1: [], forE2: ['g1'], forE1U1: [], forE1Users: [], forE1Groups: [],
      onG1: [], onU2: ['g1'], typeGroup: [], typeUser: ['g1'],
    });
    expect(keys((await e.listGrantsForPrincipal({ principalId: u1.id, entitlementId: 'e1' })).items)).toEqual([]);
    expect(keys((await e.listGrantsForPrincipal({ principalId: u1.id, entitlementId: 'e2' })).items)).toEqual(['g1']);
  });

  it("a re-put entitlement or resource leaves its old resource's or parent's list", async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putEntitlements([ent('e1', g1)]);
    await e.putEntitlements([ent('e1', u2)]);
    expect(keys((await e.listEntitlements({ resource: g1.id })).items)).toEqual([]);
    expect(keys((await e.listEntitlements({ resource: u2.id })).items)).toEqual(['e1']);
    await e.putResources([res('user', 'u1', { parent: g1.id })]);
    await e.putResources([res('user', 'u1', { parent: u2.id })]);
    expect(keys((await e.listResources({ parentResourceId: g1.id })).items)).toEqual([]);
    expect(keys((await e.listResources({ parentResourceId: u2.id })).items)).toEqual(['user:u1']);
    await e.putResources([res('user', 'u1')]);
    expect(keys((await e.listResources({ parentResourceId: u2.id })).items)).toEqual([]);
    expect(keys((await e.listResources({ resourceTypeId: 'user' })).items)).toEqual(['user:u1']);
  });

  it('applies the items of one call in order: with plain puts the last duplicate wins, in every index', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1), grant('g2', e1, u1), grant('g1', e2, u2)]);
    expect(encodedStored(await e.getGrant('g1'))).toBe(expectedStored(grant('g1', e2, u2), T0));
    expect(await grantsEverywhere(e)).toMatchObject({ forPrincipalU1: ['g2'], forPrincipalU2: ['g1'], forE1: ['g2'], forE2: ['g1'] });
    await e.putResources([res('user', 'u1', { displayName: 'first' }), res('user', 'u1', { displayName: 'second' })]);
    expect((await e.getResource(u1.id)).record.displayName).toBe('second');
    expect((await e.stats()).grants).toBe(2);
  });

  it('ifNewer writes only when the stored discovered_at is strictly older than T', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    s.clock.set(T0 + 10);
    await e.putResources([res('user', 'u1', { displayName: 'v1' })], { ifNewer: true });
    expect(encodedStored(await e.getResource(u1.id))).toBe(expectedStored(res('user', 'u1', { displayName: 'v1' }), T0 + 10));
    await e.putResources([res('user', 'u1', { displayName: 'tie' })], { ifNewer: true });
    expect((await e.getResource(u1.id)).record.displayName).toBe('v1');
    s.clock.set(T0 + 9);
    await e.putResources([res('user', 'u1', { displayName: 'older' })], { ifNewer: true });
    expect((await e.getResource(u1.id)).record.displayName).toBe('v1');
    s.clock.set(T0 + 11);
    await e.putResources([res('user', 'u1', { displayName: 'v2' })], { ifNewer: true });
    expect(encodedStored(await e.getResource(u1.id))).toBe(expectedStored(res('user', 'u1', { displayName: 'v2' }), T0 + 11));
    s.clock.set(T0 + 5);
    await e.putResources([res('user', 'u1', { displayName: 'plain' })]);
    expect(encodedStored(await e.getResource(u1.id))).toBe(expectedStored(res('user', 'u1', { displayName: 'plain' }), T0 + 5));
  });

  it('ifNewer: a later duplicate in one call loses to the earlier one (tie), in every put', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putResourceTypes([rt('user', { displayName: 'first' }), rt('user', { displayName: 'second' })], { ifNewer: true });
    await e.putResources([res('user', 'u1', { displayName: 'first' }), res('user', 'u1', { displayName: 'second' })], { ifNewer: true });
    await e.putEntitlements([ent('e1', g1, { displayName: 'first' }), ent('e1', u2, { displayName: 'second' })], { ifNewer: true });
    await e.putGrants([grant('g1', e1, u1), grant('g1', e2, u2)], { ifNewer: true });
    expect((await e.getResourceType('user')).record.displayName).toBe('first');
    expect((await e.getResource(u1.id)).record.displayName).toBe('first');
    expect((await e.getEntitlement('e1')).record.displayName).toBe('first');
    expect(keys((await e.listEntitlements({ resource: u2.id })).items)).toEqual([]);
    expect(encodedStored(await e.getGrant('g1'))).toBe(expectedStored(grant('g1', e1, u1), T0));
    expect(await grantsEverywhere(e)).toMatchObject({ forPrincipalU1: ['g1'], forPrincipalU2: [], forE1: ['g1'], forE2: [] });
  });

  it("ifNewer looks only at the current sync: a record of another sync does not block it", async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await e.startNewSync();
    s.clock.set(T0 + 100);
    await e.putResources([res('user', 'u1', { displayName: 'in a' })]);
    await e.endSync();
    s.clock.set(T0 + 50);
    await e.startNewSync();
    await e.putResources([res('user', 'u1', { displayName: 'in b' })], { ifNewer: true });
    expect((await e.getResource(u1.id)).record.displayName).toBe('in b');
    expect((await e.getResource(u1.id, { syncId: a })).record.displayName).toBe('in a');
  });

  it('keeps the records of different syncs apart', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await e.startNewSync();
    await e.putGrants([grant('g1', e1, u1)]);
    await e.endSync();
    const b = await e.startNewSync();
    await e.putGrants([grant('g2', e1, u1)]);
    expect(keys((await e.listGrantsForPrincipal({ principalId: u1.id })).items)).toEqual(['g2']);
    expect(keys((await e.listGrantsForPrincipal({ principalId: u1.id, syncId: a })).items)).toEqual(['g1']);
    await expectCode(e.getGrant('g1', { syncId: b }), 'NOT_FOUND');
  });
});
