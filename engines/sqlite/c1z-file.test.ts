import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { compressC1z, decompressC1z } from '../c1z/container';
import { StorageError } from '../../models/contract/errors';
import { sqliteFactory } from './index';
import { collectBytes, drain, editC1z, ent, grant, openEngine, res, rt, sqliteCli, tempDir, testOptions } from './test/helpers';

async function expectCode(promise: Promise<unknown>, code: string): Promise<StorageError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StorageError);
  expect((err as StorageError).code).toBe(code);
  return err as StorageError;
}

describe('sqlite engine c1z files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('names its locations .c1z', () => {
    expect(sqliteFactory.locationIn('/x', 'store')).toBe(path.join('/x', 'store.c1z'));
    expect(sqliteFactory.supports).toEqual({ persistence: true, reopen: true, clone: true, c1z: true });
  });

  it('writes a c1z that the sqlite3 CLI reads, and reads it back equal after reopening', async () => {
    const file = sqliteFactory.locationIn(dir, 'store');
    const options = testOptions();
    const engine = await sqliteFactory.open(file, options);
    const syncId = await engine.startNewSync();
    await engine.putResourceTypes([rt('user'), rt('group')]);
    await engine.putResources([res('user', 'u1'), res('group', 'g1'), res('user', 'u2', ['group', 'g1'])]);
    await engine.putEntitlements([ent('member', 'group', 'g1')]);
    await engine.putGrants([grant('gr1', 'member', 'group', 'g1', 'user', 'u1')]);
    await engine.putAsset('icon', 'image/png', new Uint8Array([1, 2, 3]));
    await engine.checkpointSync('{"page":2}');
    options.now += 5_000_001;
    await engine.endSync();
    const before = {
      runs: await engine.listSyncRuns(),
      resources: await drain((t) => engine.listResources({ pageSize: 2, pageToken: t })),
      grants: await engine.listGrants(),
      stats: await engine.stats(),
    };
    expect(engine.dirty).toBe(true);
    await engine.close();

    const header = (await fs.readFile(file)).subarray(0, 9);
    expect(header.subarray(0, 5).toString('latin1')).toBe('C1ZF\0');
    expect([...header.subarray(5)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
    const tables = sqliteCli(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", dir).trim().split('\n');
    expect(tables).toEqual(
      expect.arrayContaining(['v1_assets', 'v1_entitlements', 'v1_grants', 'v1_resource_types', 'v1_resources', 'v1_sync_runs']),
    );
    expect(sqliteCli(file, 'SELECT sync_id, started_at, ended_at, sync_token, sync_type FROM v1_sync_runs', dir).trim()).toBe(
      `${syncId}|2023-11-14 22:13:20|2023-11-14 22:13:25.000001|{"page":2}|full`,
    );
    expect(sqliteCli(file, "SELECT external_id, parent_resource_type_id, parent_resource_id FROM v1_resources WHERE external_id = 'user:u2'", dir).trim()).toBe(
      'user:u2|group|g1',
    );
    expect(sqliteCli(file, 'PRAGMA integrity_check', dir).trim()).toBe('ok');

    const reopened = await openEngine(file, testOptions(options.now));
    expect(reopened.dirty).toBe(false);
    expect(await reopened.listSyncRuns()).toEqual(before.runs);
    expect(await drain((t) => reopened.listResources({ pageSize: 2, pageToken: t }))).toEqual(before.resources);
    expect(await reopened.listGrants()).toEqual(before.grants);
    expect(await reopened.stats()).toEqual(before.stats);
    const asset = await reopened.getAsset('icon');
    expect(asset.contentType).toBe('image/png');
    expect([...(await collectBytes(asset.data))]).toEqual([1, 2, 3]);
    await reopened.close();
  });

  it('writes a new, untouched store on close so that its location exists', async () => {
    const file = path.join(dir, 'empty.c1z');
    const engine = await openEngine(file, testOptions());
    await engine.close();
    expect(sqliteCli(file, 'SELECT count(*) FROM v1_sync_runs', dir).trim()).toBe('0');
    await expectCode(engine.close(), 'CLOSED');
    await expectCode(engine.stats(), 'CLOSED');
  });

  it('fails with IO at open when a new store could never be written', async () => {
    await expectCode(openEngine(path.join(dir, 'missing-dir', 'store.c1z'), testOptions()), 'IO');
    await expectCode(openEngine(dir, testOptions()), 'IO');
  });

  it('refuses a payload that is not SQLite with CORRUPTION', async () => {
    const garbage = path.join(dir, 'garbage.bin');
    await fs.writeFile(garbage, Buffer.alloc(8192, 'not a database, only text. '));
    const file = path.join(dir, 'garbage.c1z');
    await compressC1z(garbage, file);
    await expectCode(openEngine(file, testOptions()), 'CORRUPTION');
  });

  it('refuses a damaged SQLite database with CORRUPTION (quick_check)', async () => {
    const file = path.join(dir, 'damaged.c1z');
    const engine = await openEngine(file, testOptions());
    await engine.startNewSync();
    await engine.putResources(Array.from({ length: 400 }, (_, i) => res('user', `u${i}`)));
    await engine.close();
    // Damage the pages after the header (the file keeps its SQLite header, so only SQLite itself notices).
    const raw = path.join(dir, 'damaged.db');
    await decompressC1z(file, raw);
    const bytes = await fs.readFile(raw);
    bytes.fill(0xa5, 4096 + 16, bytes.length - 100);
    await fs.writeFile(raw, bytes);
    await fs.rm(file);
    await compressC1z(raw, file);
    const err = await expectCode(openEngine(file, testOptions()), 'CORRUPTION');
    expect(err.message).toMatch(/quick_check|malformed|corrupt/i);
  });

  it('refuses a SQLite database whose v1 tables lack needed columns with CORRUPTION', async () => {
    const raw = path.join(dir, 'foreign.db');
    const db = new Database(raw);
    db.exec('CREATE TABLE v1_grants (id integer primary key, data blob)');
    db.close();
    const file = path.join(dir, 'foreign.c1z');
    await compressC1z(raw, file);
    await expectCode(openEngine(file, testOptions()), 'CORRUPTION');
  });

  it('reports an undecodable record on read as CORRUPTION', async () => {
    const file = path.join(dir, 'bad-record.c1z');
    const engine = await openEngine(file, testOptions());
    const syncId = await engine.startNewSync();
    await engine.putResourceTypes([rt('user')]);
    await engine.close();
    await editC1z(file, dir, (db) => {
      db.prepare('UPDATE v1_resource_types SET data = ?').run(Buffer.from([0x0a, 0xff]));
    });
    const reopened = await openEngine(file, testOptions());
    await expectCode(reopened.listResourceTypes({ syncId }), 'CORRUPTION');
    await expectCode(reopened.getResourceType('user', { syncId }), 'CORRUPTION');
    const report = await reopened.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(['corrupt-record']);
    await reopened.close();
  });
});
