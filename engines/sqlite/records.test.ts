import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Stored } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import type { Grant } from '../../models/types';
import type { SqliteEngine } from './sqlite-engine';
import { collectBytes, drain, editC1z, ent, grant, openEngine, res, rt, sqliteCli, tempDir, testOptions, type TestOptions } from './test/helpers';

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof StorageError ? e.code : `not a StorageError: ${String(e)}`),
  );
}

const ids = (items: readonly Stored<Grant>[]): string[] => items.map((g) => g.record.id).sort();

describe('sqlite engine records', () => {
  let dir: string;
  let options: TestOptions;
  let engine: SqliteEngine;
  let syncId: string;

  beforeEach(async () => {
    dir = await tempDir();
    options = testOptions();
    engine = await openEngine(path.join(dir, 'store.c1z'), options);
    syncId = await engine.startNewSync();
  });
  afterEach(async () => {
    if (!engine.closed) await engine.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('replaces every extracted column on re-put, so a moved grant is found only under its new principal', async () => {
    await engine.putGrants([grant('g', 'e1', 'group', 'g1', 'user', 'u1')]);
    options.now += 1;
    await engine.putGrants([grant('g', 'e2', 'role', 'r1', 'user', 'u2')]);
    const byOld = await engine.listGrantsForPrincipal({ principalId: { resourceType: 'user', resource: 'u1' } });
    const byNew = await engine.listGrantsForPrincipal({ principalId: { resourceType: 'user', resource: 'u2' } });
    expect(byOld.items).toEqual([]);
    expect(ids(byNew.items)).toEqual(['g']);
    expect((await engine.listGrantsForEntitlement({ entitlementId: 'e1' })).items).toEqual([]);
    expect((await engine.listGrants({ resource: { resourceType: 'group', resource: 'g1' } })).items).toEqual([]);
    expect((await engine.listGrantsForResourceType({ resourceTypeId: 'role' })).items).toHaveLength(1);
    expect((await engine.getGrant('g')).discoveredAt).toBe(options.now);

    await engine.putResources([res('user', 'u3', ['group', 'g1'])]);
    await engine.putResources([res('user', 'u3')]);
    expect((await engine.listResources({ parentResourceId: { resourceType: 'group', resource: 'g1' } })).items).toEqual([]);
    await engine.close();
    expect(sqliteCli(path.join(dir, 'store.c1z'), "SELECT quote(parent_resource_type_id) FROM v1_resources", dir).trim()).toBe('NULL');
  });

  it('filters exactly (no prefix leaks) and by the entitlement resource type, not the principal type', async () => {
    await engine.putGrants([
      grant('a', 'e1', 'group', 'g1', 'user', 'u1'),
      grant('b', 'e1', 'group', 'g1', 'user', 'u10'),
      grant('c', 'e10', 'group', 'g10', 'users', 'u1'),
      grant('d', 'e2', 'user', 'u1', 'group', 'g1'),
      grant('e', 'e1', 'group', 'g1', 'service', 's1'),
    ]);
    const forPrincipal = await engine.listGrantsForPrincipal({ principalId: { resourceType: 'user', resource: 'u1' } });
    expect(ids(forPrincipal.items)).toEqual(['a']);
    expect(ids((await engine.listGrantsForEntitlement({ entitlementId: 'e1' })).items)).toEqual(['a', 'b', 'e']);
    const typed = await engine.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['user', 'service'] });
    expect(ids(typed.items)).toEqual(['a', 'b', 'e']);
    const onlyUser = await engine.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['user'] });
    expect(ids(onlyUser.items)).toEqual(['a', 'b']);
    const onePrincipal = await engine.listGrantsForEntitlement({
      entitlementId: 'e1',
      principalId: { resourceType: 'user', resource: 'u10' },
    });
    expect(ids(onePrincipal.items)).toEqual(['b']);
    expect(ids((await engine.listGrantsForResourceType({ resourceTypeId: 'user' })).items)).toEqual(['d']);
    expect(ids((await engine.listGrantsForResourceType({ resourceTypeId: 'group' })).items)).toEqual(['a', 'b', 'c', 'e']);
    expect(ids((await engine.listGrants({ resource: { resourceType: 'group', resource: 'g1' } })).items)).toEqual(['a', 'b', 'e']);
    const withEntitlement = await engine.listGrantsForPrincipal({
      principalId: { resourceType: 'users', resource: 'u1' },
      entitlementId: 'e10',
    });
    expect(ids(withEntitlement.items)).toEqual(['c']);

    await engine.putEntitlements([ent('e1', 'group', 'g1'), ent('e10', 'group', 'g10')]);
    const ents = await engine.listEntitlements({ resource: { resourceType: 'group', resource: 'g1' } });
    expect(ents.items.map((e) => e.record.id)).toEqual(['e1']);
    await engine.putResources([res('user', 'u1'), res('users', 'u1'), res('user', 'u10')]);
    expect((await engine.listResources({ resourceTypeId: 'user' })).items.map((r) => r.record.id.resource)).toEqual(['u1', 'u10']);
    expect((await engine.getResource({ resourceType: 'users', resource: 'u1' })).record.id.resourceType).toBe('users');
  });

  it('applies ifNewer by comparing discovered_at as micros: first duplicate wins a tie, a later time wins', async () => {
    const t0 = options.now;
    await engine.putResourceTypes([{ id: 'user', displayName: 'first' }, { id: 'user', displayName: 'second' }], { ifNewer: true });
    expect((await engine.getResourceType('user')).record.displayName).toBe('first');
    await engine.putResourceTypes([{ id: 'user', displayName: 'plain' }, { id: 'user', displayName: 'last' }]);
    expect((await engine.getResourceType('user')).record.displayName).toBe('last');
    await engine.putResourceTypes([{ id: 'user', displayName: 'same time' }], { ifNewer: true });
    expect((await engine.getResourceType('user')).record.displayName).toBe('last');
    options.now = t0 - 10;
    await engine.putResourceTypes([{ id: 'user', displayName: 'older clock' }], { ifNewer: true });
    expect((await engine.getResourceType('user')).record.displayName).toBe('last');
    options.now = t0 + 1;
    await engine.putResourceTypes([{ id: 'user', displayName: 'newer' }], { ifNewer: true });
    const stored = await engine.getResourceType('user');
    expect(stored.record.displayName).toBe('newer');
    expect(stored.discoveredAt).toBe(t0 + 1);
  });

  it('pages by keyset: never more than asked, tokens bound to their query', async () => {
    await engine.putResources(Array.from({ length: 7 }, (_, i) => res(i % 2 === 0 ? 'user' : 'group', `r${i}`)));
    const first = await engine.listResources({ pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextPageToken).not.toBe('');
    const all = await drain((t) => engine.listResources({ pageSize: 3, pageToken: t }));
    expect(all.map((r) => r.record.id.resource)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    const exact = await engine.listResources({ pageSize: 7 });
    expect(exact.nextPageToken).toBe('');
    expect(await code(engine.listResources({ resourceTypeId: 'user', pageToken: first.nextPageToken }))).toBe('INVALID_ARGUMENT');
    expect(await code(engine.listResources({ syncId, pageSize: 3, pageToken: first.nextPageToken }))).toBeUndefined();
    expect(await code(engine.listGrants({ pageToken: first.nextPageToken }))).toBe('INVALID_ARGUMENT');
    expect(await code(engine.listResources({ pageToken: 'garbage!' }))).toBe('INVALID_ARGUMENT');
    const forged = Buffer.from(JSON.stringify([JSON.parse(Buffer.from(first.nextPageToken, 'base64url').toString())[0], 'x'])).toString('base64url');
    expect(await code(engine.listResources({ pageSize: 3, pageToken: forged }))).toBe('INVALID_ARGUMENT');
  });

  it('lists sync runs by started_at then id, paging through ties', async () => {
    await engine.endSync();
    const t0 = options.now;
    options.now = t0 - 1_000_000;
    const older = await engine.startNewSync();
    await engine.endSync();
    options.now = t0;
    const tie = await engine.startNewSync({ type: 'partial' });
    await engine.endSync();
    const all = await drain((t) => engine.listSyncRuns({ pageSize: 1, pageToken: t }));
    expect([syncId, older, tie]).toEqual(['s1', 's2', 's3']);
    expect(all.map((r) => r.id)).toEqual([older, syncId, tie]);
    expect(all.map((r) => r.syncType)).toContain('partial');
    expect(await code(engine.listSyncRuns({ pageToken: 'bad' }))).toBe('INVALID_ARGUMENT');
  });

  it('deletes grants, stores assets (empty data too) and counts per type', async () => {
    await engine.putGrants([grant('g1', 'e', 'group', 'g', 'user', 'u')]);
    await engine.deleteGrant('missing');
    await engine.deleteGrant('g1');
    expect(await code(engine.getGrant('g1'))).toBe('NOT_FOUND');
    await engine.putAsset('a', 'text/plain', new Uint8Array(0));
    const empty = await engine.getAsset('a');
    expect(empty.contentType).toBe('text/plain');
    expect((await collectBytes(empty.data)).length).toBe(0);
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    await engine.putAsset('a', 'application/octet-stream', big);
    const replaced = await engine.getAsset('a');
    expect(replaced.contentType).toBe('application/octet-stream');
    expect(Buffer.from(await collectBytes(replaced.data)).equals(Buffer.from(big))).toBe(true);
    await engine.putResourceTypes([rt('__proto__')]);
    await engine.putResources([res('__proto__', 'x'), res('user', 'u'), res('user', 'v')]);
    const stats = await engine.stats();
    expect(stats).toEqual({ resourceTypes: 1, resources: 3, entitlements: 0, grants: 0, assets: 1, resourcesByType: { ['__proto__']: 1 } });
    expect(Object.getPrototypeOf(stats.resourcesByType)).toBe(Object.prototype);
  });

  it('rolls a failing put back whole', async () => {
    await engine.putResourceTypes([rt('user')]);
    await engine.close();
    const file = path.join(dir, 'store.c1z');
    // A stored discovered_at that does not parse makes the second item of an ifNewer put fail after the first is written.
    await editC1z(file, dir, (db) => {
      db.prepare("UPDATE v1_resource_types SET discovered_at = 'yesterday'").run();
    });
    engine = await openEngine(file, options);
    await engine.setCurrentSync(syncId);
    expect(await code(engine.putResourceTypes([rt('group'), rt('user')], { ifNewer: true }))).toBe('CORRUPTION');
    expect(await code(engine.getResourceType('group'))).toBe('NOT_FOUND');
    expect(engine.dirty).toBe(false);
    await engine.putResourceTypes([rt('group'), rt('user')]);
    expect((await engine.listResourceTypes()).items.map((r) => r.record.id)).toEqual(['user', 'group']);
  });
});
