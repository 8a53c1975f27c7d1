import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StorageError } from '../../models/contract/errors';
import type { RawRecord } from '../../models/contract/raw';
import { copySyncs } from '../base/transfer';
import { encodeResourceType } from '../../models/codec';
import { collectBytes, copyFixture, drain, editC1z, ent, grant, openEngine, res, rt, sqliteCli, tempDir, testOptions, type TestOptions } from './test/helpers';

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof StorageError ? e.code : `not a StorageError: ${String(e)}`),
  );
}

async function* records(list: readonly RawRecord[]): AsyncIterable<RawRecord> {
  yield* list;
}

describe('sqlite engine whole-sync operations', () => {
  let dir: string;
  let options: TestOptions;
  beforeEach(async () => {
    dir = await tempDir();
    options = testOptions();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('diffs additions only, keeping discovered_at, assets included', async () => {
    const engine = await openEngine(path.join(dir, 'diff.c1z'), options);
    const base = await engine.startNewSync();
    await engine.putResources([res('user', 'u1'), res('user', 'u2')]);
    await engine.endSync();
    options.now += 100;
    const applied = await engine.startNewSync();
    const appliedAt = options.now;
    await engine.putResources([res('user', 'u2'), res('user', 'u3')]);
    await engine.putGrants([grant('g', 'e', 'group', 'g1', 'user', 'u3')]);
    await engine.putAsset('logo', 'image/svg+xml', new Uint8Array([9]));
    await engine.endSync();
    options.now += 100;
    const diff = await engine.generateSyncDiff(base, applied);
    const run = await engine.getSync(diff);
    expect(run).toEqual({ id: diff, startedAt: options.now, endedAt: options.now, syncToken: '', syncType: 'partial', parentSyncId: base });
    const resources = await engine.listResources({ syncId: diff });
    expect(resources.items.map((r) => [r.record.id.resource, r.discoveredAt])).toEqual([['u3', appliedAt]]);
    expect((await engine.listGrants({ syncId: diff })).items).toHaveLength(1);
    expect([...(await collectBytes((await engine.getAsset('logo', { syncId: diff })).data))]).toEqual([9]);
    await engine.close();
  });

  it('clones one finished sync into a new c1z with the same run and records', async () => {
    const engine = await openEngine(path.join(dir, 'source.c1z'), options);
    const first = await engine.startNewSync();
    await engine.putResourceTypes([rt('user')]);
    await engine.endSync();
    options.now += 1;
    const second = await engine.startNewSync();
    await engine.putResources([res('user', 'u1')]);
    await engine.putGrants([grant('g', 'e', 'group', 'x', 'user', 'u1')]);
    await engine.checkpointSync('tok');
    expect(await code(engine.cloneSync(second, path.join(dir, 'early.c1z')))).toBe('FAILED_PRECONDITION');
    await engine.endSync();
    const taken = path.join(dir, 'taken.c1z');
    await fs.writeFile(taken, 'x');
    expect(await code(engine.cloneSync(second, taken))).toBe('INVALID_ARGUMENT');
    expect(await code(engine.cloneSync(second, dir))).toBe('INVALID_ARGUMENT');
    expect(await code(engine.cloneSync(second, path.join(dir, 'source.c1z')))).toBe('INVALID_ARGUMENT');
    const target = path.join(dir, 'clone.c1z');
    await engine.cloneSync('', target);
    const clone = await openEngine(target, testOptions());
    expect(await clone.listSyncRuns()).toEqual({ items: [await engine.getSync(second)], nextPageToken: '' });
    expect(await clone.listGrants({ syncId: second })).toEqual(await engine.listGrants({ syncId: second }));
    expect(await clone.listResources({ syncId: second })).toEqual(await engine.listResources({ syncId: second }));
    expect(await code(clone.getSync(first))).toBe('NOT_FOUND');
    expect(await clone.stats(second)).toEqual(await engine.stats(second));
    await clone.close();
    await engine.close();
  });

  it('keeps newer-schema tables in a clone and deletes connector sessions of cleaned-up syncs', async () => {
    const file = await copyFixture('sync-in-progress.c1z', dir);
    await editC1z(file, dir, (db) => {
      db.prepare("INSERT INTO v1_connector_sessions (sync_id, key, value) VALUES ('3ARefY5G8eOytquwYgm41Nq07IZ', 'k', x'01')").run();
    });
    const engine = await openEngine(file, options);
    await engine.setCurrentSync('3ARefY5G8eOytquwYgm41Nq07IZ');
    await engine.endSync();
    const clone = path.join(dir, 'clone.c1z');
    await engine.cloneSync('3ARefY5G8eOytquwYgm41Nq07IZ', clone);
    expect(sqliteCli(clone, 'SELECT count(*) FROM v1_connector_sessions', dir).trim()).toBe('1');
    expect(sqliteCli(clone, 'SELECT count(*) FROM v1_resources', dir).trim()).toBe('79');
    expect(sqliteCli(clone, "SELECT count(*) FROM pragma_table_info('v1_grants') WHERE name = 'needs_expansion'", dir).trim()).toBe('1');
    for (let i = 0; i < 2; i += 1) {
      options.now += 1;
      await engine.startNewSync();
      await engine.endSync();
    }
    expect(await engine.cleanup({ keep: 2 })).toEqual(['3ARefY5G8eOytquwYgm41Nq07IZ']);
    await engine.close();
    expect(sqliteCli(file, 'SELECT count(*) FROM v1_connector_sessions', dir).trim()).toBe('0');
    expect(sqliteCli(file, 'SELECT count(*) FROM v1_resources', dir).trim()).toBe('0');
    expect(sqliteCli(file, 'SELECT count(*) FROM v1_sync_runs', dir).trim()).toBe('2');
  });

  it('copies syncs through RawStore between two engines, streaming and as stored', async () => {
    const source = await openEngine(await copyFixture('small-unexpanded.c1z', dir), options);
    const target = await openEngine(path.join(dir, 'copy.c1z'), testOptions());
    const result = await copySyncs(source, target);
    expect(result).toEqual({ syncs: 1, records: 4 + 1221 + 342 + 2909 });
    expect(target.dirty).toBe(true);
    const syncId = '36zfOAoWMxQdISbixanQCRBiX7E';
    expect(await target.rawSyncRuns()).toEqual(await source.rawSyncRuns());
    expect(await target.stats(syncId)).toEqual(await source.stats(syncId));
    const pick = async (e: typeof source): Promise<unknown> =>
      drain((t) => e.listGrantsForPrincipal({ syncId, principalId: { resourceType: 'user', resource: 'user-0000007' }, pageToken: t }));
    expect(await pick(target)).toEqual(await pick(source));
    expect((await target.verify()).problems).toEqual([]);
    expect(await code(target.rawLoadSync(await source.getSync(syncId), records([])))).toBe('INVALID_ARGUMENT');
    await source.close();
    await target.close();
  });

  it('loads raw records atomically: an undecodable record is CORRUPTION and leaves nothing behind', async () => {
    const engine = await openEngine(path.join(dir, 'raw.c1z'), options);
    const run = { id: 'raw1', startedAt: 5, endedAt: 6, syncToken: 't', syncType: 'full' as const, parentSyncId: '' };
    const good: RawRecord = { kind: 'resourceType', id: 'user', discoveredAt: 7, data: encodeResourceType(rt('user')) };
    const bad: RawRecord = { kind: 'grant', id: 'g', discoveredAt: 7, data: new Uint8Array([0x0a, 0xff]) };
    expect(await code(engine.rawLoadSync(run, records([good, bad])))).toBe('CORRUPTION');
    expect(await code(engine.getSync('raw1'))).toBe('NOT_FOUND');
    expect(engine.dirty).toBe(false);
    await engine.rawLoadSync(run, records([good, { kind: 'asset', id: 'a', discoveredAt: 8, data: new Uint8Array([1]), contentType: 'x/y' }]));
    const streamed: RawRecord[] = [];
    for await (const r of engine.rawRecords('raw1')) streamed.push(r);
    expect(streamed.map((r) => [r.kind, r.id, r.discoveredAt, r.contentType])).toEqual([
      ['resourceType', 'user', 7, undefined],
      ['asset', 'a', 8, 'x/y'],
    ]);
    expect(await engine.getSync('raw1')).toEqual(run);
    const iterator = engine.rawRecords('nope')[Symbol.asyncIterator]();
    expect(await code(iterator.next())).toBe('NOT_FOUND');
    await engine.close();
  });

  it('verifies: stale extracted columns are problems, dangling references are reported apart', async () => {
    const file = path.join(dir, 'verify.c1z');
    const engine = await openEngine(file, options);
    const syncId = await engine.startNewSync();
    await engine.putResources([res('user', 'u1'), res('group', 'g1')]);
    await engine.putEntitlements([ent('member', 'group', 'g1'), ent('owner', 'group', 'gone')]);
    await engine.putGrants([grant('ok', 'member', 'group', 'g1', 'user', 'u1'), grant('lost', 'nothing', 'group', 'g1', 'user', 'ghost')]);
    const clean = await engine.verify();
    expect(clean.ok).toBe(true);
    expect(clean.recordsChecked).toBe(6);
    expect(clean.dangling.map((d) => d.detail).sort()).toEqual([
      'entitlement resource: owner -> group:gone',
      'grant entitlement: lost -> nothing',
      'grant principal: lost -> user:ghost',
    ]);
    expect(clean.dangling.every((d) => d.kind === 'dangling-reference' && d.syncId === syncId)).toBe(true);
    await engine.close();
    await editC1z(file, dir, (db) => {
      db.prepare("UPDATE v1_grants SET principal_resource_id = 'u2' WHERE external_id = 'ok'").run();
    });
    const reopened = await openEngine(file, options);
    const report = await reopened.verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { kind: 'stale-index', syncId, detail: expect.stringContaining('principal_resource_id') as unknown as string },
    ]);
    await reopened.close();
  });
});
