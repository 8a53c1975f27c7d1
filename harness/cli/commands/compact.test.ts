import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../engines/registry/open-store';
import { cli } from '../test/cli-kit';
import { diskBytes } from './compact';
import { FIXTURE_SYNC, fixtureCopy, type StoreEngine } from './test/maintenance-stores';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-compact-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface CompactJson {
  engine: string;
  diskBytes: { before: number; after: number };
  figures: { before: Record<string, number>; after: Record<string, number> };
}

async function statsOf(store: string, sync: string): Promise<string> {
  const r = await cli('stats', store, '--sync', sync, '--json');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe.each(['sqlite', 'leveldb'] as StoreEngine[])('compact on %s', (engine) => {
  test.each(Object.keys(FIXTURE_SYNC))('%s: sizes are the files’ own, before and after; contents unchanged', async (name) => {
    const store = await fixtureCopy(name, engine, dir);
    const sync = FIXTURE_SYNC[name] as string;
    const stats = await statsOf(store, sync);
    const before = await diskBytes(store);
    const r = await cli('compact', store, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CompactJson;
    expect(out.engine).toBe(engine);
    expect(out.diskBytes).toEqual({ before, after: await diskBytes(store) });
    if (engine === 'sqlite') {
      expect(out.figures.after['freelist_count']).toBe(0);
      expect(out.figures.after['database_bytes']).toBeLessThanOrEqual(out.figures.before['database_bytes']!);
    } else {
      // Everything compacted out of level 0.
      expect(out.figures.after['level0_bytes']).toBe(0);
      expect(Object.entries(out.figures.after).some(([k, v]) => /^level[1-6]_bytes$/.test(k) && v > 0)).toBe(true);
    }
    expect(await statsOf(store, sync)).toBe(stats);
    expect((await cli('verify', store)).code).toBe(0);
  });

  test('space freed by deletions is reclaimed and reported', async () => {
    const store = await fixtureCopy('small-unexpanded.c1z', engine, dir);
    const sync = FIXTURE_SYNC['small-unexpanded.c1z'] as string;
    const original = await diskBytes(store);
    const e = await openStore(store, { clock: () => 1_767_225_600_000_000, newSyncId: () => 'unused' });
    await e.setCurrentSync(sync);
    const ids = (await e.listGrants({ pageSize: 2500 })).items.map((g) => g.record.id);
    for (const id of ids) await e.deleteGrant(id);
    await e.close();
    const before = await diskBytes(store);

    const r = await cli('compact', store);
    expect(r.code).toBe(0);
    const after = await diskBytes(store);
    expect(r.stdout).toContain(`compacted ${store} (${engine})`);
    if (engine === 'sqlite') {
      // A c1z save VACUUMs the copy it compresses (its helper indexes are dropped there), so the session that deleted
      // the grants already gave their space back; compact finds nothing more.
      expect(before).toBeLessThan(original);
      expect(after).toBeLessThanOrEqual(before);
      expect(r.stdout).toContain(`c1z file  ${before} -> ${after} bytes (`);
      expect(r.stdout).not.toMatch(/freelist_count\s+[1-9]/);
    } else {
      expect(after).toBeLessThan(before);
      expect(r.stdout).toContain(`directory  ${before} -> ${after} bytes (-`);
    }
    const left = JSON.parse(await statsOf(store, sync)) as { grants: number };
    expect(left.grants).toBe(2909 - 2500);
  });
});
