/** SPEC §4 filters: exact matches only (no prefix leaks), empty values rejected, and the grant filters' subjects. */
import type { Engine, Page, PageRequest, Stored } from '../../models/contract/api';
import type { Entitlement, Grant, Resource, ResourceId } from '../../models/types';
import {
  ENTITLEMENT_IDS,
  FILTER_CONTENT,
  FILTER_ENTITLEMENTS,
  FILTER_GRANTS,
  FILTER_RESOURCES,
  MISSING_TYPE_IDS,
  RESOURCE_IDS,
  TYPE_IDS,
  sameId,
} from './filter-fixture';
import { describeEachEngine, drain, expectCode, keys, rid, ridKey, writeSync } from './harness';

const ALL_TYPES = [...TYPE_IDS, ...MISSING_TYPE_IDS];
const show = (id: ResourceId): string => JSON.stringify(ridKey(id));

/** Drains `list` with pages of 2 and compares its keys with the expected records'. */
async function expectDrained<T extends Stored<Resource | Grant | Entitlement>>(
  what: string,
  list: (p: PageRequest) => Promise<Page<T>>,
  expected: readonly (Resource | Grant | Entitlement)[],
): Promise<void> {
  const got = keys(await drain(list, 2));
  expect({ what, got }).toEqual({ what, got: keys(expected) });
}

