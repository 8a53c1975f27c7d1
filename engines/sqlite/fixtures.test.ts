import { promises as fs } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { decompressC1z } from '../c1z/container';
import { copyFixture, drain, grant, openEngine, sqliteCli, tempDir, testOptions } from './test/helpers';

const SMALL_SYNC = '36zfOAoWMxQdISbixanQCRBiX7E';
const PROGRESS_SYNC = '3ARefY5G8eOytquwYgm41Nq07IZ';

describe('sqlite engine on Go SDK fixtures', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads small-unexpanded: stats, sync run, drained lists, without rewriting the file', async () => {
    const file = await copyFixture('small-unexpanded.c1z', dir);
    const before = await fs.readFile(file);
    const engine = await openEngine(file, testOptions());
    const stats = await engine.stats(SMALL_SYNC);
    expect(stats).toEqual({
      resourceTypes: 4,
      resources: 1221,
      entitlements: 342,
      grants: 2909,
      assets: 0,
      resourcesByType: { group: 21, project: 100, role: 100, user: 1000 },
    });
    const run = await engine.getSync(SMALL_SYNC);
    expect(run.endedAt).toBeUndefined();
    expect(run.syncType).toBe('full');
    expect(run.syncToken.length).toBeGreaterThan(90_000);
    expect(run.startedAt).toBe(Date.UTC(2025, 11, 17, 16, 31, 25) * 1000 + 57185);

    const grants = await drain((t) => engine.listGrants({ syncId: SMALL_SYNC, pageSize: 1000, pageToken: t }));
    expect(grants).toHaveLength(2909);
    expect(new Set(grants.map((g) => g.record.id)).size).toBe(2909);
    const first = grants[0];
    if (first === undefined) throw new Error('no grants');
    expect(await engine.getGrant(first.record.id, { syncId: SMALL_SYNC })).toEqual(first);
    const forType = await drain((t) =>
      engine.listGrantsForResourceType({ syncId: SMALL_SYNC, resourceTypeId: 'project', pageSize: 500, pageToken: t }),
    );
    expect(forType.length).toBeGreaterThan(0);
    expect(forType.every((g) => g.record.entitlement.resource.id.resourceType === 'project')).toBe(true);

    const report = await engine.verify();
    expect(report.problems).toEqual([]);
    expect(report.recordsChecked).toBe(4 + 1221 + 342 + 2909);
    expect(engine.dirty).toBe(false);
    await engine.close();
    expect(await fs.readFile(file)).toEqual(before);
  });

  it('keeps the newer schema of sync-in-progress through a save', async () => {
    const file = await copyFixture('sync-in-progress.c1z', dir);
    const options = testOptions();
    const engine = await openEngine(file, options);
    expect((await engine.stats(PROGRESS_SYNC)).resources).toBe(79);
    await engine.setCurrentSync(PROGRESS_SYNC);
    await engine.putGrants([grant('g1', 'e1', 'group', 'g', 'user', 'u1')]);
    await engine.close();

    const db = path.join(dir, 'check.db');
    await decompressC1z(file, db);
    const sqlite = new Database(db, { readonly: true });
    try {
      const grantColumns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all('v1_grants') as { name: string }[]).map((c) => c.name);
      expect(grantColumns).toEqual(expect.arrayContaining(['expansion', 'needs_expansion']));
      const runColumns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all('v1_sync_runs') as { name: string }[]).map((c) => c.name);
      expect(runColumns).toEqual(expect.arrayContaining(['linked_sync_id', 'supports_diff', 'grants_backfilled']));
      expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'v1_connector_sessions'").get()).toEqual({ n: 1 });
      expect(sqlite.prepare('SELECT needs_expansion, expansion FROM v1_grants WHERE external_id = ?').get('g1')).toEqual({
        needs_expansion: 0,
        expansion: null,
      });
      expect(sqlite.prepare('SELECT grants_backfilled FROM v1_sync_runs WHERE sync_id = ?').get(PROGRESS_SYNC)).toEqual({
        grants_backfilled: 1,
      });
    } finally {
      sqlite.close();
    }

    const reopened = await openEngine(file, testOptions());
    const stored = await reopened.getGrant('g1', { syncId: PROGRESS_SYNC });
    expect(stored.record.principal.id).toEqual({ resourceType: 'user', resource: 'u1' });
    expect(stored.discoveredAt).toBe(options.now);
    expect((await reopened.stats(PROGRESS_SYNC)).resources).toBe(79);
    await reopened.close();
    expect(sqliteCli(file, "SELECT count(*) FROM v1_grants WHERE sync_id = '" + PROGRESS_SYNC + "'", dir).trim()).toBe('1');
  });
});
