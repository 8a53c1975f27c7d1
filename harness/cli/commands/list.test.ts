import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decompressC1z } from '../../../engines/c1z/container';
import { sqliteFactory } from '../../../engines/sqlite';
import { cli, fixture } from '../test/cli-kit';
import { FIXTURE_SYNC, fixtureCopy, inEngine, type StoreEngine } from './test/maintenance-stores';

const SMALL = 'small-unexpanded.c1z';
const SYNC = FIXTURE_SYNC[SMALL] as string;
const ENTITLEMENT = 'group:group-0000001:member';

let dir: string;
let stores: Record<StoreEngine, string>;
/** Independent answers, straight from the fixture's SQLite tables. */
let db: Database.Database;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-list-'));
  stores = { sqlite: await fixtureCopy(SMALL, 'sqlite', dir), leveldb: await fixtureCopy(SMALL, 'leveldb', dir) };
  await decompressC1z(fixture(SMALL), path.join(dir, 'oracle.db'));
  db = new Database(path.join(dir, 'oracle.db'), { readonly: true });
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe.each(['sqlite', 'leveldb'] as StoreEngine[])('list on %s', (engine) => {
  test('grants --entitlement prints exactly that entitlement’s grants as JSON Lines, page by page', async () => {
    const r = await cli('list', 'grants', stores[engine], '--sync', SYNC, '--entitlement', ENTITLEMENT, '--page-size', '7', '--json');
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    const expected = (db.prepare('SELECT external_id FROM v1_grants WHERE sync_id = ? AND entitlement_id = ?').all(SYNC, ENTITLEMENT) as { external_id: string }[]).map((row) => row.external_id);
    expect(expected).toHaveLength(51);
    const ids = lines.map((l) => (l['record'] as { id: string }).id);
    expect(ids.sort()).toEqual(expected.sort());
    for (const l of lines) {
      expect(l).toMatchObject({ kind: 'grant', syncId: SYNC, discoveredAt: expect.stringMatching(/^2025-12-17 /) as unknown });
      const g = l['record'] as { entitlement: { id: string }; principal: { id: { resourceType: string; resource: string } } };
      expect(g.entitlement.id).toBe(ENTITLEMENT);
      expect(g.principal.id.resource).toMatch(/\S/);
    }
  });

  test('every call asks for one page only (the slow log at 0 ms shows each call)', async () => {
    const r = await cli('list', 'grants', stores[engine], '--sync', SYNC, '--entitlement', ENTITLEMENT, '--principal-types', 'user', '--page-size', '7', '--slow-log', '0');
    expect(r.code).toBe(0);
    const calls = jsonLines(r.stderr.split('\n').filter((l) => l.startsWith('{')).join('\n')).filter((l) => l['method'] === 'listGrantsForEntitlement');
    expect(calls.length).toBeGreaterThanOrEqual(8);
    for (const c of calls) {
      expect(c).toMatchObject({ msg: 'slow call', engine, sync: SYNC, args: { syncId: SYNC, entitlementId: ENTITLEMENT, principalResourceTypeIds: ['user'], pageSize: 7 } });
      expect(c['rowsRead']).toBeLessThanOrEqual(7);
    }
    expect(calls.reduce((n, c) => n + (c['rowsRead'] as number), 0)).toBe(r.stdout.trimEnd().split('\n').length);
    expect(r.stderr).toMatch(/\n\d+ grants\n$/);
  });

  test('resources by type, resource types, syncs, and a limit', async () => {
    const users = jsonLines((await cli('list', 'resources', stores[engine], '--sync', SYNC, '--resource-type', 'user', '--json')).stdout);
    expect(users).toHaveLength(1000);
    expect(users.every((u) => (u['record'] as { id: { resourceType: string } }).id.resourceType === 'user')).toBe(true);
    const types = await cli('list', 'resource-types', stores[engine], '--sync', SYNC);
    expect(types.stdout.trimEnd().split('\n').map((l) => l.split('\t')[0]).sort()).toEqual(['group', 'project', 'role', 'user']);
    expect(types.stderr).toBe('4 resource-types\n');
    const syncs = jsonLines((await cli('list', 'syncs', stores[engine], '--json')).stdout);
    expect(syncs).toEqual([expect.objectContaining({ kind: 'sync', id: SYNC, type: 'full', endedAt: null })]);
    const limited = await cli('list', 'grants', stores[engine], '--sync', SYNC, '--limit', '5', '--page-size', '2');
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(limited.stdout.split('\n')[0]).toMatch(/^\S+\tentitlement=\S+\tprincipal=\S+\/\S+$/);
  });

  test('grants of a principal and of a resource type agree with the tables', async () => {
    const principal = (await cli('list', 'grants', stores[engine], '--sync', SYNC, '--principal', 'user/user-0000001', '--json')).stdout;
    const expected = db.prepare("SELECT COUNT(*) AS n FROM v1_grants WHERE sync_id = ? AND principal_resource_type_id = 'user' AND principal_resource_id = 'user-0000001'").get(SYNC) as { n: number };
    expect(jsonLines(principal)).toHaveLength(expected.n);
    const byType = jsonLines((await cli('list', 'grants', stores[engine], '--sync', SYNC, '--resource-type', 'group', '--json')).stdout);
    const groupGrants = db.prepare("SELECT COUNT(*) AS n FROM v1_grants WHERE sync_id = ? AND resource_type_id = 'group'").get(SYNC) as { n: number };
    expect(byType).toHaveLength(groupGrants.n);
  });
});

test('assets are listed through bulk access, as metadata, on both engines', async () => {
  const c1z = path.join(dir, 'assets.c1z');
  const e = await sqliteFactory.open(c1z, { clock: () => 1_767_225_600_000_000, newSyncId: () => 'with-assets' });
  await e.startNewSync();
  await e.putAsset('logo', 'image/png', Buffer.alloc(300, 7));
  await e.putAsset('empty', 'text/plain', Buffer.alloc(0));
  await e.endSync();
  await e.close();
  for (const store of [c1z, await inEngine(c1z, 'leveldb', dir, 'assets')]) {
    const r = await cli('list', 'assets', store, '--json');
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout).sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
    expect(lines).toEqual([
      { kind: 'asset', syncId: 'with-assets', discoveredAt: '2026-01-01 00:00:00', id: 'empty', contentType: 'text/plain', bytes: 0 },
      { kind: 'asset', syncId: 'with-assets', discoveredAt: '2026-01-01 00:00:00', id: 'logo', contentType: 'image/png', bytes: 300 },
    ]);
  }
});

test('bad usage exits 2 with one line; a store with no default sync lists the syncs to choose from', async () => {
  const store = stores.sqlite;
  expect(await cli('list', 'widgets', store)).toMatchObject({ code: 2, stderr: expect.stringContaining('list what? one of resource-types') as unknown });
  expect(await cli('list', 'entitlements', store, '--principal', 'user/u1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--principal does not apply to entitlements') as unknown });
  expect(await cli('list', 'grants', store, '--principal-types', 'user')).toMatchObject({ code: 2, stderr: expect.stringContaining('grants filters combine as') as unknown });
  expect(await cli('list', 'grants', store, '--sync', SYNC, '--principal', 'user')).toMatchObject({ code: 2, stderr: expect.stringContaining('--principal takes type/id') as unknown });
  expect(await cli('list', 'grants', store, '--sync', 'nope')).toMatchObject({ code: 2, stderr: expect.stringContaining('NOT_FOUND') as unknown });
  const r = await cli('list', 'grants', store);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('no sync resolves by default');
  expect(r.stderr).toContain(SYNC);
});
