/** SPEC §1 id rules: empty, U+0000, lone surrogates, `:` in type ids, the 1024-byte limit, and all-or-nothing batches. */
import type { Engine } from '../../models/contract/api';
import { describeEachEngine, ent, expectCode, grant, keys, readAsset, res, rid, rt } from './harness';

const R = res('user', 'u1');
const E = ent('e1', R);
const BYTES = new Uint8Array([1, 2, 3]);

/** Ids that break the rules of every id. */
const BAD_IDS: Record<string, string> = {
  empty: '',
  nul: 'a\u0000b',
  'only nul': '\u0000',
  'lone high surrogate': '\uD800',
  'lone low surrogate inside': 'x\uDC00y',
  'reversed pair': '\uDE00\uD83D',
  '1025 ascii bytes': 'a'.repeat(1025),
  '1025 bytes ending in a 4-byte char': 'a'.repeat(1021) + '\u{1F600}',
  '1025 bytes ending in a 2-byte char': 'a'.repeat(1023) + '\u00E9',
  '1026 bytes of 3-byte chars': '\u20AC'.repeat(342),
};

/** Ids exactly at the limit: 1024 UTF-8 bytes with multi-byte characters at the boundary. */
const LIMIT_IDS: Record<string, string> = {
  '1024 ascii bytes': 'a'.repeat(1024),
  '1024 bytes ending in a 4-byte char': 'a'.repeat(1020) + '\u{1F600}',
  '1024 bytes ending in a 2-byte char': 'a'.repeat(1022) + '\u00E9',
  '1024 bytes of 3-byte chars and one ascii': '\u20AC'.repeat(341) + 'a',
};

/** Every place an id (of any kind) goes, as a call that must be INVALID_ARGUMENT for a bad id. */
function idPlacements(e: Engine, bad: string): Record<string, () => Promise<unknown>> {
  return {
    'ResourceType.id': () => e.putResourceTypes([rt(bad)]),
    'Resource.id.resourceType': () => e.putResources([res(bad, 'u1')]),
    'Resource.id.resource': () => e.putResources([res('user', bad)]),
    'Resource.parentResourceId.resourceType': () => e.putResources([res('user', 'u1', { parent: rid(bad, 'g1') })]),
    'Resource.parentResourceId.resource': () => e.putResources([res('user', 'u1', { parent: rid('group', bad) })]),
    'Entitlement.id': () => e.putEntitlements([ent(bad, R)]),
    'Entitlement.resource.id.resourceType': () => e.putEntitlements([ent('e1', res(bad, 'u1'))]),
    'Entitlement.resource.id.resource': () => e.putEntitlements([ent('e1', res('user', bad))]),
    'Grant.id': () => e.putGrants([grant(bad, E, R)]),
    'Grant.entitlement.id': () => e.putGrants([grant('g1', ent(bad, R), R)]),
    'Grant.entitlement.resource.id.resourceType': () => e.putGrants([grant('g1', ent('e1', res(bad, 'u1')), R)]),
    'Grant.entitlement.resource.id.resource': () => e.putGrants([grant('g1', ent('e1', res('user', bad)), R)]),
    'Grant.principal.id.resourceType': () => e.putGrants([grant('g1', E, res(bad, 'u1'))]),
    'Grant.principal.id.resource': () => e.putGrants([grant('g1', E, res('user', bad))]),
    'putAsset id': () => e.putAsset(bad, 'text/plain', BYTES),
    'deleteGrant id': () => e.deleteGrant(bad),
    'getResourceType id': () => e.getResourceType(bad),
    'getResource type': () => e.getResource(rid(bad, 'u1')),
    'getResource id': () => e.getResource(rid('user', bad)),
    'getEntitlement id': () => e.getEntitlement(bad),
    'getGrant id': () => e.getGrant(bad),
    'getAsset id': () => e.getAsset(bad),
    'listResources resourceTypeId': () => e.listResources({ resourceTypeId: bad }),
    'listResources parent type': () => e.listResources({ parentResourceId: rid(bad, 'g1') }),
    'listResources parent id': () => e.listResources({ parentResourceId: rid('group', bad) }),
    'listEntitlements resource': () => e.listEntitlements({ resource: rid('user', bad) }),
    'listGrants resource type': () => e.listGrants({ resource: rid(bad, 'u1') }),
    'listGrantsForEntitlement entitlementId': () => e.listGrantsForEntitlement({ entitlementId: bad }),
    'listGrantsForEntitlement principalId': () => e.listGrantsForEntitlement({ entitlementId: 'e1', principalId: rid('user', bad) }),
    'listGrantsForEntitlement principal type ids': () =>
      e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['user', bad] }),
    'listGrantsForPrincipal principalId': () => e.listGrantsForPrincipal({ principalId: rid(bad, 'u1') }),
    'listGrantsForPrincipal entitlementId': () => e.listGrantsForPrincipal({ principalId: rid('user', 'u1'), entitlementId: bad }),
    'listGrantsForResourceType resourceTypeId': () => e.listGrantsForResourceType({ resourceTypeId: bad }),
  };
}

