/**
 * SPEC §8: a saved c1z holds exactly the schema it was opened with and keeps its journal mode; the engine's helper
 * indexes exist in the working copy only. Checked with the sqlite3 CLI on the Go SDK's fixture files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sqliteFactory } from '..';
import { asRawStore, copySyncs } from '../../base/transfer';
import { copyFixture, openEngine, sqliteCli, tempDir, testOptions } from './helpers';

const FIXTURES = ['small-unexpanded.c1z', 'sync-in-progress.c1z'] as const;
const SCHEMA_SQL = "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name;";

/** The `sqlite_master` rows and journal mode of the database inside a c1z. */
function shapeOf(file: string, dir: string): { schema: string; journal: string } {
  const journal = sqliteCli(file, 'PRAGMA journal_mode;', dir).trim();
  return { schema: sqliteCli(file, SCHEMA_SQL, dir), journal };
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(FIXTURES)('a saved %s keeps its schema and journal mode', (name) => {
  test('the fixture itself is a WAL file without helper indexes', async () => {
    const file = await copyFixture(name, dir);
    const shape = shapeOf(file, dir);
    expect(shape.journal).toBe('wal');
    expect(shape.schema).not.toContain('idx_parity_');
  });

  test('after compact', async () => {
    const file = await copyFixture(name, dir);
    const before = shapeOf(file, dir);
    const engine = await openEngine(file, testOptions());
    await engine.compact();
    await engine.close();
    expect(shapeOf(file, dir)).toEqual(before);
  });

  test('after a cleanup that changed the file', async () => {
    const file = await copyFixture(name, dir);
    const before = shapeOf(file, dir);
    const engine = await openEngine(file, testOptions(1_800_000_000_000_000));
    // Three finished full syncs, so that cleanup deletes one and the file is rewritten.
    for (let i = 0; i < 3; i++) {
      await engine.startNewSync();
      await engine.endSync();
    }
    expect(await engine.cleanup()).toHaveLength(1);
    expect(engine.dirty).toBe(true);
    await engine.close();
    expect(shapeOf(file, dir)).toEqual(before);
  });

  test('a clone of one of its syncs', async () => {
    const file = await copyFixture(name, dir);
    const before = shapeOf(file, dir);
    const engine = await openEngine(file, testOptions(1_800_000_000_000_000));
    await engine.startNewSync();
    await engine.endSync();
    const clone = path.join(dir, 'clone.c1z');
    await engine.cloneSync('', clone);
    await engine.close();
    expect(shapeOf(clone, dir)).toEqual(before);
  });
});

test('an export of the older fixture into a new c1z has the Go SDK schema of that fixture', async () => {
  const file = await copyFixture('small-unexpanded.c1z', dir);
  const out = path.join(dir, 'exported.c1z');
  const src = asRawStore(await openEngine(file, testOptions()));
  const dst = asRawStore(await sqliteFactory.open(out, testOptions()));
  await copySyncs(src, dst);
  await dst.close();
  await src.close();
  expect(shapeOf(out, dir)).toEqual(shapeOf(file, dir));
});

test('a file saved with helper indexes by an older version keeps them', async () => {
  const file = path.join(dir, 'old.c1z');
  const engine = await openEngine(file, testOptions());
  await engine.close();
  const plain = shapeOf(file, dir);
  expect(plain.schema).not.toContain('idx_parity_');
  // The same file as older versions saved it: with a helper index in the file.
  const { editC1z } = await import('./helpers');
  await editC1z(file, dir, (db) => db.exec('CREATE INDEX idx_parity_grants_sync on v1_grants (sync_id)'));
  const withHelper = shapeOf(file, dir);
  const again = await openEngine(file, testOptions());
  await again.compact();
  await again.close();
  expect(shapeOf(file, dir).schema).toBe(withHelper.schema);
});
