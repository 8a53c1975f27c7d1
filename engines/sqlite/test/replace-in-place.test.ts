import { promises as fs } from 'node:fs';
import path from 'node:path';
import { drain, grant, openEngine, tempDir, testOptions } from './helpers';

describe('sqlite re-puts update rows in place', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps list order, moves a grant to its new principal, and applies in-call duplicates in order', async () => {
    const options = testOptions();
    const e = await openEngine(path.join(dir, 'a.c1z'), options);
    await e.startNewSync();
    await e.putGrants([grant('g1', 'e1', 'group', 'r1', 'user', 'u1'), grant('g2', 'e1', 'group', 'r1', 'user', 'u2'), grant('g3', 'e2', 'role', 'r2', 'user', 'u3')]);
    options.now += 10;
    // g1 keeps its extracted columns (only its bytes change); g3 moves to another principal, entitlement and resource.
    const g1 = { ...grant('g1', 'e1', 'group', 'r1', 'user', 'u1'), sources: { sources: ['x'] } };
    await e.putGrants([g1, grant('g3', 'e1', 'group', 'r1', 'user', 'u9')]);
    const order = (await drain((pageToken) => e.listGrants({ pageToken, pageSize: 1 }))).map((s) => s.record.id);
    expect(order).toEqual(['g1', 'g2', 'g3']);
    expect((await e.getGrant('g1')).record).toEqual(g1);
    expect((await e.getGrant('g1')).discoveredAt).toBe(options.now);
    expect(await drain((pageToken) => e.listGrantsForPrincipal({ principalId: { resourceType: 'user', resource: 'u3' }, pageToken }))).toEqual([]);
    const moved = await drain((pageToken) => e.listGrantsForPrincipal({ principalId: { resourceType: 'user', resource: 'u9' }, pageToken }));
    expect(moved.map((s) => s.record.id)).toEqual(['g3']);
    expect((await drain((pageToken) => e.listGrantsForEntitlement({ entitlementId: 'e2', pageToken }))).length).toBe(0);
    expect((await drain((pageToken) => e.listGrantsForResourceType({ resourceTypeId: 'role', pageToken }))).length).toBe(0);

    options.now += 10;
    await e.putGrants([grant('g2', 'e1', 'group', 'r1', 'user', 'a'), grant('g2', 'e1', 'group', 'r1', 'user', 'b')]);
    expect((await e.getGrant('g2')).record.principal.id.resource).toBe('b');
    options.now += 10;
    await e.putGrants([grant('g2', 'e1', 'group', 'r1', 'user', 'c'), grant('g2', 'e1', 'group', 'r1', 'user', 'd')], { ifNewer: true });
    expect((await e.getGrant('g2')).record.principal.id.resource).toBe('c');
    await e.putGrants([grant('g2', 'e1', 'group', 'r1', 'user', 'e')], { ifNewer: true });
    expect((await e.getGrant('g2')).record.principal.id.resource).toBe('c');
    const stats = await e.stats();
    expect(stats.grants).toBe(3);
    await e.close();
  });
});
