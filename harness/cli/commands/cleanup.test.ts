import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../test/cli-kit';
import { diskBytes } from './compact';
import { FIXTURE_SYNC, fixtureCopy, manySyncs, type StoreEngine } from './test/maintenance-stores';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-cleanup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(['sqlite', 'leveldb'] as StoreEngine[])('cleanup on %s', (engine) => {
  test('--keep 1 deletes the older full syncs, prints them, and the store shrinks', async () => {
    const { location } = await manySyncs(3, engine, dir);
    const before = await diskBytes(location);
    const r = await cli('cleanup', location, '--keep', '1', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { deleted: { id: string; type: string; endedAt: string }[]; kept: number; diskBytes: { before: number; after: number } };
    expect(out.deleted.map((d) => d.id)).toEqual(['full-1', 'full-2']);
    expect(out.deleted[0]).toMatchObject({ type: 'full', endedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/) as unknown });
    expect(out.kept).toBe(1);
    const after = await diskBytes(location);
    expect(out.diskBytes).toEqual({ before, after });
    // Two of three copies of the same records went.
    expect(after).toBeLessThan(before * 0.6);
    const syncs = JSON.parse((await cli('syncs', location, '--json')).stdout) as { id: string }[];
    expect(syncs.map((s) => s.id)).toEqual(['full-3']);
    expect((await cli('verify', location)).code).toBe(0);
  });

  test('text output names what went; the default keeps two', async () => {
    const { location } = await manySyncs(3, engine, dir);
    const r = await cli('cleanup', location);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`deleted 1 of 3 syncs from ${location} (${engine}), keep 2:`);
    expect(lines[1]).toMatch(/^id\s+type\s+startedAt\s+endedAt/);
    expect(lines[2]).toMatch(/^full-1\s+full\s/);
    expect(lines[3]).toMatch(/^on disk \d+ -> \d+ bytes \(-\d+\.\d%\)$/);
    expect(lines).toHaveLength(4);
  });

  test.each(Object.keys(FIXTURE_SYNC))('%s: an unfinished sync is never deleted', async (name) => {
    const store = await fixtureCopy(name, engine, dir);
    const r = await cli('cleanup', store, '--keep', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`nothing to delete in ${store} (${engine}): 0 finished full syncs, keep 1; 1 unfinished (never deleted)`);
    const syncs = JSON.parse((await cli('syncs', store, '--json')).stdout) as { id: string }[];
    expect(syncs.map((s) => s.id)).toEqual([FIXTURE_SYNC[name]]);
  });
});

test('--keep must be a whole number of at least 1', async () => {
  const store = await fixtureCopy('sync-in-progress.c1z', 'sqlite', dir);
  const r = await cli('cleanup', store, '--keep', '0');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--keep must be a whole number >= 1');
});
