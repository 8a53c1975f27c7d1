import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Grant } from '../../../models/types';
import { drain, grant, openEngine, tempDir, testOptions } from './helpers';

/** Grants of two entitlements on two resource types, with repeated principals (same principal, several grant ids). */
function grants(): Grant[] {
  const out: Grant[] = [];
  for (let i = 0; i < 23; i++) {
    const pType = i % 3 === 0 ? 'group' : 'user';
    const pId = `p${i % 7}`;
    out.push(grant(`g${i}`, i % 2 === 0 ? 'e1' : 'e2', i % 4 < 2 ? 'group' : 'role', `r${i % 5}`, pType, pId));
  }
  return out;
}

describe('sqlite paging in index order', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('drains every grant exactly once for any page size (by entitlement, by principal types, by resource type)', async () => {
    const e = await openEngine(path.join(dir, 'a.c1z'), testOptions());
    await e.startNewSync();
    const all = grants();
    await e.putGrants(all);
    const want = (pred: (g: Grant) => boolean): string[] => all.filter(pred).map((g) => g.id).sort();
    const ids = (items: readonly { record: Grant }[]): string[] => items.map((s) => s.record.id).sort();
    for (const pageSize of [1, 2, 3, 5, 100]) {
      for (const entitlementId of ['e1', 'e2', 'missing']) {
        const got = await drain((pageToken) => e.listGrantsForEntitlement({ entitlementId, pageSize, pageToken }));
        expect(ids(got)).toEqual(want((g) => g.entitlement.id === entitlementId));
        const users = await drain((pageToken) => e.listGrantsForEntitlement({ entitlementId, principalResourceTypeIds: ['user', 'group'], pageSize, pageToken }));
        expect(ids(users)).toEqual(want((g) => g.entitlement.id === entitlementId));
        const groups = await drain((pageToken) => e.listGrantsForEntitlement({ entitlementId, principalResourceTypeIds: ['group'], pageSize, pageToken }));
        expect(ids(groups)).toEqual(want((g) => g.entitlement.id === entitlementId && g.principal.id.resourceType === 'group'));
      }
      for (const resourceTypeId of ['group', 'role', 'user']) {
        const got = await drain((pageToken) => e.listGrantsForResourceType({ resourceTypeId, pageSize, pageToken }));
        expect(ids(got)).toEqual(want((g) => g.entitlement.resource.id.resourceType === resourceTypeId));
      }
    }
    await e.close();
  });

  it('rejects a position that is not this query’s as INVALID_ARGUMENT', async () => {
    const e = await openEngine(path.join(dir, 'b.c1z'), testOptions());
    await e.startNewSync();
    await e.putGrants(grants());
    const first = await e.listGrantsForResourceType({ resourceTypeId: 'group', pageSize: 2 });
    expect(first.nextPageToken).not.toBe('');
    const forged = (position: string): string => {
      const [digest] = JSON.parse(Buffer.from(first.nextPageToken, 'base64url').toString('utf8')) as [string, string];
      return Buffer.from(JSON.stringify([digest, position]), 'utf8').toString('base64url');
    };
    for (const position of ['12', '["r1"]', '["r1", "x"]', '[1, 2]', 'not json', '["r1", 2, 3]']) {
      await expect(e.listGrantsForResourceType({ resourceTypeId: 'group', pageSize: 2, pageToken: forged(position) })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    await expect(e.listGrantsForEntitlement({ entitlementId: 'e1', pageToken: first.nextPageToken })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await e.close();
  });
});