/** Every place a resource type id goes, as a call that must be INVALID_ARGUMENT when it holds `:`. */
function typeIdPlacements(e: Engine, bad: string): Record<string, () => Promise<unknown>> {
  return {
    'ResourceType.id': () => e.putResourceTypes([rt(bad)]),
    'Resource.id.resourceType': () => e.putResources([res(bad, 'u1')]),
    'Resource.parentResourceId.resourceType': () => e.putResources([res('user', 'u1', { parent: rid(bad, 'g1') })]),
    'Entitlement.resource.id.resourceType': () => e.putEntitlements([ent('e1', res(bad, 'u1'))]),
    'Grant.entitlement.resource.id.resourceType': () => e.putGrants([grant('g1', ent('e1', res(bad, 'u1')), R)]),
    'Grant.principal.id.resourceType': () => e.putGrants([grant('g1', E, res(bad, 'u1'))]),
    'Grant.entitlement.resource.parentResourceId.resourceType': () =>
      e.putGrants([grant('g1', ent('e1', res('user', 'u1', { parent: rid(bad, 'g1') })), R)]),
    'Entitlement.grantableTo[0].id': () => e.putEntitlements([ent('e1', R, { grantableTo: [rt(bad)] })]),
    'getResourceType id': () => e.getResourceType(bad),
    'getResource type': () => e.getResource(rid(bad, 'u1')),
    'listResources resourceTypeId': () => e.listResources({ resourceTypeId: bad }),
    'listResources parent type': () => e.listResources({ parentResourceId: rid(bad, 'g1') }),
    'listEntitlements resource type': () => e.listEntitlements({ resource: rid(bad, 'u1') }),
    'listGrants resource type': () => e.listGrants({ resource: rid(bad, 'u1') }),
    'listGrantsForEntitlement principal type': () => e.listGrantsForEntitlement({ entitlementId: 'e1', principalId: rid(bad, 'u1') }),
    'listGrantsForEntitlement principal type ids': () =>
      e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['user', bad] }),
    'listGrantsForPrincipal principal type': () => e.listGrantsForPrincipal({ principalId: rid(bad, 'u1') }),
    'listGrantsForResourceType resourceTypeId': () => e.listGrantsForResourceType({ resourceTypeId: bad }),
  };
}

async function expectEmpty(e: Engine): Promise<void> {
  expect(await e.stats()).toEqual({ resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} });
  expect((await e.listGrants()).items).toHaveLength(0);
}