describeEachEngine('filters', (ctx) => {
  async function filterStore(): Promise<Engine> {
    const s = await ctx.fresh();
    await writeSync(s, FILTER_CONTENT);
    return s.engine;
  }

  it('filters resources by exact type, exact parent, and both', async () => {
    const e = await filterStore();
    expect(keys((await e.listResources({ resourceTypeId: 'user' })).items)).toEqual(
      ['user:u1', 'user:u10', 'user:u1\u0001', 'user:u1\u{1F600}', 'user:u2', 'user:u3', 'user:u4', 'user:u5'].sort(),
    );
    expect(keys((await e.listResources({ parentResourceId: rid('group', 'g1') })).items)).toEqual(['user:u2']);
    expect(keys((await e.listResources({ parentResourceId: rid('a', '\u0001x') })).items)).toEqual(['a:y']);
    for (const t of ALL_TYPES) {
      await expectDrained(`type ${t}`, (p) => e.listResources({ ...p, resourceTypeId: t }), FILTER_RESOURCES.filter((r) => r.id.resourceType === t));
    }
    for (const parent of RESOURCE_IDS) {
      await expectDrained(`parent ${show(parent)}`, (p) => e.listResources({ ...p, parentResourceId: parent }), FILTER_RESOURCES.filter((r) => sameId(r.parentResourceId, parent)));
      for (const t of ['user', 'users', 'a', 'a\u0001']) {
        await expectDrained(
          `type ${t} parent ${show(parent)}`,
          (p) => e.listResources({ ...p, resourceTypeId: t, parentResourceId: parent }),
          FILTER_RESOURCES.filter((r) => r.id.resourceType === t && sameId(r.parentResourceId, parent)),
        );
      }
    }
  });

  it("filters entitlements and grants by the (entitlement's) exact resource", async () => {
    const e = await filterStore();
    expect(keys((await e.listEntitlements({ resource: rid('user', 'u1') })).items)).toEqual(['e1', 'e1\u0001']);
    expect(keys((await e.listGrants({ resource: rid('a', 'x') })).items)).toEqual(['g9']);
    for (const r of RESOURCE_IDS) {
      await expectDrained(`entitlements of ${show(r)}`, (p) => e.listEntitlements({ ...p, resource: r }), FILTER_ENTITLEMENTS.filter((x) => sameId(x.resource.id, r)));
      await expectDrained(`grants of ${show(r)}`, (p) => e.listGrants({ ...p, resource: r }), FILTER_GRANTS.filter((g) => sameId(g.entitlement.resource.id, r)));
    }
  });

  it('filters grants for an entitlement by exact entitlement, principal and principal types', async () => {
    const e = await filterStore();
    expect(keys((await e.listGrantsForEntitlement({ entitlementId: 'e1' })).items)).toEqual(['g1', 'g15', 'g2', 'g3', 'g4']);
    expect(keys((await e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['user'] })).items)).toEqual(['g1', 'g2']);
    expect(keys((await e.listGrantsForEntitlement({ entitlementId: 'e1', principalId: rid('user', 'u1') })).items)).toEqual(['g1']);
    const typeLists = [...ALL_TYPES.map((t) => [t]), ['user', 'users'], ['a', 'a\u0001'], ['user', 'user'], ['us', 'group', '\u{1F600}']];
    for (const id of ENTITLEMENT_IDS) {
      const mine = FILTER_GRANTS.filter((g) => g.entitlement.id === id);
      await expectDrained(`entitlement ${JSON.stringify(id)}`, (p) => e.listGrantsForEntitlement({ ...p, entitlementId: id }), mine);
      for (const principal of RESOURCE_IDS) {
        await expectDrained(
          `entitlement ${JSON.stringify(id)} principal ${show(principal)}`,
          (p) => e.listGrantsForEntitlement({ ...p, entitlementId: id, principalId: principal }),
          mine.filter((g) => sameId(g.principal.id, principal)),
        );
      }
      for (const types of typeLists) {
        await expectDrained(
          `entitlement ${JSON.stringify(id)} principal types ${JSON.stringify(types)}`,
          (p) => e.listGrantsForEntitlement({ ...p, entitlementId: id, principalResourceTypeIds: types }),
          mine.filter((g) => types.includes(g.principal.id.resourceType)),
        );
      }
    }
    await expectDrained(
      'both principal filters',
      (p) => e.listGrantsForEntitlement({ ...p, entitlementId: 'e1', principalId: rid('user', 'u1'), principalResourceTypeIds: ['users'] }),
      [],
    );
  });

  it('filters grants for a principal by exact principal and entitlement', async () => {
    const e = await filterStore();
    expect(keys((await e.listGrantsForPrincipal({ principalId: rid('user', 'u1') })).items)).toEqual(['g1', 'g14', 'g5', 'g6']);
    expect(keys((await e.listGrantsForPrincipal({ principalId: rid('user', 'u1'), entitlementId: 'e1' })).items)).toEqual(['g1']);
    for (const principal of RESOURCE_IDS) {
      const mine = FILTER_GRANTS.filter((g) => sameId(g.principal.id, principal));
      await expectDrained(`principal ${show(principal)}`, (p) => e.listGrantsForPrincipal({ ...p, principalId: principal }), mine);
      for (const id of ENTITLEMENT_IDS) {
        await expectDrained(
          `principal ${show(principal)} entitlement ${JSON.stringify(id)}`,
          (p) => e.listGrantsForPrincipal({ ...p, principalId: principal, entitlementId: id }),
          mine.filter((g) => g.entitlement.id === id),
        );
      }
    }
  });

  it("filters listGrantsForResourceType on the entitlement's resource type, not the principal's", async () => {
    const e = await filterStore();
    expect(keys((await e.listGrantsForResourceType({ resourceTypeId: 'group' })).items)).toEqual(['g16', 'g7', 'g8']);
    expect(keys((await e.listGrantsForResourceType({ resourceTypeId: 'user' })).items)).toEqual(['g1', 'g14', 'g15', 'g2', 'g3', 'g4', 'g5']);
    for (const t of ALL_TYPES) {
      await expectDrained(
        `resource type ${JSON.stringify(t)}`,
        (p) => e.listGrantsForResourceType({ ...p, resourceTypeId: t }),
        FILTER_GRANTS.filter((g) => g.entitlement.resource.id.resourceType === t),
      );
    }
  });

  it('treats an absent filter as no filter', async () => {
    const e = await filterStore();
    expect(keys(await drain((p) => e.listResources({ ...p }), 5))).toEqual(keys(FILTER_RESOURCES));
    expect(keys(await drain((p) => e.listEntitlements({ ...p }), 5))).toEqual(keys(FILTER_ENTITLEMENTS));
    expect(keys(await drain((p) => e.listGrants({ ...p }), 5))).toEqual(keys(FILTER_GRANTS));
  });

  it('rejects empty filter values as INVALID_ARGUMENT', async () => {
    const e = await filterStore();
    const calls: Record<string, () => Promise<unknown>> = {
      'resources type': () => e.listResources({ resourceTypeId: '' }),
      'resources parent type': () => e.listResources({ parentResourceId: rid('', 'g1') }),
      'resources parent id': () => e.listResources({ parentResourceId: rid('group', '') }),
      'entitlements resource type': () => e.listEntitlements({ resource: rid('', 'u1') }),
      'entitlements resource id': () => e.listEntitlements({ resource: rid('user', '') }),
      'grants resource': () => e.listGrants({ resource: rid('user', '') }),
      'for entitlement id': () => e.listGrantsForEntitlement({ entitlementId: '' }),
      'for entitlement principal': () => e.listGrantsForEntitlement({ entitlementId: 'e1', principalId: rid('', 'u1') }),
      'for entitlement principal types []': () => e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: [] }),
      "for entitlement principal types ['']": () => e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: [''] }),
      'for principal id': () => e.listGrantsForPrincipal({ principalId: rid('user', '') }),
      'for principal type': () => e.listGrantsForPrincipal({ principalId: rid('', 'u1') }),
      'for principal entitlement': () => e.listGrantsForPrincipal({ principalId: rid('user', 'u1'), entitlementId: '' }),
      'for resource type': () => e.listGrantsForResourceType({ resourceTypeId: '' }),
    };
    for (const [what, call] of Object.entries(calls)) {
      await expectCode(call(), 'INVALID_ARGUMENT').catch((err: Error) => {
        throw new Error(`${what}: ${err.message}`);
      });
    }
  });

  it('matches a ResourceId filter on type and id only, whatever its batonResource flag', async () => {
    const e = await filterStore();
    const flagged = { resourceType: 'user', resource: 'u1', batonResource: true };
    expect(keys((await e.listGrantsForPrincipal({ principalId: flagged })).items)).toEqual(['g1', 'g14', 'g5', 'g6']);
    expect(keys((await e.listResources({ parentResourceId: flagged })).items)).toEqual(['user:u5']);
    expect(keys((await e.listEntitlements({ resource: flagged })).items)).toEqual(['e1', 'e1\u0001']);
    expect((await e.getResource(flagged)).record.id.resource).toBe('u1');
  });
});
