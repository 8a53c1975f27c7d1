import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sqliteFactory } from '../../engines/sqlite';
import { writeSynthC1z } from '../../harness/dataset/synth';
import { cli } from '../../harness/cli/test/cli-kit';

describe('synth', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'synth-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the same bytes for the same seed and other bytes for another seed', async () => {
    const a = path.join(dir, 'a.c1z');
    const b = path.join(dir, 'b.c1z');
    const c = path.join(dir, 'c.c1z');
    await writeSynthC1z(a, { grants: 500, syncs: 2, seed: 3 });
    await writeSynthC1z(b, { grants: 500, syncs: 2, seed: 3 });
    await writeSynthC1z(c, { grants: 500, syncs: 2, seed: 4 });
    const [ba, bb, bc] = await Promise.all([readFile(a), readFile(b), readFile(c)]);
    expect(ba.equals(bb)).toBe(true);
    expect(ba.equals(bc)).toBe(false);
  });

  it('writes finished full syncs that differ a little, with resources under parents and assets', async () => {
    const file = path.join(dir, 'f.c1z');
    const r = await writeSynthC1z(file, { grants: 2000, syncs: 3, seed: 1 });
    expect(r.syncs).toBe(3);
    const store = await sqliteFactory.open(file, { clock: () => 0, newSyncId: () => 'x' });
    try {
      const runs = (await store.listSyncRuns({ pageSize: 100 })).items;
      expect(runs.map((s) => [s.syncType, s.endedAt !== undefined])).toEqual([
        ['full', true],
        ['full', true],
        ['full', true],
      ]);
      const stats = await Promise.all(runs.map((s) => store.stats(s.id)));
      expect(stats[0]?.grants).toBe(2000);
      for (const s of stats.slice(1)) {
        expect(s.grants).toBeLessThan(2000);
        expect(s.grants).toBeGreaterThan(1900);
      }
      expect(stats[0]?.assets).toBe(2);
      const roles = await store.listResources({ syncId: runs[0]?.id ?? '', resourceTypeId: 'role', pageSize: 100 });
      expect(roles.items.length).toBeGreaterThan(0);
      expect(roles.items.every((x) => x.record.parentResourceId?.resourceType === 'app')).toBe(true);
      const asset = await store.getAsset('icon', { syncId: runs[0]?.id ?? '' });
      expect(asset.contentType).toBe('image/png');
    } finally {
      await store.close();
    }
  });

  it('is a CLI verb that refuses an existing --out', async () => {
    const file = path.join(dir, 'cli.c1z');
    const first = await cli('synth', '--out', file, '--grants', '100', '--syncs', '2', '--seed', '9');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote .*: 2 syncs, \d+ records/);
    const again = await cli('synth', '--out', file, '--grants', '100');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});
