import type { Engine, Stored } from '../../../models/contract/api';
import type { Entitlement, Grant, Resource, ResourceId } from '../../../models/types';
import { drain, ent, grant, res, rid, rt, Sandbox } from './helpers';

/** Near-miss ids: each pair shares a prefix, so a leaking range scan returns the longer id for the shorter. */
const IDS = ['u1', 'u10', 'a', 'a\u0001', 'a\u{1F600}', 'b'];
const TYPES = ['user', 'users', 'u'];

const same = (a: ResourceId, b: ResourceId): boolean => a.resourceType === b.resourceType && a.resource === b.resource;
const sorted = (xs: string[]): string[] => [...xs].sort();

let sb: Sandbox;
let e: Engine;
const resources: Resource[] = [];
const entitlements: Entitlement[] = [];
const grants: Grant[] = [];

beforeAll(async () => {
  sb = await Sandbox.create();
  e = await sb.open();
  await e.startNewSync();
  await e.putResourceTypes(TYPES.map(rt));
  const ridsAll = TYPES.flatMap((t) => IDS.map((i) => rid(t, i)));
  ridsAll.forEach((id, n) => resources.push(res(id.resourceType, id.resource, n % 3 === 0 ? undefined : (ridsAll[(n * 7) % ridsAll.length] as ResourceId))));
  IDS.forEach((id, n) => entitlements.push(ent(id, ridsAll[(n * 5) % ridsAll.length] as ResourceId)));
  let g = 0;
  for (const en of entitlements) {
    for (const [n, p] of ridsAll.entries()) {
      if ((n + g) % 3 !== 0) continue;
      grants.push(grant(`${en.id}|${p.resourceType}|${p.resource}`, en.id, en.resource.id, p));
      g += 1;
    }
  }
  await e.putResources(resources);
  await e.putEntitlements(entitlements);
  await e.putGrants(grants);
});

afterAll(async () => {
  await sb.cleanup();
});

/** Drains a list at page sizes 1 and 100 and checks both against the brute-force answer. */
async function check<T>(list: (size: number, token: string) => Promise<{ items: readonly Stored<T>[]; nextPageToken: string }>, id: (r: T) => string, want: string[]): Promise<void> {
  for (const size of [1, 100]) {
    const got = await drain((t) => list(size, t));
    expect(sorted(got.map((s) => id(s.record)))).toEqual(sorted(want));
  }
}

const rkey = (r: Resource): string => `${r.id.resourceType}/${r.id.resource}`;
const gid = (g: Grant): string => g.id;

describe('leveldb engine: no prefix leak through any filter', () => {
  it('listResources by type, by parent, and by both', async () => {
    for (const t of TYPES) {
      await check((s, p) => e.listResources({ resourceTypeId: t, pageSize: s, pageToken: p }), rkey, resources.filter((r) => r.id.resourceType === t).map(rkey));
    }
    for (const parent of resources.map((r) => r.id)) {
      const kids = resources.filter((r) => r.parentResourceId !== undefined && same(r.parentResourceId, parent));
      await check((s, p) => e.listResources({ parentResourceId: parent, pageSize: s, pageToken: p }), rkey, kids.map(rkey));
      for (const t of TYPES) {
        const typed = kids.filter((r) => r.id.resourceType === t).map(rkey);
        await check((s, p) => e.listResources({ parentResourceId: parent, resourceTypeId: t, pageSize: s, pageToken: p }), rkey, typed);
      }
    }
  });

  it('listEntitlements and listGrants by resource, listGrantsForResourceType', async () => {
    for (const r of resources.map((x) => x.id)) {
      const ents = entitlements.filter((x) => same(x.resource.id, r)).map((x) => x.id);
      await check((s, p) => e.listEntitlements({ resource: r, pageSize: s, pageToken: p }), (x: Entitlement) => x.id, ents);
      const gs = grants.filter((g) => same(g.entitlement.resource.id, r)).map(gid);
      await check((s, p) => e.listGrants({ resource: r, pageSize: s, pageToken: p }), gid, gs);
    }
    for (const t of TYPES) {
      const gs = grants.filter((g) => g.entitlement.resource.id.resourceType === t).map(gid);
      await check((s, p) => e.listGrantsForResourceType({ resourceTypeId: t, pageSize: s, pageToken: p }), gid, gs);
    }
  });

  it('listGrantsForEntitlement with every principal filter, and listGrantsForPrincipal', async () => {
    const typeSets = [['user'], ['u'], ['users', 'u'], TYPES];
    for (const en of IDS) {
      const forEnt = grants.filter((g) => g.entitlement.id === en);
      await check((s, p) => e.listGrantsForEntitlement({ entitlementId: en, pageSize: s, pageToken: p }), gid, forEnt.map(gid));
      for (const types of typeSets) {
        const want = forEnt.filter((g) => types.includes(g.principal.id.resourceType)).map(gid);
        await check((s, p) => e.listGrantsForEntitlement({ entitlementId: en, principalResourceTypeIds: types, pageSize: s, pageToken: p }), gid, want);
      }
      for (const pr of resources.map((r) => r.id)) {
        const want = forEnt.filter((g) => same(g.principal.id, pr));
        await check((s, p) => e.listGrantsForEntitlement({ entitlementId: en, principalId: pr, pageSize: s, pageToken: p }), gid, want.map(gid));
        const typed = want.filter((g) => g.principal.id.resourceType === 'user').map(gid);
        await check((s, p) => e.listGrantsForEntitlement({ entitlementId: en, principalId: pr, principalResourceTypeIds: ['user'], pageSize: s, pageToken: p }), gid, typed);
      }
    }
    for (const pr of resources.map((r) => r.id)) {
      const forP = grants.filter((g) => same(g.principal.id, pr));
      await check((s, p) => e.listGrantsForPrincipal({ principalId: pr, pageSize: s, pageToken: p }), gid, forP.map(gid));
      for (const en of IDS) {
        const want = forP.filter((g) => g.entitlement.id === en).map(gid);
        await check((s, p) => e.listGrantsForPrincipal({ principalId: pr, entitlementId: en, pageSize: s, pageToken: p }), gid, want);
      }
    }
  });

  it('gets never match a near-miss id', async () => {
    for (const r of resources) expect(rkey((await e.getResource(r.id)).record)).toBe(rkey(r));
    for (const en of entitlements) expect((await e.getEntitlement(en.id)).record.id).toBe(en.id);
    await expect(e.getResource(rid('user', 'u'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(e.getEntitlement('u')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
