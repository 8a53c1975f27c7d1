/**
 * SPEC §8: a c1z that lacks one of the six tables, or a column that no Go SDK migration adds, is CORRUPTION (never a
 * healthy store with nothing in it); an old file without `sync_type` and `parent_sync_id` opens, migrated.
 */
import { promises as fs } from 'node:fs';
import { expectCode } from '../../conformance/expect-code';
import { copyFixture, editC1z, openEngine, sqliteCli, tempDir, testOptions } from './helpers';

const SYNC = '36zfOAoWMxQdISbixanQCRBiX7E';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test.each(['v1_grants', 'v1_resource_types', 'v1_resources', 'v1_entitlements', 'v1_assets', 'v1_sync_runs'])(
  'a fixture without table %s is CORRUPTION',
  async (table) => {
    const file = await copyFixture('small-unexpanded.c1z', dir);
    await editC1z(file, dir, (db) => db.exec(`DROP TABLE ${table}`));
    const err = await expectCode(openEngine(file, testOptions()), 'CORRUPTION');
    expect(err.message).toContain(table);
  },
);

test.each([
  ['v1_grants', 'principal_resource_id', ['idx_grants_principal_id_v1', 'idx_grants_entitlement_id_principal_id_v1']],
  ['v1_resources', 'parent_resource_id', ['idx_resources_external_sync_v1']],
  ['v1_assets', 'content_type', []],
  ['v1_sync_runs', 'sync_token', []],
] as const)('a fixture whose %s lacks %s is CORRUPTION', async (table, column, indexes) => {
  const file = await copyFixture('small-unexpanded.c1z', dir);
  await editC1z(file, dir, (db) => {
    for (const index of indexes) db.exec(`DROP INDEX ${index}`);
    db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  });
  const err = await expectCode(openEngine(file, testOptions()), 'CORRUPTION');
  expect(err.message).toContain(`${table}.${column}`);
});

test('an old file without sync_type and parent_sync_id opens, and is migrated as the Go SDK does', async () => {
  const file = await copyFixture('small-unexpanded.c1z', dir);
  await editC1z(file, dir, (db) => {
    db.exec('ALTER TABLE v1_sync_runs DROP COLUMN sync_type');
    db.exec('ALTER TABLE v1_sync_runs DROP COLUMN parent_sync_id');
  });
  const engine = await openEngine(file, testOptions());
  const run = await engine.getSync(SYNC);
  expect(run.syncType).toBe('full');
  expect(run.parentSyncId).toBe('');
  expect((await engine.stats(SYNC)).grants).toBe(2909);
  await engine.startNewSync();
  await engine.close();
  expect(sqliteCli(file, "SELECT name FROM pragma_table_info('v1_sync_runs') ORDER BY cid;", dir).trim().split('\n')).toEqual([
    'id',
    'sync_id',
    'started_at',
    'ended_at',
    'sync_token',
    'sync_type',
    'parent_sync_id',
  ]);
});