describeEachEngine('validation', (ctx) => {
  for (const [what, bad] of Object.entries(BAD_IDS)) {
    it(`rejects an id that is ${what} in every position, writing nothing`, async () => {
      const s = await ctx.fresh();
      await s.engine.startNewSync();
      for (const [where, call] of Object.entries(idPlacements(s.engine, bad))) {
        await expectCode(call(), 'INVALID_ARGUMENT').catch((err: Error) => {
          throw new Error(`${where}: ${err.message}`);
        });
      }
      await expectEmpty(s.engine);
    });
  }

  it("rejects ':' in every resource type id, and accepts it in other ids", async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    const placements = typeIdPlacements(e, 'a:b');
    expect(Object.keys(placements).length).toBeGreaterThanOrEqual(15);
    for (const [where, call] of Object.entries(placements)) {
      await expectCode(call(), 'INVALID_ARGUMENT').catch((err: Error) => {
        throw new Error(`${where}: ${err.message}`);
      });
    }
    await expectEmpty(e);
    const r = res('user', 'a:b', { parent: rid('group', 'x:y') });
    const en = ent('e:1', r);
    await e.putResources([r]);
    await e.putEntitlements([en]);
    await e.putGrants([grant('g:1', en, r)]);
    await e.putAsset('a:1', 'text/plain', BYTES);
    expect((await e.getResource(rid('user', 'a:b'))).record.id).toEqual(rid('user', 'a:b'));
    expect(keys((await e.listResources({ parentResourceId: rid('group', 'x:y') })).items)).toEqual(['user:a:b']);
    expect(keys((await e.listGrantsForPrincipal({ principalId: rid('user', 'a:b'), entitlementId: 'e:1' })).items)).toEqual(['g:1']);
    expect((await readAsset(e, 'a:1')).data).toEqual(Buffer.from(BYTES));
  });

  for (const [what, id] of Object.entries(LIMIT_IDS)) {
    it(`accepts an id of ${what} everywhere and reads it back exactly`, async () => {
      const s = await ctx.fresh();
      const e = s.engine;
      await e.startNewSync();
      const r = res(id, id, { parent: rid(id, id) });
      const en = ent(id, r);
      await e.putResourceTypes([rt(id)]);
      await e.putResources([r]);
      await e.putEntitlements([en]);
      await e.putGrants([grant(id, en, r)]);
      await e.putAsset(id, 'application/octet-stream', BYTES);
      expect((await e.getResourceType(id)).record.id).toBe(id);
      expect((await e.getResource(rid(id, id))).record.id).toEqual(rid(id, id));
      expect((await e.getEntitlement(id)).record.id).toBe(id);
      expect((await e.getGrant(id)).record.id).toBe(id);
      expect((await readAsset(e, id)).data).toEqual(Buffer.from(BYTES));
      expect(keys((await e.listResources({ resourceTypeId: id, parentResourceId: rid(id, id) })).items)).toEqual([`${id}:${id}`]);
      expect(keys((await e.listGrantsForResourceType({ resourceTypeId: id })).items)).toEqual([id]);
    });
  }

  it('writes nothing of a batch with one bad item, in every put', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putResources([res('user', 'u1', { displayName: 'before' })]);
    const before = await e.getResource(rid('user', 'u1'));
    await expectCode(e.putResourceTypes([rt('user'), rt('group'), rt('')]), 'INVALID_ARGUMENT');
    await expectCode(e.putResources([res('user', 'u1', { displayName: 'after' }), res('user', 'u2'), res('user', '\uD800')]), 'INVALID_ARGUMENT');
    await expectCode(e.putResources([res('a:b', 'u3'), res('user', 'u4')]), 'INVALID_ARGUMENT');
    await expectCode(e.putEntitlements([E, ent('e2', R), ent('e3', res('user', ''))]), 'INVALID_ARGUMENT');
    await expectCode(e.putGrants([grant('g1', E, R), grant('g2', E, res('user', 'x\u0000'))]), 'INVALID_ARGUMENT');
    await expectCode(e.putGrants([grant('g3', E, R), grant('g1', E, R, {}), grant('a'.repeat(1025), E, R)]), 'INVALID_ARGUMENT');
    const after = await e.getResource(rid('user', 'u1'));
    expect(after.discoveredAt).toBe(before.discoveredAt);
    expect(after.record.displayName).toBe('before');
    expect(await e.stats()).toEqual({ resourceTypes: 0, resources: 1, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} });
  });

  it('checks the current sync before the arguments (SPEC §9): a bad item without a current sync is FAILED_PRECONDITION', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await expectCode(e.putResourceTypes([rt('ok'), rt('')]), 'FAILED_PRECONDITION');
    await expectCode(e.putResources([res('user', '')]), 'FAILED_PRECONDITION');
    await expectCode(e.putEntitlements([ent('', R)]), 'FAILED_PRECONDITION');
    await expectCode(e.putGrants([grant('g1', E, res('a:b', 'u1'))]), 'FAILED_PRECONDITION');
    await expectCode(e.deleteGrant(''), 'FAILED_PRECONDITION');
    await expectCode(e.putAsset('', 'text/plain', BYTES), 'FAILED_PRECONDITION');
    await expectCode(e.putGrants([grant('g1', E, R)]), 'FAILED_PRECONDITION');
  });

  it('compares ids as exact strings: no case folding, trimming or normalisation', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    const variants = ['u1', 'U1', ' u1', 'u1 ', '\u00E9', 'e\u0301', 'u1\u0001', '\u{1F600}'];
    await e.putResources(variants.map((v) => res('user', v, { displayName: `name of ${v}` })));
    expect(keys((await e.listResources()).items)).toEqual(variants.map((v) => `user:${v}`).sort());
    for (const v of variants) expect((await e.getResource(rid('user', v))).record.displayName).toBe(`name of ${v}`);
    await e.putResourceTypes([rt('user'), rt('User'), rt('user ')]);
    expect(keys((await e.listResourceTypes()).items)).toEqual(['User', 'user', 'user '].sort());
    await expectCode(e.getResource(rid('user', 'u2')), 'NOT_FOUND');
    await expectCode(e.getResource(rid('USER', 'u1')), 'NOT_FOUND');
  });

  it('rejects a sync type outside the five of SPEC §1', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    for (const bad of ['', 'FULL', 'incremental', 'full ']) {
      await expectCode(e.startNewSync({ type: bad as 'full' }), 'INVALID_ARGUMENT');
      await expectCode(e.getLatestFinishedSync(bad as 'full'), 'INVALID_ARGUMENT');
    }
    expect((await e.listSyncRuns()).items).toHaveLength(0);
    for (const type of ['full', 'partial', 'resources_only', 'partial_upserts', 'partial_deletions'] as const) {
      const id = await e.startNewSync({ type });
      expect((await e.getSync(id)).syncType).toBe(type);
      await e.endSync();
    }
  });
});
